import { Button, Loader, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import type { FeedItemRow } from '@shared/api/feeds'
import { IconBookmark } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useIndexQuery } from '../network/useIndexQuery'
import classes from './Feeds.module.css'
import { formatPublished } from './feedText'

const pageSize = 50
/** The largest page feeds.items gives; past 1,000 items one feed at a time is the better view. */
const maxLimit = 1000

interface FeedItemListProps {
  /** One feed's items, or every feed's when null. */
  feedId: string | null
  heading: string
  /** Back from an item: the keyboard lands on the list again rather than on the page's start. */
  focusHeading?: boolean
  onOpen: (item: FeedItemRow) => void
}

/** Cached items, newest first; more on request, so a feed with thousands of items opens at once. */
export function FeedItemList({ feedId, heading, focusHeading = false, onOpen }: FeedItemListProps) {
  const [limit, setLimit] = useState(pageSize)
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus()
  }, [focusHeading])
  const query = useIndexQuery((api) => api.call('feeds.items', { ...(feedId ? { feedId } : {}), limit, offset: 0 }), `${feedId ?? 'all'}:${limit}`, ['feeds', 'reading'])
  const items = query.data?.items ?? []
  const total = query.data?.total ?? 0

  return (
    <section aria-labelledby="feed-items-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="feed-items-heading" className={classes.wrapText} ref={headingRef} tabIndex={-1}>
          {heading}
        </Title>
        {query.loading && <Loader size="sm" aria-label="Loading items" />}
        {!query.loading && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {feedId ? 'No items from this feed yet. Refresh it to fetch the latest.' : 'No items yet. Follow a feed, or refresh the ones you follow.'}
          </Text>
        )}
        <ul className={classes.itemList} aria-label="Items">
          {items.map((item) => (
            <li key={item.id} className={classes.itemRow} data-testid="feed-item-row">
              <Stack gap={2}>
                <UnstyledButton onClick={() => onOpen(item)} className={classes.wrapText}>
                  <Text fw={600}>{item.title || 'Untitled item'}</Text>
                </UnstyledButton>
                <Text size="xs" c="dimmed">
                  {[feedId ? null : item.feedTitle, item.author, formatPublished(item.publishedAt)].filter(Boolean).join(' · ')}
                </Text>
                {item.excerpt && (
                  <Text size="sm" lineClamp={2} className={classes.wrapText}>
                    {item.excerpt}
                  </Text>
                )}
                {item.readingId && (
                  <Text size="xs" c="dimmed">
                    <IconBookmark size={12} aria-hidden /> In reading list
                  </Text>
                )}
              </Stack>
            </li>
          ))}
        </ul>
        {items.length < total && limit < maxLimit && (
          <Button variant="default" onClick={() => setLimit((shown) => Math.min(maxLimit, shown + pageSize))} loading={query.loading}>
            Show more ({total - items.length} older)
          </Button>
        )}
      </Stack>
    </section>
  )
}
