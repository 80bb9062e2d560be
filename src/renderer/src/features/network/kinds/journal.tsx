import type { JournalRow } from '@shared/api/journal'
import type { JournalResults } from '@shared/api/journal'
import { journalFields, type JournalFields } from '@shared/network/records'
import { formatDay, localDay } from '../dates'
import { defaultValuesFor, type KindForm } from '../formSpec'
import type { KindView } from '../kindView'
import { journalKindLabels, optionsOf } from '../labels'
import { RowLines } from './RowLines'

type JournalDetail = JournalResults['journal.get']

export const journalForm: KindForm<'journal'> = {
  kind: 'journal',
  schema: journalFields,
  sections: [
    {
      fields: [
        { name: 'date', label: 'Date', control: 'date', required: true },
        { name: 'kind', label: 'Kind', control: 'select', options: optionsOf(journalKindLabels) },
        { name: 'title', label: 'Title', control: 'text', wide: true },
        { name: 'whatHappened', label: 'What happened', control: 'textarea' },
        { name: 'whatILearned', label: 'What I learned', control: 'textarea' },
        { name: 'whatIWillTry', label: 'What I will try', control: 'textarea' },
      ],
    },
    {
      title: 'Links',
      fields: [
        { name: 'tags', label: 'Tags', control: 'tags' },
        { name: 'contactIds', label: 'People', control: 'contacts' },
        { name: 'goalIds', label: 'Goals', control: 'goals' },
        { name: 'eventIds', label: 'Events', control: 'events' },
      ],
    },
  ],
  toValues: (entry) => {
    const values = defaultValuesFor(journalForm, entry)
    if (!entry) values.date = localDay()
    return values
  },
}

export const journalView: KindView<'journal', JournalRow, JournalDetail> = {
  section: 'journal',
  plural: 'Journal',
  singular: 'entry',
  form: journalForm,
  indexKinds: ['journal'],
  list: (query, show) => (api, page) => api.call('journal.list', { ...(query ? { query } : {}), show, direction: 'desc', ...page }),
  rowId: (row) => row.id,
  rowHeight: 64,
  renderRow: (row) => <RowLines title={row.title || journalKindLabels[row.kind]} lines={[`${formatDay(row.date)} · ${journalKindLabels[row.kind]}`, row.excerpt]} />,
  get: (api, id) => api.call('journal.get', { id }),
  recordOf: (detail) => detail.entry,
  titleOf: (entry) => entry.title || `${journalKindLabels[entry.kind]}, ${formatDay(entry.date)}`,
  create: (api, fields) => api.call('journal.create', { fields: fields as JournalFields }),
  update: (api, id, patch) => api.call('journal.update', { id, patch }),
  remove: (api, id) => api.call('journal.delete', { id }),
  restore: (api, id) => api.call('journal.restore', { id }),
  rowTitle: (row) => row.title || `${journalKindLabels[row.kind]}, ${formatDay(row.date)}`,
  skipFields: ['title'],
  emptyHint: 'Write down what happened, what you learned and what you will try next — setbacks too.',
}
