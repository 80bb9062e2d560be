import type { z } from 'zod'
import { bundlesArgs, type BundlesResults } from './bundles'
import { communitiesArgs, type CommunitiesResults } from './communities'
import { contactsArgs, type ContactsResults } from './contacts'
import { eventsArgs, type EventsResults } from './networkEvents'
import { goalsArgs, type GoalsResults } from './goals'
import { interactionsArgs, type InteractionsResults } from './interactions'
import { ioArgs, type IoResults } from './io'
import { journalArgs, type JournalResults } from './journal'
import { keepingInTouchArgs, type KeepingInTouchResults } from './keepingInTouch'
import { notesArgs, type NotesResults } from './notes'
import { searchArgs, type SearchResults } from './search'
import { syncArgs, type SyncResults } from './sync'
import { systemArgs, type SystemResults } from './system'
import { spacesArgs, type SpacesResults } from './spaces'
import { projectsArgs, type ProjectsResults } from './projects'
import { projectHistoryArgs, type ProjectHistoryResults } from './projectHistory'
import { projectCommentsArgs, type ProjectCommentsResults } from './projectComments'
import { projectExportArgs, type ProjectExportResults } from './projectExport'
import { circlesArgs, type CirclesResults } from './circles'
import { undoArgs, type UndoResults } from './undo'
import { feedsArgs, type FeedsResults } from './feeds'
import { readingArgs, type ReadingResults } from './reading'
import { resourcesArgs, type ResourcesResults } from './resources'
import { dashboardArgs, type DashboardResults } from './dashboard'
import { reflectionArgs, type ReflectionResults } from './reflection'
import { termReportArgs, type TermReportResults } from './termReport'
import { desktopArgs, type DesktopResults } from './desktop'

export * from './notes'
export * from './system'
export * from './events'
export * from './networkCommon'
export * from './contacts'
export * from './interactions'
export * from './keepingInTouch'
export * from './communities'
export * from './networkEvents'
export * from './goals'
export * from './journal'
export * from './search'
export * from './undo'
export * from './io'
export * from './bundles'
export * from './sync'
export * from './spaces'
export * from './projects'
export * from './projectHistory'
export * from './projectComments'
export * from './projectExport'
export * from './circles'
export * from './feeds'
export * from './reading'
export * from './resources'
export * from './dashboard'
export * from './reflection'
export * from './termReport'
export * from './desktop'

/** The whole contract: every method's argument schema, composed from one map per domain. */
export const apiArgs = {
  ...notesArgs,
  ...systemArgs,
  ...contactsArgs,
  ...interactionsArgs,
  ...keepingInTouchArgs,
  ...communitiesArgs,
  ...eventsArgs,
  ...goalsArgs,
  ...journalArgs,
  ...searchArgs,
  ...undoArgs,
  ...ioArgs,
  ...bundlesArgs,
  ...syncArgs,
  ...spacesArgs,
  ...projectsArgs,
  ...projectHistoryArgs,
  ...projectCommentsArgs,
  ...projectExportArgs,
  ...circlesArgs,
  ...feedsArgs,
  ...readingArgs,
  ...resourcesArgs,
  ...dashboardArgs,
  ...reflectionArgs,
  ...termReportArgs,
  ...desktopArgs,
}

export type ApiMethod = keyof typeof apiArgs
export type ApiResults = NotesResults &
  SystemResults &
  ContactsResults &
  InteractionsResults &
  KeepingInTouchResults &
  CommunitiesResults &
  EventsResults &
  GoalsResults &
  JournalResults &
  SearchResults &
  UndoResults &
  IoResults &
  BundlesResults &
  SyncResults &
  SpacesResults &
  ProjectsResults &
  ProjectHistoryResults &
  ProjectCommentsResults &
  ProjectExportResults &
  CirclesResults &
  FeedsResults &
  ReadingResults &
  ResourcesResults &
  DashboardResults &
  ReflectionResults &
  TermReportResults &
  DesktopResults
/** What a caller passes (defaults may be left out). */
export type ApiArgsIn<M extends ApiMethod> = z.input<(typeof apiArgs)[M]>
/** What a handler receives (after validation and defaults). */
export type ApiArgs<M extends ApiMethod> = z.output<(typeof apiArgs)[M]>

/** A handler map for a subset of methods; the core's maps `satisfies` this. */
export type HandlersFor<M extends ApiMethod> = {
  [K in M]: (args: ApiArgs<K>) => Promise<ApiResults[K]> | ApiResults[K]
}
export type ApiHandlers = HandlersFor<ApiMethod>

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiArgs, name)
}

/** Wire messages (serve WebSocket; Electron IPC carries the same shapes). */
export interface RpcRequest {
  id: number
  method: string
  args: unknown
}
