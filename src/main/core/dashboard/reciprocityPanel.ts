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
  // One pass over each period's interactions (interactions_for_dashboard), plus the ledger's range.
  const totals = (from: string, to: string) =>
    runner.get<{ given: number; received: number }>(sql`
      SELECT coalesce(sum(i.kind IN (${givenKinds})), 0)
          + (SELECT count(*) FROM resources r WHERE r.deleted = 0 AND r.direction = 'given' AND r.date >= ${from} AND r.date <= ${to}) AS given,
        coalesce(sum(i.kind IN (${receivedKinds})), 0)
          + (SELECT count(*) FROM resources r WHERE r.deleted = 0 AND r.direction = 'received' AND r.date >= ${from} AND r.date <= ${to}) AS received
      FROM interactions i WHERE i.deleted = 0 AND i.date >= ${from} AND i.date <= ${to}`)!
  const current = totals(range.from, range.to)
  const previous = totals(range.previousFrom, range.previousTo)
  // Grouped per person before the names are joined: one contact lookup per person, not per exchange.
  const people = runner.all<{ id: string; name: string; given: number; received: number }>(sql`
    SELECT x.contact_id AS id, c.name, x.given, x.received
    FROM (
      SELECT e.contact_id, sum(e.given) AS given, sum(e.received) AS received
      FROM (
        SELECT ic.contact_id, i.kind IN (${givenKinds}) AS given, i.kind IN (${receivedKinds}) AS received
        FROM interactions i JOIN interaction_contacts ic ON ic.interaction_id = i.id
        WHERE i.deleted = 0 AND i.date >= ${range.from} AND i.date <= ${range.to} AND i.kind IN (${givenKinds}, ${receivedKinds})
        UNION ALL
        SELECT rc.contact_id, r.direction = 'given', r.direction = 'received'
        FROM resources r JOIN resource_contacts rc ON rc.resource_id = r.id
        WHERE r.deleted = 0 AND r.date >= ${range.from} AND r.date <= ${range.to}
      ) e
      GROUP BY e.contact_id
    ) x JOIN contacts c ON c.id = x.contact_id AND c.deleted = 0
    ORDER BY x.given + x.received DESC, c.sort_name, x.contact_id
    LIMIT ${reciprocityPeopleLimit}`)
  return {
    given: trend(current.given, previous.given),
    received: trend(current.received, previous.received),
    people: people.map(({ id, name, given, received }) => ({ contact: { id, name }, given, received })),
  }
}
