import * as A from '@automerge/automerge'
import type { AutomergeUrl, DocHandle, DocumentId, Repo, RepoEvents } from '@automerge/automerge-repo'
import type { StoredNote } from '@shared/notes/migrateNote'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { Coalescer } from '../events/Coalescer'
import { isDiskFull } from '../storage/diskFull'
import type { StorageHealth } from '../storage/StorageHealth'
import { workspaceNotes } from '../workspace/openWorkspace'
import type { NoteRow } from './NoteRow'
import type { NotesIndex } from './NotesIndex'
import { projectNote } from './projectNote'

export interface NoteIndexerOptions {
  /** How long edits to a document are gathered before it is projected again. */
  projectDelayMs?: number
  /** How long changed ids are gathered into one 'index.changed' event. */
  eventDelayMs?: number
  /** Where a projection that failed on a full disk is reported and retried; without it, it throws. */
  health?: StorageHealth
}

export interface RebuildProgress {
  done: number
  total: number
}

/**
 * Keeps the notes index in step with the note documents, whoever changes them: this core's
 * handlers, the renderer's Repo (whose edits arrive here as remote changes) or another device.
 *
 * The workspace lists which documents are notes. Every loaded note handle is watched; its
 * changes are projected after a short delay (typing produces many changes), and the ids that
 * changed are reported in batches.
 */
export class NoteIndexer {
  private readonly watched = new Map<string, () => void>()
  private readonly projections: Coalescer<string>
  private readonly changes: Coalescer<string>
  private readonly stopListening: Array<() => void> = []
  private stopped = false
  private readonly health: StorageHealth | undefined
  /** A handler is waiting on this projection: a failure is its answer too (dispatch says "disk full"). */
  private flushingForHandler = false

  constructor(
    private readonly repo: Repo,
    private readonly index: NotesIndex,
    private readonly workspace: DocHandle<WorkspaceDoc>,
    private readonly onIndexChanged: (ids: string[]) => void,
    options: NoteIndexerOptions = {},
  ) {
    this.health = options.health
    this.projections = new Coalescer(options.projectDelayMs ?? 30, (ids) => this.projectPending(ids))
    this.changes = new Coalescer(options.eventDelayMs ?? 50, (ids) => this.onIndexChanged(ids))
  }

  /** Starts listening and brings the index in line with the workspace (new notes, removed notes). */
  async start(): Promise<void> {
    const onDocument = ({ handle }: { handle: DocHandle<unknown> }) => this.watchIfNote(handle.documentId)
    // automerge-repo 2.5 declares a 'document' event but does not emit it; a document that a
    // peer asks for or sends is loaded or synced, which these metrics report.
    const onDocMetrics = (metrics: Parameters<RepoEvents['doc-metrics']>[0]) => {
      if ('documentId' in metrics) this.watchIfNote(metrics.documentId)
    }
    const onDeleteDocument = ({ documentId }: { documentId: DocumentId }) => this.forget(documentId)
    const onWorkspaceChange = () => void this.reconcile().catch((error: unknown) => this.onWriteFailed(error))
    this.repo.on('document', onDocument)
    this.repo.on('doc-metrics', onDocMetrics)
    this.repo.on('delete-document', onDeleteDocument)
    this.workspace.on('change', onWorkspaceChange)
    this.stopListening.push(
      () => this.repo.off('document', onDocument),
      () => this.repo.off('doc-metrics', onDocMetrics),
      () => this.repo.off('delete-document', onDeleteDocument),
      () => this.workspace.off('change', onWorkspaceChange),
    )
    await this.reconcile()
  }

  /** Projects what is pending, stops listening and reports the last changes. */
  stop(): void {
    if (this.stopped) return
    this.projections.flush()
    this.stopped = true
    for (const stop of this.stopListening.splice(0)) stop()
    for (const unwatch of this.watched.values()) unwatch()
    this.watched.clear()
    this.changes.flush()
  }

  /** Projects a note now (after a change made by a handler, which must answer with the new row). */
  indexNow(handle: DocHandle<StoredNote>): void {
    this.watch(handle)
    if (this.projectHandle(handle, workspaceNotes(this.workspace))) this.changes.add(handle.documentId)
  }

  /** Takes a note out of the index (deleted forever). */
  forget(id: string): void {
    this.watched.get(id)?.()
    this.watched.delete(id)
    if (this.index.remove(id)) this.changes.add(id)
  }

