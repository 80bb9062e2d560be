import { readFile } from 'node:fs/promises'
import { StaticFiles } from '../serve/StaticFiles'
import { AppOrigin } from './AppOrigin'
import { electronContentSecurityPolicy } from './contentSecurityPolicy'
import type { ProtocolPort } from './ports'

/** Privileges of app://: a standard, secure origin that may use fetch and stream media; nothing more. */
export const appSchemePrivileges = { standard: true, secure: true, supportFetchAPI: true, stream: true } as const

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(protocol: ProtocolPort): void {
  protocol.registerSchemesAsPrivileged([{ scheme: AppOrigin.scheme, privileges: { ...appSchemePrivileges } }])
}

/**
 * Serves the built renderer as app://staffroom/…, with the same folder confinement and
 * single-page-app fallback as `serve`, and the CSP as a real header on HTML.
 */
export function createRendererRequestHandler(rendererDir: string, appOrigin: AppOrigin): (request: { url: string; method: string }) => Promise<Response> {
  const files = new StaticFiles(rendererDir)
  const policy = electronContentSecurityPolicy(appOrigin)
  return async (request) => {
    const url = new URL(request.url)
    if (url.host !== AppOrigin.host) return text(404, 'Unknown app host.')
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Only GET and HEAD are served.')
    const found = await files.lookup(url.pathname)
    if (found.kind === 'refused') return text(403, found.reason)
    if (found.kind === 'not-found') return text(404, `Not found: ${url.pathname}`)
    const headers: Record<string, string> = {
      'Content-Type': found.contentType,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    }
    if (found.isHtml) headers['Content-Security-Policy'] = policy
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(found.filePath))
    return new Response(body, { status: 200, headers })
  }
}

export function installRendererProtocol(protocol: ProtocolPort, rendererDir: string, appOrigin: AppOrigin): void {
  protocol.handle(AppOrigin.scheme, createRendererRequestHandler(rendererDir, appOrigin))
}

function text(status: number, body: string): Response {
  return new Response(body + '\n', { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } })
}
