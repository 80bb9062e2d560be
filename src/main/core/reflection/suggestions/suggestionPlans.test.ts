import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Core } from '../../Core'
import { openCore, type CoreInternals } from '../../createCore'
import { SqlRunner, type SqlQuery } from '../../storage/sql'
import { makeTempDir } from '../../testing/tempDir'
import { suggestionRules } from './listSuggestions'

/**
 * Every rule reads the big tables (contacts, interactions and their people, resources, journal)
 * through an index range, never a full scan: the suggestions stay cheap at 10,000 contacts and
 * 100,000 interactions (45 ms in all when measured, 27 ms of it the 180 days of give and take).
 */
const bigTables = /^SCAN (contacts|interactions|interaction_contacts|resources|resource_contacts|journal_entries|c|i|ic|r|rc|j)\b/

let temp: ReturnType<typeof makeTempDir>
let core: Core
let internals: CoreInternals
beforeAll(async () => {
  temp = makeTempDir()
  ;({ core, internals } = await openCore({ dataDir: join(temp.dir, 'profile') }))
})
afterAll(async () => {
  await core.shutdown()
  temp.remove()
})

it('each rule reads the big tables by index', () => {
  const plans: Record<string, string[]> = {}
  let current = ''
  const runner = new SqlRunner(internals.db)
  const plan = (query: SqlQuery) => {
    const rows = internals.db.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.params) as Array<{ detail: string }>
    plans[current] = [...(plans[current] ?? []), ...rows.map((r) => r.detail)]
  }
  const all = runner.all.bind(runner)
  const get = runner.get.bind(runner)
  runner.all = <Row>(query: SqlQuery) => (plan(query), all<Row>(query))
  runner.get = <Row>(query: SqlQuery) => (plan(query), get<Row>(query))
  for (const rule of suggestionRules) {
    current = rule.name
    rule({ sql: runner, from: '2027-03-01', to: '2027-03-31', today: '2027-03-31', dismissedJson: '[]' })
  }
  expect(Object.keys(plans)).toEqual(['reconnect', 'giveBack', 'inPersonBalance', 'dormantCommunity', 'setbackLesson'])
  for (const [rule, details] of Object.entries(plans)) expect(details.filter((d) => bigTables.test(d)), rule).toEqual([])
  expect(plans.reconnect).toContain('SEARCH c USING INDEX contacts_by_due (deleted=? AND due_on>? AND due_on<?)')
  expect(plans.giveBack).toContain('SEARCH c USING INDEX sqlite_autoindex_contacts_1 (id=?)')
})