  /** Projects any pending changes now; for callers that read the index right after an edit. */
  flushPending(): void {
    this.flushingForHandler = true
    try {
      this.projections.flush()
    } finally {
      this.flushingForHandler = false
    }
  }

  /**
   * Rebuilds the index from every note the workspace lists. Documents are loaded first, then
   * the old rows are replaced in one transaction, so a reader never sees a half-built index.
   */
  async rebuild(onProgress?: (p: RebuildProgress) => void): Promise<number> {
    const notes = [...workspaceNotes(this.workspace)]
    const rows: NoteRow[] = []
    let done = 0
    for (const [id, url] of notes) {
      const handle = await this.load(url)
      if (handle) {
        this.watch(handle)
        rows.push(projectNote(handle.doc(), id, url))
      }
      onProgress?.({ done: ++done, total: notes.length })
    }
    this.index.transaction(() => {
      this.index.clear()
      for (const row of rows) this.index.upsert(row)
    })
    this.onIndexChanged(rows.map((r) => r.id))
    return rows.length
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return
    const notes = workspaceNotes(this.workspace)
    for (const id of this.index.ids()) if (!notes.has(id)) this.forget(id)
    const indexed = new Set(this.index.ids())
    for (const [id, url] of notes) {
      const loaded = this.repo.handles[id as DocumentId]
      if (loaded) this.watch(loaded as DocHandle<StoredNote>)
      else if (!indexed.has(id)) {
        // A note this index has never seen (created on another device): load and project it.
        const handle = await this.load(url)
        if (handle && !this.stopped) this.indexNow(handle)
      }
    }
  }

  private async load(url: AutomergeUrl): Promise<DocHandle<StoredNote> | undefined> {
    try {
      return await this.repo.find<StoredNote>(url)
    } catch {
      // Not on this device yet; it is indexed when it arrives (the 'document' event watches it).
      return undefined
    }
  }

  private watchIfNote(id: DocumentId): void {
    if (this.watched.has(id) || !workspaceNotes(this.workspace).has(id)) return
    const handle = this.repo.handles[id]
    if (handle) this.watch(handle as DocHandle<StoredNote>)
  }

  private watch(handle: DocHandle<StoredNote>): void {
    const id = handle.documentId
    if (this.stopped || this.watched.has(id)) return
    const onChange = () => this.projections.add(id)
    const onDelete = () => this.forget(id)
    handle.on('change', onChange)
    handle.on('delete', onDelete)
    this.watched.set(id, () => {
      handle.off('change', onChange)
      handle.off('delete', onDelete)
    })
    if (handle.isReady()) this.projections.add(id)
    else void handle.whenReady().then(() => this.projections.add(id), () => undefined)
  }

  /**
   * Projects every watched note whose row is behind its document: after a full disk refused
   * projections. True when done, false while the disk is still full.
   */
  catchUp(): boolean {
    if (this.stopped) return true
    try {
      this.projectNow([...this.watched.keys()])
      return true
    } catch (error) {
      if (isDiskFull(error)) return false
      throw error
    }
  }

  /** A projection run from a timer: a full disk is reported and retried, never thrown into the event loop. */
  private projectPending(ids: string[]): void {
    try {
      this.projectNow(ids)
    } catch (error) {
      this.onWriteFailed(error)
      if (this.flushingForHandler) throw error
    }
  }

  private onWriteFailed(error: unknown): void {
    if (this.health?.failed('notes index', error, () => this.catchUp())) return
    throw error
  }

  private projectNow(ids: string[]): void {
    const notes = workspaceNotes(this.workspace)
    this.index.transaction(() => {
      for (const id of ids) {
        const handle = this.repo.handles[id as DocumentId] as DocHandle<StoredNote> | undefined
        try {
          if (handle && this.projectHandle(handle, notes)) this.changes.add(id)
        } catch (error) {
          // A full disk fails the whole batch (retried); a note that cannot be projected is skipped.
          if (isDiskFull(error)) throw error
          console.error(`staffroom: could not index note ${id}`, error)
        }
      }
    })
  }

  /** Writes the handle's row if its document state is not the one indexed; true if it wrote. */
  private projectHandle(handle: DocHandle<StoredNote>, notes: ReadonlyMap<string, AutomergeUrl>): boolean {
    if (!handle.isReady()) return false
    const id = handle.documentId
    const url = notes.get(id)
    if (!url) return false
    const doc = handle.doc()
    const heads = JSON.stringify([...A.getHeads(doc)].sort())
    if (this.index.headsOf(id) === heads) return false
    this.index.upsert(projectNote(doc, id, url))
    return true
  }
}
