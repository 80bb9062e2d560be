import type { AnySearchHit, SearchKind } from '@shared/api/search'
import { IconAddressBook, IconCalendarEvent, IconFileText, IconMessages, IconNotebook, IconTarget, IconUsersGroup, type Icon } from '@tabler/icons-react'
import { useCallback } from 'react'
import { useRoute, type NetworkSection } from '../../app/route'
import { useApi } from '../../platform/PlatformContext'

export const hitIcons: Record<SearchKind, Icon> = {
  note: IconFileText,
  contact: IconAddressBook,
  interaction: IconMessages,
  community: IconUsersGroup,
  event: IconCalendarEvent,
  goal: IconTarget,
  journal: IconNotebook,
}

export const hitKindLabels: Record<SearchKind, string> = {
  note: 'Note',
  contact: 'Contact',
  interaction: 'Interaction',
  community: 'Community',
  event: 'Event',
  goal: 'Goal',
  journal: 'Journal entry',
}

const sectionOfKind: Record<Exclude<SearchKind, 'note' | 'interaction'>, NetworkSection> = {
  contact: 'contacts',
  community: 'communities',
  event: 'events',
  goal: 'goals',
  journal: 'journal',
}

/** Opens a search hit where it lives; an interaction opens on the timeline of its first contact. */
export function useOpenHit() {
  const api = useApi()
  const [, go] = useRoute()
  return useCallback(
    async (hit: AnySearchHit) => {
      if (hit.kind === 'note') return go({ section: 'all', noteId: hit.id })
      if (hit.kind !== 'interaction') return go({ section: sectionOfKind[hit.kind], recordId: hit.id })
      const result = await api.call('interactions.get', { id: hit.id })
      const contact = result.ok ? result.value.row.contacts[0] : undefined
      if (contact) go({ section: 'contacts', recordId: contact.id })
    },
    [api, go],
  )
}
