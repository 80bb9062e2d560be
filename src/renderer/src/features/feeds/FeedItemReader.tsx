import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core'
import { IconArrowLeft, IconBookmark, IconBookmarkFilled, IconPhoto } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { localDay } from '../network/dates'
import { useIndexQuery } from '../network/useIndexQuery'
import classes from './Feeds.module.css'
import { formatPublished } from './feedText'
import { ExternalLink, SafeBlocksView } from './SafeBlocksView'

interface FeedItemReaderProps {
  itemId: string
  onBack: () => void
}

/** One cached item: its sanitised content, the way to the original, images on consent, and the reading list. */
export function FeedItemReader({ itemId, onBack }: FeedItemReaderProps) {
  const api = useApi()
  const query = useIndexQuery((client) => client.call('feeds.item', { itemId }), itemId, ['feeds', 'reading'])
  const [consenting, setConsenting] = useState(false)
  const [adding, setAdding] = useState(false)
  const backButton = useRef<HTMLButtonElement>(null)
  const loaded = query.data !== undefined
  // Opening an item from the list moves the keyboard here, as a page change would (again once loaded: the button remounts).
  useEffect(() => backButton.current?.focus(), [loaded])

  const back = (
    <Button ref={backButton} variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} w="fit-content">
      Back to items
    </Button>
  )
  if (!query.data) {
    return (
      <section aria-label="Item">
        <Stack gap="sm">
          {back}
          {query.loading ? <Loader size="sm" aria-label="Loading the item" /> : <Text c="dimmed">This item is no longer in the cache. Refresh its feed.</Text>}
        </Stack>
      </section>
    )
  }

  const { item, blocks, imagesAllowed } = query.data
  const hasImages = item.hasRemoteImages || blocks.some((block) => block.type === 'image')

  async function allowImages() {
    setConsenting(true)
    const result = await api.call('feeds.update', { id: item.feedId, patch: { allowImages: true } })
    setConsenting(false)
    if (result.ok) query.reload()
  }

  async function addToReadingList() {
    setAdding(true)
    const result = await api.call('reading.fromFeedItem', { itemId: item.id, today: localDay() })
    setAdding(false)
    if (result.ok) query.reload()
  }

  return (
    <article aria-labelledby="feed-item-title">
      <Stack gap="sm">
        {back}
        <Title order={2} size="h3" id="feed-item-title" className={classes.wrapText}>
          {item.title || 'Untitled item'}
        </Title>
        <Text size="sm" c="dimmed">
          {[item.feedTitle, item.author, formatPublished(item.publishedAt)].filter(Boolean).join(' · ')}
        </Text>
        <Group gap="sm">
          {item.readingId ? (
            <Text size="sm" data-testid="in-reading-list">
              <IconBookmarkFilled size={14} aria-hidden /> In reading list
            </Text>
          ) : (
            <Button variant="default" size="compact-sm" leftSection={<IconBookmark size={14} aria-hidden />} loading={adding} onClick={() => void addToReadingList()}>
              Add to reading list
            </Button>
          )}
          {item.url && <ExternalLink href={item.url}>Open the original</ExternalLink>}
        </Group>
        {hasImages && !imagesAllowed && (
          <Alert color="gray" icon={<IconPhoto size={18} aria-hidden />} title="Images are not loaded">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">Loading them tells the sites that host them that you read this feed, so they load only if you agree, for this feed.</Text>
              <Button size="compact-sm" variant="default" loading={consenting} onClick={() => void allowImages()}>
                Load images from this feed
              </Button>
            </Stack>
          </Alert>
        )}
        <SafeBlocksView blocks={blocks} imagesAllowed={imagesAllowed} />
      </Stack>
    </article>
  )
}
