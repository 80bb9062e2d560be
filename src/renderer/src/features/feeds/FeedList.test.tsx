import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { feedRow } from '../../test/feedFixtures'
import { renderWithProviders } from '../../test/render'
import { FeedList, type FeedListProps } from './FeedList'

const feeds = [
  feedRow({ id: 'ok', title: 'The Learning Scientists', kind: 'thought-leader', folder: 'Research', status: 'ok', lastFetchedAt: Date.UTC(2026, 11, 1, 9, 30), itemCount: 12 }),
  feedRow({ id: 'bad', title: 'Broken blog', folder: 'Research', status: 'error', error: { code: 'not-xml', message: 'The address answered with a web page, not a feed.' }, itemCount: 0 }),
  feedRow({ id: 'new', title: 'Schools Week', kind: 'news', itemCount: 1 }),
]

function setup(partial: Partial<FeedListProps> = {}) {
  const props: FeedListProps = { feeds, selectedId: null, refreshing: null, onSelect: vi.fn(), onRefresh: vi.fn(), onEdit: vi.fn(), onUnfollow: vi.fn(), ...partial }
  renderWithProviders(<FeedList {...props} />)
  return { props, user: userEvent.setup({ delay: null }) }
}

describe('FeedList', { timeout: 15_000 }, () => {
  it('groups feeds by folder, the unfiled ones last', () => {
    setup()
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual(['Research', 'Not in a folder'])
    expect(screen.getAllByTestId('feed-row').map((row) => row.querySelector('button')?.textContent)).toEqual(['Broken blog', 'The Learning Scientists', 'Schools Week'])
  })

  it('shows each feed’s kind, item count and status; a failing feed shows its own error', () => {
    setup()
    const [broken, scientists, week] = screen.getAllByTestId('feed-row')
    expect(broken!.dataset.status).toBe('error')
    expect(within(broken!).getByTestId('feed-error').textContent).toBe('The address answered with a web page, not a feed.')
    expect(scientists!.textContent).toContain('Thought leader · 12 items')
    expect(within(scientists!).getByTestId('feed-status').textContent).toMatch(/^Updated /)
    expect(week!.textContent).toContain('News · 1 item')
    expect(within(week!).getByTestId('feed-status').textContent).toBe('Not fetched yet')
  })

  it('selects a feed or all feeds, and marks the current one', async () => {
    const { props, user } = setup({ selectedId: 'ok' })
    expect(screen.getByRole('button', { name: 'The Learning Scientists' }).getAttribute('aria-current')).toBe('true')
    await user.click(screen.getByRole('button', { name: 'Schools Week' }))
    expect(props.onSelect).toHaveBeenCalledWith('new')
    await user.click(screen.getByRole('button', { name: 'All feeds' }))
    expect(props.onSelect).toHaveBeenCalledWith(null)
  })

  it('refreshes, edits and unfollows one feed from labelled buttons', async () => {
    const { props, user } = setup()
    await user.click(screen.getByRole('button', { name: 'Refresh Broken blog' }))
    expect(props.onRefresh).toHaveBeenCalledWith('bad')
    await user.click(screen.getByRole('button', { name: 'Edit Schools Week' }))
    expect(props.onEdit).toHaveBeenCalledWith(feeds[2])
    await user.click(screen.getByRole('button', { name: 'Unfollow The Learning Scientists' }))
    expect(props.onUnfollow).toHaveBeenCalledWith(feeds[0])
  })

  it('invites a first feed when there are none', () => {
    setup({ feeds: [] })
    expect(screen.getByText(/No feeds yet/)).toBeTruthy()
  })
})
