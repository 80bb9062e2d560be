import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AppLayout } from '../../app/AppLayout'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { communityRow, contactRow, eventDetail, eventRow, interactionRow } from '../../test/networkFixtures'
import { renderWithProviders } from '../../test/render'
import { localDay } from '../network/dates'
import { palette } from '../search/paletteStore'
import { QuickLogModal } from './QuickLogModal'
import { quickLog } from './quickLogStore'

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
  // The window opens on the notes list (the home screen, the dashboard, is not under test here).
  window.location.hash = '#/all'
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

describe('Quick log: where it happened', () => {
  const mathsChat = communityRow({ id: 'maths-chat', name: 'Maths Chat' })
  const scienceHub = communityRow({ id: 'science-hub', name: 'Science Hub' })
  const researchEd = eventRow({ id: 'researched', title: 'researchED Maths', communityId: mathsChat.id, communityName: mathsChat.name })

  function renderQuickLog() {
    const api = createFakeApi({
      'contacts.list': () => ({ ok: true, value: { rows: [contactRow({ id: 'ada', name: 'Ada Lovelace' })], total: 1 } }),
      'communities.list': () => ({ ok: true, value: { rows: [mathsChat, scienceHub], total: 2 } }),
      'events.list': () => ({ ok: true, value: { rows: [researchEd], total: 1 } }),
      'events.get': () => ({ ok: true, value: eventDetail(researchEd) }),
      'interactions.log': () => ({ ok: true, value: { interaction: {} as never, row: interactionRow({ id: 'i1' }) } }),
    })
    renderWithProviders(<QuickLogModal />, { platform: createFakePlatform(api) })
    act(() => quickLog.open(['ada']))
    return api
  }

  async function pick(dialog: HTMLElement, label: RegExp, option: string) {
    const input = within(dialog).getAllByLabelText(label).find((element) => element.tagName === 'INPUT')!
    fireEvent.focus(input)
    fireEvent.click(input)
    fireEvent.click(await within(dialog).findByRole('option', { name: option }))
  }

  /** The names shown as chosen (pills) in a picker. */
  function chosen(dialog: HTMLElement, label: RegExp): string[] {
    const input = within(dialog).getAllByLabelText(label).find((element) => element.tagName === 'INPUT')!
    return [...input.closest('.mantine-InputWrapper-root')!.querySelectorAll('.mantine-Pill-label')].map((pill) => pill.textContent ?? '')
  }

  function logged(api: ReturnType<typeof renderQuickLog>) {
    return (api.calls.find((call) => call.method === 'interactions.log')!.args as { fields: Record<string, unknown> }).fields
  }

  it('links a community, and an event brings its own community', async () => {
    const api = renderQuickLog()
    const dialog = await screen.findByRole('dialog', { name: 'Log interaction' })
    await pick(dialog, /^Event/, 'researchED Maths')
    await waitFor(() => expect(chosen(dialog, /^Community/)).toEqual(['Maths Chat']))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(api.calls.some((call) => call.method === 'interactions.log')).toBe(true))
    expect(logged(api)).toMatchObject({ contactIds: ['ada'], eventId: 'researched', communityId: 'maths-chat' })
  })

  it('keeps a community already chosen when an event from another is picked', async () => {
    const api = renderQuickLog()
    const dialog = await screen.findByRole('dialog', { name: 'Log interaction' })
    await pick(dialog, /^Community/, 'Science Hub')
    await pick(dialog, /^Event/, 'researchED Maths')
    await waitFor(() => expect(api.calls.some((call) => call.method === 'events.get')).toBe(true))
    expect(chosen(dialog, /^Community/)).toEqual(['Science Hub'])
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(api.calls.some((call) => call.method === 'interactions.log')).toBe(true))
    expect(logged(api)).toMatchObject({ eventId: 'researched', communityId: 'science-hub' })
  })
})
