import type { GoalRow } from '@shared/api/goals'
import { journalFields } from '@shared/network/records'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { addDays, localDay } from './dates'
import { networkViews } from './networkViews'
import { RecordsView } from './RecordsView'

function goalRow(partial: Partial<GoalRow> & { id: string; title: string }): GoalRow {
  return { growthArea: '', status: 'active', deadline: null, targetKind: null, progress: null, deleted: false, createdAt: 0, updatedAt: 0, ...partial }
}

describe('RecordsView', () => {
  it('lists goals at risk first, with their progress', async () => {
    const today = localDay()
    const onTrack = goalRow({ id: 'g1', title: 'Read two books', deadline: addDays(today, 10), progress: { current: 2, target: 2, percent: 100, from: addDays(today, -10), to: null } })
    const atRisk = goalRow({ id: 'g2', title: 'Attend two meetups', deadline: addDays(today, 5), progress: { current: 0, target: 2, percent: 0, from: addDays(today, -30), to: null } })
    const api = createFakeApi({ 'goals.list': () => ({ ok: true, value: { rows: [onTrack, atRisk], total: 2 } }) })
    renderWithProviders(<RecordsView view={networkViews.goals} route={{ section: 'goals' }} />, { platform: createFakePlatform(api) })
    const list = await screen.findByRole('list', { name: 'Goals' })
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(2))
    const links = within(list).getAllByRole('link')
    expect(links[0]!.textContent).toMatch(/^Attend two meetups.*at risk/)
    expect(links[1]!.textContent).toMatch(/^Read two books/)
  })

  it('writes a journal entry dated today by default', async () => {
    const api = createFakeApi({
      'journal.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
      'journal.create': (args) => {
        const fields = journalFields.parse((args as { fields: unknown }).fields)
        return { ok: true, value: { entry: { ...fields, id: 'j1', createdAt: 0, updatedAt: 0, deletedAt: null }, row: {} as never } }
      },
      'contacts.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
      'goals.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
      'events.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
    })
    window.location.hash = '#/journal?id=new'
    renderWithProviders(<RecordsView view={networkViews.journal} route={{ section: 'journal', recordId: 'new' }} />, { platform: createFakePlatform(api) })
    const form = await screen.findByRole('form', { name: 'New entry' })
    fireEvent.change(within(form).getByLabelText('What happened'), { target: { value: 'The lesson on fractions fell flat.' } })
    fireEvent.change(within(form).getByLabelText('Kind'), { target: { value: 'setback' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add entry' }))
    await waitFor(() => expect(window.location.hash).toBe('#/journal?id=j1'))
    expect(api.calls.find((call) => call.method === 'journal.create')!.args).toMatchObject({
      fields: { date: localDay(), kind: 'setback', whatHappened: 'The lesson on fractions fell flat.', contactIds: [], goalIds: [], eventIds: [] },
    })
  })
})
