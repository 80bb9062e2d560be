import type { DashboardSummary } from '@shared/api/dashboard'
import { fragment, sql, type SqlRunner } from '../storage/sql'
import { trend, type DashboardRange } from './dashboardRange'

const givenKinds = fragment(sql`'help-given', 'resource-shared'`)
const receivedKinds = fragment(sql`'help-received', 'resource-received'`)

/** People listed in the reciprocity panel. */
export const reciprocityPeopleLimit = 20

/**
 * Given and received: interactions of the giving and receiving kinds plus the resources ledger,
 * each record counted once overall and once for each person it names.
 */
export function reciprocityPanel(runner: SqlRunner, range: DashboardRange): DashboardSummary['reciprocity'] {
  const totals = (from: string, to: string) =>
    runner.get<{ given: number; received: number }>(sql`
      SELECT
        (SELECT count(*) FROM interactions i WHERE i.deleted = 0 AND i.date >= ${from} AND i.date <= ${to} AND i.kind IN (${givenKinds}))
          + (SELECT count(*) FROM resources r WHERE r.deleted = 0 AND r.direction = 'given' AND r.date >= ${from} AND r.date <= ${to}) AS given,
        (SELECT count(*) FROM interactions i WHERE i.deleted = 0 AND i.date >= ${from} AND i.date <= ${to} AND i.kind IN (${receivedKinds}))
          + (SELECT count(*) FROM resources r WHERE r.deleted = 0 AND r.direction = 'received' AND r.date >= ${from} AND r.date <= ${to}) AS received`)!
  const current = totals(range.from, range.to)
  const previous = totals(range.previousFrom, range.previousTo)
  const people = runner.all<{ id: string; name: string; given: number; received: number }>(sql`
    SELECT x.contact_id AS id, c.name, sum(x.given) AS given, sum(x.received) AS received
    FROM (
      SELECT ic.contact_id, i.kind IN (${givenKinds}) AS given, i.kind IN (${receivedKinds}) AS received
      FROM interactions i JOIN interaction_contacts ic ON ic.interaction_id = i.id
      WHERE i.deleted = 0 AND i.date >= ${range.from} AND i.date <= ${range.to} AND i.kind IN (${givenKinds}, ${receivedKinds})
      UNION ALL
      SELECT rc.contact_id, r.direction = 'given', r.direction = 'received'
      FROM resources r JOIN resource_contacts rc ON rc.resource_id = r.id
      WHERE r.deleted = 0 AND r.date >= ${range.from} AND r.date <= ${range.to}
    ) x JOIN contacts c ON c.id = x.contact_id AND c.deleted = 0
    GROUP BY x.contact_id
    ORDER BY sum(x.given) + sum(x.received) DESC, c.sort_name, x.contact_id
    LIMIT ${reciprocityPeopleLimit}`)
  return {
    given: trend(current.given, previous.given),
    received: trend(current.received, previous.received),
    people: people.map(({ id, name, given, received }) => ({ contact: { id, name }, given, received })),
  }
}
