import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { contactDetail, contactRow } from '../../test/networkFixtures'
import { renderWithProviders } from '../../test/render'
import { ContactsView } from './ContactsView'

const emptyInteractions = () => ({ ok: true as const, value: { rows: [], total: 0 } })
const noTags = () => ({ ok: true as const, value: { tags: [] } })

describe('ContactsView', () => {
  it('tells a new user how to add the first contact', async () => {
    const api = createFakeApi({ 'contacts.list': () => ({ ok: true, value: { rows: [], total: 0 } }), 'contacts.tags': noTags })
    renderWithProviders(<ContactsView route={{ section: 'contacts' }} />, { platform: createFakePlatform(api) })
    expect(await screen.findByText('No contacts yet')).toBeTruthy()
    expect(screen.getByRole('link', { name: 'New contact' }).getAttribute('href')).toBe('#/contacts?id=new')
  })

  it('renders only the rows in view of 10,000 contacts, fetched a page at a time', async () => {
    const api = createFakeApi({
      'contacts.tags': noTags,
      'contacts.list': (args) => {
        const { offset, limit } = args as { offset: number; limit: number }
        const rows = Array.from({ length: limit }, (_, i) => contactRow({ id: `c${offset + i}`, name: `Person ${offset + i}`, organisation: 'Hillside' }))
        return { ok: true, value: { rows, total: 10_000 } }
      },
    })
    renderWithProviders(<ContactsView route={{ section: 'contacts' }} />, { platform: createFakePlatform(api) })
    const list = await screen.findByRole('list', { name: 'Contacts' })
    await waitFor(() => expect(within(list).getByRole('link', { name: /Person 0/ })).toBeTruthy())
    const items = within(list).getAllByRole('listitem')
    expect(items.length).toBeLessThan(40)
    expect(items[0]!.getAttribute('aria-setsize')).toBe('10000')
    expect(within(list).getByRole('link', { name: /Person 1\b/ }).getAttribute('href')).toBe('#/contacts?id=c1')
    expect(screen.getByText('10,000 contacts')).toBeTruthy()
    const lists = api.calls.filter((call) => call.method === 'contacts.list')
    expect(lists).toHaveLength(1)
    expect(lists[0]!.args).toMatchObject({ sort: 'name', direction: 'asc', offset: 0, limit: 100 })
  })

  it('shows the schema message under the field and does not save a nameless contact', async () => {
    const api = createFakeApi({ 'contacts.list': () => ({ ok: true, value: { rows: [], total: 0 } }), 'contacts.tags': noTags })
    renderWithProviders(<ContactsView route={{ section: 'contacts', recordId: 'new' }} />, { platform: createFakePlatform(api) })
    const form = await screen.findByRole('form', { name: 'New contact' })
    fireEvent.change(within(form).getByLabelText('Feed address'), { target: { value: 'not a link' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add contact' }))
    expect(await within(form).findByText('A contact needs a name')).toBeTruthy()
    expect(within(form).getByText('Expected an http(s) address')).toBeTruthy()
    expect(within(form).getByLabelText(/^Name/).getAttribute('aria-invalid')).toBe('true')
    expect(api.calls.some((call) => call.method === 'contacts.create')).toBe(false)
  })

  it('creates a contact with the typed fields and opens it', async () => {
    const api = createFakeApi({
      'contacts.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
      'contacts.tags': noTags,
      'contacts.create': (args) => ({ ok: true, value: contactDetail({ id: 'new1', name: (args as { fields: { name: string } }).fields.name }) }),
    })
    window.location.hash = '#/contacts?id=new'
    renderWithProviders(<ContactsView route={{ section: 'contacts', recordId: 'new' }} />, { platform: createFakePlatform(api) })
    const form = await screen.findByRole('form', { name: 'New contact' })
    fireEvent.change(within(form).getByLabelText(/^Name/), { target: { value: 'Ada Lovelace' } })
    fireEvent.change(within(form).getByLabelText(/^Keep in touch every/), { target: { value: '30' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add contact' }))
    await waitFor(() => expect(window.location.hash).toBe('#/contacts?id=new1'))
    const create = api.calls.find((call) => call.method === 'contacts.create')!
    expect(create.args).toMatchObject({ fields: { name: 'Ada Lovelace', cadenceDays: 30, feedUrl: null, photo: null, channels: [] } })
  })

  it('deletes a contact with Undo in the toast', async () => {
    const api = createFakeApi({
      'contacts.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
      'contacts.tags': noTags,
      'contacts.get': () => ({ ok: true, value: contactDetail({ id: 'c1', name: 'Grace Hopper' }) }),
      'interactions.list': emptyInteractions,
      'contacts.delete': () => ({ ok: true, value: { undoToken: 'tok-1', changed: 1 } }),
      'undo.apply': () => ({ ok: true, value: { restored: 1 } }),
    })
    renderWithProviders(<ContactsView route={{ section: 'contacts', recordId: 'c1' }} />, { platform: createFakePlatform(api) })
    expect(await screen.findByRole('heading', { name: /Grace Hopper/ })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }))
    expect(await screen.findByText('Deleted “Grace Hopper”.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    await waitFor(() => expect(api.calls.some((call) => call.method === 'undo.apply')).toBe(true))
    expect(api.calls.find((call) => call.method === 'undo.apply')!.args).toEqual({ undoToken: 'tok-1' })
  })
})
