import type { FeedRow } from '@shared/api/feeds'
import type { feedKinds } from '@shared/network/records'

export type FeedKind = (typeof feedKinds)[number]

export const feedKindLabels: Record<FeedKind, string> = {
  'thought-leader': 'Thought leader',
  blog: 'Blog',
  journal: 'Journal',
  news: 'News',
  other: 'Other',
}

const instantFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' })
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })

/** "3 Dec 2026, 14:05" for an instant in milliseconds. */
export function formatInstant(ms: number): string {
  return instantFormat.format(new Date(ms))
}

/** "3 Dec 2026" for an item's publication time; empty when the feed gave none. */
export function formatPublished(ms: number | null): string {
  return ms === null ? '' : dayFormat.format(new Date(ms))
}

/** What the last fetch of a feed did, in words; an error keeps the core's sentence. */
export function feedStatusText(feed: FeedRow): string {
  if (feed.status === 'error') return feed.error?.message ?? 'The last refresh failed.'
  if (feed.status === 'ok') return feed.lastFetchedAt === null ? 'Fetched' : `Updated ${formatInstant(feed.lastFetchedAt)}`
  return 'Not fetched yet'
}

export function itemCountText(count: number): string {
  return `${count} item${count === 1 ? '' : 's'}`
}

export interface FeedFolder {
  /** '' for the feeds in no folder. */
  name: string
  feeds: FeedRow[]
}

/** Feeds grouped by folder, folders by name and the unfiled ones last; feeds by title within a folder. */
export function groupByFolder(feeds: readonly FeedRow[]): FeedFolder[] {
  const byName = new Map<string, FeedRow[]>()
  for (const feed of feeds) {
    const name = feed.folder.trim()
    byName.set(name, [...(byName.get(name) ?? []), feed])
  }
  const compare = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' })
  return [...byName.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : compare(a, b)))
    .map(([name, rows]) => ({ name, feeds: [...rows].sort((a, b) => compare(a.title, b.title)) }))
}

/** The folders in use, for the folder field's suggestions. */
export function folderNames(feeds: readonly FeedRow[]): string[] {
  return [...new Set(feeds.map((feed) => feed.folder.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b))
}

/** "Refreshed 12 feeds: 5 new items, 2 could not be fetched." */
export function refreshSummary(results: ReadonlyArray<{ status: string; newItems: number }>): string {
  const failed = results.filter((result) => result.status === 'error').length
  const fresh = results.reduce((sum, result) => sum + result.newItems, 0)
  const parts = [`${fresh === 0 ? 'no' : fresh} new item${fresh === 1 ? '' : 's'}`]
  if (failed > 0) parts.push(`${failed} could not be fetched`)
  return `Refreshed ${results.length} feed${results.length === 1 ? '' : 's'}: ${parts.join(', ')}.`
}
