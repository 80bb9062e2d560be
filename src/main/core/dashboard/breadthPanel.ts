import type { CommunityActivity, DashboardSummary, DiversityDimension } from '@shared/api/dashboard'
import { parseJsonArray } from '../index/network/queryParts'
import { fragment, sql, type SqlRunner } from '../storage/sql'
import { trend, type DashboardRange } from './dashboardRange'
import { diversityOf } from './diversity'

type ValueCount = { value: string; count: number }

/** Contact columns spread over as is: trusted identifiers from this file, never input. */
const contactColumns = { roles: 'role', schools: 'organisation', regions: 'location' } as const

/** New connections, the network's diversity and which communities are active. */
export function breadthPanel(runner: SqlRunner, range: DashboardRange): DashboardSummary['breadth'] {
  const added = runner.get<{ current: number; previous: number }>(sql`
    SELECT coalesce(sum(c.added_on >= ${range.from}), 0) AS current, coalesce(sum(c.added_on <= ${range.previousTo}), 0) AS previous
    FROM contacts c WHERE c.deleted = 0 AND c.added_on >= ${range.previousFrom} AND c.added_on <= ${range.to}`)!
  const communities = communityActivity(runner, range)
  return {
    newConnections: trend(added.current, added.previous),
    diversity: diversity(runner, range),
    communities,
    communitiesActive: communities.filter((c) => c.active).length,
    communitiesDormant: communities.filter((c) => !c.active).length,
  }
}

function diversity(runner: SqlRunner, range: DashboardRange): DiversityDimension[] {
  const subjects = runner.all<ValueCount>(sql`
    SELECT s.value AS value, count(*) AS count FROM contacts c, json_each(c.subjects_json) s
    WHERE c.deleted = 0 GROUP BY s.value ORDER BY count DESC, value`)
  const noSubjects = runner.get<{ n: number }>(sql`SELECT count(*) AS n FROM contacts c WHERE c.deleted = 0 AND c.subjects_json = '[]'`)!.n
  const dimensions = [diversityOf('subjects', subjects, noSubjects)]
  for (const [dimension, name] of Object.entries(contactColumns) as Array<[keyof typeof contactColumns, string]>) {
    const column = fragment({ text: `c.${name}`, params: [] })
    const counts = runner.all<ValueCount>(sql`
      SELECT ${column} AS value, count(*) AS count FROM contacts c WHERE c.deleted = 0 AND ${column} <> '' GROUP BY ${column} ORDER BY count DESC, value`)
    const unknown = runner.get<{ n: number }>(sql`SELECT count(*) AS n FROM contacts c WHERE c.deleted = 0 AND ${column} = ''`)!.n
    dimensions.push(diversityOf(dimension, counts, unknown))
  }
  // Communities: those the range's interactions were in, each counted by its interactions.
  const byCommunity = runner.all<ValueCount>(sql`
    SELECT coalesce(m.name, '') AS value, x.count
    FROM (
      SELECT i.community_id, count(*) AS count FROM interactions i
      WHERE i.deleted = 0 AND i.date >= ${range.from} AND i.date <= ${range.to} AND i.community_id IS NOT NULL GROUP BY i.community_id
    ) x LEFT JOIN communities m ON m.id = x.community_id
    ORDER BY x.count DESC, value, x.community_id`)
  const noCommunity = runner.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM interactions i WHERE i.deleted = 0 AND i.date >= ${range.from} AND i.date <= ${range.to} AND i.community_id IS NULL`)!.n
  dimensions.push(diversityOf('communities', byCommunity, noCommunity))
  return dimensions
}

interface CommunityRecord {
  id: string
  name: string
  goal_ids_json: string
  interactions: number
  attended: number
  last_interaction_on: string | null
  last_attended_on: string | null
}

/**
 * Communities the teacher belongs to (membership other than 'former'): active with an interaction
 * or an attended event in the range, else dormant. Active first, then most interactions, then name.
 * The counts are ranges of interactions_by_community; events are few.
 */
function communityActivity(runner: SqlRunner, range: DashboardRange): CommunityActivity[] {
  const attendedDay = fragment(sql`substr(e.starts_at, 1, 10)`)
  const rows = runner.all<CommunityRecord>(sql`
    SELECT m.id, m.name, m.goal_ids_json,
      (SELECT count(*) FROM interactions i WHERE i.community_id = m.id AND i.deleted = 0 AND i.date >= ${range.from} AND i.date <= ${range.to}) AS interactions,
      (SELECT count(*) FROM events e WHERE e.community_id = m.id AND e.deleted = 0 AND e.rsvp = 'attended'
         AND ${attendedDay} >= ${range.from} AND ${attendedDay} <= ${range.to}) AS attended,
      (SELECT max(i.date) FROM interactions i WHERE i.community_id = m.id AND i.deleted = 0 AND i.date <= ${range.to}) AS last_interaction_on,
      (SELECT max(${attendedDay}) FROM events e WHERE e.community_id = m.id AND e.deleted = 0 AND e.rsvp = 'attended'
         AND ${attendedDay} <= ${range.to}) AS last_attended_on
    FROM communities m WHERE m.deleted = 0 AND m.membership <> 'former'`)
  return rows
    .map((r) => ({
      id: r.id,
      name: r.name,
      active: r.interactions + r.attended > 0,
      lastActivityOn: latest(r.last_interaction_on, r.last_attended_on),
      interactions: r.interactions,
      goalIds: parseJsonArray(r.goal_ids_json),
    }))
    .sort((a, b) => Number(b.active) - Number(a.active) || b.interactions - a.interactions || compare(a.name, b.name) || compare(a.id, b.id))
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b
  if (b === null) return a
  return a > b ? a : b
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
