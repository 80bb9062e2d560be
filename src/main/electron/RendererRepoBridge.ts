import type { Core } from '../core/Core'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import { ipcChannels } from '@shared/api/wire'
import { MessagePortMainAdapter } from './MessagePortMainAdapter'
import type { MessageChannelFactory, WebContentsPort } from './ports'

/**
 * Connects the renderer's in-memory Repo to the core's Repo over a MessageChannelMain: port1 stays
 * in the main process behind a MessageChannelNetworkAdapter, port2 goes to the preload, which hands
 * it to the page. Each page load (first load, reload) gets a fresh channel; the old one is closed.
 */
export class RendererRepoBridge {
  private current: { adapter: MessageChannelNetworkAdapter; port: MessagePortMainAdapter } | undefined

  constructor(
    private readonly core: Pick<Core, 'connectLocalUi' | 'disconnectLocalUi'>,
    private readonly channels: MessageChannelFactory,
  ) {}

  attach(contents: WebContentsPort): void {
    // After the load the page's scripts have run, so its listener for the port is in place.
    contents.on('did-finish-load', () => this.connect(contents))
    contents.on('destroyed', () => this.disconnect())
  }

  get connected(): boolean {
    return this.current !== undefined
  }

  connect(contents: WebContentsPort): void {
    this.disconnect()
    if (contents.isDestroyed()) return
    const { port1, port2 } = this.channels.create()
    const port = new MessagePortMainAdapter(port1)
    // The adapter's constructor is typed for a DOM MessagePort; it uses only what the wrapper provides.
    const adapter = new MessageChannelNetworkAdapter(port as unknown as ConstructorParameters<typeof MessageChannelNetworkAdapter>[0])
    this.core.connectLocalUi(adapter)
    this.current = { adapter, port }
    contents.postMessage(ipcChannels.repoPort, null, [port2])
  }

  disconnect(): void {
    if (!this.current) return
    const { adapter, port } = this.current
    this.current = undefined
    this.core.disconnectLocalUi(adapter)
    port.close()
  }
}
