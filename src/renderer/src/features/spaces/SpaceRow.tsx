import { Badge, Group, Stack, Text } from '@mantine/core'
import { IconClock, IconCloudCheck, IconCloudOff, IconNotebook, IconUsersGroup } from '@tabler/icons-react'
import type { SpaceSummary } from '@shared/api/spaces'
import { formatRoute } from '../../app/route'
import { noteSyncSummary, syncPhase } from '../notes/noteSyncText'
import classes from './SpacesView.module.css'
import { kindLabels, memberNames, roleLabels, spaceTitle, unreadLabel } from './spaceText'

/** One project or circle in the shared spaces list: a link to its page with what it is, who is in it and what changed. */
export function SpaceRow({ space }: { space: SpaceSummary }) {
  const title = spaceTitle(space)
  const unread = unreadLabel(space)
  const KindIcon = space.kind === 'project' ? IconNotebook : IconUsersGroup
  const body = (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Group gap="xs" wrap="nowrap" miw={0}>
          <KindIcon size={18} aria-hidden />
          <Text fw={600} truncate data-testid="space-title">
            {space.present ? title : 'Not here yet'}
          </Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          {unread && (
            <Badge color="blue.8" variant="filled" size="sm" data-testid="space-unread">
              {unread}
            </Badge>
          )}
          {space.archived && (
            <Badge color="gray" variant="light" size="sm">
              Archived
            </Badge>
          )}
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {kindLabels[space.kind]} · You: {roleLabels[space.myRole].toLowerCase()}
        {space.subtitle ? ` · ${space.subtitle}` : ''}
      </Text>
      {space.present ? (
        space.members.length > 0 && (
          <Text size="sm" data-testid="space-members">
            {memberNames(space.members)}
          </Text>
        )
      ) : (
        <Text size="sm">It opens here once it arrives from a colleague’s device.</Text>
      )}
      <SpaceSyncLine sync={space.sync} />
    </Stack>
  )
  return (
    <li className={classes.item} data-testid="space-row">
      {space.present ? (
        <a className={classes.link} href={formatRoute({ section: space.kind === 'project' ? 'projects' : 'circles', spaceId: space.id })} aria-label={`${title}${unread ? `, ${unread}` : ''}`}>
          {body}
        </a>
      ) : (
        <div className={classes.link}>{body}</div>
      )}
    </li>
  )
}

/** The note header's wording for sync state, one line per space ("Synced with …; Waiting to sync with … (offline)"). */
function SpaceSyncLine({ sync }: { sync: SpaceSummary['sync'] }) {
  if (sync.length === 0) return null
  const phases = sync.map(syncPhase)
  const Icon = phases.every((p) => p === 'synced') ? IconCloudCheck : phases.some((p) => p === 'waiting' || p === 'out-of-touch') ? IconCloudOff : IconClock
  return (
    <Group gap={4} wrap="nowrap" data-testid="space-sync">
      <Icon size={14} aria-hidden />
      <Text size="xs" c="dimmed">
        {noteSyncSummary(sync)}
      </Text>
    </Group>
  )
}
