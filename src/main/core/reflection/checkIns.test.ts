import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CheckInFields } from '@shared/network/records'
import type { Core } from '../Core'
import { openCore, type CoreInternals } from '../createCore'
import { call } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'

const checkIn = (fields: Partial<CheckInFields>): Partial<CheckInFields> => ({
  date: '2027-03-31',
  cadence: 'monthly',
  periodStart: '2027-03-01',
  periodEnd: '2027-03-31',
  ...fields,
})

describe('check-ins and the schedule through the core', () => {
  let temp: ReturnType<typeof makeTempDir>
  let dataDir: string
  let core: Core
  let internals: CoreInternals
  const open = async () => {
    const opened = await openCore({ dataDir })
    core = opened.core
    internals = opened.internals
  }

  beforeEach(async () => {
    temp = makeTempDir()
    dataDir = join(temp.dir, 'profile')
    await open()
  })
  afterEach(async () => {
    await core.shutdown()
    temp.remove()
  })

  it('settings: monthly and nothing dismissed by default; a schedule is kept in the workspace across a restart', async () => {
    expect(internals.ctx.workspace.doc().settings.reflection).toBeUndefined()
    expect(await call(core, 'reflection.settings')).toEqual({ schedule: { cadence: 'monthly', termEnds: [] }, dismissed: [] })
    expect(await call(core, 'reflection.setSchedule', { cadence: 'term', termEnds: ['2027-07-16', '2027-04-01', '2027-04-01'] })).toEqual({
      schedule: { cadence: 'term', termEnds: ['2027-04-01', '2027-07-16'] },
      dismissed: [],
    })
    expect(await core.dispatch('reflection.setSchedule', { cadence: 'term', termEnds: [] })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('term end date') },
    })
    expect(await core.dispatch('reflection.setSchedule', { cadence: 'fortnightly' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    await core.shutdown()
    await open()
    expect((await call(core, 'reflection.settings')).schedule).toEqual({ cadence: 'term', termEnds: ['2027-04-01', '2027-07-16'] })
  })

  it('settings written by a peer in another shape read as defaults, keeping what is valid, and are repaired on the next write', async () => {
    internals.ctx.workspace.change((doc) => {
      ;(doc.settings as unknown as Record<string, unknown>).reflection = { cadence: 'hourly', termEnds: ['2027-04-01', 'soon', 3], dismissed: { a: 5, b: 'x' } }
    })
    expect(await call(core, 'reflection.settings')).toEqual({ schedule: { cadence: 'monthly', termEnds: ['2027-04-01'] }, dismissed: [{ key: 'a', at: 5 }] })
    await call(core, 'suggestions.dismiss', { key: 'c' })
    const stored = internals.ctx.workspace.doc().settings.reflection!
    expect(stored.cadence).toBe('monthly')
    expect([...stored.termEnds]).toEqual(['2027-04-01'])
    expect(Object.keys(stored.dismissed).sort()).toEqual(['a', 'c'])
  })

  it('due: a first monthly check-in at once, then a month after the last period; weekly and off', async () => {
    expect(await call(core, 'reflection.due', { today: '2027-03-31' })).toEqual({
      schedule: { cadence: 'monthly', termEnds: [] },
      due: true,
      period: { start: '2027-03-01', end: '2027-03-31' },
      nextDueOn: null,
      lastCheckIn: null,
    })
    const created = (await call(core, 'checkIns.create', { fields: checkIn({ goalsRating: 4 }) })).checkIn
    expect(await call(core, 'reflection.due', { today: '2027-04-15' })).toMatchObject({
      due: false,
      period: null,
      nextDueOn: '2027-04-30',
      lastCheckIn: { id: created.id, date: '2027-03-31', periodStart: '2027-03-01', periodEnd: '2027-03-31' },
    })
    expect(await call(core, 'reflection.due', { today: '2027-05-02' })).toMatchObject({ due: true, period: { start: '2027-04-01', end: '2027-05-02' } })
    await call(core, 'reflection.setSchedule', { cadence: 'weekly' })
    expect(await call(core, 'reflection.due', { today: '2027-04-06' })).toMatchObject({ due: false, nextDueOn: '2027-04-07' })
    // Deleting the only check-in: the schedule counts as if there never was one.
    await call(core, 'checkIns.delete', { id: created.id })
    expect(await call(core, 'reflection.due', { today: '2027-04-06' })).toMatchObject({ due: true, period: { start: '2027-03-31', end: '2027-04-06' }, lastCheckIn: null })
    await call(core, 'reflection.setSchedule', { cadence: 'off' })
    expect(await call(core, 'reflection.due', { today: '2027-04-06' })).toMatchObject({ due: false, period: null, nextDueOn: null })
  })

  it('create, get, update, list newest first with the ratings oldest first, delete and restore', async () => {
    const march = await call(core, 'checkIns.create', {
      fields: checkIn({ goalsRating: 3, goalsText: 'Two goals moved.', conversationsRating: 4, learningRating: 2, adjustRating: 5, adjustText: 'More meetups.', figures: { interactions: 12 } }),
    })
    expect(march.row).toMatchObject({
      date: '2027-03-31',
      cadence: 'monthly',
      periodStart: '2027-03-01',
      periodEnd: '2027-03-31',
      ratings: { goals: 3, conversations: 4, learning: 2, adjust: 5 },
      figures: { interactions: 12 },
      deleted: false,
    })
    expect(march.checkIn).toMatchObject({ goalsText: 'Two goals moved.', adjustText: 'More meetups.', deletedAt: null })
    const feb = await call(core, 'checkIns.create', { fields: checkIn({ date: '2027-02-28', periodStart: '2027-02-01', periodEnd: '2027-02-28', learningText: 'Read two papers.' }) })
    const april = await call(core, 'checkIns.create', { fields: checkIn({ date: '2027-04-30', periodStart: '2027-04-01', periodEnd: '2027-04-30', goalsRating: 5 }) })

    const listed = await call(core, 'checkIns.list', {})
    expect(listed.total).toBe(3)
    expect(listed.rows.map((r) => r.date)).toEqual(['2027-04-30', '2027-03-31', '2027-02-28'])
    expect(listed.ratings).toEqual([
      { id: feb.checkIn.id, date: '2027-02-28', periodEnd: '2027-02-28', goals: null, conversations: null, learning: null, adjust: null },
      { id: march.checkIn.id, date: '2027-03-31', periodEnd: '2027-03-31', goals: 3, conversations: 4, learning: 2, adjust: 5 },
      { id: april.checkIn.id, date: '2027-04-30', periodEnd: '2027-04-30', goals: 5, conversations: null, learning: null, adjust: null },
    ])
    expect((await call(core, 'checkIns.list', { from: '2027-03-01', to: '2027-03-31' })).rows.map((r) => r.id)).toEqual([march.checkIn.id])
    expect((await call(core, 'checkIns.list', { limit: 1, offset: 1 })).rows.map((r) => r.id)).toEqual([march.checkIn.id])

    const updated = await call(core, 'checkIns.update', { id: march.checkIn.id, patch: { learningRating: 4, learningText: 'Tried retrieval practice.' } })
    expect(updated.row.ratings.learning).toBe(4)
    expect(updated.checkIn).toMatchObject({ learningText: 'Tried retrieval practice.', goalsText: 'Two goals moved.' })
    expect((await call(core, 'checkIns.get', { id: march.checkIn.id })).checkIn.learningText).toBe('Tried retrieval practice.')

    const receipt = await call(core, 'checkIns.delete', { id: march.checkIn.id })
    expect(receipt.changed).toBe(1)
    const afterDelete = await call(core, 'checkIns.list', {})
    expect(afterDelete.rows.map((r) => r.id)).toEqual([april.checkIn.id, feb.checkIn.id])
    expect(afterDelete.ratings.map((r) => r.id)).toEqual([feb.checkIn.id, april.checkIn.id])
    expect((await call(core, 'checkIns.list', { show: 'deleted' })).rows.map((r) => r.id)).toEqual([march.checkIn.id])
    expect((await call(core, 'checkIns.restore', { id: march.checkIn.id })).row.deleted).toBe(false)
    expect((await call(core, 'checkIns.list', {})).total).toBe(3)
    await call(core, 'undo.apply', { undoToken: (await call(core, 'checkIns.delete', { id: feb.checkIn.id })).undoToken })
    expect((await call(core, 'checkIns.list', {})).total).toBe(3)
  })

  it('refuses a check-in that says nothing, a reversed period or a rating out of 1–5, and loses nothing', async () => {
    const refused = async (fields: Partial<CheckInFields>, message: string | RegExp) =>
      expect(await core.dispatch('checkIns.create', { fields: checkIn(fields) })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(message) } })
    await refused({ goalsText: '   ' }, 'Answer at least one question')
    await refused({ goalsRating: 3, periodStart: '2027-04-01' }, 'The period starts after it ends')
    await refused({ goalsRating: 6 }, /.+/)
    await refused({ goalsRating: 3, cadence: 'daily' as never }, /.+/)
    const kept = await call(core, 'checkIns.create', { fields: checkIn({ adjustText: 'Fewer committees.' }) })
    expect(await core.dispatch('checkIns.update', { id: kept.checkIn.id, patch: { adjustText: '' } })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await core.dispatch('checkIns.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect((await call(core, 'checkIns.get', { id: kept.checkIn.id })).checkIn.adjustText).toBe('Fewer committees.')
    expect((await call(core, 'checkIns.list', {})).total).toBe(1)
  })
})
