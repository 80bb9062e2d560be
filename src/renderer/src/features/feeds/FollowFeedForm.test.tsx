import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { feedRow } from '../../test/feedFixtures'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { feedAddress, FollowFeedForm } from './FollowFeedForm'

function setup(add: Parameters<typeof createFakeApi>[0]['feeds.add']) {
  const api = createFakeApi({ 'feeds.add': add, 'contacts.list': () => ({ ok: true, value: { rows: [], total: 0 } as never }) })
  const onFollowed = vi.fn()
  renderWithProviders(<FollowFeedForm folders={['Research']} onFollowed={onFollowed} />, { platform: createFakePlatform(api) })
  return { api, onFollowed, user: userEvent.setup({ delay: null }) }
}

/** Typing key by key in a busy test run is slow and adds nothing here. */
function type(label: string, text: string) {
  const field = screen.queryByRole('textbox', { name: label }) ?? screen.getByRole('combobox', { name: label })
  fireEvent.change(field, { target: { value: text } })
}

describe('FollowFeedForm', { timeout: 15_000 }, () => {
  it('follows a feed with its kind and folder, and clears the address', async () => {
    const feed = feedRow({ id: 'f1', title: 'The Learning Scientists' })
    const { api, onFollowed, user } = setup(() => ({ ok: true, value: { feed } }))
    type('Feed address', 'learningscientists.org/feed')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'Thought leader')
    type('Folder', 'Research')
    await user.click(screen.getByRole('button', { name: 'Follow' }))
    expect(api.calls.find((call) => call.method === 'feeds.add')?.args).toEqual({
      url: 'https://learningscientists.org/feed',
      kind: 'thought-leader',
      folder: 'Research',
      contactId: null,
    })
    expect(onFollowed).toHaveBeenCalledWith(feed)
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Feed address' })).toHaveProperty('value', ''))
  })

  it('shows the core’s refusal next to the form and keeps what was typed', async () => {
    const { onFollowed, user } = setup(() => ({ ok: false, error: { code: 'bad-request', message: 'You already follow this feed (The Learning Scientists).' } }))
    type('Feed address', 'https://learningscientists.org/feed')
    await user.click(screen.getByRole('button', { name: 'Follow' }))
    const alert = await within(screen.getByRole('form', { name: 'Follow a feed' })).findByRole('alert')
    expect(alert.textContent).toContain('You already follow this feed')
    expect(screen.getByRole('textbox', { name: 'Feed address' })).toHaveProperty('value', 'https://learningscientists.org/feed')
    expect(onFollowed).not.toHaveBeenCalled()
  })

  it('asks for an address before calling the core', async () => {
    const { api, user } = setup(() => ({ ok: true, value: { feed: feedRow({ id: 'f1', title: 'x' }) } }))
    await user.click(screen.getByRole('button', { name: 'Follow' }))
    expect((await within(screen.getByRole('form', { name: 'Follow a feed' })).findByRole('alert')).textContent).toContain('Type the address of the feed')
    expect(api.calls.some((call) => call.method === 'feeds.add')).toBe(false)
  })

  it('sends a typed scheme as it is, so the core can refuse one that is not the web', () => {
    expect(feedAddress(' ftp://example.org/feed ')).toBe('ftp://example.org/feed')
    expect(feedAddress('example.org/rss')).toBe('https://example.org/rss')
  })
})
