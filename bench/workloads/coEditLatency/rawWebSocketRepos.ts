import type { AddressInfo } from 'node:net'
import { Repo } from '@automerge/automerge-repo'
import { WebSocketClientAdapter, WebSocketServerAdapter } from '@automerge/automerge-repo-network-websocket'
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs'
import { WebSocketServer } from 'ws'

/**
 * The baseline the issue compares our sync against: stock automerge-repo, a server Repo with
 * WebSocketServerAdapter and a client Repo with WebSocketClientAdapter over plain ws:// on
 * 127.0.0.1, each persisting with the stock NodeFS adapter (our cores persist too, to SQLite).
 * No TLS, no access control: everything is shared with everyone (the default share policy).
 */
export interface RawServer {
  repo: Repo
  url: string
  close: () => Promise<void>
}

/** A Repo listening for WebSocket clients on 127.0.0.1 (any free port); storage in `storageDir` if given. */
export async function rawServer(storageDir?: string, repo?: Repo): Promise<RawServer> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve)
    wss.once('error', reject)
  })
  // The adapter is typed against its own copy of isomorphic-ws; the server is the same ws class.
  const adapter = new WebSocketServerAdapter(wss as unknown as ConstructorParameters<typeof WebSocketServerAdapter>[0])
  const served = repo ?? new Repo({ storage: storageDir ? new NodeFSStorageAdapter(storageDir) : undefined, network: [] })
  served.networkSubsystem.addNetworkAdapter(adapter)
  const port = (wss.address() as AddressInfo).port
  return {
    repo: served,
    url: `ws://127.0.0.1:${port}`,
    close: async () => {
      await closeRepo(served)
      for (const client of wss.clients) client.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    },
  }
}

/** A Repo that dials `url`, persisting to the stock NodeFS adapter in `storageDir`. */
export function rawClient(url: string, storageDir: string): { repo: Repo; close: () => Promise<void> } {
  const repo = new Repo({ storage: new NodeFSStorageAdapter(storageDir), network: [new WebSocketClientAdapter(url)] })
  return { repo, close: () => closeRepo(repo) }
}

/**
 * Repo.shutdown() flushes every handle and throws on one that never became ready (a document
 * still being requested), so: flush the ready ones, then disconnect, as our core's shutdown does.
 */
export async function closeRepo(repo: Repo): Promise<void> {
  const ready = Object.values(repo.handles).filter((h) => h.isReady()).map((h) => h.documentId)
  await repo.flush(ready)
  for (const adapter of repo.networkSubsystem.adapters) adapter.disconnect()
}
