import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GoalsQueries } from '../index/network/GoalsQueries'
import { SqlRunner, type SqlQuery } from '../storage/sql'
import { breadthPanel } from './breadthPanel'
import { dashboardRange } from './dashboardRange'
import { engagementAndBalance } from './engagementPanel'
import { learningPanel } from './learningPanel'
import { reciprocityPanel } from './reciprocityPanel'
import { DashboardFixture } from './testing/DashboardFixture'

/** Runs the panels as usual and keeps the query plan of every statement they ran. */
class PlanRecorder extends SqlRunner {
  readonly plans: string[] = []

  override all<Row>(query: SqlQuery): Row[] {
    this.record(query)
    return super.all<Row>(query)
  }

  override get<Row>(query: SqlQuery): Row | undefined {
    this.record(query)
    return super.get<Row>(query)
  }

  private record(query: SqlQuery): void {
    const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.params) as Array<{ detail: string }>
    this.plans.push(rows.map((r) => r.detail).join('\n'))
  }
}

/** The big tables may only be read through an index range, never scanned whole. */
const bigTables = /SCAN (i|ic|c|r|rc|interactions|interaction_contacts|contacts|resources|resource_contacts)\b(?! USING)/

describe('query plans of the dashboard (no full scans of the big tables, interactions read from one covering index)', () => {
  let fixture: DashboardFixture
  let runner: PlanRecorder
  const range = dashboardRange('2025-07-01', '2026-06-30')
  beforeEach(() => {
    fixture = new DashboardFixture()
    runner = new PlanRecorder(fixture.db)
  })
  afterEach(() => fixture.close())

  const interactionReads = (plan: string) => plan.split('\n').filter((line) => / i USING /.test(line))

  it('engagement and balance: one covering range of interactions_for_dashboard per period, counted per day in index order', () => {
    engagementAndBalance(runner, range)
    expect(runner.plans).toHaveLength(2)
    for (const plan of runner.plans) {
      expect(plan).not.toMatch(bigTables)
      expect(interactionReads(plan)).toEqual(['SEARCH i USING COVERING INDEX interactions_for_dashboard (deleted=? AND date>? AND date<?)'])
    }
    // Days come out of the index in order; only the few day rows are grouped into weeks.
    expect(runner.plans[0]!.match(/TEMP B-TREE/g)).toHaveLength(1)
  })

  it('reciprocity: covering ranges for the totals, interaction_contacts and resource_contacts by record for the people', () => {
    reciprocityPanel(runner, range)
    for (const plan of runner.plans) {
      expect(plan).not.toMatch(bigTables)
      for (const line of interactionReads(plan)) expect(line).toMatch(/USING COVERING INDEX interactions_for_dashboard \(deleted=\? AND date>\? AND date<\?\)/)
    }
    const people = runner.plans.at(-1)!
    expect(people).toMatch(/SEARCH ic USING COVERING INDEX interaction_contacts_by_interaction \(interaction_id=\?\)/)
    expect(people).toMatch(/SEARCH r USING INDEX resources_by_date \(deleted=\? AND date>\? AND date<\?\)/)
    expect(people).toMatch(/SEARCH rc USING COVERING INDEX resource_contacts_by_resource \(resource_id=\?\)/)
  })

  it('breadth: contacts from contacts_for_dashboard, community figures from ranges of the interaction indexes', () => {
    breadthPanel(runner, range)
    for (const plan of runner.plans) {
      expect(plan).not.toMatch(bigTables)
      for (const line of plan.split('\n').filter((l) => / c USING /.test(l))) expect(line).toMatch(/USING COVERING INDEX contacts_for_dashboard \(deleted=\?/)
    }
    const activity = runner.plans.find((plan) => plan.includes('CORRELATED SCALAR SUBQUERY'))!
    expect(activity).toMatch(/SEARCH i USING COVERING INDEX interactions_by_community \(community_id=\? AND deleted=\? AND date>\? AND date<\?\)/)
    expect(activity).toMatch(/SEARCH i USING COVERING INDEX interactions_by_community \(community_id=\? AND deleted=\? AND date<\?\)/)
  })

  it('learning: the small tables by their indexes or a scan of a few hundred rows', () => {
    learningPanel(runner, range)
    expect(runner.plans.join('\n')).toMatch(/SEARCH j USING INDEX journal_by_date \(deleted=\? AND date>\? AND date<\?\)/)
  })

  it.each(['interactions', 'meaningful-conversations', 'in-person-interactions', 'resources-shared'] as const)(
    'goal progress (%s, linked or not) counts one covering range of interactions',
    (kind) => {
      const goals = new GoalsQueries(fixture.db)
      for (const links of [{ contact_ids_json: '[]', community_ids_json: '[]' }, { contact_ids_json: '["c1"]', community_ids_json: '["m1"]' }]) {
        const query = goals.countQuery({ target_kind: kind, starts_on: '2026-01-01', deadline: '2026-06-30', ...links })
        const plan = (fixture.db.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.params) as Array<{ detail: string }>).map((r) => r.detail).join('\n')
        expect(plan).not.toMatch(bigTables)
        expect(plan).toMatch(/SEARCH i USING COVERING INDEX interactions_for_dashboard \(deleted=\? AND date>\? AND date<\?\)/)
      }
    },
  )
})
