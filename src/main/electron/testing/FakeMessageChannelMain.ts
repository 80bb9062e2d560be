import { MessageChannel, type MessagePort } from 'node:worker_threads'
import type { MessageChannelFactory, MessagePortMainLike } from '../ports'

/**
 * Behaves like Electron's MessagePortMain where it matters here: events carry `{ data }`, messages
 * wait until start(), and only ports may be transferred (anything else throws, as in Electron).
 * Built on a real Node MessageChannel, so the other end can be handed to DOM-style code.
 */
export class FakeMessagePortMain implements MessagePortMainLike {
  private readonly messageListeners: Array<(event: { data: unknown }) => void> = []
  private started = false

  constructor(readonly nodePort: MessagePort) {}

  on(event: 'message' | 'close', listener: ((event: { data: unknown }) => void) | (() => void)): this {
    if (event === 'message') this.messageListeners.push(listener as (event: { data: unknown }) => void)
    else this.nodePort.on('close', listener as () => void)
    return this
  }

  postMessage(message: unknown, transfer: MessagePortMainLike[] = []): void {
    if (transfer.some((item) => !(item instanceof FakeMessagePortMain))) throw new TypeError('Port at index 0 is not a valid port')
    this.nodePort.postMessage(message, (transfer as FakeMessagePortMain[]).map((port) => port.nodePort))
  }

  start(): void {
    if (this.started) return
    this.started = true
    this.nodePort.on('message', (data: unknown) => {
      for (const listener of this.messageListeners) listener({ data })
    })
  }

  close(): void {
    this.nodePort.close()
  }
}

export class FakeMessageChannelFactory implements MessageChannelFactory {
  readonly created: Array<{ port1: FakeMessagePortMain; port2: FakeMessagePortMain }> = []

  create(): { port1: FakeMessagePortMain; port2: FakeMessagePortMain } {
    const channel = new MessageChannel()
    const pair = { port1: new FakeMessagePortMain(channel.port1), port2: new FakeMessagePortMain(channel.port2) }
    this.created.push(pair)
    return pair
  }
}
