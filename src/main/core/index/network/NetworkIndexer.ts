import * as A from '@automerge/automerge'
import type { DocHandle, DocumentId, Repo, RepoEvents } from '@automerge/automerge-repo'
import type { IndexKind } from '@shared/api'
import type { CollectionDoc } from '@shared/network/CollectionDoc'
import type { RecordKind } from '@shared/network/records'
import { normaliseTag } from '@shared/notes/tags'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { Coalescer } from '../../events/Coalescer'
import type { RecordStore } from '../../network/RecordStore'
import { isDiskFull } from '../../storage/diskFull'
import type { StorageHealth } from '../../storage/StorageHealth'
import { workspaceCollections } from '../../workspace/workspaceCollections'
import type { NetworkIndexWriter } from './NetworkIndexWriter'
import { projectRecord, readRecord } from './projectRecord'
import { WatchedHandles } from '../WatchedHandles'

const indexKindOf: Record<RecordKind, IndexKind> = {
  contact: 'contacts',
  interaction: 'interactions',
  community: 'communities',
  event: 'events',
  goal: 'goals',
  journal: 'journal',
  resource: 'resources',
  reading: 'reading',
  feed: 'feeds',
  checkin: 'checkins',
}

export type IndexChange = { kinds: IndexKind[]; ids: string[] }

/**
 * Keeps the network index in step with the collection documents, whoever changes them (this
 * core, the renderer, another device), as NoteIndexer does for notes. A change is projected by
 * diffing the collection from the state last indexed, so one edited record costs one row, not
 * a re-read of the shard.
 */
export class NetworkIndexer {
  private readonly watched: WatchedHandles
  private readonly projections: Coalescer<string>
  private readonly stopListening: Array<() => void> = []
  private pendingKinds = new Set<IndexKind>()
  private readonly changes: Coalescer<string>
  private stopped = false
  private readonly health: StorageHealth | undefined
  /** A handler is waiting on this projection: a failure is its answer too (dispatch says "disk full"). */
  private flushingForHandler = false

  constructor(
    private readonly repo: Repo,
    private readonly writer: NetworkIndexWriter,
    private readonly store: RecordStore,
    private readonly workspace: DocHandle<WorkspaceDoc>,
    private readonly onIndexChanged: (change: IndexChange) => void,
    /** `health`: where a projection that failed on a full disk is reported and retried; without it, it throws. */
    options: { projectDelayMs?: number; eventDelayMs?: number; health?: StorageHealth } = {},
  ) {
    this.health = options.health
    this.projections = new Coalescer(options.projectDelayMs ?? 30, (ids) => this.projectPending(ids))
    this.watched = new WatchedHandles((id) => this.projections.add(id))
    this.changes = new Coalescer(options.eventDelayMs ?? 50, (ids) => {
      const kinds = [...this.pendingKinds]
      this.pendingKinds = new Set()
      this.onIndexChanged({ kinds, ids })
    })
  }

  async start(): Promise<void> {
    const onDocMetrics = (metrics: Parameters<RepoEvents['doc-metrics']>[0]) => {
      // automerge-repo 2.5 never emits 'document'; loads and syncs show up in these metrics.
      if ('documentId' in metrics) this.watchIfCollection(metrics.documentId)
    }
    const onWorkspaceChange = () => void this.reconcile().catch((error: unknown) => this.onWriteFailed(error))
    this.repo.on('doc-metrics', onDocMetrics)
    this.workspace.on('change', onWorkspaceChange)
    this.stopListening.push(
      () => this.repo.off('doc-metrics', onDocMetrics),
      () => this.workspace.off('change', onWorkspaceChange),
    )
    await this.reconcile()
  }

  stop(): void {
    if (this.stopped) return
    this.projections.flush()
    this.stopped = true
    for (const stop of this.stopListening.splice(0)) stop()
    this.watched.clear()
    this.changes.flush()
  }

