import { join } from 'node:path'
import * as A from '@automerge/automerge'
import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import { newNote } from '../api/noteDocuments'
import type { Core } from '../Core'
import { openCore, type CoreInternals } from '../createCore'
import { asUrl, call, collectEvents, connectRenderer, writeRichBody } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'

/** Every index row, keyed by note id (rowids differ between runs and mean nothing). */
function snapshot(db: Database) {
  return {
    notes: db.prepare('SELECT id, url, title, excerpt, tags_json, pinned, in_trash, trashed_at, created_at, updated_at, heads FROM notes ORDER BY id').all(),
    tags: db.prepare('SELECT tag, in_trash, pinned, updated_at, note_id FROM note_tags ORDER BY tag, note_id').all(),
    fts: db.prepare('SELECT n.id, f.title, f.body FROM notes_fts f JOIN notes n ON n.rowid = f.rowid ORDER BY n.id').all(),
    ftsRows: db.prepare('SELECT count(*) FROM notes_fts').pluck().get(),
  }
}

describe('reindex', () => {
  let temp: ReturnType<typeof makeTempDir>
  let dataDir: string
  const open: Core[] = []
  const start = async (): Promise<{ core: Core; internals: CoreInternals }> => {
    const opened = await openCore({ dataDir })
    open.push(opened.core)
    return opened
  }
  beforeEach(() => {
    temp = makeTempDir()
    dataDir = join(temp.dir, 'profile')
  })
  afterEach(async () => {
    for (const core of open.splice(0)) await core.shutdown()
    temp.remove()
  })

  it('gives exactly the rows that incremental indexing gave, after local and remote edits, tags, pins, trash and deletion', async () => {
    const { core, internals } = await start()
    const ids: string[] = []
    for (let i = 0; i < 6; i++) ids.push((await call(core, 'notes.create', { title: `Note ${i}` })).id)
    const [a, b, c, d, e] = ids as [string, string, string, string, string]
    await call(core, 'notes.setTags', { id: a, tags: ['Maths', 'Year 7'] })
    await call(core, 'notes.setTags', { id: b, tags: ['maths'] })
    await call(core, 'notes.setPinned', { id: b, pinned: true })
    await call(core, 'notes.trash', { id: c })
    await call(core, 'notes.trash', { id: d })
    await call(core, 'notes.deleteForever', { id: d })

    const renderer = connectRenderer(core)
    const edited = await Promise.all(
      [a, e].map(async (id) => renderer.repo.find<NoteDoc>(asUrl((await call(core, 'notes.get', { id })).url))),
    )
    writeRichBody(edited[0]!, 'Fractions', 'Halves and quarters')
    writeRichBody(edited[1]!, 'Poetry', 'Haiku in spring')
    edited[1]!.change((doc) => A.splice(doc, ['title'], 0, doc.title.length, 'Renamed by the renderer'))
    await vi.waitFor(
      () => {
        for (const handle of edited) {
          expect(A.getHeads(internals.ctx.repo.handles[handle.documentId]!.doc())).toEqual(A.getHeads(handle.doc()))
        }
      },
      { timeout: 5000 },
    )
    internals.ctx.indexer.flushPending()
    expect(await call(core, 'notes.get', { id: e })).toMatchObject({ title: 'Renamed by the renderer', excerpt: 'Poetry Haiku in spring' })

    const incremental = snapshot(internals.db)
    expect(incremental.notes).toHaveLength(5)
    expect(incremental.tags).toHaveLength(3)

    const events = collectEvents(core)
    const progress: Array<{ done: number; total: number }> = []
    expect(await core.reindex((p) => progress.push(p))).toEqual({ documents: 5 })
    expect(snapshot(internals.db)).toEqual(incremental)
    expect(progress.at(-1)).toEqual({ done: 5, total: 5 })
    expect(events).toContainEqual({ event: 'progress', payload: { task: 'reindex', done: 5, total: 5 } })
    expect(events.some((m) => m.event === 'index.changed')).toBe(true)

    // After a restart the documents load from SQLite, and a rebuild still gives the same rows.
    await renderer.close()
    await core.shutdown()
    const again = await start()
    expect(snapshot(again.internals.db)).toEqual(incremental)
    await again.core.reindex()
    expect(snapshot(again.internals.db)).toEqual(incremental)
  })

  it('rebuilds 1,000 notes from storage (timing printed)', async () => {
    const { core, internals } = await start()
    // Written straight into the repo (one workspace change), so the test times the rebuild, not 1,000 RPCs.
    const createStart = performance.now()
    const urls: Record<string, AutomergeUrl> = {}
    for (let i = 0; i < 1000; i++) {
      const handle = core.repo.create<NoteDoc>({
        ...newNote(`Note ${i} about ${i % 2 ? 'fractions' : 'poetry'}`, 1_700_000_000_000 + i),
        tags: i % 10 === 0 ? [`tag${i % 7}`] : [],
      })
      urls[handle.documentId] = handle.url
    }
    internals.ctx.workspace.change((w) => Object.assign(w.notes, urls))
    await vi.waitFor(() => expect(core.stats().notes).toBe(1000), { timeout: 60_000 })
    const createMs = performance.now() - createStart
    await core.shutdown()

    const { core: again, internals: reopened } = await start()
    const before = snapshot(reopened.db)
    const reindexStart = performance.now()
    expect(await again.reindex()).toEqual({ documents: 1000 })
    const reindexMs = performance.now() - reindexStart
    expect(snapshot(reopened.db)).toEqual(before)
    const searchStart = performance.now()
    expect((await call(again, 'notes.search', { text: 'fract', limit: 20 })).hits).toHaveLength(20)
    const searchMs = performance.now() - searchStart
    console.info(
      `1,000 notes: created and indexed live in ${createMs.toFixed(0)} ms, reindexed from SQLite in ${reindexMs.toFixed(0)} ms, search in ${searchMs.toFixed(1)} ms`,
    )
  }, 120_000)
})
