import { describe, expect, it } from 'vitest'
import type { Core } from '../Core'
import { call } from '../testing/coreHarness'
import { coreCluster } from '../testing/coreCluster'

describe('the resources ledger through the core', () => {
  const cluster = coreCluster()

  async function withPeople(core: Core) {
    const ada = (await call(core, 'contacts.create', { fields: { name: 'Ada Lovelace' } })).contact
    const bea = (await call(core, 'contacts.create', { fields: { name: 'Bea Okafor' } })).contact
    return { ada, bea }
  }

  it('creates, reads, updates, deletes and restores entries, naming their contacts', async () => {
    const core = await cluster.open('a')
    const { ada, bea } = await withPeople(core)
    const created = await call(core, 'resources.create', {
      fields: { title: 'Fractions card sort', type: 'lesson-plan', direction: 'received', date: '2026-03-02', contactIds: [bea.id, ada.id], tags: ['Maths', 'maths '], usedIn: ['Year 7 fractions'] },
    })
    expect(created.resource).toMatchObject({ title: 'Fractions card sort', url: null, tags: ['maths'], deletedAt: null })
    expect(created.row).toMatchObject({ direction: 'received', type: 'lesson-plan', contacts: [{ id: bea.id, name: 'Bea Okafor' }, { id: ada.id, name: 'Ada Lovelace' }], space: null, usedIn: ['Year 7 fractions'], tags: ['maths'] })

    const updated = await call(core, 'resources.update', { id: created.resource.id, patch: { direction: 'given', contactIds: [ada.id], url: 'https://example.org/cards' } })
    expect(updated.row).toMatchObject({ direction: 'given', url: 'https://example.org/cards', contacts: [{ id: ada.id, name: 'Ada Lovelace' }], tags: ['maths'] })
    expect((await call(core, 'resources.get', { id: created.resource.id })).resource.contactIds).toEqual([ada.id])

    const receipt = await call(core, 'resources.delete', { id: created.resource.id })
    expect(receipt.changed).toBe(1)
    expect((await call(core, 'resources.list', {})).total).toBe(0)
    expect((await call(core, 'resources.list', { show: 'deleted' })).rows.map((r) => r.id)).toEqual([created.resource.id])
    expect(await call(core, 'resources.people', {})).toEqual({ people: [] })

    expect(await call(core, 'undo.apply', { undoToken: receipt.undoToken })).toEqual({ restored: 1 })
    expect((await call(core, 'resources.list', {})).rows).toMatchObject([{ id: created.resource.id, deleted: false }])
    await call(core, 'resources.delete', { id: created.resource.id })
    expect((await call(core, 'resources.restore', { id: created.resource.id })).row.deleted).toBe(false)
  })

  it('refuses bad input and keeps what was there', async () => {
    const core = await cluster.open('a')
    const { ada } = await withPeople(core)
    const refusal = (result: Awaited<ReturnType<Core['dispatch']>>) => (result.ok ? 'accepted' : result.error.message)
    expect(refusal(await core.dispatch('resources.create', { fields: { title: 'Slides', direction: 'given', date: '2026-03-02', url: 'javascript:alert(1)' } }))).toMatch(/http\(s\)/)
    expect(refusal(await core.dispatch('resources.create', { fields: { title: '', direction: 'given', date: '2026-03-02' } }))).toMatch(/fields\.title/)
    expect(refusal(await core.dispatch('resources.create', { fields: { title: 'Slides', direction: 'lent', date: '2026-03-02' } }))).not.toBe('accepted')
    expect(refusal(await core.dispatch('resources.create', { fields: { title: 'Slides', direction: 'given', date: '2026-03-02', contactIds: ['nobody'] } }))).toMatch(/Unknown contact: nobody/)
    expect(refusal(await core.dispatch('resources.create', { fields: { title: 'Slides', direction: 'given', date: '2026-03-02', spaceId: 'no-such-space' } }))).toMatch(/does not exist here/)
    const kept = await call(core, 'resources.create', { fields: { title: 'Slides', direction: 'given', date: '2026-03-02', contactIds: [ada.id] } })
    expect(refusal(await core.dispatch('resources.update', { id: kept.resource.id, patch: { url: 'ftp://example.org' } }))).toMatch(/http\(s\)/)
    expect((await call(core, 'resources.get', { id: kept.resource.id })).resource).toMatchObject({ title: 'Slides', url: null, contactIds: [ada.id] })
    expect((await call(core, 'resources.list', {})).total).toBe(1)
  })

  it('filters by direction, type, person, tag, space, words and dates, and counts per person', async () => {
    const core = await cluster.open('a')
    const { ada, bea } = await withPeople(core)
    const { project } = await call(core, 'projects.create', { title: 'Volcanoes unit', template: 'blank' })
    const add = async (fields: Record<string, unknown>) => (await call(core, 'resources.create', { fields })).resource.id
    const cards = await add({ title: 'Fractions card sort', type: 'lesson-plan', direction: 'received', date: '2026-01-10', contactIds: [ada.id], tags: ['maths'] })
    const video = await add({ title: 'Eruption timelapse', type: 'video', direction: 'given', date: '2026-02-10', contactIds: [ada.id, bea.id], tags: ['science'], spaceId: project.id })
    const article = await add({ title: 'Retrieval practice guide', type: 'article', direction: 'given', date: '2026-03-10', contactIds: [bea.id], notes: 'Spaced quizzing for starters', tags: ['maths'] })
    const solo = await add({ title: 'My own worksheet', type: 'file', direction: 'given', date: '2026-03-20' })

    const ids = async (args: object) => (await call(core, 'resources.list', args)).rows.map((r) => r.id)
    expect(await ids({})).toEqual([solo, article, video, cards])
    expect(await ids({ order: 'asc' })).toEqual([cards, video, article, solo])
    expect(await ids({ direction: 'received' })).toEqual([cards])
    expect(await ids({ direction: 'given', contactId: ada.id })).toEqual([video])
    expect(await ids({ contactId: bea.id })).toEqual([article, video])
    expect(await ids({ type: 'video' })).toEqual([video])
    expect(await ids({ tag: 'MATHS' })).toEqual([article, cards])
    expect(await ids({ spaceId: project.id })).toEqual([video])
    expect(await ids({ query: 'quizzing' })).toEqual([article])
    expect(await ids({ query: 'eruption', direction: 'received' })).toEqual([])
    expect(await ids({ from: '2026-02-01', to: '2026-03-10' })).toEqual([article, video])
    expect((await call(core, 'resources.list', { limit: 2, offset: 1 })).rows.map((r) => r.id)).toEqual([article, video])
    expect((await call(core, 'resources.list', { spaceId: project.id })).rows[0]!.space).toEqual({ id: project.id, kind: 'project', title: 'Volcanoes unit' })

    expect(await call(core, 'resources.tags')).toEqual({ tags: [{ tag: 'maths', count: 2 }, { tag: 'science', count: 1 }] })
    expect((await call(core, 'resources.people', {})).people).toEqual([
      { contact: { id: ada.id, name: 'Ada Lovelace' }, given: 1, received: 1 },
      { contact: { id: bea.id, name: 'Bea Okafor' }, given: 2, received: 0 },
    ])
    expect((await call(core, 'resources.people', { from: '2026-03-01' })).people).toEqual([{ contact: { id: bea.id, name: 'Bea Okafor' }, given: 1, received: 0 }])

    // Deleting an entry or a contact takes it out of the counts.
    await call(core, 'resources.delete', { id: video })
    await call(core, 'contacts.delete', { id: ada.id })
    expect((await call(core, 'resources.people', {})).people).toEqual([{ contact: { id: bea.id, name: 'Bea Okafor' }, given: 1, received: 0 }])
  })
})
