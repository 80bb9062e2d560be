import { interactionFields } from '@shared/network/records'
import { defaultValuesFor, type KindForm } from '../network/formSpec'
import { localDay } from '../network/dates'
import { interactionChannelLabels, interactionKindLabels, interactionModeLabels, optionsOf } from '../network/labels'

/**
 * The interaction form, for the quick log and for editing: who, how, what, when to follow up, and
 * optionally where (a community, an event). Today is the default day; an event brings its community.
 */
export const interactionForm: KindForm<'interaction'> = {
  kind: 'interaction',
  schema: interactionFields,
  sections: [
    {
      fields: [
        { name: 'contactIds', label: 'With', control: 'contacts', required: true, wide: true },
        { name: 'mode', label: 'Mode', control: 'select', options: optionsOf(interactionModeLabels) },
        { name: 'channel', label: 'Channel', control: 'select', options: optionsOf(interactionChannelLabels) },
        { name: 'kind', label: 'Kind', control: 'select', options: optionsOf(interactionKindLabels) },
        { name: 'date', label: 'Date', control: 'date', required: true },
        { name: 'summary', label: 'Summary', control: 'textarea', description: 'Enter saves; Shift+Enter starts a new line' },
        { name: 'meaningful', label: 'How meaningful', control: 'rating' },
        { name: 'followUpOn', label: 'Follow up on', control: 'date', nullable: true },
        { name: 'eventId', label: 'Event', control: 'event' },
        { name: 'communityId', label: 'Community', control: 'community' },
      ],
    },
  ],
  toValues: (interaction) => {
    const values = defaultValuesFor(interactionForm, interaction)
    if (!interaction) values.date = localDay()
    return values
  },
  prefill: {
    eventId: async (eventId, api) => {
      const result = await api.call('events.get', { id: eventId as string })
      return result.ok && result.value.event.communityId ? { communityId: result.value.event.communityId } : {}
    },
  },
}
