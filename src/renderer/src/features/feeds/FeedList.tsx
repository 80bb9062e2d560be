import { ActionIcon, Group, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core'
import type { FeedRow } from '@shared/api/feeds'
import { IconAlertTriangle, IconPencil, IconRefresh, IconTrash } from '@tabler/icons-react'
import classes from './Feeds.module.css'
import { feedKindLabels, feedStatusText, groupByFolder, itemCountText } from './feedText'

function rowClass(selected: boolean, failed: boolean): string {
  return [classes.feedRow, selected ? classes.feedRowSelected : '', failed ? classes.feedRowError : ''].filter(Boolean).join(' ')
}

export interface FeedListProps {
  feeds: FeedRow[]
  /** The feed whose items are shown; null = every feed's. */
  selectedId: string | null
  /** The feed being refreshed, 'all', or null. */
  refreshing: string | null
  onSelect: (feedId: string | null) => void
  onRefresh: (feedId: string) => void
  onEdit: (feed: FeedRow) => void
  onUnfollow: (feed: FeedRow) => void
}

/** Followed feeds by folder, each with what its last fetch did: one failing feed says why and the rest carry on. */
export function FeedList({ feeds, selectedId, refreshing, onSelect, onRefresh, onEdit, onUnfollow }: FeedListProps) {
  const folders = groupByFolder(feeds)
  return (
    <nav aria-label="Followed feeds">
      <Stack gap="sm">
        <UnstyledButton
          className={rowClass(selectedId === null, false)}
          aria-current={selectedId === null ? 'true' : undefined}
          onClick={() => onSelect(null)}
        >
          <Text fw={500}>All feeds</Text>
        </UnstyledButton>
        {feeds.length === 0 && (
          <Text size="sm" c="dimmed">
            No feeds yet. Follow one above, or import an OPML file from another reader.
          </Text>
        )}
        <ul className={classes.folderList}>
          {folders.map((folder) => (
            <li key={folder.name}>
              <Title order={3} size="h6" c="dimmed" mb={4}>
                {folder.name || 'Not in a folder'}
              </Title>
              <ul className={classes.feedList}>
                {folder.feeds.map((feed) => (
                  <FeedListRow
                    key={feed.id}
                    feed={feed}
                    selected={feed.id === selectedId}
                    refreshing={refreshing === feed.id || refreshing === 'all'}
                    onSelect={() => onSelect(feed.id)}
                    onRefresh={() => onRefresh(feed.id)}
                    onEdit={() => onEdit(feed)}
                    onUnfollow={() => onUnfollow(feed)}
                  />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </Stack>
    </nav>
  )
}

interface FeedListRowProps {
  feed: FeedRow
  selected: boolean
  refreshing: boolean
  onSelect: () => void
  onRefresh: () => void
  onEdit: () => void
  onUnfollow: () => void
}

function FeedListRow({ feed, selected, refreshing, onSelect, onRefresh, onEdit, onUnfollow }: FeedListRowProps) {
  const failed = feed.status === 'error'
  return (
    <li className={rowClass(selected, failed)} data-testid="feed-row" data-status={feed.status}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} miw={0}>
          <UnstyledButton onClick={onSelect} aria-current={selected ? 'true' : undefined} className={classes.wrapText}>
            <Text fw={500} size="sm">
              {feed.title}
            </Text>
          </UnstyledButton>
          <Text size="xs" c="dimmed">
            {feedKindLabels[feed.kind]} · {itemCountText(feed.itemCount)}
          </Text>
          {failed ? (
            <Group gap={4} wrap="nowrap" align="flex-start">
              <IconAlertTriangle size={14} aria-hidden color="var(--mantine-color-error)" />
              <Text size="xs" c="var(--mantine-color-error)" className={classes.wrapText} data-testid="feed-error">
                {feedStatusText(feed)}
              </Text>
            </Group>
          ) : (
            <Text size="xs" c="dimmed" data-testid="feed-status">
              {feedStatusText(feed)}
            </Text>
          )}
        </Stack>
        <Group gap={2} wrap="nowrap">
          <Tooltip label="Refresh" openDelay={400}>
            <ActionIcon variant="subtle" color="gray" aria-label={`Refresh ${feed.title}`} loading={refreshing} onClick={onRefresh}>
              <IconRefresh size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Edit" openDelay={400}>
            <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${feed.title}`} onClick={onEdit}>
              <IconPencil size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Unfollow" openDelay={400}>
            <ActionIcon variant="subtle" color="gray" aria-label={`Unfollow ${feed.title}`} onClick={onUnfollow}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
    </li>
  )
}
