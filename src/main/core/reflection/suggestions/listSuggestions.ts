import type { Suggestion } from '@shared/api/reflection'
import type { SqlRunner } from '../../storage/sql'
import { dormantCommunity } from './dormantCommunity'
import { giveBack } from './giveBack'
import { inPersonBalance } from './inPersonBalance'
import { reconnect } from './reconnect'
import { setbackLesson } from './setbackLesson'
import type { SuggestionRule } from './SuggestionRule'

/** The rules in the order their suggestions are shown: people first, then balance, then learning. */
export const suggestionRules: readonly SuggestionRule[] = [reconnect, giveBack, inPersonBalance, dormantCommunity, setbackLesson]

/** Every rule's suggestions for the range, dismissed ones left out (each rule filters in its SQL). */
export function listSuggestions(runner: SqlRunner, args: { from: string; to: string; today: string; dismissed: readonly string[] }): Suggestion[] {
  const input = { sql: runner, from: args.from, to: args.to, today: args.today, dismissedJson: JSON.stringify(args.dismissed) }
  return runner.transaction(() => suggestionRules.flatMap((rule) => rule(input)))
}
