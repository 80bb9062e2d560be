import { Alert, Anchor, Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { IconCalendarPlus } from '@tabler/icons-react'
import { circleLimits, circleRsvpAnswers, type CircleMeetupView } from '@shared/api/circles'
import type { Rsvp } from '@shared/spaces/CircleDoc'
import { useState, type ChangeEvent } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { downloadFile } from '../network/kinds/downloadFile'
import { openExternalLink } from '../notes/editor/openExternalLink'
import type { CirclePanelProps } from './circlePanel'
import { formatMeetupTime, localToIsoWithOffset, rsvpLabels } from './circleText'
import classes from './CircleView.module.css'

/** Meetups, upcoming first: when and where, each member's RSVP with counts, and .ics for a calendar. */
export function CircleMeetups({ circle, canWrite, onChanged }: CirclePanelProps) {
  const api = useApi()
  const [error, setError] = useState<string | null>(null)

  async function rsvp(meetupId: string, answer: Rsvp) {
    setError(null)
    const result = await api.call('circles.rsvp', { circleId: circle.id, meetupId, answer })
    if (result.ok) onChanged(result.value.circle)
    else setError(result.error.message)
  }

  async function calendar(meetupId: string | null) {
    setError(null)
    const result = await api.call('circles.meetupIcs', { circleId: circle.id, meetupId })
    if (result.ok) downloadFile(result.value)
    else setError(result.error.message)
  }

  const upcoming = circle.meetups.filter((m) => !m.past)
  return (
    <Stack gap="md">
      {canWrite && <AddMeetup circleId={circle.id} onAdded={onChanged} />}
      {error && (
        <Alert color="red" role="alert" p="xs">
          {error}
        </Alert>
      )}
      {upcoming.length > 1 && (
        <Group>
          <Button variant="default" size="xs" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => void calendar(null)}>
            Add all upcoming to calendar (.ics)
          </Button>
        </Group>
      )}
      {circle.meetups.length === 0 ? (
        <Text size="sm" c="dimmed">
          No meetups planned.
        </Text>
      ) : (
        <ul className={classes.list} aria-label="Meetups">
          {circle.meetups.map((meetup) => (
            <li key={meetup.id} className={classes.item} data-testid="circle-meetup">
              <Meetup meetup={meetup} canWrite={canWrite} onRsvp={(answer) => void rsvp(meetup.id, answer)} onCalendar={() => void calendar(meetup.id)} />
            </li>
          ))}
        </ul>
      )}
    </Stack>
  )
}

function Meetup({ meetup, canWrite, onRsvp, onCalendar }: { meetup: CircleMeetupView; canWrite: boolean; onRsvp: (answer: Rsvp) => void; onCalendar: () => void }) {
  const headingId = `meetup-${meetup.id}`
  return (
    <article aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group gap="xs">
          <Title order={2} size="h5" id={headingId} className={classes.text}>
            {meetup.title}
          </Title>
          {meetup.past && (
            <Badge variant="light" color="gray">
              Past
            </Badge>
          )}
        </Group>
        <Text size="sm">{formatMeetupTime(meetup.startsAt, meetup.endsAt)}</Text>
        {meetup.place && (
          <Text size="sm" className={classes.text}>
            {meetup.place}
          </Text>
        )}
        {meetup.onlineUrl && (
          <Anchor
            size="sm"
            href={meetup.onlineUrl}
            target="_blank"
            rel="noopener noreferrer"
            className={classes.text}
            onClick={(event) => {
              event.preventDefault()
              openExternalLink(meetup.onlineUrl!)
            }}
          >
            Join online: {meetup.onlineUrl}
          </Anchor>
        )}
        <Group gap="xs" role="group" aria-label={`Your answer for ${meetup.title}`}>
          {circleRsvpAnswers.map((answer) => (
            <Button
              key={answer}
              size="xs"
              variant={meetup.myRsvp === answer ? 'filled' : 'default'}
              aria-pressed={meetup.myRsvp === answer}
              disabled={!canWrite || meetup.past}
              onClick={() => onRsvp(answer)}
            >
              {rsvpLabels[answer]} ({meetup.rsvpCounts[answer]})
            </Button>
          ))}
          {!meetup.past && (
            <Button variant="subtle" size="xs" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={onCalendar}>
              Add to calendar (.ics)
            </Button>
          )}
        </Group>
      </Stack>
    </article>
  )
}

function AddMeetup({ circleId, onAdded }: { circleId: string; onAdded: CirclePanelProps['onChanged'] }) {
  const api = useApi()
  const [open, setOpen] = useState(false)
  const [fields, setFields] = useState({ title: '', start: '', end: '', place: '', onlineUrl: '' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const set = (key: keyof typeof fields) => (event: ChangeEvent<HTMLInputElement>) => setFields({ ...fields, [key]: event.currentTarget.value })

  async function add() {
    const startsAt = localToIsoWithOffset(fields.start)
    const endsAt = localToIsoWithOffset(fields.end)
    if (!fields.title.trim() || !startsAt || !endsAt) return setError('Give the meetup a title, a start and an end.')
    setBusy(true)
    setError(null)
    const result = await api.call('circles.addMeetup', { circleId, title: fields.title, startsAt, endsAt, place: fields.place, onlineUrl: fields.onlineUrl.trim() || null })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    onAdded(result.value.circle)
    setFields({ title: '', start: '', end: '', place: '', onlineUrl: '' })
    setOpen(false)
  }

  if (!open) {
    return (
      <Group>
        <Button variant="light" size="xs" onClick={() => setOpen(true)}>
          Plan a meetup
        </Button>
      </Group>
    )
  }
  return (
    <form
      aria-label="Plan a meetup"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void add()
      }}
    >
      <Stack gap="xs">
        <TextInput label="Title" required data-autofocus maxLength={circleLimits.titleChars} value={fields.title} onChange={set('title')} />
        <Group grow>
          <TextInput label="Starts" type="datetime-local" required value={fields.start} onChange={set('start')} />
          <TextInput label="Ends" type="datetime-local" required value={fields.end} onChange={set('end')} />
        </Group>
        <TextInput label="Place" description="A place, an online link, or both." maxLength={circleLimits.placeChars} value={fields.place} onChange={set('place')} />
        <TextInput label="Online link" type="url" placeholder="https://…" maxLength={circleLimits.urlChars} value={fields.onlineUrl} onChange={set('onlineUrl')} />
        {error && (
          <Alert color="red" role="alert" p="xs">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={busy}>
            Add meetup
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
