import type { Suggestion } from '@shared/api/reflection'
import { sql } from '../../storage/sql'
import type { SuggestionInput } from './SuggestionRule'
import { count, longDay } from './wording'

/** Below this in-person share the balance tips online... */
export const inPersonShareThreshold = 0.3
/** ...provided there were enough interactions to judge by. */
export const inPersonMinInteractions = 5

interface Balance {
  total: number
  in_person: number
  last_in_person: string | null
}

/**
 * Add an in-person event when fewer than 30% of the range's interactions (at least 5) were in
 * person. The key is the month of `today`: dismissed, it stays away for the rest of the month,
 * then comes back if the balance still tips online.
 */
export function inPersonBalance({ sql: runner, from, to, today, dismissedJson }: SuggestionInput): Suggestion[] {
  const balance = runner.get<Balance>(sql`
    SELECT count(*) AS total, coalesce(sum(mode = 'in-person'), 0) AS in_person, max(CASE WHEN mode = 'in-person' THEN date END) AS last_in_person
    FROM interactions WHERE deleted = 0 AND date BETWEEN ${from} AND ${to}`)!
  const key = `in-person:${today.slice(0, 7)}`
  const dismissed = runner.get<{ found: number }>(sql`SELECT count(*) AS found FROM json_each(${dismissedJson}) WHERE value = ${key}`)!.found > 0
  if (dismissed || balance.total < inPersonMinInteractions || balance.in_person / balance.total >= inPersonShareThreshold) return []
  const percent = Math.round((balance.in_person / balance.total) * 100)
  const online = balance.total - balance.in_person
  const some = balance.in_person === 0 ? 'None' : `Only ${balance.in_person}`
  return [
    {
      key,
      kind: 'in-person',
      title: 'Meet people in person',
      explanation: `${some} of your ${count(balance.total, 'interaction')} from ${longDay(from)} to ${longDay(to)} ${balance.in_person === 1 ? 'was' : 'were'} in person (${percent}%). An event, a meetup or a school visit would balance your online contact.`,
      evidence: [
        { label: 'Interactions', value: String(balance.total) },
        { label: 'In person', value: `${balance.in_person} (${percent}%)` },
        { label: 'Online', value: String(online) },
        { label: 'Last in person in the range', value: balance.last_in_person ? longDay(balance.last_in_person) : 'none' },
      ],
      link: { href: '#/events?id=new', label: 'Plan an in-person event' },
    },
  ]
}
