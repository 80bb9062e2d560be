import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { contactRow, interactionRow } from '../../test/networkFixtures'
import { renderWithProviders } from '../../test/render'
import { addDays, localDay } from '../network/dates'
import { KeepInTouchView } from './KeepInTouchView'

describe('KeepInTouchView', () => {
  it('lists who is losing touch and the follow-ups due, and snoozes or completes them', async () => {
    const api = createFakeApi({
      'keepingInTouch.overview': () => ({
        ok: true,
        value: {
          losingTouch: [{ contact: contactRow({ id: 'ada', name: 'Ada Lovelace', cadenceDays: 30, lastInteractionOn: '2026-01-02', touch: 'losing-touch' }), daysOverdue: 12 }],
          losingTouchTotal: 1,
          followUpsDue: [{ interaction: interactionRow({ id: 'i1', contacts: [{ id: 'alan', name: 'Alan Turing' }], summary: 'Send the rubric', followUpOn: '2026-02-01' }), daysOverdue: 0 }],
          followUpsDueTotal: 1,
        },
      }),
      'keepingInTouch.snooze': (args) => ({ ok: true, value: { snoozedUntil: (args as { until: string }).until } }),
      'interactions.setFollowUpDone': () => ({ ok: true, value: { interaction: {} as never, row: interactionRow({ id: 'i1' }) } }),
    })
    renderWithProviders(<KeepInTouchView />, { platform: createFakePlatform(api) })

    const losing = await screen.findByRole('list', { name: 'Losing touch' })
    expect(within(losing).getByRole('link', { name: 'Ada Lovelace' }).getAttribute('href')).toBe('#/contacts?id=ada')
    expect(within(losing).getByText('12 days overdue')).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Losing touch (1)' })).toBeTruthy()
    expect(api.calls[0]!.args).toMatchObject({ today: localDay() })

    fireEvent.click(within(losing).getByRole('button', { name: 'Snooze Ada Lovelace' }))
    fireEvent.click(await screen.findByRole('menuitem', { name: 'For a week' }))
    await waitFor(() => expect(api.calls.some((call) => call.method === 'keepingInTouch.snooze')).toBe(true))
    expect(api.calls.find((call) => call.method === 'keepingInTouch.snooze')!.args).toEqual({ contactId: 'ada', until: addDays(localDay(), 7) })

    const followUps = screen.getByRole('list', { name: 'Follow-ups due' })
    expect(within(followUps).getByText('Send the rubric')).toBeTruthy()
    fireEvent.click(within(followUps).getByRole('button', { name: 'Mark follow-up with Alan Turing done' }))
    await waitFor(() => expect(api.calls.find((call) => call.method === 'interactions.setFollowUpDone')?.args).toEqual({ id: 'i1', done: true }))
  })

  it('says so when nobody is losing touch', async () => {
    const api = createFakeApi({
      'keepingInTouch.overview': () => ({ ok: true, value: { losingTouch: [], losingTouchTotal: 0, followUpsDue: [], followUpsDueTotal: 0 } }),
    })
    renderWithProviders(<KeepInTouchView />, { platform: createFakePlatform(api) })
    expect(await screen.findByText('Nobody is slipping away')).toBeTruthy()
    expect(screen.getByText('No follow-ups due')).toBeTruthy()
  })

  it('sets the default cadence and a tag cadence', async () => {
    const settings = { defaultCadenceDays: null, tagCadences: [] }
    const api = createFakeApi({
      'keepingInTouch.overview': () => ({ ok: true, value: { losingTouch: [], losingTouchTotal: 0, followUpsDue: [], followUpsDueTotal: 0 } }),
      'keepingInTouch.settings': () => ({ ok: true, value: settings }),
      'keepingInTouch.setDefaultCadence': () => ({ ok: true, value: settings }),
      'keepingInTouch.setTagCadence': () => ({ ok: true, value: settings }),
    })
    renderWithProviders(<KeepInTouchView />, { platform: createFakePlatform(api) })
    fireEvent.change(await screen.findByLabelText(/^Default cadence/), { target: { value: '0' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save default' }))
    expect(await screen.findByText('Enter whole days from 1 to 3650')).toBeTruthy()
    fireEvent.change(screen.getByLabelText(/^Default cadence/), { target: { value: '60' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save default' }))
    await waitFor(() => expect(api.calls.find((call) => call.method === 'keepingInTouch.setDefaultCadence')?.args).toEqual({ days: 60 }))
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: 'mentors' } })
    fireEvent.change(screen.getByLabelText('Every (days)'), { target: { value: '14' } })
    fireEvent.click(screen.getByRole('button', { name: 'Set tag cadence' }))
    await waitFor(() => expect(api.calls.find((call) => call.method === 'keepingInTouch.setTagCadence')?.args).toEqual({ tag: 'mentors', days: 14 }))
  })
})
