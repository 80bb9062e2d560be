import type { Database } from 'better-sqlite3'
import type { CheckInRatingPoint, CheckInRow } from '@shared/api/reflection'
import type { CheckIn } from '@shared/network/records'
import { fragment, sql, SqlRunner } from '../../storage/sql'
import { allOf, deletedFlag } from './queryParts'
import type { LastCheckIn } from '../../reflection/checkInSchedule'

interface CheckInRecord {
  id: string
  date: string
  cadence: CheckIn['cadence']
  period_start: string
  period_end: string
  goals_rating: number | null
  conversations_rating: number | null
  learning_rating: number | null
  adjust_rating: number | null
  figures_json: string
  deleted: number
  created_at: number
  updated_at: number
}

const columns = fragment(
  sql`c.id, c.date, c.cadence, c.period_start, c.period_end, c.goals_rating, c.conversations_rating, c.learning_rating, c.adjust_rating, c.figures_json, c.deleted, c.created_at, c.updated_at`,
)

/** The chart shows at most this many check-ins (ten years of weekly ones). */
export const maxRatingPoints = 520

export interface CheckInListQuery {
  from?: string
  to?: string
  show: 'live' | 'deleted'
  limit: number
  offset: number
}

function parseFigures(text: string): Record<string, number> {
  const value: unknown = JSON.parse(text)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1])))
}

function toRow(r: CheckInRecord): CheckInRow {
  return {
    id: r.id,
    date: r.date,
    cadence: r.cadence,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    ratings: { goals: r.goals_rating, conversations: r.conversations_rating, learning: r.learning_rating, adjust: r.adjust_rating },
    figures: parseFigures(r.figures_json),
    deleted: r.deleted === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** The read side of the index for reflection check-ins. */
export class CheckInsQueries {
  protected readonly sql: SqlRunner

  /** The whole index: reflection's cross-table figures (prefill, suggestions) read it too. */
  readonly db: Database

  constructor(db: Database) {
    this.db = db
    this.sql = new SqlRunner(db)
  }

  row(id: string): CheckInRow | undefined {
    const record = this.sql.get<CheckInRecord>(sql`SELECT ${columns} FROM check_ins c WHERE c.id = ${id}`)
    return record ? toRow(record) : undefined
  }

  /** Newest first: by the day it was written, then by when it was made. */
  list(query: CheckInListQuery): { rows: CheckInRow[]; total: number } {
    const where = allOf([
      sql`c.deleted = ${deletedFlag(query.show)}`,
      query.from === undefined ? undefined : sql`c.date >= ${query.from}`,
      query.to === undefined ? undefined : sql`c.date <= ${query.to}`,
    ])
    return {
      rows: this.sql
        .all<CheckInRecord>(sql`SELECT ${columns} FROM check_ins c WHERE ${where} ORDER BY c.date DESC, c.created_at DESC, c.id DESC LIMIT ${query.limit} OFFSET ${query.offset}`)
        .map(toRow),
      total: this.sql.get<{ total: number }>(sql`SELECT count(*) AS total FROM check_ins c WHERE ${where}`)!.total,
    }
  }

  /** Every live check-in's ratings, oldest first (the most recent `maxRatingPoints`). */
  ratings(): CheckInRatingPoint[] {
    const rows = this.sql.all<CheckInRecord>(sql`
      SELECT ${columns} FROM check_ins c WHERE c.deleted = 0
      ORDER BY c.date DESC, c.created_at DESC, c.id DESC LIMIT ${maxRatingPoints}`)
    return rows.reverse().map((r) => ({ id: r.id, date: r.date, periodEnd: r.period_end, ...toRow(r).ratings }))
  }

  /** The live check-in whose period ends latest: where the schedule counts from. */
  last(): LastCheckIn | undefined {
    return this.sql.get<LastCheckIn>(sql`
      SELECT c.id, c.date, c.period_start AS periodStart, c.period_end AS periodEnd FROM check_ins c
      WHERE c.deleted = 0 ORDER BY c.period_end DESC, c.date DESC, c.id DESC LIMIT 1`)
  }
}
