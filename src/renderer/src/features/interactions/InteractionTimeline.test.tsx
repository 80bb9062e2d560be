import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { InteractionRow } from '@shared/api/interactions'
import type { Interaction } from '@shared/network/records'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform, type FakeApi } from '../../test/fakePlatform'
import { contactDetail, contactRow, interaction, interactionRow } from '../../test/networkFixtures'
import { renderWithProviders } from '../../test/render'
import { formatDay } from '../network/dates'
import { InteractionTimeline } from './InteractionTimeline'
import { QuickLogModal } from './QuickLogModal'

const ada = { id: 'ada', name: 'Ada Lovelace' }

/** A core of one interaction with Ada: it answers, changes, and says `index.changed` as the real one does. */
function renderTimeline(stored: Interaction) {
  let current = stored
  let deleted = false
  const row = (): InteractionRow =>
    interactionRow({ ...current, contacts: [ada], communityName: null, eventTitle: null, deleted, followUpDone: current.followUpDone })
  const changed = () => setTimeout(() => api.emit('index.changed', { kinds: ['interactions', 'contacts'], ids: [current.id] }), 0)
  const api: FakeApi = createFakeApi({
    'interactions.list': () => ({ ok: true, value: deleted ? { rows: [], total: 0 } : { rows: [row()], total: 1 } }),
    'interactions.get': () => ({ ok: true, value: { interaction: current, row: row() } }),
    'interactions.update': (args) => {
      current = { ...current, ...(args as { patch: Partial<Interaction> }).patch }
      changed()
      return { ok: true, value: { interaction: current, row: row() } }
    },
    'interactions.setFollowUpDone': (args) => {
      current = { ...current, followUpDone: (args as { done: boolean }).done }
      changed()
      return { ok: true, value: { interaction: current, row: row() } }
    },
    'interactions.delete': () => {
      deleted = true
      changed()
      return { ok: true, value: { undoToken: 'tok-1', changed: 1 } }
    },
    'undo.apply': () => {
      deleted = false
      changed()
      return { ok: true, value: { restored: 1 } }
    },
    'contacts.list': () => ({ ok: true, value: { rows: [contactRow(ada)], total: 1 } }),
    'contacts.get': () => ({ ok: true, value: contactDetail(ada) }),
    'events.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
    'communities.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
  })
  renderWithProviders(
    <>
      <InteractionTimeline filter={{ contactId: ada.id }} heading="Timeline" excludeContactId={ada.id} />
      <QuickLogModal />
    </>,
    { platform: createFakePlatform(api) },
  )
  return api
}

const swappedGames = interaction({ id: 'i1', contactIds: [ada.id], date: '2026-03-01', mode: 'online', summary: 'Swapped fraction games' })

describe('Interaction timeline', () => {
  it('edits an entry in the interaction form, prefilled, with messages on the fields, and shows the change', async () => {
    const api = renderTimeline(swappedGames)
    const entry = await screen.findByTestId('interaction-item')
    fireEvent.click(within(entry).getByRole('button', { name: `Edit the interaction on ${formatDay('2026-03-01')}` }))

    const dialog = await screen.findByRole('dialog', { name: 'Edit interaction' })
    const summary = within(dialog).getByLabelText('Summary')
    expect((summary as HTMLTextAreaElement).value).toBe('Swapped fraction games')
    expect(await within(dialog).findByText('Ada Lovelace')).toBeTruthy()

    const date = within(dialog).getByLabelText(/^Date/)
    fireEvent.change(date, { target: { value: '' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByText('Expected a date as YYYY-MM-DD')).toBeTruthy()
    expect(date.getAttribute('aria-invalid')).toBe('true')
    expect(api.calls.some((call) => call.method === 'interactions.update')).toBe(false)

    fireEvent.change(date, { target: { value: '2026-03-02' } })
    fireEvent.change(summary, { target: { value: 'Swapped fraction games and a quiz' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(api.calls.some((call) => call.method === 'interactions.update')).toBe(true))
    expect(api.calls.find((call) => call.method === 'interactions.update')!.args).toEqual({
      id: 'i1',
      patch: {
        contactIds: ['ada'],
        mode: 'online',
        channel: 'conversation',
        kind: 'conversation',
        date: '2026-03-02',
        summary: 'Swapped fraction games and a quiz',
        meaningful: 0,
        followUpOn: null,
        eventId: null,
        communityId: null,
      },
    })
    expect(await screen.findByText('Interaction saved.')).toBeTruthy()
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit interaction' })).toBeNull())
    expect(await screen.findByText('Swapped fraction games and a quiz')).toBeTruthy()
    expect(screen.getByTestId('interaction-item').querySelector('time')!.getAttribute('datetime')).toBe('2026-03-02')
  })

  it('deletes an entry with Undo in the toast, keeping the keyboard in the timeline', async () => {
    const api = renderTimeline(swappedGames)
    const entry = await screen.findByTestId('interaction-item')
    fireEvent.click(within(entry).getByRole('button', { name: /^Delete/ }))

    expect(await screen.findByText(`Deleted the interaction with Ada Lovelace on ${formatDay('2026-03-01')}.`)).toBeTruthy()
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: /Timeline/ }))
    await waitFor(() => expect(screen.queryByTestId('interaction-item')).toBeNull())
    expect(api.calls.find((call) => call.method === 'interactions.delete')!.args).toEqual({ id: 'i1' })

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    await waitFor(() => expect(api.calls.find((call) => call.method === 'undo.apply')?.args).toEqual({ undoToken: 'tok-1' }))
    expect(await screen.findByTestId('interaction-item')).toBeTruthy()
    expect(await screen.findByText('Undone.')).toBeTruthy()
  })

  it('opens the follow-up again when an edit gives it a new day', async () => {
    const api = renderTimeline({ ...swappedGames, followUpOn: '2026-03-08', followUpDone: true })
    const entry = await screen.findByTestId('interaction-item')
    expect(within(entry).getByText('Followed up')).toBeTruthy()
    fireEvent.click(within(entry).getByRole('button', { name: /^Edit/ }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit interaction' })
    fireEvent.change(within(dialog).getByLabelText('Follow up on'), { target: { value: '2026-04-01' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(api.calls.some((call) => call.method === 'interactions.update')).toBe(true))
    expect(api.calls.find((call) => call.method === 'interactions.update')!.args).toMatchObject({
      patch: { followUpOn: '2026-04-01', followUpDone: false, followUpSnoozedUntil: null },
    })
    expect(await screen.findByText(`Follow up ${formatDay('2026-04-01')}`)).toBeTruthy()
  })

  it('marks an open follow-up done, and offers it only while it is open', async () => {
    const api = renderTimeline({ ...swappedGames, followUpOn: '2026-03-08' })
    const entry = await screen.findByTestId('interaction-item')
    expect(within(entry).getByText(`Follow up ${formatDay('2026-03-08')}`)).toBeTruthy()
    await act(async () => fireEvent.click(within(entry).getByRole('button', { name: /^Mark the follow-up .* done$/ })))

    expect(api.calls.find((call) => call.method === 'interactions.setFollowUpDone')!.args).toEqual({ id: 'i1', done: true })
    expect(await screen.findByText('Followed up')).toBeTruthy()
    expect(within(screen.getByTestId('interaction-item')).queryByRole('button', { name: /^Mark the follow-up/ })).toBeNull()
  })
})
