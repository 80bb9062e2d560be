import { fragment, sql, type SqlFragment, type SqlQuery } from '../../storage/sql'
import { buildFtsQuery } from '../ftsQuery'

/** ASC or DESC as trusted SQL text. */
export function order(direction: 'asc' | 'desc'): SqlFragment {
  return fragment({ text: direction === 'asc' ? 'ASC' : 'DESC', params: [] })
}

export const deletedFlag = (show: 'live' | 'deleted') => (show === 'deleted' ? 1 : 0)

/** Restricts `alias.id` to records of `kind` whose search text matches what the user typed; undefined = no text. */
export function matchingIds(kind: string, alias: string, text: string | undefined): SqlQuery | undefined {
  const match = text === undefined ? undefined : buildFtsQuery(text)
  if (text !== undefined && text.trim() !== '' && !match) return sql`0`
  if (!match) return undefined
  return sql`${fragment({ text: `${alias}.id`, params: [] })} IN (
    SELECT s.id FROM records_fts JOIN record_search s ON s.rowid = records_fts.rowid
    WHERE records_fts MATCH ${match} AND s.kind = ${kind})`
}

/** Conditions joined with AND; `1` when there are none. */
export function allOf(conditions: Array<SqlQuery | undefined>): SqlFragment {
  const present = conditions.filter((c): c is SqlQuery => c !== undefined)
  if (present.length === 0) return fragment(sql`1`)
  return fragment({ text: present.map((c) => `(${c.text})`).join(' AND '), params: present.flatMap((c) => c.params) })
}

export function parseJsonArray(text: string): string[] {
  const value: unknown = JSON.parse(text)
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}
