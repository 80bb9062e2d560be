import type { DocHandle, Repo } from '@automerge/automerge-repo'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import type { Dashboard } from '../dashboard/Dashboard'
import type { EventHub } from '../events/EventHub'
import type { FeedService } from '../feeds/FeedService'
import type { NoteIndexer } from '../index/NoteIndexer'
import type { NotesIndex } from '../index/NotesIndex'
import type { NetworkServices } from '../network/NetworkServices'
import type { MetaStore } from '../storage/MetaStore'
import type { SqliteStorageAdapter } from '../storage/SqliteStorageAdapter'
import type { SpaceSeen } from '../spaces/SpaceSeen'
import type { CoreSync } from '../sync/CoreSync'

/** What the handlers work with; built once by createCore. */
export interface CoreContext {
  repo: Repo
  workspace: DocHandle<WorkspaceDoc>
  storage: SqliteStorageAdapter
  /** Small named values of the profile (the workspace URL). */
  meta: MetaStore
  notesIndex: NotesIndex
  indexer: NoteIndexer
  network: NetworkServices
  /** Identity, trusted devices, shared documents, peer links and invites. */
  sync: CoreSync
  /** What this device last saw of each shared space (unread markers). */
  spaceSeen: SpaceSeen
  /** Push events to the UIs (progress of imports and other long work). */
  events: EventHub
  /** Fetches followed feeds into the feed cache. */
  feeds: FeedService
  /** The reflection dashboard's figures and the space activity they read. */
  dashboard: Dashboard
}
