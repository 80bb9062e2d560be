import * as A from '@automerge/automerge'
import type { AutomergeUrl, DocHandle, DocumentId, Repo, RepoEvents } from '@automerge/automerge-repo'
import type { Database } from 'better-sqlite3'
import type { SpaceKind } from '@shared/spaces/SpaceCommon'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { Coalescer } from '../events/Coalescer'
import { latestChangeTime } from '../index/projectNote'
import { WatchedHandles } from '../index/WatchedHandles'
import { workspaceSpaces } from '../spaces/spaceDocuments'
import { isDiskFull } from '../storage/diskFull'
import { sql, SqlRunner } from '../storage/sql'
import type { StorageHealth } from '../storage/StorageHealth'

/** How long a rebuild waits for a space that is not on this device before leaving it out. */
const loadWaitMs = 2_000

export interface SpaceActivityRow {
  document_id: string
  kind: SpaceKind
  title: string
  archived: number
  member_count: number
  last_change_at: number | null
}

/**
 * Keeps `space_activity` (one row per project and circle the workspace lists: kind, title,
 * archived, members, last change) in step with the space documents, as NoteIndexer does for
 * notes, so "shared projects active" is SQL like every other dashboard figure. A row is cheap to
 * project (no diff), so each change simply writes it again.
 */
export class SpaceActivityIndexer {
  private readonly sql: SqlRunner
  private readonly watched: WatchedHandles
  private readonly projections: Coalescer<string>
  private readonly stopListening: Array<() => void> = []
  private readonly loading = new Set<string>()
  private stopped = false
  private readonly health: StorageHealth | undefined

  constructor(
    db: Database,
    private readonly repo: Repo,
    private readonly workspace: DocHandle<WorkspaceDoc>,
    /** `health`: where a write that failed on a full disk is reported and retried; without it, it throws. */
    options: { projectDelayMs?: number; health?: StorageHealth } = {},
  ) {
    this.health = options.health
    this.sql = new SqlRunner(db)
    this.projections = new Coalescer(options.projectDelayMs ?? 30, (ids) => this.projectPending(ids))
    this.watched = new WatchedHandles((id) => this.projections.add(id))
  }

  start(): void {
    const onDocMetrics = (metrics: Parameters<RepoEvents['doc-metrics']>[0]) => {
      // automerge-repo 2.5 never emits 'document'; loads and syncs show up in these metrics.
      if ('documentId' in metrics) this.watchIfSpace(metrics.documentId)
    }
    const onWorkspaceChange = () => this.guarded(() => this.reconcile())
    this.repo.on('doc-metrics', onDocMetrics)
    this.workspace.on('change', onWorkspaceChange)
    this.stopListening.push(
      () => this.repo.off('doc-metrics', onDocMetrics),
      () => this.workspace.off('change', onWorkspaceChange),
    )
    this.guarded(() => this.reconcile())
  }

  stop(): void {
    if (this.stopped) return
    this.projections.flush()
    this.stopped = true
    for (const stop of this.stopListening.splice(0)) stop()
    this.watched.clear()
  }

  /** Writes pending changes now, for readers that answer right after an edit. */
  flushPending(): void {
    this.projections.flush()
  }

  /** Empties the table and projects every listed space again; returns how many were on this device. */
  async rebuild(): Promise<number> {
    const listed = this.listed()
    const handles = await Promise.all([...listed].map(async ([id, { url }]) => ({ id, handle: await this.load(url) })))
    this.sql.transaction(() => {
      this.sql.run(sql`DELETE FROM space_activity`)
      for (const { id, handle } of handles) if (handle) this.write(id, handle)
    })
    for (const { handle } of handles) if (handle) this.watch(handle)
    return handles.filter((h) => h.handle).length
  }

  rows(): SpaceActivityRow[] {
    return this.sql.all<SpaceActivityRow>(sql`SELECT * FROM space_activity ORDER BY document_id`)
  }

  private listed(): Map<string, { url: AutomergeUrl; kind: SpaceKind }> {
    const result = new Map<string, { url: AutomergeUrl; kind: SpaceKind }>()
    for (const kind of ['project', 'circle'] as const) for (const [id, url] of workspaceSpaces(this.workspace, kind)) result.set(id, { url, kind })
    return result
  }

