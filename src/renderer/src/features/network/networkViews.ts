import { communitiesView } from './kinds/communities'
import { eventsView } from './kinds/events'
import { goalsView } from './kinds/goals'
import { journalView } from './kinds/journal'
import type { AnyKindView } from './kindView'

/** The kinds shown by the generic records view, by their section in the URL. */
export const networkViews = {
  communities: communitiesView,
  events: eventsView,
  goals: goalsView,
  journal: journalView,
} satisfies Record<string, AnyKindView>
