import { describe, expect, it } from 'vitest'
import { feedRow } from '../../test/feedFixtures'
import { feedStatusText, folderNames, groupByFolder, refreshSummary } from './feedText'

describe('feedText', () => {
  it('groups by folder name, case-insensitively sorted, unfiled last, titles sorted within', () => {
    const feeds = [feedRow({ id: 'a', title: 'b', folder: '' }), feedRow({ id: 'b', title: 'z', folder: 'research' }), feedRow({ id: 'c', title: 'a', folder: 'News' }), feedRow({ id: 'd', title: 'y', folder: 'research' })]
    expect(groupByFolder(feeds).map((folder) => [folder.name, folder.feeds.map((feed) => feed.title)])).toEqual([
      ['News', ['a']],
      ['research', ['y', 'z']],
      ['', ['b']],
    ])
    expect(folderNames(feeds)).toEqual(['News', 'research'])
  })

  it('words a feed’s status, keeping the core’s error sentence', () => {
    expect(feedStatusText(feedRow({ id: 'a', title: 'a' }))).toBe('Not fetched yet')
    expect(feedStatusText(feedRow({ id: 'a', title: 'a', status: 'error', error: { code: 'timeout', message: 'The site did not answer within 20 seconds.' } }))).toBe(
      'The site did not answer within 20 seconds.',
    )
    expect(feedStatusText(feedRow({ id: 'a', title: 'a', status: 'ok', lastFetchedAt: 0 }))).toMatch(/^Updated .*1970|^Updated .*1969/)
  })

  it('sums a refresh of all feeds', () => {
    expect(refreshSummary([{ status: 'ok', newItems: 2 }, { status: 'not-modified', newItems: 0 }, { status: 'error', newItems: 0 }])).toBe(
      'Refreshed 3 feeds: 2 new items, 1 could not be fetched.',
    )
    expect(refreshSummary([{ status: 'ok', newItems: 1 }])).toBe('Refreshed 1 feed: 1 new item.')
    expect(refreshSummary([{ status: 'not-modified', newItems: 0 }])).toBe('Refreshed 1 feed: no new items.')
  })
})
