import { Button, Group, Progress, Stack, Text, Title } from '@mantine/core'
import type { FeedItemRow, FeedRow } from '@shared/api/feeds'
import { IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import { navigate, type Route } from '../../app/route'
import { useApi } from '../../platform/PlatformContext'
import { changeWithUndo } from '../network/undoToast'
import { useIndexQuery } from '../network/useIndexQuery'
import { EditFeedModal } from './EditFeedModal'
import { FeedItemList } from './FeedItemList'
import { FeedItemReader } from './FeedItemReader'
import { FeedList } from './FeedList'
import classes from './Feeds.module.css'
import { folderNames } from './feedText'
import { FollowFeedForm } from './FollowFeedForm'
import { OpmlActions } from './OpmlActions'
import { useFeedRefresh } from './useFeedRefresh'

/** Staying current: the feeds the teacher follows, their items, and OPML in and out. `?id=` shows one feed's items. */
export function FeedsView({ route }: { route: Route }) {
  const api = useApi()
  const feedsQuery = useIndexQuery((client) => client.call('feeds.list', { show: 'live' }), 'feeds', ['feeds'])
  const feeds = feedsQuery.data?.feeds ?? []
  const { running, progress, refresh } = useFeedRefresh(feedsQuery.reload)
  const [editing, setEditing] = useState<FeedRow | null>(null)
  const [openItem, setOpenItem] = useState<FeedItemRow | null>(null)
  const [backFromItem, setBackFromItem] = useState(false)
  const selected = feeds.find((feed) => feed.id === route.recordId) ?? null
  const selectedId = route.recordId ?? null
  const folders = folderNames(feeds)

  function select(feedId: string | null) {
    setOpenItem(null)
    setBackFromItem(false)
    navigate({ section: 'feeds', ...(feedId ? { recordId: feedId } : {}) })
  }

  async function unfollow(feed: FeedRow) {
    const done = await changeWithUndo(api, `Unfollowed “${feed.title}”.`, () => api.call('feeds.remove', { id: feed.id }))
    if (done && feed.id === selectedId) select(null)
    if (done) feedsQuery.reload()
  }

  return (
    <div className={classes.view}>
      <Stack gap="md" p="md">
        <Group justify="space-between" align="flex-end">
          <Title order={1} size="h3">
            Feeds
          </Title>
          <Group gap="sm">
            <Button leftSection={<IconRefresh size={16} aria-hidden />} loading={running === 'all'} disabled={feeds.length === 0 || running !== null} onClick={() => void refresh()}>
              Refresh all
            </Button>
            <OpmlActions onImported={feedsQuery.reload} />
          </Group>
        </Group>
        {running === 'all' && (
          <Stack gap={4}>
            <Progress
              value={progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0}
              animated={!progress}
              aria-label="Refresh progress"
              data-testid="feeds-refresh-progress"
            />
            <Text size="xs" c="dimmed" aria-live="polite">
              {progress ? `Fetched ${progress.done} of ${progress.total} feeds` : 'Starting…'}
            </Text>
          </Stack>
        )}
        <div className={classes.split}>
          <Stack gap="lg">
            <FollowFeedForm folders={folders} onFollowed={(feed) => select(feed.id)} />
            <FeedList
              feeds={feeds}
              selectedId={selectedId}
              refreshing={running}
              onSelect={select}
              onRefresh={(feedId) => void refresh(feedId)}
              onEdit={setEditing}
              onUnfollow={(feed) => void unfollow(feed)}
            />
          </Stack>
          {openItem ? (
            <FeedItemReader key={openItem.id} itemId={openItem.id} onBack={() => {
                setOpenItem(null)
                setBackFromItem(true)
              }} />
          ) : (
            <FeedItemList
              key={selectedId ?? 'all'}
              feedId={selectedId}
              heading={selectedId ? (selected?.title ?? 'Feed') : 'All feeds'}
              focusHeading={backFromItem}
              onOpen={setOpenItem}
            />
          )}
        </div>
      </Stack>
      <EditFeedModal
        feed={editing}
        folders={folders}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null)
          feedsQuery.reload()
        }}
      />
    </div>
  )
}
