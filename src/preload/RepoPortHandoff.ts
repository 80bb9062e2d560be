import { repoPortMessageType, repoPortRequestMessageType } from '@shared/api/wire'

/** The page's window as the preload sees it (the preload is built without DOM types). */
export interface PageWindow {
  readonly location: { readonly origin: string }
  postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void
  addEventListener(type: 'message', listener: (event: { data: unknown; source: unknown; origin: string }) => void): void
}

/**
 * Hands the renderer its repo MessagePort. A port can be transferred only once, and it may arrive
 * from the main process before or after the page starts listening; so the port is held until the
 * page asks for it (`repoPortRequestMessageType`), then posted to the page's own window.
 */
export class RepoPortHandoff {
  private port: unknown
  private pageIsWaiting = false

  constructor(private readonly page: PageWindow) {
    page.addEventListener('message', (event) => {
      if (event.source !== page || event.origin !== page.location.origin) return
      if ((event.data as { type?: unknown } | null)?.type !== repoPortRequestMessageType) return
      this.pageIsWaiting = true
      this.handOver()
    })
  }

  /** A port from the main process (one per page load). */
  receivePort(port: unknown): void {
    if (!port) return
    this.port = port
    this.handOver()
  }

  private handOver(): void {
    if (!this.pageIsWaiting || !this.port) return
    const port = this.port
    this.port = undefined
    this.pageIsWaiting = false
    this.page.postMessage({ type: repoPortMessageType }, targetOriginOf(this.page), [port])
  }
}

/**
 * The page's own origin, so the port can only land in our document. An opaque origin ("null",
 * file://) cannot be named; then '*' is the only value postMessage accepts, and since the message
 * goes to this very window, which cannot navigate away from the app, it still stays with us.
 */
export function targetOriginOf(page: PageWindow): string {
  const origin = page.location.origin
  return origin === 'null' || origin === 'file://' || origin === '' ? '*' : origin
}
