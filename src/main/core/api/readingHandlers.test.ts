import { join } from 'node:path'
import { feedFields } from '@shared/network/records'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../Core'
import { openCore, type CoreInternals } from '../createCore'
import { call } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'

describe('the reading list through the core', () => {
  let temp: ReturnType<typeof makeTempDir>
  let core: Core
  let internals: CoreInternals
  beforeEach(async () => {
    temp = makeTempDir()
    ;({ core, internals } = await openCore({ dataDir: join(temp.dir, 'profile') }))
  })
  afterEach(async () => {
    await core.shutdown()
    temp.remove()
  })

  const add = async (fields: object, today = '2026-03-01') => (await call(core, 'reading.create', { fields, today })).item
  const titles = async (args: object) => (await call(core, 'reading.list', args)).rows.map((r) => r.title)

  it('adds an item dated today, to read, with its tags normalised and its goals named', async () => {
    const goal = (await call(core, 'goals.create', { fields: { title: 'Better questioning' } })).goal
    const created = await call(core, 'reading.create', {
      fields: { title: 'Questioning techniques', url: 'https://example.org/q', author: 'D. Wiliam', tags: ['Assessment ', 'assessment', 'AfL'], goalIds: [goal.id, 'gone'] },
      today: '2026-03-01',
    })
    expect(created.item).toMatchObject({ status: 'to-read', addedOn: '2026-03-01', readOn: null, appliedOn: null, tags: ['assessment', 'afl'] })
    expect(created.row).toMatchObject({ title: 'Questioning techniques', status: 'to-read', addedOn: '2026-03-01', hasNotes: false, deleted: false })
    expect(created.goals).toEqual([{ id: goal.id, title: 'Better questioning' }])
    expect(await call(core, 'reading.get', { id: created.item.id })).toEqual(created)
    expect(await call(core, 'reading.tags')).toEqual({ tags: [{ tag: 'afl', count: 1 }, { tag: 'assessment', count: 1 }] })
  })

  it('stamps the read and applied days as the status moves, keeps them, and clears them going back', async () => {
    const { id } = await add({ title: 'Retrieval practice' })
    const move = async (status: string, today: string) => (await call(core, 'reading.update', { id, patch: { status }, today })).item
    expect(await move('reading', '2026-03-02')).toMatchObject({ status: 'reading', readOn: null, appliedOn: null })
    expect(await move('read', '2026-03-05')).toMatchObject({ status: 'read', readOn: '2026-03-05', appliedOn: null })
    expect(await move('applied', '2026-03-09')).toMatchObject({ status: 'applied', readOn: '2026-03-05', appliedOn: '2026-03-09' })
    // Back from applied to read: still read on the 5th, no longer applied.
    expect(await move('read', '2026-03-10')).toMatchObject({ readOn: '2026-03-05', appliedOn: null })
    expect(await move('to-read', '2026-03-11')).toMatchObject({ status: 'to-read', readOn: null, appliedOn: null })
    // Straight to applied: read and applied that day. Notes alone leave the days as they are.
    expect(await move('applied', '2026-03-12')).toMatchObject({ readOn: '2026-03-12', appliedOn: '2026-03-12' })
    const noted = await call(core, 'reading.update', { id, patch: { notes: 'Used it with 8B.\n'.repeat(500) }, today: '2026-04-01' })
    expect(noted.item).toMatchObject({ readOn: '2026-03-12', appliedOn: '2026-03-12' })
    expect(noted.row.hasNotes).toBe(true)
    // A teacher correcting the day it was read.
    expect((await call(core, 'reading.update', { id, patch: { readOn: '2026-03-10' } })).item.readOn).toBe('2026-03-10')
    // Created as read: read that day.
    expect(await add({ title: 'Already read', status: 'read' }, '2026-02-01')).toMatchObject({ addedOn: '2026-02-01', readOn: '2026-02-01', appliedOn: null })
  })

  it('lists by status with counts per status, by text, tag, added days and goal, in the chosen order', async () => {
    const goal = (await call(core, 'goals.create', { fields: { title: 'Literacy' } })).goal
    const a = await add({ title: 'Bjork on desirable difficulties', author: 'Robert Bjork', tags: ['memory'] }, '2026-01-10')
    const b = await add({ title: 'Cognitive load theory', notes: 'Worked examples beat problem solving for novices', tags: ['Memory', 'cognition'] }, '2026-02-10')
    const c = await add({ title: 'reading aloud', source: 'The Reading Journal', goalIds: [goal.id] }, '2026-03-10')
    await add({ title: 'Another to read' }, '2026-03-20')
    await call(core, 'reading.update', { id: a.id, patch: { status: 'read' }, today: '2026-03-01' })
    await call(core, 'reading.update', { id: b.id, patch: { status: 'applied' }, today: '2026-03-15' })
    await call(core, 'reading.update', { id: c.id, patch: { status: 'reading' }, today: '2026-03-12' })

    const all = await call(core, 'reading.list', {})
    expect(all.total).toBe(4)
    expect(all.counts).toEqual({ 'to-read': 1, reading: 1, read: 1, applied: 1 })
    expect(all.rows.map((r) => r.title)).toEqual(['Another to read', 'reading aloud', 'Cognitive load theory', 'Bjork on desirable difficulties'])
    expect(await titles({ status: 'read' })).toEqual(['Bjork on desirable difficulties'])
    expect(await titles({ query: 'worked examples' })).toEqual(['Cognitive load theory'])
    expect(await titles({ query: 'bjork' })).toEqual(['Bjork on desirable difficulties'])
    expect(await titles({ query: 'reading journal' })).toEqual(['reading aloud'])
    // Counts follow the other filters, not the status one: the status tabs of a search.
    const memory = await call(core, 'reading.list', { tag: 'MEMORY', status: 'applied' })
    expect(memory.rows.map((r) => r.title)).toEqual(['Cognitive load theory'])
    expect(memory.counts).toEqual({ 'to-read': 0, reading: 0, read: 1, applied: 1 })
    expect(await titles({ from: '2026-02-01', to: '2026-03-10', direction: 'asc' })).toEqual(['Cognitive load theory', 'reading aloud'])
    expect(await titles({ goalId: goal.id })).toEqual(['reading aloud'])
    expect(await titles({ sort: 'title', direction: 'asc' })).toEqual(['Another to read', 'Bjork on desirable difficulties', 'Cognitive load theory', 'reading aloud'])
    // Items never read come last in the read-day order, either way.
    for (const direction of ['asc', 'desc'] as const) {
      const byRead = await titles({ sort: 'read', direction })
      const read = ['Bjork on desirable difficulties', 'Cognitive load theory']
      expect(byRead.slice(0, 2)).toEqual(direction === 'asc' ? read : read.reverse())
      expect(byRead.slice(2).sort()).toEqual(['Another to read', 'reading aloud'])
    }
    expect((await call(core, 'reading.list', { sort: 'applied', direction: 'asc', limit: 1 })).rows[0]!.title).toBe('Cognitive load theory')
  })

  it('makes an item from a cached feed item once, taking the feed title as its source', async () => {
    const { store } = internals.ctx.network
    const feed = await store.create('feed', feedFields.parse({ url: 'https://blog.example.org/feed.xml', title: 'The Learning Scientists' }))
    // The fetcher's FeedCache writes these rows; written directly so this test needs no fetching.
    const insert = internals.db.prepare(
      `INSERT INTO feed_items (feed_id, item_key, title, link, author, published_at, sort_at, excerpt, content_json, has_remote_images, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, '', '[]', 0, 1)`,
    )
    const withLink = String(insert.run(feed.id, 'guid-1', '  Six strategies for effective learning ', 'https://blog.example.org/six', 'Yana Weinstein', 1).lastInsertRowid)
    const oddLink = String(insert.run(feed.id, 'guid-2', '', 'javascript:alert(1)', '', 2).lastInsertRowid)

    const made = await call(core, 'reading.fromFeedItem', { itemId: withLink, today: '2026-03-03' })
    expect(made.outcome).toBe('created')
    expect(made.item).toMatchObject({
      title: 'Six strategies for effective learning',
      url: 'https://blog.example.org/six',
      author: 'Yana Weinstein',
      source: 'The Learning Scientists',
      feedId: feed.id,
      status: 'to-read',
      addedOn: '2026-03-03',
    })
    const again = await call(core, 'reading.fromFeedItem', { itemId: withLink })
    expect(again).toMatchObject({ outcome: 'existing', item: { id: made.item.id } })

    // Deleted, then made again from the same entry: the same item comes back, notes and all.
    await call(core, 'reading.update', { id: made.item.id, patch: { notes: 'Spacing first' } })
    await call(core, 'reading.delete', { id: made.item.id })
    const back = await call(core, 'reading.fromFeedItem', { itemId: withLink })
    expect(back).toMatchObject({ outcome: 'existing', item: { id: made.item.id, notes: 'Spacing first', deletedAt: null } })

    // A link that is not http(s) is left out; an empty title gets a name.
    expect((await call(core, 'reading.fromFeedItem', { itemId: oddLink })).item).toMatchObject({ title: 'Untitled feed item', url: null })
    expect((await call(core, 'reading.list', {})).total).toBe(2)

    await expect(core.dispatch('reading.fromFeedItem', { itemId: '999999' })).resolves.toMatchObject({ ok: false, error: { code: 'not-found' } })
    await expect(core.dispatch('reading.fromFeedItem', { itemId: 'abc' })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } })
    await expect(core.dispatch('reading.fromFeedItem', { itemId: 'x'.repeat(41) })).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })

  it('deletes softly, with undo and restore, and the deleted list as the trash', async () => {
    const item = await add({ title: 'On feedback' })
    const receipt = await call(core, 'reading.delete', { id: item.id })
    expect(receipt.changed).toBe(1)
    expect((await call(core, 'reading.list', {})).total).toBe(0)
    expect(await titles({ show: 'deleted' })).toEqual(['On feedback'])
    await call(core, 'undo.apply', { undoToken: receipt.undoToken })
    expect(await titles({})).toEqual(['On feedback'])
    await call(core, 'reading.delete', { id: item.id })
    expect((await call(core, 'reading.restore', { id: item.id })).row.deleted).toBe(false)
    expect((await call(core, 'reading.list', {})).counts['to-read']).toBe(1)
  })

  it('refuses bad input with a clear error and keeps the item as it was', async () => {
    const item = await add({ title: 'Kept as it was', notes: 'Mine' })
    const refused = async (method: string, args: object) => {
      const result = await core.dispatch(method, args)
      expect(result.ok).toBe(false)
      return result.ok ? '' : `${result.error.code}: ${result.error.message}`
    }
    expect(await refused('reading.create', { fields: { title: '' } })).toMatch(/^bad-request: .*title/)
    expect(await refused('reading.create', { fields: { title: 'x', url: 'ftp://example.org' } })).toMatch(/^bad-request/)
    expect(await refused('reading.create', { fields: { title: 'x', status: 'finished' } })).toMatch(/^bad-request/)
    expect(await refused('reading.create', { fields: { title: 'x', addedOn: '1 March' } })).toMatch(/YYYY-MM-DD/)
    expect(await refused('reading.update', { id: item.id, patch: { readOn: '2026-03-01' } })).toBe('bad-request: Only an item that has been read can have a read date.')
    expect(await refused('reading.update', { id: item.id, patch: { status: 'applied', readOn: '2026-03-05', appliedOn: '2026-03-01' } })).toMatch(/before the day it was read/)
    expect(await refused('reading.update', { id: item.id, patch: { notes: 'x'.repeat(20_001) } })).toMatch(/^bad-request/)
    expect(await refused('reading.update', { id: 'missing', patch: { title: 'New' } })).toMatch(/^not-found/)
    expect(await refused('reading.list', { status: 'done' })).toMatch(/^bad-request/)
    expect((await call(core, 'reading.get', { id: item.id })).item).toMatchObject({ title: 'Kept as it was', notes: 'Mine', status: 'to-read', readOn: null })
  })
})
