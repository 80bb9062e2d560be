import { Button } from '@mantine/core'
import type { EventDetail, EventRow } from '@shared/api/networkEvents'
import { eventFields, type EventFields } from '@shared/network/records'
import { IconCalendarDown } from '@tabler/icons-react'
import { useApi } from '../../../platform/PlatformContext'
import { InteractionTimeline } from '../../interactions/InteractionTimeline'
import { formatDay } from '../dates'
import type { KindForm } from '../formSpec'
import type { KindView } from '../kindView'
import { optionsOf, rsvpLabels } from '../labels'
import { downloadFile } from './downloadFile'
import { RowLines } from './RowLines'

export const eventForm: KindForm<'event'> = {
  kind: 'event',
  schema: eventFields,
  sections: [
    {
      fields: [
        { name: 'title', label: 'Title', control: 'text', required: true, wide: true },
        { name: 'startsAt', label: 'Starts', control: 'datetime', required: true },
        { name: 'endsAt', label: 'Ends', control: 'datetime', nullable: true },
        { name: 'place', label: 'Place', control: 'text' },
        { name: 'onlineUrl', label: 'Online link', control: 'url', nullable: true },
        { name: 'communityId', label: 'Community', control: 'community' },
        { name: 'rsvp', label: 'RSVP', control: 'select', options: optionsOf(rsvpLabels) },
        { name: 'attendeeIds', label: 'Attendees', control: 'contacts', wide: true },
        { name: 'tags', label: 'Tags', control: 'tags', wide: true },
        { name: 'takeaways', label: 'Takeaways', control: 'textarea' },
      ],
    },
  ],
}

/** The core exports every event and open follow-up as one calendar file (io.export 'calendar.ics'). */
function ExportCalendar() {
  const api = useApi()
  async function exportCalendar() {
    const result = await api.call('io.export', { format: 'calendar.ics' })
    if (result.ok) downloadFile(result.value)
  }
  return (
    <Button variant="default" size="compact-sm" leftSection={<IconCalendarDown size={14} aria-hidden />} onClick={() => void exportCalendar()}>
      Export calendar (.ics)
    </Button>
  )
}

export const eventsView: KindView<'event', EventRow, EventDetail> = {
  section: 'events',
  plural: 'Events',
  singular: 'event',
  form: eventForm,
  indexKinds: ['events', 'interactions', 'communities'],
  list: (query, show) => (api, page) => api.call('events.list', { ...(query ? { query } : {}), show, direction: 'desc', ...page }),
  rowId: (row) => row.id,
  rowHeight: 64,
  renderRow: (row) => (
    <RowLines
      title={row.title}
      lines={[`${formatDay(row.startsAt)} · ${rsvpLabels[row.rsvp]}`, [row.place, row.communityName].filter(Boolean).join(' · ')]}
    />
  ),
  get: (api, id) => api.call('events.get', { id }),
  recordOf: (detail) => detail.event,
  titleOf: (event) => event.title,
  create: (api, fields) => api.call('events.create', { fields: fields as EventFields }),
  update: (api, id, patch) => api.call('events.update', { id, patch }),
  remove: (api, id) => api.call('events.delete', { id }),
  restore: (api, id) => api.call('events.restore', { id }),
  rowTitle: (row) => row.title,
  renderListActions: () => <ExportCalendar />,
  renderExtra: (detail) => <InteractionTimeline filter={{ eventId: detail.event.id }} heading="Interactions at this event" />,
  skipFields: ['title'],
  emptyHint: 'Add the conferences, workshops and meetups you go to or plan to.',
}
