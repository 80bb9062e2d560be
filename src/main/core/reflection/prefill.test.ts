import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../Core'
import { createCore } from '../createCore'
import { call } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'

describe('reflection.prefill through the core', () => {
  let temp: ReturnType<typeof makeTempDir>
  let core: Core

  beforeEach(async () => {
    temp = makeTempDir()
    core = await createCore({ dataDir: join(temp.dir, 'profile') })
  })
  afterEach(async () => {
    await core.shutdown()
    temp.remove()
  })

  it('prefill: the period’s figures from the dashboard’s computation', async () => {
    const ada = (await call(core, 'contacts.create', { fields: { name: 'Ada' } })).contact.id
    const log = (date: string, mode: 'online' | 'in-person', kind = 'conversation', meaningful = 0) =>
      call(core, 'interactions.log', { fields: { date, contactIds: [ada], mode, kind, meaningful } })
    await log('2027-03-02', 'in-person', 'conversation', 3)
    await log('2027-03-10', 'online', 'help-received', 2)
    await log('2027-03-12', 'online', 'help-given')
    await log('2027-03-20', 'online', 'resource-received', 1)
    await log('2027-02-20', 'in-person', 'help-given', 3)
    await call(core, 'journal.create', { fields: { date: '2027-03-05', kind: 'setback', whatHappened: 'Lost the class.' } })
    await call(core, 'goals.create', { fields: { title: 'Five meetups', target: { kind: 'in-person-interactions', count: 50 }, startsOn: '2027-01-01', deadline: '2027-04-30' } })

    const { figures } = await call(core, 'reflection.prefill', { periodStart: '2027-03-01', periodEnd: '2027-03-31', today: '2027-03-31' })
    expect(figures).toEqual({
      interactions: 4,
      meaningfulConversations: 2,
      inPersonSharePercent: 25,
      given: 1,
      received: 2,
      goalsAtRisk: 1,
      journalEntries: 1,
      readingApplied: 0,
    })
    // A period without interactions has no in-person share (0% would read as all online).
    expect((await call(core, 'reflection.prefill', { periodStart: '2027-01-01', periodEnd: '2027-01-31', today: '2027-03-31' })).figures).not.toHaveProperty('inPersonSharePercent')
    expect(await core.dispatch('reflection.prefill', { periodStart: '2027-03-31', periodEnd: '2027-03-01', today: '2027-03-31' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })
})
