import { contentSecurityPolicy } from '@shared/contentSecurityPolicy'
import type { AppOrigin } from './AppOrigin'
import type { SessionPort } from './ports'

/**
 * The desktop renderer's policy. With the dev server, Vite's React refresh needs an inline script
 * and a WebSocket back to the server; those two grants exist only in dev.
 */
export function electronContentSecurityPolicy(appOrigin: AppOrigin): string {
  const dev = appOrigin.source.kind === 'dev-server'
  return contentSecurityPolicy({
    connectSources: dev ? [appOrigin.origin.replace(/^http/, 'ws')] : [],
    allowInlineScripts: dev,
  })
}

/**
 * Adds the CSP header to every document the app loads over http(s) (the dev server); the bundle's
 * own protocol handler sets it itself. Any CSP the response already had is replaced, not merged.
 */
export function installContentSecurityPolicy(session: SessionPort, appOrigin: AppOrigin): void {
  const policy = electronContentSecurityPolicy(appOrigin)
  session.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    )
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } })
  })
}

/** Copying to the clipboard from a button is the one browser permission the app uses. */
const grantedPermissions = new Set(['clipboard-sanitized-write'])

/** Every other permission (camera, microphone, notifications, geolocation…) is refused. */
export function restrictPermissions(session: SessionPort): void {
  session.setPermissionRequestHandler((permission, callback) => callback(grantedPermissions.has(permission)))
  session.setPermissionCheckHandler((permission) => grantedPermissions.has(permission))
}
