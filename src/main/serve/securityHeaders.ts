import { contentSecurityPolicy } from '@shared/contentSecurityPolicy'

/** The policy for the renderer served on loopback: the two WebSockets are its only extra sources. */
export function serveContentSecurityPolicy(port: number): string {
  return contentSecurityPolicy({ connectSources: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] })
}

/** Headers on every response. */
export const commonSecurityHeaders: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/** Headers on HTML documents. */
export function htmlSecurityHeaders(port: number): Record<string, string> {
  return {
    ...commonSecurityHeaders,
    'Content-Security-Policy': serveContentSecurityPolicy(port),
    'X-Frame-Options': 'DENY',
  }
}
