import type { AppOrigin } from './AppOrigin'
import type { SessionPort } from './ports'

/**
 * The renderer's Content-Security-Policy. Never 'unsafe-eval'; 'wasm-unsafe-eval' is only the
 * permission to compile WebAssembly (Automerge). With the dev server, Vite's React refresh needs
 * an inline script and a WebSocket back to the server; those two grants exist only in dev.
 */
export function electronContentSecurityPolicy(appOrigin: AppOrigin): string {
  const dev = appOrigin.source.kind === 'dev-server'
  const devServerSocket = dev ? ` ${appOrigin.origin.replace(/^http/, 'ws')}` : ''
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${dev ? " 'unsafe-inline'" : ''}`,
    `connect-src 'self'${devServerSocket}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
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
