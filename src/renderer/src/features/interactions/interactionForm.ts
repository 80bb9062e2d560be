import { interactionFields } from '@shared/network/records'
import { defaultFieldsFor, defaultValuesFor, type KindForm } from '../network/formSpec'
import { localDay } from '../network/dates'
import { interactionChannelLabels, interactionKindLabels, interactionModeLabels, optionsOf } from '../network/labels'

/** The quick-log form: who, how, what, and when to follow up. Today is the default day. */
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
      ],
    },
  ],
  toValues: (interaction) => {
    const values = defaultValuesFor(interactionForm, interaction)
    if (!interaction) values.date = localDay()
    values.communityId = interaction?.communityId ?? null
    values.eventId = interaction?.eventId ?? null
    return values
  },
  toFields: (values) => ({ ...defaultFieldsFor(interactionForm, values), communityId: values.communityId, eventId: values.eventId }),
}