  /** Projects pending changes now, for handlers that answer from the index right after a write. */
  flushPending(): void {
    for (const id of this.behindIds()) this.projections.add(id)
    this.flushingForHandler = true
    try {
      this.projections.flush()
    } finally {
      this.flushingForHandler = false
    }
  }

  /**
   * Projects the settings and every watched collection whose rows are behind it: after a full
   * disk refused projections. True when done, false while the disk is still full.
   */
  catchUp(): boolean {
    if (this.stopped) return true
    try {
      this.projectSettings()
      this.projectNow(this.behindIds())
      return true
    } catch (error) {
      if (isDiskFull(error)) return false
      throw error
    }
  }

  private behindIds(): string[] {
    return [...this.watched.ids()].filter((id) => {
      const handle = this.repo.handles[id as DocumentId] as DocHandle<CollectionDoc> | undefined
      return handle?.isReady() && this.writer.headsOf(id)?.join() !== sortedHeads(handle.doc()).join()
    })
  }

  private onWriteFailed(error: unknown): void {
    if (this.health?.failed('network index', error, () => this.catchUp())) return
    throw error
  }

  /** Drops the network index and projects every collection again; returns the number of documents read. */
  async rebuild(onProgress?: (p: { done: number; total: number }) => void): Promise<number> {
    const handles = await this.store.loadCollections()
    const settings = this.cadenceSettings()
    this.writer.transaction(() => {
      this.writer.clear()
      this.writer.setCadenceSettings(settings.defaultDays, settings.tags)
      let done = 0
      for (const handle of handles) {
        this.watch(handle)
        this.projectAll(handle)
        onProgress?.({ done: ++done, total: handles.length })
      }
      this.writer.refreshContacts('all')
    })
    this.onIndexChanged({ kinds: Object.values(indexKindOf), ids: [] })
    return handles.length
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return
    this.projectSettings()
    for (const entry of workspaceCollections(this.workspace).values()) {
      // A find below may outlast the core: once stopped, the database may be closed.
      if (this.stopped) return
      const loaded = this.repo.handles[entry.documentId as DocumentId]
      if (loaded) this.watch(loaded as DocHandle<CollectionDoc>)
      else if (this.writer.headsOf(entry.documentId) === undefined) {
        // A collection this index has never seen (started on another device): load and project it.
        const handle = await this.repo.find<CollectionDoc>(entry.url).catch(() => undefined)
        if (handle && !this.stopped) this.watch(handle)
      }
    }
  }

  /** Projects the workspace's keeping-in-touch settings now (after a handler changed them). */
  syncSettings(): void {
    this.projectSettings()
  }

  private projectSettings(): void {
    const { defaultDays, tags } = this.cadenceSettings()
    this.writer.transaction(() => {
      if (this.writer.setCadenceSettings(defaultDays, tags)) {
        this.writer.refreshContacts('all')
        this.pendingKinds.add('contacts').add('settings')
        this.changes.add('settings')
      }
    })
  }

  private cadenceSettings(): { defaultDays: number | null; tags: Array<{ tag: string; days: number }> } {
    const keepInTouch: unknown = this.workspace.doc().settings?.keepInTouch
    const settings = (typeof keepInTouch === 'object' && keepInTouch !== null ? keepInTouch : {}) as Record<string, unknown>
    const defaultDays = validDays(settings.defaultCadenceDays) ?? null
    const tags: Array<{ tag: string; days: number }> = []
    const raw = settings.tagCadences
    if (typeof raw === 'object' && raw !== null) {
      for (const [tag, days] of Object.entries(raw)) {
        const valid = validDays(days)
        if (valid !== undefined && normaliseTag(tag)) tags.push({ tag: normaliseTag(tag), days: valid })
      }
    }
    return { defaultDays, tags }
  }

  private watchIfCollection(id: DocumentId): void {
    if (this.watched.has(id) || !workspaceCollections(this.workspace).has(id)) return
    const handle = this.repo.handles[id]
    if (handle) this.watch(handle as DocHandle<CollectionDoc>)
  }

