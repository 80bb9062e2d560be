import type { SpaceSummary } from '@shared/api/spaces'
import type { SpaceKind, SpaceRole } from '@shared/spaces/SpaceCommon'

export const roleLabels: Record<SpaceRole, string> = { owner: 'Owner', editor: 'Can edit', viewer: 'Can view' }
export const kindLabels: Record<SpaceKind, string> = { project: 'Lesson project', circle: 'Circle' }

/** "New" for a space never opened here, "3 new changes" since it was last opened, else null. */
export function unreadLabel(space: Pick<SpaceSummary, 'neverOpened' | 'unreadChanges' | 'present'>): string | null {
  if (!space.present) return null
  if (space.neverOpened) return 'New'
  if (space.unreadChanges > 0) return `${space.unreadChanges} new change${space.unreadChanges === 1 ? '' : 's'}`
  return null
}

/** "Ms Diallo (owner), Mr Stone (can edit)": who is in a space, for its row. */
export function memberNames(members: SpaceSummary['members']): string {
  return members.map((m) => `${m.name || 'Unnamed device'} (${roleLabels[m.role].toLowerCase()})`).join(', ')
}

export function spaceTitle(space: Pick<SpaceSummary, 'title' | 'kind'>): string {
  return space.title.trim() || (space.kind === 'project' ? 'Untitled project' : 'Unnamed circle')
}
