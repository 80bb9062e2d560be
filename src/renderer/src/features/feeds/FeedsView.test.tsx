import type { FeedRefreshResult } from '@shared/api/feeds'
import type { RpcResult } from '@shared/errors'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { feedItemRow, feedRow, hostileBlocks } from '../../test/feedFixtures'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { FeedsView } from './FeedsView'

afterEach(() => {
  window.location.hash = ''
})

const feeds = [
  feedRow({ id: 'f1', title: 'Research digest', status: 'ok', lastFetchedAt: Date.UTC(2026, 11, 1), itemCount: 2 }),
  feedRow({ id: 'f2', title: 'Broken blog', status: 'error', error: { code: 'not-xml', message: 'The address answered with something that is not a feed.' } }),
]
const items = [feedItemRow({ id: 'i2', title: 'Spacing, revisited', feedId: 'f1' }), feedItemRow({ id: 'i1', title: 'Retrieval practice in Year 7', feedId: 'f1' })]

function setup(handlers: Parameters<typeof createFakeApi>[0] = {}) {
  const api = createFakeApi({
    'feeds.list': () => ({ ok: true, value: { feeds } }),
    'feeds.items': () => ({ ok: true, value: { items, total: items.length } }),
    'feeds.item': () => ({ ok: true, value: { item: items[1]!, blocks: hostileBlocks, imagesAllowed: false } }),
    'contacts.list': () => ({ ok: true, value: { rows: [], total: 0 } as never }),
    ...handlers,
  })
  renderWithProviders(<FeedsView route={{ section: 'feeds' }} />, { platform: createFakePlatform(api) })
  return { api, user: userEvent.setup({ delay: null }) }
}

describe('FeedsView', { timeout: 20_000 }, () => {
  it('lists feeds and every feed’s items newest first, opens one and comes back to the list', async () => {
    const { api, user } = setup()
    expect(await screen.findByRole('heading', { name: 'All feeds', level: 2 })).toBeTruthy()
    expect(await screen.findByText('The address answered with something that is not a feed.')).toBeTruthy()
    await waitFor(() => expect(screen.getAllByTestId('feed-item-row').map((row) => row.querySelector('button')?.textContent)).toEqual(['Spacing, revisited', 'Retrieval practice in Year 7']))
    expect(api.calls.find((call) => call.method === 'feeds.items')?.args).toEqual({ limit: 50, offset: 0 })

    await user.click(screen.getByRole('button', { name: 'Retrieval practice in Year 7' }))
    expect(await screen.findByRole('heading', { name: 'Retrieval practice in Year 7', level: 2 })).toBeTruthy()
    expect(api.calls.find((call) => call.method === 'feeds.item')?.args).toEqual({ itemId: 'i1' })
    await user.click(screen.getByRole('button', { name: 'Back to items' }))
    const heading = await screen.findByRole('heading', { name: 'All feeds', level: 2 })
    await waitFor(() => expect(document.activeElement).toBe(heading))
  })

  it('opens one feed’s items through the address, so the choice survives a reload', async () => {
    const { user } = setup()
    await user.click(await screen.findByRole('button', { name: 'Research digest' }))
    expect(window.location.hash).toBe('#/feeds?id=f1')
  })

  it('refreshes every feed with progress, then sums up', async () => {
    let finish: (result: RpcResult<{ results: FeedRefreshResult[] }>) => void = () => undefined
    const { api, user } = setup({ 'feeds.refresh': () => new Promise((resolve) => (finish = resolve)) })
    await screen.findByRole('button', { name: 'Refresh Research digest' })
    await user.click(screen.getByRole('button', { name: 'Refresh all' }))
    act(() => api.emit('progress', { task: 'feeds.refresh', done: 1, total: 2 }))
    expect(await screen.findByText('Fetched 1 of 2 feeds')).toBeTruthy()
    expect(screen.getByTestId('feeds-refresh-progress')).toBeTruthy()
    act(() =>
      finish({
        ok: true,
        value: {
          results: [
            { feedId: 'f1', status: 'ok', newItems: 3, error: null },
            { feedId: 'f2', status: 'error', newItems: 0, error: { code: 'not-xml', message: 'Not a feed.' } },
          ],
        },
      }),
    )
    expect(await screen.findByText('Refreshed 2 feeds: 3 new items, 1 could not be fetched.')).toBeTruthy()
    expect(screen.queryByTestId('feeds-refresh-progress')).toBeNull()
    expect(api.calls.find((call) => call.method === 'feeds.refresh')?.args).toEqual({})
  })

  it('unfollows a feed with Undo', async () => {
    const { api, user } = setup({
      'feeds.remove': () => ({ ok: true, value: { undoToken: 'u1', changed: 1 } }),
      'undo.apply': () => ({ ok: true, value: { restored: 1 } as never }),
    })
    await user.click(await screen.findByRole('button', { name: 'Unfollow Broken blog' }))
    expect(api.calls.find((call) => call.method === 'feeds.remove')?.args).toEqual({ id: 'f2' })
    expect(await screen.findByText('Unfollowed “Broken blog”.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    await waitFor(() => expect(api.calls.find((call) => call.method === 'undo.apply')?.args).toEqual({ undoToken: 'u1' }))
  })

  it('edits a feed’s title and kind, sending only what changed', async () => {
    const { api, user } = setup({ 'feeds.update': () => ({ ok: true, value: { feed: feeds[0]! } }) })
    await user.click(await screen.findByRole('button', { name: 'Edit Research digest' }))
    const form = await screen.findByRole('form', { name: 'Edit feed' })
    fireEvent.change(within(form).getByRole('textbox', { name: /Title/ }), { target: { value: 'Dylan’s digest' } })
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Kind' }), 'Journal')
    await user.click(within(form).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(api.calls.find((call) => call.method === 'feeds.update')?.args).toEqual({ id: 'f1', patch: { title: 'Dylan’s digest', kind: 'journal' } }))
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit feed' })).toBeNull())
  })
})
