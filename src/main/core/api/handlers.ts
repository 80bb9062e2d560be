import type { ApiHandlers } from '@shared/api'
import { bundlesHandlers } from './bundlesHandlers'
import { communitiesHandlers } from './communitiesHandlers'
import { contactsHandlers } from './contactsHandlers'
import type { CoreContext } from './CoreContext'
import { eventsHandlers } from './eventsHandlers'
import { goalsHandlers } from './goalsHandlers'
import { interactionsHandlers } from './interactionsHandlers'
import { ioHandlers } from './ioHandlers'
import { journalHandlers } from './journalHandlers'
import { keepingInTouchHandlers } from './keepingInTouchHandlers'
import { notesHandlers } from './notesHandlers'
import { spacesHandlers } from './spacesHandlers'
import { projectsHandlers } from './projectsHandlers'
import { projectHistoryHandlers } from './projectHistoryHandlers'
import { projectCommentsHandlers } from './projectCommentsHandlers'
import { projectExportHandlers } from './projectExportHandlers'
import { desktopHandlers } from './desktopHandlers'
import { circlesHandlers } from './circlesHandlers'
import { searchHandlers } from './searchHandlers'
import { syncHandlers } from './syncHandlers'
import { systemHandlers, type SystemInfoSource } from './systemHandlers'
import { undoHandlers } from './undoHandlers'
import { feedsHandlers } from './feedsHandlers'
import { readingHandlers } from './readingHandlers'
import { resourcesHandlers } from './resourcesHandlers'
import { dashboardHandlers } from './dashboardHandlers'
import { reflectionHandlers } from './reflectionHandlers'
import { termReportHandlers } from './termReportHandlers'

/** Every method of the contract; a missing or mistyped handler is a compile error here. */
export function createHandlers(ctx: CoreContext, system: SystemInfoSource): ApiHandlers {
  return {
    ...notesHandlers(ctx),
    ...systemHandlers(system),
    ...contactsHandlers(ctx),
    ...interactionsHandlers(ctx),
    ...keepingInTouchHandlers(ctx),
    ...communitiesHandlers(ctx),
    ...eventsHandlers(ctx),
    ...goalsHandlers(ctx),
    ...journalHandlers(ctx),
    ...searchHandlers(ctx),
    ...undoHandlers(ctx),
    ...ioHandlers(ctx, (progress) => ctx.events.emit('progress', progress)),
    ...bundlesHandlers(ctx),
    ...syncHandlers(ctx),
    ...spacesHandlers(ctx),
    ...projectsHandlers(ctx),
    ...projectHistoryHandlers(ctx),
    ...projectCommentsHandlers(ctx),
    ...projectExportHandlers(ctx),
    ...circlesHandlers(ctx),
    ...feedsHandlers(ctx),
    ...readingHandlers(ctx),
    ...resourcesHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...reflectionHandlers(ctx),
    ...termReportHandlers(ctx),
    ...desktopHandlers(),
  } satisfies ApiHandlers
}
