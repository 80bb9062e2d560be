import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AppLayout } from '../../app/AppLayout'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { contactRow, interactionRow } from '../../test/networkFixtures'
import { renderWithProviders } from '../../test/render'
import { localDay } from '../network/dates'
import { palette } from '../search/paletteStore'

function renderApp() {
  const api = createFakeApi({
    'notes.list': () => ({ ok: true, value: { notes: [], total: 0 } }),
    'notes.tags': () => ({ ok: true, value: { tags: [] } }),
    'notes.search': () => ({ ok: true, value: { hits: [] } }),
    'search.all': () => ({ ok: true, value: { hits: [] } }),
    'keepingInTouch.overview': () => ({ ok: true, value: { losingTouch: [], losingTouchTotal: 0, followUpsDue: [], followUpsDueTotal: 0 } }),
    'contacts.list': (args) => {
      const query = (args as { query?: string }).query ?? ''
      const rows = [contactRow({ id: 'ada', name: 'Ada Lovelace' }), contactRow({ id: 'alan', name: 'Alan Turing' })]
      return { ok: true, value: { rows: rows.filter((row) => row.name.toLowerCase().includes(query.toLowerCase())), total: 2 } }
    },
    'interactions.log': () => ({
      ok: true,
      value: { interaction: {} as never, row: interactionRow({ id: 'i1', contacts: [{ id: 'ada', name: 'Ada Lovelace' }] }) },
    }),
  })
  renderWithProviders(<AppLayout />, { platform: createFakePlatform(api) })
  return api
}

describe('Quick log', () => {
  it('opens from the palette action and saves with Enter, with today as the default day', async () => {
    const api = renderApp()
    act(() => palette.open())
    const paletteDialog = await screen.findByRole('dialog', { name: 'Search notes and commands' })
    fireEvent.click(within(paletteDialog).getByRole('button', { name: /Log interaction/ }))

    const dialog = await screen.findByRole('dialog', { name: 'Log interaction' })
    const who = within(dialog).getAllByLabelText(/^With/).find((element) => element.tagName === 'INPUT')!
    fireEvent.change(who, { target: { value: 'ada' } })
    fireEvent.click(await screen.findByRole('option', { name: 'Ada Lovelace' }))
    fireEvent.change(within(dialog).getByLabelText('Mode'), { target: { value: 'in-person' } })
    fireEvent.change(within(dialog).getByLabelText('Kind'), { target: { value: 'help-received' } })
    const summary = within(dialog).getByLabelText('Summary')
    fireEvent.change(summary, { target: { value: 'Talked about retrieval practice' } })
    fireEvent.keyDown(summary, { key: 'Enter' })

    await waitFor(() => expect(api.calls.some((call) => call.method === 'interactions.log')).toBe(true))
    expect(api.calls.find((call) => call.method === 'interactions.log')!.args).toEqual({
      fields: {
        contactIds: ['ada'],
        mode: 'in-person',
        channel: 'conversation',
        kind: 'help-received',
        date: localDay(),
        summary: 'Talked about retrieval practice',
        meaningful: 0,
        followUpOn: null,
        communityId: null,
        eventId: null,
      },
    })
    expect(await screen.findByText('Logged an interaction with Ada Lovelace.')).toBeTruthy()
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Log interaction' })).toBeNull())
  })

  it('refuses to save without a contact and says why', async () => {
    const api = renderApp()
    fireEvent.keyDown(document.documentElement, { key: 'l', code: 'KeyL', altKey: true })
    const dialog = await screen.findByRole('dialog', { name: 'Log interaction' })
    fireEvent.keyDown(within(dialog).getByLabelText('Summary'), { key: 'Enter' })
    expect(await within(dialog).findByText('Pick at least one contact')).toBeTruthy()
    expect(api.calls.some((call) => call.method === 'interactions.log')).toBe(false)
  })
})
