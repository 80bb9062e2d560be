import type { FeedItemRow, FeedRow } from '@shared/api/feeds'
import type { SafeBlock } from '@shared/feeds/safeBlocks'

/** A FeedRow as the core returns it, with only what a test cares about filled in. */
export function feedRow(partial: Partial<FeedRow> & { id: string; title: string }): FeedRow {
  return {
    url: `https://${partial.id}.example.org/feed.xml`,
    kind: 'blog',
    folder: '',
    contactId: null,
    allowImages: false,
    status: 'never',
    lastFetchedAt: null,
    error: null,
    siteUrl: null,
    itemCount: 0,
    deleted: false,
    ...partial,
  }
}

export function feedItemRow(partial: Partial<FeedItemRow> & { id: string; title: string }): FeedItemRow {
  return {
    feedId: 'f1',
    feedTitle: 'Research digest',
    url: `https://example.org/posts/${partial.id}`,
    author: '',
    publishedAt: Date.UTC(2026, 10, 20, 9, 0),
    excerpt: '',
    hasRemoteImages: false,
    readingId: null,
    ...partial,
  }
}

/** What a hostile item looks like once the core has made it safe, plus what a broken core might let through. */
export const hostileBlocks: SafeBlock[] = [
  { type: 'paragraph', inlines: [{ type: 'text', text: '<script>window.__pwned = true</script>Retrieval practice works.' }] },
  {
    type: 'paragraph',
    inlines: [
      { type: 'text', text: 'See ' },
      { type: 'link', text: 'the study', href: 'https://example.org/study' },
      { type: 'text', text: ' and ' },
      { type: 'link', text: 'this trick', href: 'javascript:alert(1)' },
    ],
  },
  { type: 'image', alt: 'A chart of test scores', src: 'https://images.example.org/chart.png' },
]
