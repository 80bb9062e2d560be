import type { DashboardSummary } from '@shared/api/dashboard'
import { sql, type SqlRunner } from '../storage/sql'
import { instantBounds, trend, type DashboardRange } from './dashboardRange'

/** Reading list, journal and lesson projects, each one small query. */
export function learningPanel(runner: SqlRunner, range: DashboardRange): DashboardSummary['learning'] {
  const { from, to, previousFrom: pFrom, previousTo: pTo } = range
  const reading = runner.get<Record<'toRead' | 'inProgress' | 'read' | 'readBefore' | 'applied' | 'appliedBefore', number>>(sql`
    SELECT coalesce(sum(r.status = 'to-read'), 0) AS toRead, coalesce(sum(r.status = 'reading'), 0) AS inProgress,
      coalesce(sum(r.read_on >= ${from} AND r.read_on <= ${to}), 0) AS read,
      coalesce(sum(r.read_on >= ${pFrom} AND r.read_on <= ${pTo}), 0) AS readBefore,
      coalesce(sum(r.applied_on >= ${from} AND r.applied_on <= ${to}), 0) AS applied,
      coalesce(sum(r.applied_on >= ${pFrom} AND r.applied_on <= ${pTo}), 0) AS appliedBefore
    FROM reading_items r WHERE r.deleted = 0`)!
  const journal = runner.get<Record<'entries' | 'entriesBefore' | 'setbacks' | 'setbacksWithLesson' | 'lessons', number>>(sql`
    SELECT coalesce(sum(j.date >= ${from}), 0) AS entries, coalesce(sum(j.date <= ${pTo}), 0) AS entriesBefore,
      coalesce(sum(j.date >= ${from} AND j.kind = 'setback'), 0) AS setbacks,
      coalesce(sum(j.date >= ${from} AND j.kind = 'setback' AND j.has_lesson = 1), 0) AS setbacksWithLesson,
      coalesce(sum(j.date >= ${from} AND j.kind = 'learning' AND j.has_lesson = 1), 0) AS lessons
    FROM journal_entries j WHERE j.deleted = 0 AND j.date >= ${pFrom} AND j.date <= ${to}`)!
  const now = instantBounds(from, to)
  const before = instantBounds(pFrom, pTo)
  const projects = runner.get<{ active: number; activeBefore: number; total: number }>(sql`
    SELECT coalesce(sum(s.last_change_at >= ${now.start} AND s.last_change_at < ${now.end}), 0) AS active,
      coalesce(sum(s.last_change_at >= ${before.start} AND s.last_change_at < ${before.end}), 0) AS activeBefore, count(*) AS total
    FROM space_activity s WHERE s.kind = 'project' AND s.archived = 0`)!
  return {
    readingToRead: reading.toRead,
    readingInProgress: reading.inProgress,
    readingRead: trend(reading.read, reading.readBefore),
    readingApplied: trend(reading.applied, reading.appliedBefore),
    journalEntries: trend(journal.entries, journal.entriesBefore),
    setbacks: journal.setbacks,
    setbacksWithLesson: journal.setbacksWithLesson,
    lessonsLearned: journal.lessons,
    projectsActive: trend(projects.active, projects.activeBefore),
    projectsTotal: projects.total,
  }
}
