import type { Suggestion } from '@shared/api/reflection'
import { sql } from '../../storage/sql'
import type { SuggestionInput } from './SuggestionRule'
import { longDay, quoted, recordHref } from './wording'

export const maxDormantCommunities = 3

interface DormantCommunity {
  id: string
  name: string
  goal_titles_json: string
  last_activity_on: string | null
  key: string
}

/**
 * A community linked to an active goal with no activity in the range: no interaction logged in
 * it and no attended event of it (what the dashboard counts as active). Former memberships are
 * left out. The key names the community and its last activity before the range ends, so new
 * activity followed by a new silence is a new suggestion.
 */
export function dormantCommunity({ sql: runner, from, to, dismissedJson }: SuggestionInput): Suggestion[] {
  const rows = runner.all<DormantCommunity>(sql`
    WITH served AS (
      SELECT c.id, c.name, c.sort_name,
        (SELECT json_group_array(title) FROM (
          SELECT g.title FROM json_each(c.goal_ids_json) goal_ids JOIN goals g ON g.id = goal_ids.value
          WHERE g.deleted = 0 AND g.status = 'active' ORDER BY g.title, g.id)) AS goal_titles_json,
        max(
          coalesce((SELECT max(i.date) FROM interactions i WHERE i.community_id = c.id AND i.deleted = 0 AND i.date <= ${to}), ''),
          coalesce((SELECT max(substr(e.starts_at, 1, 10)) FROM events e
            WHERE e.community_id = c.id AND e.deleted = 0 AND e.rsvp = 'attended' AND substr(e.starts_at, 1, 10) <= ${to}), '')
        ) AS last_activity
      FROM communities c
      WHERE c.deleted = 0 AND c.membership != 'former'
        AND EXISTS (SELECT 1 FROM json_each(c.goal_ids_json) goal_ids JOIN goals g ON g.id = goal_ids.value WHERE g.deleted = 0 AND g.status = 'active')
    )
    SELECT id, name, goal_titles_json, nullif(last_activity, '') AS last_activity_on,
      'community:' || id || ':' || coalesce(nullif(last_activity, ''), 'never') AS key
    FROM served
    WHERE last_activity < ${from}
      AND 'community:' || id || ':' || coalesce(nullif(last_activity, ''), 'never') NOT IN (SELECT value FROM json_each(${dismissedJson}))
    ORDER BY last_activity, sort_name, id
    LIMIT ${maxDormantCommunities}`)
  return rows.map((row) => {
    const goals = JSON.parse(row.goal_titles_json) as string[]
    const goalWords = goals.length === 1 ? `your goal ${quoted(goals[0]!)}` : `your goals ${goals.slice(0, -1).map((g) => quoted(g)).join(', ')} and ${quoted(goals.at(-1)!)}`
    const since = row.last_activity_on ? ` since ${longDay(row.last_activity_on)}` : ' yet'
    return {
      key: row.key,
      kind: 'community',
      title: `Take part in ${row.name}`,
      explanation: `${row.name} serves ${goalWords}, but nothing happened there between ${longDay(from)} and ${longDay(to)}: no interaction or attended event${since}.`,
      evidence: [
        { label: goals.length === 1 ? 'Goal' : 'Goals', value: goals.join(', ') },
        { label: 'Last activity', value: row.last_activity_on ? longDay(row.last_activity_on) : 'never' },
        { label: 'Activity in the range', value: '0' },
      ],
      link: { href: recordHref('communities', row.id), label: `Open ${row.name}` },
    }
  })
}