  private watch(handle: DocHandle<CollectionDoc>): void {
    if (!this.stopped) this.watched.watch(handle)
  }

  /** A projection run from a timer: a full disk is reported and retried, never thrown into the event loop. */
  private projectPending(documentIds: string[]): void {
    try {
      this.projectNow(documentIds)
    } catch (error) {
      this.onWriteFailed(error)
      if (this.flushingForHandler) throw error
    }
  }

  private projectNow(documentIds: string[]): void {
    const collections = workspaceCollections(this.workspace)
    this.writer.transaction(() => {
      const touchedContacts: string[] = []
      for (const documentId of documentIds) {
        const entry = collections.get(documentId)
        const handle = this.repo.handles[documentId as DocumentId] as DocHandle<CollectionDoc> | undefined
        if (!entry || !handle?.isReady()) continue
        try {
          touchedContacts.push(...this.projectChanges(handle, entry.kind))
        } catch (error) {
          // A full disk fails the whole batch (retried); a collection that cannot be projected is skipped.
          if (isDiskFull(error)) throw error
          console.error(`staffroom: could not index collection ${documentId}`, error)
        }
      }
      this.writer.refreshContacts(touchedContacts)
    })
  }

  /** Projects the records changed since the indexed state; returns the contacts whose aggregates may change. */
  private projectChanges(handle: DocHandle<CollectionDoc>, kind: RecordKind): string[] {
    const doc = handle.doc()
    const heads = sortedHeads(doc)
    const before = this.writer.headsOf(handle.documentId)
    if (before?.join() === heads.join()) return []
    const records: Record<string, unknown> = (doc.records as Record<string, unknown> | undefined) ?? {}
    let ids: string[]
    try {
      ids = before ? changedRecordIds(doc, before, heads) : Object.keys(records)
    } catch {
      // The indexed state is not in this document's history (replaced by a peer): read it all.
      ids = Object.keys(records)
    }
    const touched = kind === 'interaction' ? this.writer.contactsOfInteractions(ids) : []
    for (const id of ids) {
      const record = readRecord(kind, id, records[id])
      if (record) {
        const projected = projectRecord(kind, record)
        this.writer.upsert(projected)
        if (kind === 'contact') touched.push(id)
        if (kind === 'interaction') touched.push(...(record as { contactIds: string[] }).contactIds)
      } else this.writer.remove(kind, id)
    }
    this.writer.setHeads(handle.documentId, kind, heads)
    if (ids.length > 0) {
      this.pendingKinds.add(indexKindOf[kind])
      for (const id of ids) this.changes.add(id)
    }
    return touched
  }

  private projectAll(handle: DocHandle<CollectionDoc>): void {
    const entry = workspaceCollections(this.workspace).get(handle.documentId)
    if (!entry) return
    const doc = handle.doc()
    const records: Record<string, unknown> = (doc.records as Record<string, unknown> | undefined) ?? {}
    for (const [id, raw] of Object.entries(records)) {
      const record = readRecord(entry.kind, id, raw)
      if (record) this.writer.upsert(projectRecord(entry.kind, record))
    }
    this.writer.setHeads(handle.documentId, entry.kind, sortedHeads(doc))
  }
}

function sortedHeads(doc: A.Doc<unknown>): string[] {
  return [...A.getHeads(doc)].sort()
}

/** The ids of the records a change touched, from the patches between two document states. */
function changedRecordIds(doc: A.Doc<unknown>, before: string[], after: string[]): string[] {
  const ids = new Set<string>()
  for (const patch of A.diff(doc, before, after)) {
    if (patch.path[0] === 'records' && typeof patch.path[1] === 'string') ids.add(patch.path[1])
    else if (patch.path[0] === 'records' && patch.path.length === 1) return Object.keys((doc as { records?: object }).records ?? {})
  }
  return [...ids]
}

function validDays(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 3650 ? value : undefined
}
