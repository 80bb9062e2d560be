import type { Suggestion } from '@shared/api/reflection'
import { daysBetween } from '@shared/network/keepingInTouch'
import { sql } from '../../storage/sql'
import type { SuggestionInput } from './SuggestionRule'
import { ago, count, longDay, recordHref } from './wording'

/** At most this many people to reconnect with at once: a nudge, not the whole losing-touch list. */
export const maxReconnect = 3

interface LapsedContact {
  id: string
  name: string
  last_interaction_on: string | null
  added_on: string
  cadence_days: number
  due_on: string
  key: string
}

/**
 * Reconnect with the contacts whose keep-in-touch cadence ran out (not snoozed), most overdue
 * first. The key names the contact and the day their cadence ran out, so a later lapse (after a
 * new interaction) is a new suggestion even if the last one was dismissed.
 */
export function reconnect({ sql: runner, today, dismissedJson }: SuggestionInput): Suggestion[] {
  const rows = runner.all<LapsedContact>(sql`
    SELECT c.id, c.name, c.last_interaction_on, c.added_on, c.cadence_days, c.due_on, 'reconnect:' || c.id || ':' || c.due_on AS key
    FROM contacts c
    WHERE c.deleted = 0 AND c.due_on IS NOT NULL AND c.due_on <= ${today}
      AND (c.snoozed_until IS NULL OR c.snoozed_until <= ${today})
      AND 'reconnect:' || c.id || ':' || c.due_on NOT IN (SELECT value FROM json_each(${dismissedJson}))
    ORDER BY c.due_on, c.sort_name, c.id
    LIMIT ${maxReconnect}`)
  return rows.map((row) => {
    const plan = `you planned every ${count(row.cadence_days, 'day')}`
    const explanation = row.last_interaction_on
      ? `You last spoke with ${row.name} ${ago(daysBetween(row.last_interaction_on, today))}; ${plan}.`
      : `You added ${row.name} ${ago(daysBetween(row.added_on, today))} and have not logged an interaction yet; ${plan}.`
    return {
      key: row.key,
      kind: 'reconnect',
      title: `Reconnect with ${row.name}`,
      explanation,
      evidence: [
        { label: 'Last in touch', value: row.last_interaction_on ? longDay(row.last_interaction_on) : 'never' },
        { label: 'Keep in touch', value: `every ${count(row.cadence_days, 'day')}` },
        { label: 'Overdue', value: count(daysBetween(row.due_on, today), 'day') },
      ],
      link: { href: recordHref('contacts', row.id), label: `Open ${row.name}` },
    }
  })
}
