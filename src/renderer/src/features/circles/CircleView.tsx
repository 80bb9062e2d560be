import { Alert, Badge, Button, Group, Loader, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core'
import { circleLimits, type CircleView as CircleViewData } from '@shared/api/circles'
import { useEffect, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { CircleAnnouncement } from './CircleAnnouncement'
import { CircleDiscussion } from './CircleDiscussion'
import { CircleMeetups } from './CircleMeetups'
import { CircleMembers } from './CircleMembers'
import type { CirclePanelProps } from './circlePanel'
import { CircleResources } from './CircleResources'
import { circleRoleLabels } from './circleText'
import classes from './CircleView.module.css'
import { useCircle } from './useCircle'

/** A circle's page: its pinned announcement, then discussion, resources, meetups and members. */
export function CircleView({ circleId }: { circleId: string }) {
  const api = useApi()
  const { circle, loading, missing, show } = useCircle(circleId)

  // Seeing the page (and each change while it is open) clears the spaces list's unread marker.
  useEffect(() => {
    if (circle) void api.call('spaces.markSeen', { spaceId: circleId })
  }, [api, circleId, circle])

  if (!circle) {
    return (
      <div className={classes.root}>
        {loading ? (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Loading the circle…</Text>
          </Group>
        ) : (
          <Alert color="yellow" title={missing ? 'This circle is not here' : 'The circle could not be loaded'} role="alert">
            {missing ? 'It may have been removed, or it has not arrived from a member’s device yet.' : 'Try again in a moment.'}
          </Alert>
        )}
      </div>
    )
  }

  const panel: CirclePanelProps = { circle, canWrite: circle.myRole !== 'viewer' && circle.readOnlyReason === null, onChanged: show }
  return (
    <div className={classes.root}>
      <CircleHeader {...panel} />
      {circle.readOnlyReason && (
        <Alert color="yellow" role="status">
          {circle.readOnlyReason}
        </Alert>
      )}
      <CircleAnnouncement {...panel} />
      <Tabs defaultValue="discussion" keepMounted={false}>
        <Tabs.List aria-label="Circle sections">
          <Tabs.Tab value="discussion">Discussion ({circle.threads.length})</Tabs.Tab>
          <Tabs.Tab value="resources">Resources ({circle.resources.length})</Tabs.Tab>
          <Tabs.Tab value="meetups">Meetups ({circle.meetups.filter((m) => !m.past).length})</Tabs.Tab>
          <Tabs.Tab value="members">Members ({circle.members.length})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="discussion" pt="md">
          <CircleDiscussion {...panel} />
        </Tabs.Panel>
        <Tabs.Panel value="resources" pt="md">
          <CircleResources {...panel} />
        </Tabs.Panel>
        <Tabs.Panel value="meetups" pt="md">
          <CircleMeetups {...panel} />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <CircleMembers {...panel} />
        </Tabs.Panel>
      </Tabs>
    </div>
  )
}

function CircleHeader({ circle, canWrite, onChanged }: CirclePanelProps) {
  const api = useApi()
  const manages = canWrite && circle.myRole === 'owner'
  const [editing, setEditing] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function update(change: { name?: string; description?: string; archived?: boolean }) {
    setError(null)
    const result = await api.call('circles.update', { circleId: circle.id, ...change })
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    onChanged(result.value.circle)
    setEditing(false)
  }

  if (editing) return <DetailsForm circle={circle} error={error} onSave={(name, description) => void update({ name, description })} onCancel={() => setEditing(false)} />
  return (
    <Stack gap={4}>
      <Group gap="xs" align="center">
        <Title order={1} size="h2" className={classes.text}>
          {circle.name || 'Untitled circle'}
        </Title>
        <Badge variant="light">{circleRoleLabels[circle.myRole]}</Badge>
        {circle.archivedAt !== null && (
          <Badge variant="light" color="gray">
            Archived
          </Badge>
        )}
      </Group>
      {circle.description && (
        <Text size="sm" c="dimmed" className={classes.text}>
          {circle.description}
        </Text>
      )}
      {manages && (
        <Group gap="xs">
          <Button variant="subtle" size="xs" onClick={() => setEditing(true)}>
            Edit details
          </Button>
          <Button variant="subtle" size="xs" color="gray" onClick={() => void update({ archived: circle.archivedAt === null })}>
            {circle.archivedAt === null ? 'Archive' : 'Unarchive'}
          </Button>
        </Group>
      )}
      {error && (
        <Alert color="red" role="alert" p="xs">
          {error}
        </Alert>
      )}
    </Stack>
  )
}

function DetailsForm({ circle, error, onSave, onCancel }: { circle: CircleViewData; error: string | null; onSave: (name: string, description: string) => void; onCancel: () => void }) {
  const [name, setName] = useState(circle.name)
  const [description, setDescription] = useState(circle.description)
  return (
    <form
      aria-label="Circle details"
      onSubmit={(event) => {
        event.preventDefault()
        if (name.trim()) onSave(name, description)
      }}
    >
      <Stack gap="xs">
        <TextInput label="Name" required data-autofocus maxLength={circleLimits.nameChars} value={name} onChange={(event) => setName(event.currentTarget.value)} />
        <Textarea label="Description" autosize minRows={2} maxLength={circleLimits.descriptionChars} value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
        {error && (
          <Alert color="red" role="alert" p="xs">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" size="xs" disabled={!name.trim()}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
