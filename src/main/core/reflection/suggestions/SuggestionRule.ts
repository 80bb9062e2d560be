import type { Suggestion } from '@shared/api/reflection'
import type { SqlRunner } from '../../storage/sql'

/** What every suggestion rule reads: the index, the dashboard's range, the UI's day and the dismissed keys. */
export interface SuggestionInput {
  sql: SqlRunner
  from: string
  to: string
  today: string
  /** The dismissed keys as a JSON array, for `NOT IN (SELECT value FROM json_each(?))`. */
  dismissedJson: string
}

/** One rule: a small SQL query over the index and the words that explain its answer. */
export type SuggestionRule = (input: SuggestionInput) => Suggestion[]
