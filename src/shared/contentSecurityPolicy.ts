/**
 * The renderer's Content-Security-Policy, one definition for both shells. Never 'unsafe-eval';
 * 'wasm-unsafe-eval' is only the permission to compile WebAssembly (Automerge). Mantine sets
 * inline style attributes and injects <style> tags, hence 'unsafe-inline' for styles only.
 * Remote https images are allowed for feed items whose images the teacher chose to load (the
 * core sends image blocks only then, and the page renders them itself, never feed markup).
 */
export function contentSecurityPolicy(options: {
  /** Beyond 'self': e.g. the serve WebSockets (ws: is not covered by 'self' in every browser). */
  connectSources?: readonly string[]
  /** Only for a development server whose hot reload injects an inline script. */
  allowInlineScripts?: boolean
}): string {
  const connect = ["'self'", ...(options.connectSources ?? [])].join(' ')
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${options.allowInlineScripts ? " 'unsafe-inline'" : ''}`,
    `connect-src ${connect}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}
