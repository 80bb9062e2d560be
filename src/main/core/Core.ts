import type { NetworkAdapterInterface, Repo } from '@automerge/automerge-repo'
import type { ApiHandlers, EventMessage, ProfileStats } from '@shared/api'
import type { RpcResult } from '@shared/errors'
import type { FeedFetcherOptions } from './feeds/fetch/feedFetchTypes'
import type { CoreSync } from './sync/CoreSync'
import type { SecretBox } from './sync/SecretBox'

export interface CoreOptions {
  /** The profile folder; holds staffroom.sqlite. */
  dataDir: string
  /** Which shell runs the core (reported by system.info). */
  shell?: 'electron' | 'serve' | 'node'
  /** Path to a better-sqlite3 native module built for another ABI (Electron). */
  nativeBinding?: string
  /** Seals the device's private key at rest (the OS keychain in the desktop shell); plain otherwise. */
  secretBox?: SecretBox
  /** Put in the device certificate made on first run, for people reading it. */
  deviceName?: string
  /** Limits of the feed fetcher (tests lower the timeouts, or add a test CA). */
  feedFetch?: FeedFetcherOptions
}

export interface ReindexProgress {
  done: number
  total: number
}

/** The Electron-free core: one profile, one SQLite file, one Repo. Shells wrap it. */
export interface Core {
  readonly dataDir: string
  readonly repo: Repo
  readonly workspaceUrl: string
  /** This device's identity, the devices it trusts, what it shares with whom, and the peer links. */
  readonly sync: CoreSync
  /** Connects one of this device's own UIs (renderer over IPC, serve's /sync): its peers may sync everything. */
  connectLocalUi(adapter: NetworkAdapterInterface): void
  disconnectLocalUi(adapter: NetworkAdapterInterface): void
  readonly handlers: ApiHandlers
  /** Validates args with zod and runs the handler; never throws, always an envelope. */
  dispatch(method: string, args: unknown): Promise<RpcResult<unknown>>
  onEvent(listener: (message: EventMessage) => void): () => void
  /** Rebuilds the index from the documents. */
  reindex(onProgress?: (p: ReindexProgress) => void): Promise<{ documents: number }>
  stats(): ProfileStats
  /** Flushes pending saves and closes the database. Idempotent. */
  shutdown(): Promise<void>
}
