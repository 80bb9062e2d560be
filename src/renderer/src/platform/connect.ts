import { Repo } from '@automerge/automerge-repo'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import { BrowserWebSocketClientAdapter } from '@automerge/automerge-repo-network-websocket'
import { createApiClient, type ApiClient } from '@shared/api/ApiClient'
import { wirePaths } from '@shared/api/wire'
import { createElectronTransport, electronBridge, waitForRepoPort } from './electronBridge'
import { createRpcSocket, type ConnectionStatus } from './rpcSocket'

export type Shell = 'electron' | 'serve'

/** Everything the UI needs from the shell it runs in. */
export interface Platform {
  shell: Shell
  api: ApiClient
  /** In memory only: the core persists; this Repo syncs with the core's. */
  repo: Repo
  /** Live connection state (Electron IPC is always 'open'). */
  connection: {
    status(): ConnectionStatus
    onStatus(listener: (status: ConnectionStatus) => void): () => void
  }
}

export function detectShell(): Shell {
  return electronBridge() ? 'electron' : 'serve'
}

function sameOriginSocketUrl(path: string): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${window.location.host}${path}`
}

const alwaysOpen = { status: (): ConnectionStatus => 'open', onStatus: () => () => undefined }

/** Connects to the core: IPC + MessagePort in Electron, two same-origin WebSockets in serve. */
export async function connectPlatform(): Promise<Platform> {
  const bridge = electronBridge()
  if (bridge) {
    const port = await waitForRepoPort()
    const repo = new Repo({ network: [new MessageChannelNetworkAdapter(port)] })
    return { shell: 'electron', api: createApiClient(createElectronTransport(bridge)), repo, connection: alwaysOpen }
  }
  // serve: the session cookie set by the tokenised URL authenticates both sockets; we send nothing extra.
  const rpc = createRpcSocket({ url: sameOriginSocketUrl(wirePaths.rpc) })
  const repo = new Repo({ network: [new BrowserWebSocketClientAdapter(sameOriginSocketUrl(wirePaths.sync))] })
  return { shell: 'serve', api: createApiClient(rpc), repo, connection: rpc }
}
