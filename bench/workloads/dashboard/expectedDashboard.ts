import type { DashboardSummary } from '@shared/api/dashboard'
import { addDays, dayOf } from '@shared/network/keepingInTouch'
import { generateNetwork } from '@shared/network/generateNetwork'
import { sortKey } from '../../../src/main/core/index/network/projectRecord'
import { bigWorkspaceRange, bigWorkspaceSize } from '../../harness/bigWorkspace'

/**
 * The headline figures of the big workspace's dashboard, computed the plain way: one loop over
 * the generated records the workspace was built from (same seed and size), no SQL, following the
 * definitions of referenceDashboard (src/main/core/dashboard/testing). The whole reference is
 * ~10 s of CPU at 100,000 interactions, too slow for a benchmark's budget; the equivalence test
 * (dashboardEquivalence.test.ts) checks every figure on smaller networks.
 */
export type Headline = ReturnType<typeof headlineOf>

/** The figures the benchmarks check, as the dashboard reports them ([current, previous] for trends). */
export function headlineOf(summary: Omit<DashboardSummary, 'computedInMs'>) {
  const pair = (t: { current: number; previous: number }) => [t.current, t.previous]
  return {
    interactions: pair(summary.engagement.interactions),
    meaningful: pair(summary.engagement.meaningful),
    inPerson: pair(summary.balance.inPerson),
    online: pair(summary.balance.online),
    given: pair(summary.reciprocity.given),
    received: pair(summary.reciprocity.received),
    topPeople: summary.reciprocity.people.map((p) => `${p.contact.id} ${p.contact.name} ${p.given}/${p.received}`),
    newConnections: pair(summary.breadth.newConnections),
    journalEntries: pair(summary.learning.journalEntries),
    followUpsDue: summary.keepingInTouch.followUpsDueTotal,
  }
}

export function expectedHeadline(): Headline {
  const { seed, contacts: contactCount, interactions: interactionCount, today: generatedUpTo } = bigWorkspaceSize
  const network = generateNetwork({ seed, contacts: contactCount, interactions: interactionCount, today: generatedUpTo })
  const { from, to, today } = bigWorkspaceRange
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1
  const inCurrent = (day: string | null) => day !== null && day >= from && day <= to
  const [previousFrom, previousTo] = [addDays(from, -days), addDays(from, -1)]
  const inPrevious = (day: string | null) => day !== null && day >= previousFrom && day <= previousTo
  const live = <T extends { deletedAt: number | null }>(items: T[]) => items.filter((item) => item.deletedAt === null)
  const interactions = live(network.interactions)
  const resources = live(network.resources)
  const contacts = new Map(live(network.contacts).map((c) => [c.id, c]))
  const givingKinds = ['help-given', 'resource-shared']
  const receivingKinds = ['help-received', 'resource-received']
  const counts = (test: (i: (typeof interactions)[number]) => boolean) => [
    interactions.filter((i) => inCurrent(i.date) && test(i)).length,
    interactions.filter((i) => inPrevious(i.date) && test(i)).length,
  ]
  const exchanges = (kinds: string[], direction: string) =>
    [inCurrent, inPrevious].map(
      (inside) => interactions.filter((i) => inside(i.date) && kinds.includes(i.kind)).length + resources.filter((r) => inside(r.date) && r.direction === direction).length,
    )
  const perPerson = new Map<string, { given: number; received: number }>()
  const tally = (ids: string[], gave: boolean, got: boolean) => {
    for (const id of new Set(ids)) {
      const person = perPerson.get(id) ?? { given: 0, received: 0 }
      perPerson.set(id, { given: person.given + Number(gave), received: person.received + Number(got) })
    }
  }
  for (const i of interactions) {
    const gave = givingKinds.includes(i.kind)
    const got = receivingKinds.includes(i.kind)
    if (inCurrent(i.date) && (gave || got)) tally(i.contactIds, gave, got)
  }
  for (const r of resources) if (inCurrent(r.date)) tally(r.contactIds, r.direction === 'given', r.direction === 'received')
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  const topPeople = [...perPerson]
    .filter(([id]) => contacts.has(id))
    .map(([id, p]) => ({ id, name: contacts.get(id)!.name, ...p }))
    .sort((a, b) => b.given + b.received - (a.given + a.received) || byText(sortKey(a.name), sortKey(b.name)) || byText(a.id, b.id))
    .slice(0, 20)
    .map((p) => `${p.id} ${p.name} ${p.given}/${p.received}`)
  const journal = live(network.journal)
  return {
    interactions: counts(() => true),
    meaningful: counts((i) => i.meaningful >= 2),
    inPerson: counts((i) => i.mode === 'in-person'),
    online: counts((i) => i.mode === 'online'),
    given: exchanges(givingKinds, 'given'),
    received: exchanges(receivingKinds, 'received'),
    topPeople,
    newConnections: [[...contacts.values()].filter((c) => inCurrent(dayOf(c.createdAt))).length, [...contacts.values()].filter((c) => inPrevious(dayOf(c.createdAt))).length],
    journalEntries: [journal.filter((j) => inCurrent(j.date)).length, journal.filter((j) => inPrevious(j.date)).length],
    followUpsDue: interactions.filter(
      (i) => i.followUpOn !== null && !i.followUpDone && i.followUpOn <= today && !(i.followUpSnoozedUntil !== null && i.followUpSnoozedUntil > today),
    ).length,
  }
}

/** The summary without its timing, for comparing answers. */
export function figuresOf(summary: DashboardSummary): Omit<DashboardSummary, 'computedInMs'> {
  const { computedInMs: _computedInMs, ...figures } = summary
  return figures
}
