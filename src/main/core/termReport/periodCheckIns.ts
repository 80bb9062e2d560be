import type { Database } from 'better-sqlite3'
import { termReportLimits } from '@shared/api/termReport'
import type { CheckIn } from '@shared/network/records'
import { fragment, sql, SqlRunner } from '../storage/sql'
import type { RecordStore } from '../network/RecordStore'

export interface PeriodCheckIns {
  /** Oldest first, at most termReportLimits.checkIns (the newest ones). */
  checkIns: CheckIn[]
  leftOut: number
}

/**
 * The check-ins of a period: written in it, or about a period inside it (an end-of-term check-in
 * written the week after the term still belongs to the term). Ids come from the index; the full
 * records (their texts are not indexed) from the documents.
 */
export async function periodCheckIns(db: Database, store: RecordStore, period: { from: string; to: string }): Promise<PeriodCheckIns> {
  const runner = new SqlRunner(db)
  const where = fragment(sql`c.deleted = 0 AND ((c.date BETWEEN ${period.from} AND ${period.to}) OR (c.period_start >= ${period.from} AND c.period_end <= ${period.to}))`)
  const ids = runner.all<{ id: string }>(sql`SELECT c.id FROM check_ins c WHERE ${where} ORDER BY c.date DESC, c.created_at DESC, c.id DESC LIMIT ${termReportLimits.checkIns}`)
  const total = runner.get<{ total: number }>(sql`SELECT count(*) AS total FROM check_ins c WHERE ${where}`)!.total
  const records = await Promise.all(ids.map(({ id }) => store.get('checkin', id)))
  // A check-in deleted on another device since the index last caught up is left out too.
  const checkIns = records.filter((record) => record.deletedAt === null).reverse()
  return { checkIns, leftOut: total - ids.length }
}
