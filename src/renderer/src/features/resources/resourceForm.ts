import { resourceFields, type resourceDirections, type resourceTypes } from '@shared/network/records'
import { localDay } from '../network/dates'
import { defaultValuesFor, type KindForm } from '../network/formSpec'
import { optionsOf } from '../network/labels'

export const resourceTypeLabels: Record<(typeof resourceTypes)[number], string> = {
  link: 'Link',
  file: 'File',
  'lesson-plan': 'Lesson plan',
  article: 'Article',
  video: 'Video',
  other: 'Other',
}

export const resourceDirectionLabels: Record<(typeof resourceDirections)[number], string> = {
  received: 'Received',
  given: 'Given',
}

/** The library's add and edit form; the space, community and reading an entry came from are kept as they are. */
export const resourceForm: KindForm<'resource'> = {
  kind: 'resource',
  schema: resourceFields,
  sections: [
    {
      fields: [
        { name: 'title', label: 'Title', control: 'text', required: true, wide: true },
        { name: 'direction', label: 'Direction', control: 'select', options: optionsOf(resourceDirectionLabels) },
        { name: 'type', label: 'Type', control: 'select', options: optionsOf(resourceTypeLabels) },
        { name: 'url', label: 'Link', control: 'url', nullable: true },
        { name: 'date', label: 'Date', control: 'date', required: true },
        { name: 'contactIds', label: 'People', control: 'contacts', description: 'Who gave it to you, or who you gave it to', wide: true },
      ],
    },
    {
      title: 'Use',
      fields: [
        { name: 'usedIn', label: 'Used in', control: 'tags', description: 'Lessons, classes or units; Enter after each' },
        { name: 'tags', label: 'Tags', control: 'tags' },
        { name: 'notes', label: 'Notes', control: 'textarea' },
      ],
    },
  ],
  toValues: (resource) => {
    const values = defaultValuesFor(resourceForm, resource)
    if (!resource) values.date = localDay()
    return values
  },
}
