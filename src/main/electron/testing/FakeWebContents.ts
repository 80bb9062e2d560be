import type { MessagePortMainLike, PreventableEvent, WebContentsPort } from '../ports'

type Listener = (...args: never[]) => void

/** A web contents that records what the shell did to it and lets a test fire its events. */
export class FakeWebContents implements WebContentsPort {
  private static nextId = 1
  readonly id = FakeWebContents.nextId++
  readonly sent: Array<{ channel: string; message: unknown }> = []
  readonly posted: Array<{ channel: string; message: unknown; transfer: MessagePortMainLike[] }> = []
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined
  destroyed = false
  private readonly listeners = new Map<string, Listener[]>()

  on(event: string, listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler
  }

  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message })
  }

  postMessage(channel: string, message: unknown, transfer: MessagePortMainLike[]): void {
    this.posted.push({ channel, message, transfer })
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0
  }

  /** Fires a navigation-like event; returns whether some listener prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false
    const preventable: PreventableEvent = { preventDefault: () => (prevented = true) }
    for (const listener of this.listeners.get(event) ?? []) (listener as (e: PreventableEvent, url: string) => void)(preventable, url)
    return prevented
  }

  attachWebview(): boolean {
    let prevented = false
    for (const listener of this.listeners.get('will-attach-webview') ?? [])
      (listener as (e: PreventableEvent) => void)({ preventDefault: () => (prevented = true) })
    return prevented
  }

  emit(event: 'did-finish-load' | 'destroyed'): void {
    if (event === 'destroyed') this.destroyed = true
    for (const listener of this.listeners.get(event) ?? []) (listener as () => void)()
  }
}
