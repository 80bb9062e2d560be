import type { ReadingStatus, readingSorts } from '@shared/api/reading'
import { readingFields } from '@shared/network/records'
import type { KindForm } from '../network/formSpec'

export const readingStatusLabels: Record<ReadingStatus, string> = {
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read',
  applied: 'Applied in class',
}

export type ReadingSort = (typeof readingSorts)[number]

/** The list's orders, each a sort and a direction under one label. */
export const readingOrders = {
  'added-desc': { label: 'Newest added first', sort: 'added', direction: 'desc' },
  'added-asc': { label: 'Oldest added first', sort: 'added', direction: 'asc' },
  'title-asc': { label: 'Title A–Z', sort: 'title', direction: 'asc' },
  'read-desc': { label: 'Most recently read', sort: 'read', direction: 'desc' },
  'applied-desc': { label: 'Most recently applied', sort: 'applied', direction: 'desc' },
} as const satisfies Record<string, { label: string; sort: ReadingSort; direction: 'asc' | 'desc' }>

export type ReadingOrder = keyof typeof readingOrders

/**
 * What the add and edit forms change: the item's description. Status, notes, tags and goals are
 * edited on the item itself, where each change saves at once.
 */
export const readingForm: KindForm<'reading'> = {
  kind: 'reading',
  schema: readingFields.pick({ title: true, url: true, author: true, source: true }),
  sections: [
    {
      fields: [
        { name: 'title', label: 'Title', control: 'text', required: true, wide: true },
        { name: 'url', label: 'Link', control: 'url', nullable: true, wide: true },
        { name: 'author', label: 'Author', control: 'text' },
        { name: 'source', label: 'Source', control: 'text', description: 'A journal, a blog, a colleague…' },
      ],
    },
  ],
}
