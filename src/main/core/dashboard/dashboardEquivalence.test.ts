import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, dayOf } from '@shared/network/keepingInTouch'
import { generateNetwork, type NetworkSize } from '@shared/network/generateNetwork'
import { openCore, type CoreInternals } from '../createCore'
import type { Core } from '../Core'
import { softDelete } from '../network/recordOps'
import { call } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'
import { loadNetwork } from './testing/loadNetwork'
import { readDocuments } from './testing/readDocuments'
import { referenceDashboard } from './testing/referenceDashboard'

/**
 * On generated networks loaded into a real core, every figure of dashboard.summary equals the
 * plain TypeScript computation over the records read back from the documents.
 */
const networks: NetworkSize[] = [
  { seed: 1, contacts: 300, interactions: 3_000, today: '2026-06-30' },
  { seed: 7, contacts: 120, interactions: 1_500, today: '2025-11-16' },
]

describe.each(networks)('dashboard on generated network seed $seed ($contacts contacts, $interactions interactions)', (size) => {
  const temp = makeTempDir()
  let core: Core
  let internals: CoreInternals
  const today = size.today!
  beforeAll(async () => {
    ;({ core, internals } = await openCore({ dataDir: join(temp.dir, 'profile') }))
    const network = generateNetwork(size)
    await loadNetwork(internals, network)
    // What generated networks lack: deleted records, goals linked to people and communities,
    // cadence settings, snoozes, and lesson projects (one archived) next to a circle.
    const services = internals.ctx.network
    const { store } = services
    await softDelete(services, 'contact', network.contacts.slice(0, 5).map((c) => c.id))
    await softDelete(services, 'interaction', network.interactions.slice(0, 40).map((i) => i.id))
    await softDelete(services, 'resource', network.resources.slice(0, 5).map((r) => r.id))
    await softDelete(services, 'reading', network.readings.slice(0, 3).map((r) => r.id))
    await softDelete(services, 'journal', network.journal.slice(0, 3).map((j) => j.id))
    await softDelete(services, 'community', [network.communities[0]!.id])
    await store.update('goal', network.goals[0]!.id, { status: 'active', contactIds: network.contacts.slice(5, 12).map((c) => c.id) })
    await store.update('goal', network.goals[1]!.id, { status: 'active', communityIds: network.communities.slice(1, 3).map((m) => m.id) })
    await store.update('community', network.communities[1]!.id, { membership: 'former' })
    await call(core, 'keepingInTouch.setDefaultCadence', { days: 120 })
    await call(core, 'keepingInTouch.setTagCadence', { tag: 'mentor', days: 21 })
    await call(core, 'keepingInTouch.snooze', { contactId: network.contacts[6]!.id, until: addDays(today, 10) })
    await call(core, 'projects.create', { title: 'Fractions' })
    const { project } = await call(core, 'projects.create', { title: 'Old unit' })
    await call(core, 'projects.update', { projectId: project.id, archived: true })
    await call(core, 'circles.create', { name: 'Maths circle' })
  }, 120_000)
  afterAll(async () => {
    await core.shutdown()
    temp.remove()
  })

  const realToday = dayOf(Date.now())
  it.each([
    ['the year to today', addDays(today, -364), today, today],
    ['a quarter in the middle', addDays(today, -400), addDays(today, -310), addDays(today, -300)],
    ['one day', addDays(today, -20), addDays(today, -20), today],
    ['the whole history', addDays(today, -800), today, today],
    ['the last month of real time (project activity)', addDays(realToday, -30), realToday, realToday],
  ])('%s: every figure equals the computation over the documents', async (_label, from, to, day) => {
    const { computedInMs, ...summary } = await call(core, 'dashboard.summary', { from, to, today: day })
    internals.ctx.dashboard.spaceActivity.flushPending()
    expect(computedInMs).toBeGreaterThan(0)
    const expected = referenceDashboard(await readDocuments(internals), from, to, day)
    expect(summary).toEqual(expected)
  })

  it('the figures are not trivially empty (the comparison means something)', async () => {
    const summary = await call(core, 'dashboard.summary', { from: addDays(today, -364), to: today, today })
    expect(summary.engagement.interactions.current).toBeGreaterThan(100)
    expect(summary.reciprocity.people.length).toBe(20)
    expect(summary.reciprocity.given.current).toBeGreaterThan(0)
    expect(summary.breadth.diversity.every((d) => d.distinct > 1 && d.evenness !== null)).toBe(true)
    expect(summary.breadth.communitiesActive + summary.breadth.communitiesDormant).toBeGreaterThan(0)
    expect(summary.goals.rows.length).toBeGreaterThan(0)
    expect(summary.keepingInTouch.losingTouchTotal).toBeGreaterThan(0)
    expect(summary.keepingInTouch.followUpsDueTotal).toBeGreaterThan(0)
    expect(summary.learning.readingRead.current + summary.learning.readingRead.previous).toBeGreaterThan(0)
    expect(summary.learning.setbacks).toBeGreaterThan(0)
    const lately = await call(core, 'dashboard.summary', { from: addDays(realToday, -30), to: realToday, today: realToday })
    expect(lately.learning).toMatchObject({ projectsActive: { current: 1 }, projectsTotal: 1 })
  })
})
