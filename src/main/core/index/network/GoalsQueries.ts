import type { Database } from 'better-sqlite3'
import type { GoalRow } from '@shared/api'
import type { Goal } from '@shared/network/records'
import { goalProgress } from '@shared/network/goalProgress'
import { fragment, sql, SqlRunner, type SqlQuery } from '../../storage/sql'
import { allOf, deletedFlag, matchingIds } from './queryParts'

interface GoalRecord {
  id: string
  title: string
  growth_area: string
  status: Goal['status']
  target_kind: NonNullable<Goal['target']>['kind'] | null
  target_count: number | null
  manual_progress: number
  starts_on: string
  deadline: string | null
  contact_ids_json: string
  community_ids_json: string
  deleted: number
  created_at: number
  updated_at: number
}

const columns = fragment(
  sql`g.id, g.title, g.growth_area, g.status, g.target_kind, g.target_count, g.manual_progress, g.starts_on, g.deadline,
      g.contact_ids_json, g.community_ids_json, g.deleted, g.created_at, g.updated_at`,
)

export interface GoalListQuery {
  query?: string
  status?: Goal['status']
  sort: 'deadline' | 'title' | 'created'
  show: 'live' | 'deleted'
  limit: number
  offset: number
}

/** Goals with their progress, counted in SQL from the records in the goal's window. */
export class GoalsQueries {
  private readonly sql: SqlRunner

  constructor(db: Database) {
    this.sql = new SqlRunner(db)
  }

  row(id: string): GoalRow | undefined {
    const record = this.sql.get<GoalRecord>(sql`SELECT ${columns} FROM goals g WHERE g.id = ${id}`)
    return record ? this.toRow(record) : undefined
  }

  list(query: GoalListQuery): { rows: GoalRow[]; total: number } {
    const where = allOf([
      sql`g.deleted = ${deletedFlag(query.show)}`,
      query.status === undefined ? undefined : sql`g.status = ${query.status}`,
      matchingIds('goal', 'g', query.query),
    ])
    // Open-ended goals after those with a deadline.
    const sortBy = {
      deadline: sql`g.deadline IS NULL, g.deadline, g.id`,
      title: sql`g.title COLLATE NOCASE, g.id`,
      created: sql`g.created_at DESC, g.id`,
    }[query.sort]
    return {
      rows: this.sql
        .all<GoalRecord>(sql`SELECT ${columns} FROM goals g WHERE ${where} ORDER BY ${fragment(sortBy)} LIMIT ${query.limit} OFFSET ${query.offset}`)
        .map((r) => this.toRow(r)),
      total: this.sql.get<{ total: number }>(sql`SELECT count(*) AS total FROM goals g WHERE ${where}`)!.total,
    }
  }

  private toRow(r: GoalRecord): GoalRow {
    const progress =
      r.target_kind === null || r.target_count === null
        ? null
        : goalProgress(r.target_kind === 'custom' ? r.manual_progress : this.count(r), r.target_count, r.starts_on, r.deadline)
    return {
      id: r.id,
      title: r.title,
      growthArea: r.growth_area,
      status: r.status,
      deadline: r.deadline,
      targetKind: r.target_kind,
      progress,
      deleted: r.deleted === 1,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }
  }

  /**
   * Counts the records the target names between starts_on and the deadline (inclusive). A goal
   * linked to contacts or communities counts only what involves one of them.
   */
  private count(goal: GoalRecord): number {
    return this.sql.get<{ n: number }>(this.countQuery(goal))!.n
  }

  countQuery(goal: Pick<GoalRecord, 'target_kind' | 'starts_on' | 'deadline' | 'contact_ids_json' | 'community_ids_json'>): SqlQuery {
    const to = goal.deadline ?? '9999-12-31'
    const linkedToGoal = goal.contact_ids_json !== '[]' || goal.community_ids_json !== '[]'
    const interactionLinks = linkedToGoal
      ? sql`(i.community_id IN (SELECT value FROM json_each(${goal.community_ids_json}))
          OR EXISTS (SELECT 1 FROM interaction_contacts ic WHERE ic.interaction_id = i.id AND ic.contact_id IN (SELECT value FROM json_each(${goal.contact_ids_json}))))`
      : undefined
    const interactions = (extra?: SqlQuery) =>
      sql`SELECT count(*) AS n FROM interactions i WHERE ${allOf([sql`i.deleted = 0 AND i.date >= ${goal.starts_on} AND i.date <= ${to}`, extra, interactionLinks])}`
    switch (goal.target_kind) {
      case 'meaningful-conversations':
        return interactions(sql`i.meaningful >= 2`)
      case 'in-person-interactions':
        return interactions(sql`i.mode = 'in-person'`)
      case 'resources-shared':
        return interactions(sql`i.kind = 'resource-shared'`)
      case 'events-attended': {
        const eventLinks = linkedToGoal
          ? sql`(e.community_id IN (SELECT value FROM json_each(${goal.community_ids_json}))
              OR EXISTS (SELECT 1 FROM event_attendees a WHERE a.event_id = e.id AND a.contact_id IN (SELECT value FROM json_each(${goal.contact_ids_json}))))`
          : undefined
        return sql`SELECT count(*) AS n FROM events e WHERE ${allOf([
          sql`e.deleted = 0 AND e.rsvp = 'attended' AND substr(e.starts_at, 1, 10) >= ${goal.starts_on} AND substr(e.starts_at, 1, 10) <= ${to}`,
          eventLinks,
        ])}`
      }
      case 'journal-entries':
        return sql`SELECT count(*) AS n FROM journal_entries j WHERE j.deleted = 0 AND j.date >= ${goal.starts_on} AND j.date <= ${to}`
      default:
        return interactions()
    }
  }
}
