/** Where the renderer comes from: the built bundle behind our own scheme, or the Vite dev server. */
export type RendererSource = { kind: 'bundle' } | { kind: 'dev-server'; url: string }

/**
 * The app's own origin, and the one test of "is this URL ours?" used by navigation blocking and
 * the IPC sender check.
 *
 * The bundle is served as app://staffroom/ (a privileged standard scheme) rather than file://:
 * file:// pages may read any local file and share one origin, and the CSP can then be sent as a
 * real response header (Electron's security checklist, "use a custom protocol").
 */
export class AppOrigin {
  static readonly scheme = 'app'
  static readonly host = 'staffroom'

  constructor(readonly source: RendererSource) {}

  get startUrl(): string {
    return this.source.kind === 'dev-server' ? this.source.url : `${AppOrigin.scheme}://${AppOrigin.host}/index.html`
  }

  /** The serialised origin, as `location.origin` reports it in the page. */
  get origin(): string {
    return this.source.kind === 'dev-server' ? new URL(this.source.url).origin : `${AppOrigin.scheme}://${AppOrigin.host}`
  }

  isOwnUrl(url: string): boolean {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return false
    }
    if (parsed.username || parsed.password) return false
    if (this.source.kind === 'dev-server') return parsed.origin === new URL(this.source.url).origin
    // Node's URL gives non-special schemes an opaque "null" origin, so compare the parts.
    return parsed.protocol === `${AppOrigin.scheme}:` && parsed.host === AppOrigin.host
  }
}
