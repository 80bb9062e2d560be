import type { ContactRow } from '@shared/api/contacts'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { contactRow } from '../../test/networkFixtures'
import { renderWithProviders } from '../../test/render'
import { ContactsView } from './ContactsView'

const people = [contactRow({ id: 'c1', name: 'Ada Lovelace' }), contactRow({ id: 'c2', name: 'Bea Okafor' }), contactRow({ id: 'c3', name: 'Chen Wei' })]
const receipt = { ok: true as const, value: { undoToken: 'tok-bulk', changed: 2 } }

function setup(rows: { live: ContactRow[]; deleted?: ContactRow[] }) {
  const api = createFakeApi({
    'contacts.tags': () => ({ ok: true, value: { tags: [{ tag: 'maths', count: 1 }] } }),
    'contacts.list': (args) => {
      const { show, offset } = args as { show: string; offset: number }
      const all = show === 'deleted' ? (rows.deleted ?? []) : rows.live
      return { ok: true, value: { rows: all.slice(offset), total: all.length } }
    },
    'contacts.bulkUpdate': () => receipt,
    'contacts.bulkDelete': () => receipt,
    'contacts.restore': () => ({ ok: true, value: {} as never }),
    'undo.apply': () => ({ ok: true, value: { restored: 2 } }),
  })
  renderWithProviders(<ContactsView route={{ section: 'contacts' }} />, { platform: createFakePlatform(api) })
  return api
}

async function openBulkMenu() {
  fireEvent.click(screen.getByRole('button', { name: 'Edit selected' }))
}

describe('bulk edits in the contacts list', () => {
  it('adds a tag to the ticked contacts in one call, announces the count, and undoes it', async () => {
    const api = setup({ live: people })
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Ada Lovelace' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Chen Wei' }))
    expect(screen.getByRole('status').textContent).toBe('2 selected')
    await openBulkMenu()
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Add a tag…' }))
    const dialog = await screen.findByRole('dialog', { name: /Add a tag · 2 contacts/ })
    fireEvent.change(within(dialog).getByRole('combobox', { name: /^Tag/ }), { target: { value: 'Science' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add tag' }))
    expect(await screen.findByText('Added “science” to 2 contacts.')).toBeTruthy()
    expect(api.calls.filter((call) => call.method === 'contacts.bulkUpdate').map((call) => call.args)).toEqual([{ ids: ['c1', 'c3'], addTags: ['science'] }])
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''))
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    await waitFor(() => expect(api.calls.find((call) => call.method === 'undo.apply')?.args).toEqual({ undoToken: 'tok-bulk' }))
  })

  it('selects a range with shift, and every matching contact with Select all', async () => {
    const api = setup({ live: people })
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Ada Lovelace' }))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Chen Wei' }), { shiftKey: true })
    expect(screen.getByRole('status').textContent).toBe('3 selected')
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Select Chen Wei' }), { key: 'Escape' })
    expect(screen.getByRole('status').textContent).toBe('')
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 3' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('3 selected'))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 3' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(''))
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 3' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('3 selected'))
    await openBulkMenu()
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Delete 3 contacts' }))
    expect(await screen.findByText('Deleted 3 contacts.')).toBeTruthy()
    expect(api.calls.find((call) => call.method === 'contacts.bulkDelete')!.args).toEqual({ ids: ['c1', 'c2', 'c3'] })
  })

  it('sets a keep-in-touch cadence, and refuses a cadence that is not a whole number of days', async () => {
    const api = setup({ live: people })
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Bea Okafor' }))
    await openBulkMenu()
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Keep in touch…' }))
    const dialog = await screen.findByRole('dialog', { name: /Keep in touch · 1 contact$/ })
    const days = within(dialog).getByRole('textbox', { name: 'Keep in touch every (days)' })
    fireEvent.change(days, { target: { value: '' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Set cadence' }))
    expect(await within(dialog).findByText('Enter a whole number of days from 1 to 3650')).toBeTruthy()
    fireEvent.change(days, { target: { value: '21' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Set cadence' }))
    expect(await screen.findByText('1 contact: keep in touch every 21 days.')).toBeTruthy()
    expect(api.calls.find((call) => call.method === 'contacts.bulkUpdate')!.args).toEqual({ ids: ['c2'], cadenceDays: 21 })
  })

  it('shows deleted contacts under Deleted, without selection, each with Restore', async () => {
    const api = setup({ live: people.slice(0, 1), deleted: [contactRow({ id: 'c9', name: 'Zed Old', deleted: true })] })
    await screen.findByRole('checkbox', { name: 'Select Ada Lovelace' })
    fireEvent.click(screen.getByRole('radio', { name: 'Deleted' }))
    const list = await screen.findByRole('list', { name: 'Deleted contacts' })
    await waitFor(() => expect(within(list).getByText('Zed Old')).toBeTruthy())
    expect(within(list).queryByRole('link')).toBeNull()
    expect(screen.queryByRole('checkbox', { name: /Select/ })).toBeNull()
    expect(api.calls.filter((call) => call.method === 'contacts.list').at(-1)!.args).toMatchObject({ show: 'deleted' })
    fireEvent.click(within(list).getByRole('button', { name: 'Restore “Zed Old”' }))
    expect(await screen.findByText('“Zed Old” is back.')).toBeTruthy()
    expect(api.calls.find((call) => call.method === 'contacts.restore')!.args).toEqual({ id: 'c9' })
  })
})
