import type { ApiResults } from '@shared/api/index'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { feedItemRow, hostileBlocks } from '../../test/feedFixtures'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { FeedItemReader } from './FeedItemReader'

const item = feedItemRow({ id: 'i1', feedId: 'f1', title: 'Why retrieval practice works', author: 'Dr Agarwal', hasRemoteImages: true })

function setup() {
  let imagesAllowed = false
  let readingId: string | null = null
  const api = createFakeApi({
    'feeds.item': () => ({ ok: true, value: { item: { ...item, readingId }, blocks: hostileBlocks, imagesAllowed } }),
    'feeds.update': () => {
      imagesAllowed = true
      return { ok: true, value: { feed: {} as ApiResults['feeds.update']['feed'] } }
    },
    'reading.fromFeedItem': () => {
      readingId = 'r1'
      return { ok: true, value: { outcome: 'created' } as ApiResults['reading.fromFeedItem'] }
    },
  })
  const { container } = renderWithProviders(<FeedItemReader itemId="i1" onBack={() => undefined} />, { platform: createFakePlatform(api) })
  return { api, container, user: userEvent.setup({ delay: null }) }
}

describe('FeedItemReader', { timeout: 15_000 }, () => {
  it('loads no image until the teacher allows this feed’s images, then shows them without a referrer', async () => {
    const { api, container, user } = setup()
    expect(await screen.findByRole('heading', { name: 'Why retrieval practice works', level: 2 })).toBeTruthy()
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getByText('Image: A chart of test scores')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Load images from this feed' }))
    expect(api.calls.find((call) => call.method === 'feeds.update')?.args).toEqual({ id: 'f1', patch: { allowImages: true } })
    await waitFor(() => expect(container.querySelector('img')?.getAttribute('referrerpolicy')).toBe('no-referrer'))
    expect(screen.queryByRole('button', { name: 'Load images from this feed' })).toBeNull()
  })

  it('keeps a hostile item inert: script text stays text and a javascript: link is not a link', async () => {
    const { container } = setup()
    await screen.findByRole('heading', { name: 'Why retrieval practice works' })
    expect(container.querySelector('script')).toBeNull()
    expect(screen.getByText(/<script>/)).toBeTruthy()
    expect(screen.queryByRole('link', { name: 'this trick' })).toBeNull()
    expect(screen.getByRole('link', { name: 'Open the original' }).getAttribute('href')).toBe('https://example.org/posts/i1')
  })

  it('adds the item to the reading list and then says it is there', async () => {
    const { api, user } = setup()
    await user.click(await screen.findByRole('button', { name: 'Add to reading list' }))
    expect(api.calls.find((call) => call.method === 'reading.fromFeedItem')?.args).toMatchObject({ itemId: 'i1' })
    expect(await screen.findByText('In reading list')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Add to reading list' })).toBeNull()
  })

  it('moves the keyboard to Back to items when it opens', async () => {
    setup()
    await screen.findByRole('heading', { name: 'Why retrieval practice works' })
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Back to items' }))
  })
})
