import type { Suggestion } from '@shared/api/reflection'
import { addDays } from '@shared/network/keepingInTouch'
import { sql } from '../../storage/sql'
import type { SuggestionInput } from './SuggestionRule'
import { count, longDay, recordHref } from './wording'

/** Reciprocity is judged over this many days ending today, whatever range the dashboard shows. */
export const giveBackWindowDays = 180
export const giveBackMinReceived = 2
export const maxGiveBack = 3

interface OneSidedPerson {
  id: string
  name: string
  received: number
  last_received: string
  key: string
}

/**
 * People who helped or shared with the teacher at least twice in the last 180 days while nothing
 * went back to them: interactions of the help and resource kinds plus the resources ledger. The
 * key names the person and the last thing received, so receiving again brings it back.
 */
export function giveBack({ sql: runner, today, dismissedJson }: SuggestionInput): Suggestion[] {
  const start = addDays(today, -(giveBackWindowDays - 1))
  const rows = runner.all<OneSidedPerson>(sql`
    WITH exchanges AS (
      SELECT ic.contact_id, CASE WHEN i.kind IN ('help-given', 'resource-shared') THEN 'given' ELSE 'received' END AS direction, i.date
      FROM interactions i JOIN interaction_contacts ic ON ic.interaction_id = i.id
      WHERE i.deleted = 0 AND i.date BETWEEN ${start} AND ${today}
        AND i.kind IN ('help-given', 'resource-shared', 'help-received', 'resource-received')
      UNION ALL
      SELECT rc.contact_id, rc.direction, r.date
      FROM resources r JOIN resource_contacts rc ON rc.resource_id = r.id
      WHERE r.deleted = 0 AND r.date BETWEEN ${start} AND ${today}
    ),
    one_sided AS (
      SELECT contact_id, sum(direction = 'received') AS received, max(date) AS last_received
      FROM exchanges GROUP BY contact_id
      HAVING sum(direction = 'given') = 0 AND sum(direction = 'received') >= ${giveBackMinReceived}
    )
    SELECT c.id, c.name, p.received, p.last_received, 'give-back:' || c.id || ':' || p.last_received AS key
    FROM one_sided p CROSS JOIN contacts c ON c.id = p.contact_id
    WHERE c.deleted = 0
      AND 'give-back:' || c.id || ':' || p.last_received NOT IN (SELECT value FROM json_each(${dismissedJson}))
    ORDER BY p.received DESC, p.last_received DESC, c.sort_name, c.id
    LIMIT ${maxGiveBack}`)
  return rows.map((row) => ({
    key: row.key,
    kind: 'give-back',
    title: `Give back to ${row.name}`,
    explanation: `${row.name} helped you or shared something with you ${count(row.received, 'time')} in the last ${giveBackWindowDays} days, and nothing went back to them in that time.`,
    evidence: [
      { label: 'Received', value: String(row.received) },
      { label: 'Given', value: '0' },
      { label: 'Last received', value: longDay(row.last_received) },
    ],
    link: { href: recordHref('contacts', row.id), label: `Open ${row.name}` },
  }))
}
