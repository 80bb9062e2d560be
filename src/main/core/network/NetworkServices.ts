import type { DocHandle, Repo } from '@automerge/automerge-repo'
import type { Database } from 'better-sqlite3'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { CommunitiesQueries } from '../index/network/CommunitiesQueries'
import { ContactsQueries } from '../index/network/ContactsQueries'
import { EventsQueries } from '../index/network/EventsQueries'
import { GoalsQueries } from '../index/network/GoalsQueries'
import { InteractionsQueries } from '../index/network/InteractionsQueries'
import { JournalQueries } from '../index/network/JournalQueries'
import { CheckInsQueries } from '../index/network/CheckInsQueries'
import { FeedsQueries } from '../index/network/FeedsQueries'
import { ReadingQueries } from '../index/network/ReadingQueries'
import { ResourcesQueries } from '../index/network/ResourcesQueries'
import { NetworkIndexer, type IndexChange } from '../index/network/NetworkIndexer'
import { NetworkIndexWriter } from '../index/network/NetworkIndexWriter'
import { RecordSearch } from '../index/network/RecordSearch'
import { RecordStore } from './RecordStore'
import type { StorageHealth } from '../storage/StorageHealth'
import { UndoLog } from './UndoLog'

/** The learning network's documents, index and queries, as the handlers use them. */
export interface NetworkServices {
  store: RecordStore
  writer: NetworkIndexWriter
  indexer: NetworkIndexer
  contacts: ContactsQueries
  interactions: InteractionsQueries
  communities: CommunitiesQueries
  events: EventsQueries
  goals: GoalsQueries
  journal: JournalQueries
  reading: ReadingQueries
  resources: ResourcesQueries
  feeds: FeedsQueries
  checkIns: CheckInsQueries
  search: RecordSearch
  undo: UndoLog
}

export function createNetworkServices(
  db: Database,
  repo: Repo,
  workspace: DocHandle<WorkspaceDoc>,
  onIndexChanged: (change: IndexChange) => void,
  health?: StorageHealth,
): NetworkServices {
  const store = new RecordStore(repo, workspace)
  const writer = new NetworkIndexWriter(db)
  return {
    store,
    writer,
    indexer: new NetworkIndexer(repo, writer, store, workspace, onIndexChanged, { health }),
    contacts: new ContactsQueries(db),
    interactions: new InteractionsQueries(db),
    communities: new CommunitiesQueries(db),
    events: new EventsQueries(db),
    goals: new GoalsQueries(db),
    journal: new JournalQueries(db),
    reading: new ReadingQueries(db),
    resources: new ResourcesQueries(db),
    feeds: new FeedsQueries(db),
    checkIns: new CheckInsQueries(db),
    search: new RecordSearch(db),
    undo: new UndoLog(),
  }
}
