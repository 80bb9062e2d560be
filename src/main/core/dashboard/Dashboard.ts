import type { DocHandle, Repo } from '@automerge/automerge-repo'
import type { Database } from 'better-sqlite3'
import type { DashboardSummary } from '@shared/api/dashboard'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import type { StorageHealth } from '../storage/StorageHealth'
import { computeDashboard } from './computeDashboard'
import { SpaceActivityIndexer } from './SpaceActivityIndexer'

/** The dashboard's figures and the space activity they read, as the handlers (dashboard, term report) use them. */
export class Dashboard {
  readonly spaceActivity: SpaceActivityIndexer

  constructor(
    private readonly db: Database,
    repo: Repo,
    workspace: DocHandle<WorkspaceDoc>,
    health?: StorageHealth,
  ) {
    this.spaceActivity = new SpaceActivityIndexer(db, repo, workspace, { health })
  }

  /** Every figure for from–to; the caller flushes the network index first (see dashboardHandlers). */
  summary(args: { from: string; to: string; today: string }): DashboardSummary {
    this.spaceActivity.flushPending()
    return computeDashboard(this.db, args)
  }
}
