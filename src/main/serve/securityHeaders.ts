/** The Content-Security-Policy for the renderer served on loopback; strict, with only what the app needs. */
export function serveContentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    // Automerge is WebAssembly; compiling it needs 'wasm-unsafe-eval' (not 'unsafe-eval').
    "script-src 'self' 'wasm-unsafe-eval'",
    // The two WebSockets; 'self' alone does not cover ws: in every browser.
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    // Mantine sets inline style attributes and injects <style> tags.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
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
