import { join } from 'node:path'
import * as A from '@automerge/automerge'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@shared/errors'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import type { Core } from './Core'
import { createCore } from './createCore'
import { asUrl, call, collectEvents, connectRenderer, writeRichBody } from './testing/coreHarness'
import { makeTempDir } from './testing/tempDir'

describe('createCore', () => {
  let temp: ReturnType<typeof makeTempDir>
  let dataDir: string
  const open: Core[] = []
  const start = async () => {
    const core = await createCore({ dataDir })
    open.push(core)
    return core
  }
  beforeEach(() => {
    temp = makeTempDir()
    dataDir = join(temp.dir, 'profile')
  })
  afterEach(async () => {
    for (const core of open.splice(0)) await core.shutdown()
    temp.remove()
  })

  it('creates a workspace on first run and finds the same one after a restart', async () => {
    const first = await start()
    const info = await call(first, 'system.info')
    expect(info).toMatchObject({ dataDir, workspaceUrl: first.workspaceUrl, shell: 'node' })
    await first.shutdown()
    const second = await start()
    expect(second.workspaceUrl).toBe(first.workspaceUrl)
  })

  it('has the new workspace document stored before its URL is recorded', async () => {
    const core = await start()
    // No flush or shutdown: a crash right after first start must leave a profile that opens.
    expect(core.stats().documents).toBe(1)
  })

  it('shutdown is idempotent and later calls get an envelope, not an exception', async () => {
    const core = await start()
    await Promise.all([core.shutdown(), core.shutdown()])
    await core.shutdown()
    expect(await core.dispatch('notes.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('refuses a second core on the same profile with profile-in-use', async () => {
    await start()
    await expect(createCore({ dataDir })).rejects.toEqual(
      new ApiError('profile-in-use', `This profile is in use by another Staffroom process (${dataDir})`),
    )
  })

  it('keeps notes, pins, tags and trash across a restart', async () => {
    const core = await start()
    const a = await call(core, 'notes.create', { title: 'Lesson ideas' })
    const b = await call(core, 'notes.create', { title: 'Reading list' })
    const c = await call(core, 'notes.create', {})
    await call(core, 'notes.setPinned', { id: b.id, pinned: true })
    expect(await call(core, 'notes.setTags', { id: a.id, tags: [' Maths ', 'maths', 'Year 7'] })).toMatchObject({ tags: ['maths', 'year 7'] })
    expect(await call(core, 'notes.trash', { id: c.id })).toMatchObject({ trashed: true })
    await core.shutdown()

    const again = await start()
    expect((await call(again, 'notes.list', {})).notes.map((n) => [n.title, n.pinned, n.tags])).toEqual([
      ['Reading list', true, []],
      ['Lesson ideas', false, ['maths', 'year 7']],
    ])
    expect(await call(again, 'notes.list', { filter: 'trash' })).toMatchObject({ total: 1, notes: [{ id: c.id }] })
    expect(await call(again, 'notes.restore', { id: c.id })).toMatchObject({ trashed: false })
    expect(await call(again, 'notes.tags')).toEqual({ tags: [{ tag: 'maths', count: 1 }, { tag: 'year 7', count: 1 }] })
  })

  it('indexes a body edited through a second Repo (the renderer) and keeps it after a restart', async () => {
    const core = await start()
    const events = collectEvents(core)
    const note = await call(core, 'notes.create', { title: 'Fractions' })
    const renderer = connectRenderer(core)
    const handle = await renderer.repo.find<NoteDoc>(asUrl(note.url))
    writeRichBody(handle, 'Goals', 'Halves and quarters with pizza')

    await vi.waitFor(async () => expect(await call(core, 'notes.get', { id: note.id })).toMatchObject({ excerpt: 'Goals Halves and quarters with pizza' }), {
      timeout: 5000,
    })
    await vi.waitFor(() => expect(events.some((e) => e.event === 'index.changed' && (e.payload as { ids: string[] }).ids.includes(note.id))).toBe(true))
    const expectedSpans = A.spans(handle.doc(), ['body'])
    await core.shutdown()
    await renderer.close()

    const again = await start()
    const stored = await again.repo.find<NoteDoc>(asUrl(note.url))
    expect(A.spans(stored.doc(), ['body'])).toEqual(expectedSpans)
    const [hit] = (await call(again, 'notes.search', { text: 'pizz' })).hits
    expect(hit).toMatchObject({ id: note.id, title: [{ text: 'Fractions', match: false }] })
    expect(hit!.snippet).toContainEqual({ text: 'pizza', match: true })
  })

  it('indexes a renderer edit to a note the core has not loaded since the restart', async () => {
    const first = await start()
    const note = await call(first, 'notes.create', { title: 'Before restart' })
    await first.shutdown()

    const core = await start()
    expect(core.repo.handles[note.id as never]).toBeUndefined()
    const renderer = connectRenderer(core)
    const handle = await renderer.repo.find<NoteDoc>(asUrl(note.url))
    handle.change((doc) => A.splice(doc, ['title'], 0, doc.title.length, 'After restart'))
    await vi.waitFor(async () => expect(await call(core, 'notes.get', { id: note.id })).toMatchObject({ title: 'After restart' }), {
      timeout: 5000,
    })
    await renderer.close()
  })

  it('deletes forever: document, stored chunks and index rows', async () => {
    const core = await start()
    const keep = await call(core, 'notes.create', { title: 'keep' })
    const a = await call(core, 'notes.create', { title: 'gone soon' })
    const b = await call(core, 'notes.create', { title: 'also gone' })
    await core.repo.flush()
    const before = core.stats()
    await call(core, 'notes.trash', { id: a.id })
    await call(core, 'notes.trash', { id: b.id })
    expect(await core.dispatch('notes.deleteForever', { id: keep.id })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'Move the note to the trash before deleting it for good.' },
    })
    expect(await call(core, 'notes.deleteForever', { id: a.id })).toEqual({ deleted: true })
    expect(await call(core, 'notes.emptyTrash')).toEqual({ deleted: 1 })
    expect(await core.dispatch('notes.get', { id: a.id })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await core.dispatch('notes.trash', { id: b.id })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    const after = core.stats()
    expect(after).toMatchObject({ notes: 1, notesInTrash: 0, documents: before.documents - 2 })
    await core.shutdown()
    const again = await start()
    expect((await call(again, 'notes.list', {})).notes.map((n) => n.id)).toEqual([keep.id])
  })

  it('counts what the profile holds', async () => {
    const core = await start()
    await call(core, 'notes.create', { title: 'one' })
    const two = await call(core, 'notes.create', { title: 'two' })
    await call(core, 'notes.trash', { id: two.id })
    await core.repo.flush()
    const stats = await call(core, 'system.stats')
    expect(stats).toMatchObject({ notes: 1, notesInTrash: 1, documents: 3 })
    expect(stats.storageChunks).toBeGreaterThanOrEqual(3)
    expect(stats.databaseBytes).toBeGreaterThan(0)
  })

  it('keeps loading a note written before schemaVersion existed, and migrates it on first change', async () => {
    const core = await start()
    const old = core.repo.create<Partial<NoteDoc>>({ title: 'From version 0', tags: ['Old'] })
    const workspace = await core.repo.find<{ notes: Record<string, string> }>(asUrl(core.workspaceUrl))
    workspace.change((w) => {
      w.notes[old.documentId] = old.url
    })
    await vi.waitFor(async () => expect(await call(core, 'notes.get', { id: old.documentId })).toMatchObject({ title: 'From version 0', tags: ['old'] }))
    await call(core, 'notes.setPinned', { id: old.documentId, pinned: true })
    expect(old.doc()).toMatchObject({ kind: 'note', schemaVersion: 1, trashedAt: null, pinned: true })
  })
})