  /** Watches the listed spaces, loads those never projected, and drops rows of spaces no longer listed. */
  private reconcile(): void {
    if (this.stopped) return
    const listed = this.listed()
    const indexed = new Set(this.sql.all<{ document_id: string }>(sql`SELECT document_id FROM space_activity`).map((r) => r.document_id))
    for (const id of indexed) if (!listed.has(id)) this.forget(id)
    for (const [id, { url }] of listed) {
      const loaded = this.repo.handles[id as DocumentId]
      if (loaded) this.watch(loaded)
      else if (!indexed.has(id) && !this.loading.has(id)) {
        // A space this index has never seen (shared from another device): loaded in the background,
        // once, so a space not on this device yet holds up neither the start nor later changes.
        this.loading.add(id)
        void this.load(url).then((handle) => {
          this.loading.delete(id)
          if (handle && !this.stopped) this.watch(handle)
        })
      }
    }
  }

  private async load(url: AutomergeUrl): Promise<DocHandle<unknown> | undefined> {
    const found = this.repo.find<unknown>(url).catch(() => undefined)
    const giveUp = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), loadWaitMs).unref())
    return Promise.race([found, giveUp])
  }

  private watchIfSpace(id: DocumentId): void {
    // Asked on every sync message of every document: two lookups in the memoised lists, no new map.
    if (this.watched.has(id) || !(workspaceSpaces(this.workspace, 'project').has(id) || workspaceSpaces(this.workspace, 'circle').has(id))) return
    const handle = this.repo.handles[id]
    if (handle) this.watch(handle)
  }

  private watch(handle: DocHandle<unknown>): void {
    if (!this.stopped) this.watched.watch(handle)
  }

  private forget(id: string): void {
    this.watched.forget(id)
    this.sql.run(sql`DELETE FROM space_activity WHERE document_id = ${id}`)
  }

  /** Projects every watched space again (a no-op write when its row is current): after a full disk. */
  catchUp(): boolean {
    if (this.stopped) return true
    try {
      this.reconcile()
      this.projectNow([...this.watched.ids()])
      return true
    } catch (error) {
      if (isDiskFull(error)) return false
      throw error
    }
  }

  /** Runs a write from a timer or an event: a full disk is reported and retried, never thrown into the emitter. */
  private guarded(write: () => void): void {
    try {
      write()
    } catch (error) {
      if (!this.health?.failed('space activity', error, () => this.catchUp())) throw error
    }
  }

  private projectPending(ids: string[]): void {
    this.guarded(() => this.projectNow(ids))
  }

  private projectNow(ids: string[]): void {
    const listed = this.listed()
    this.sql.transaction(() => {
      for (const id of ids) {
        const handle = this.repo.handles[id as DocumentId]
        try {
          if (handle?.isReady()) this.write(id, handle, listed)
        } catch (error) {
          // A full disk fails the whole batch (retried); a space that cannot be projected is skipped.
          if (isDiskFull(error)) throw error
          console.error(`staffroom: could not index the activity of space ${id}`, error)
        }
      }
    })
  }

  private write(id: string, handle: DocHandle<unknown>, listed = this.listed()): void {
    const kind = listed.get(id)?.kind
    if (!kind) return
    const row = projectSpaceActivity(id, kind, handle.doc() as A.Doc<Record<string, unknown>>)
    // Most edits (typing in a project body) leave the row as it was (last change has seconds
    // resolution): an upsert that changes nothing writes no page, so the commit costs no fsync.
    this.sql.run(sql`
      INSERT INTO space_activity (document_id, kind, title, archived, member_count, last_change_at)
      VALUES (${row.document_id}, ${row.kind}, ${row.title}, ${row.archived}, ${row.member_count}, ${row.last_change_at})
      ON CONFLICT (document_id) DO UPDATE SET kind = excluded.kind, title = excluded.title, archived = excluded.archived,
        member_count = excluded.member_count, last_change_at = excluded.last_change_at
      WHERE kind IS NOT excluded.kind OR title IS NOT excluded.title OR archived IS NOT excluded.archived
        OR member_count IS NOT excluded.member_count OR last_change_at IS NOT excluded.last_change_at`)
  }
}

/** A space's activity row, read defensively (a peer may have written any shape). */
export function projectSpaceActivity(id: string, kind: SpaceKind, doc: A.Doc<Record<string, unknown>>): SpaceActivityRow {
  const title = kind === 'project' ? doc.title : doc.name
  const members = doc.members
  const latest = latestChangeTime(doc, A.getHeads(doc))
  return {
    document_id: id,
    kind,
    title: (typeof title === 'string' ? title : '').slice(0, 300),
    archived: typeof doc.archivedAt === 'number' ? 1 : 0,
    member_count: typeof members === 'object' && members !== null ? Object.keys(members).length : 0,
    last_change_at: latest > 0 ? latest : null,
  }
}
