import type { Database } from 'better-sqlite3'
import type { DashboardSummary } from '@shared/api/dashboard'
import { SqlRunner } from '../storage/sql'
import { breadthPanel } from './breadthPanel'
import { dashboardRange } from './dashboardRange'
import { engagementAndBalance } from './engagementPanel'
import { goalsPanel } from './goalsPanel'
import { keepingInTouchPanel } from './keepingInTouchPanel'
import { learningPanel } from './learningPanel'
import { reciprocityPanel } from './reciprocityPanel'

/** One statement cache per database, so repeated summaries do not prepare their SQL again. */
const runners = new WeakMap<Database, SqlRunner>()

/**
 * Every dashboard figure for from–to and the period before it, in SQL over the index (the
 * definitions are in ./README.md). Read in one transaction, so the figures agree with each other.
 */
export function computeDashboard(db: Database, args: { from: string; to: string; today: string }): DashboardSummary {
  const started = performance.now()
  const read = runnerFor(db)
  const range = dashboardRange(args.from, args.to)
  const figures = db.transaction(() => ({
    goals: goalsPanel(db, args.today),
    ...engagementAndBalance(read, range),
    reciprocity: reciprocityPanel(read, range),
    breadth: breadthPanel(read, range),
    keepingInTouch: keepingInTouchPanel(db, args.today),
    learning: learningPanel(read, range),
  }))()
  return { range, ...figures, computedInMs: performance.now() - started }
}

function runnerFor(db: Database): SqlRunner {
  const cached = runners.get(db)
  if (cached) return cached
  const runner = new SqlRunner(db)
  runners.set(db, runner)
  return runner
}
