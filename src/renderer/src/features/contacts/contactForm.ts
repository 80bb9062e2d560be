import { contactFields, type Contact } from '@shared/network/records'
import { defaultFieldsFor, defaultValuesFor, type KindForm } from '../network/formSpec'

/** Fields edited by their own controls (ContactExtras), carried through the generic form as is. */
const carried = ['channels', 'relationships', 'photo', 'snoozedUntil', 'metThroughId'] as const

export const contactForm: KindForm<'contact'> = {
  kind: 'contact',
  schema: contactFields,
  sections: [
    {
      fields: [
        { name: 'name', label: 'Name', control: 'text', required: true },
        { name: 'pronouns', label: 'Pronouns', control: 'text' },
        { name: 'role', label: 'Role', control: 'text', description: 'e.g. Year 5 teacher, head of science' },
        { name: 'organisation', label: 'School or organisation', control: 'text' },
        { name: 'location', label: 'Location', control: 'text' },
      ],
    },
    {
      title: 'Teaching',
      fields: [
        { name: 'subjects', label: 'Subjects', control: 'tags' },
        { name: 'gradeLevels', label: 'Grade levels', control: 'tags' },
      ],
    },
    {
      title: 'How you met',
      fields: [
        { name: 'metWhere', label: 'Where you met', control: 'text' },
        { name: 'metHow', label: 'How you met', control: 'textarea' },
      ],
    },
    {
      title: 'More about them',
      fields: [
        { name: 'interests', label: 'Interests beyond teaching', control: 'tags' },
        { name: 'tags', label: 'Tags', control: 'tags' },
        { name: 'notes', label: 'Notes', control: 'textarea' },
      ],
    },
    {
      title: 'Keeping in touch and reading',
      fields: [
        { name: 'cadenceDays', label: 'Keep in touch every (days)', control: 'number', nullable: true, description: 'Leave empty for no reminder' },
        { name: 'thoughtLeader', label: 'Thought leader', control: 'switch' },
        { name: 'feedUrl', label: 'Feed address', control: 'url', nullable: true, wide: true, description: 'RSS or Atom feed of their writing' },
      ],
    },
  ],
  toValues: (contact) => {
    const values = defaultValuesFor(contactForm, contact)
    const source = (contact ?? contactFields.parse({ name: 'x' })) as Contact
    for (const name of carried) values[name] = source[name] ?? null
    return values
  },
  toFields: (values) => {
    const fields = defaultFieldsFor(contactForm, values)
    for (const name of carried) fields[name] = values[name]
    return fields
  },
}

