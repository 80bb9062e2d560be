import type { MessagePortMainLike } from './ports'

type MessageListener = (event: { data: unknown }) => void

/**
 * Makes Electron's MessagePortMain (a Node EventEmitter) look like the DOM MessagePort that
 * automerge-repo's MessageChannelNetworkAdapter expects: addEventListener('message'),
 * postMessage(message, transfer), start(), close().
 */
export class MessagePortMainAdapter {
  private readonly listeners = new Set<MessageListener>()
  private readonly closeListeners = new Set<() => void>()

  constructor(private readonly port: MessagePortMainLike) {
    port.on('message', (event) => {
      for (const listener of this.listeners) listener({ data: event.data })
    })
    port.on('close', () => {
      for (const listener of this.closeListeners) listener()
    })
  }

  addEventListener(type: string, listener: MessageListener | (() => void)): void {
    if (type === 'message') this.listeners.add(listener as MessageListener)
    else if (type === 'close') this.closeListeners.add(listener as () => void)
  }

  removeEventListener(type: string, listener: MessageListener | (() => void)): void {
    if (type === 'message') this.listeners.delete(listener as MessageListener)
    else if (type === 'close') this.closeListeners.delete(listener as () => void)
  }

  /**
   * MessagePortMain can transfer only other MessagePortMains; the adapter lists the ArrayBuffer of
   * each sync message as transferable, which would throw. Such buffers are copied by the structured
   * clone instead, so they are left out of the transfer list.
   */
  postMessage(message: unknown, transfer?: readonly unknown[]): void {
    const ports = (transfer ?? []).filter((item): item is MessagePortMainLike => !(item instanceof ArrayBuffer) && isPortLike(item))
    this.port.postMessage(message, ports)
  }

  start(): void {
    this.port.start()
  }

  close(): void {
    this.port.close()
  }
}

function isPortLike(item: unknown): boolean {
  return typeof item === 'object' && item !== null && typeof (item as { postMessage?: unknown }).postMessage === 'function'
}
