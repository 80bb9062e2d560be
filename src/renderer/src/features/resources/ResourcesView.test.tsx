import type { ResourceRow } from '@shared/api/resources'
import type { SpaceSummary } from '@shared/api/spaces'
import { resourceFields, type Resource } from '@shared/network/records'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { parseRoute } from '../../app/route'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { localDay } from '../network/dates'
import { ResourcesView } from './ResourcesView'
import { ShareToSpaceButton } from './ShareToSpaceButton'

function row(partial: Partial<ResourceRow> & { id: string; title: string }): ResourceRow {
  return { type: 'link', url: null, direction: 'received', date: '2026-03-02', contacts: [], space: null, communityId: null, readingId: null, usedIn: [], tags: [], deleted: false, createdAt: 0, updatedAt: 0, ...partial }
}

const cards = row({ id: 'r1', title: 'Fractions card sort', type: 'lesson-plan', contacts: [{ id: 'c1', name: 'Ada Lovelace' }], usedIn: ['Year 7 fractions'], tags: ['maths'] })
const video = row({ id: 'r2', title: 'Eruption timelapse', direction: 'given', type: 'video', contacts: [{ id: 'c2', name: 'Bea Okafor' }], space: { id: 'p1', kind: 'project', title: 'Volcanoes unit' } })

function asResource(r: ResourceRow): Resource {
  return { ...resourceFields.parse({ title: r.title, type: r.type, direction: r.direction, date: r.date, contactIds: r.contacts.map((c) => c.id), usedIn: r.usedIn, tags: r.tags }), id: r.id, createdAt: 0, updatedAt: 0, deletedAt: null }
}

function libraryApi(extra: Parameters<typeof createFakeApi>[0] = {}) {
  return createFakeApi({
    'resources.list': (args) => {
      const { contactId } = args as { contactId?: string }
      const rows = [video, cards].filter((r) => !contactId || r.contacts.some((c) => c.id === contactId))
      return { ok: true, value: { rows, total: rows.length } }
    },
    'resources.people': () => ({
      ok: true,
      value: {
        people: [
          { contact: { id: 'c1', name: 'Ada Lovelace' }, given: 0, received: 1 },
          { contact: { id: 'c2', name: 'Bea Okafor' }, given: 1, received: 0 },
        ],
      },
    }),
    'resources.tags': () => ({ ok: true, value: { tags: [{ tag: 'maths', count: 1 }] } }),
    'contacts.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
    ...extra,
  })
}

function show(hash: string, api: ReturnType<typeof createFakeApi>) {
  window.location.hash = hash
  return renderWithProviders(<ResourcesView route={parseRoute(hash)} />, { platform: createFakePlatform(api) })
}

describe('ResourcesView', () => {
  it('lists the ledger with direction, who, where and tags, and filters by person', async () => {
    const api = libraryApi()
    show('#/resources', api)
    const table = await screen.findByRole('table', { name: 'Resources' })
    const rows = within(table).getAllByTestId('resource-row')
    expect(rows).toHaveLength(2)
    expect(within(rows[0]!).getByText('Given')).toBeTruthy()
    expect(within(rows[0]!).getByRole('link', { name: 'Volcanoes unit' }).getAttribute('href')).toBe('#/projects/p1')
    expect(within(rows[1]!).getByRole('link', { name: 'Ada Lovelace' }).getAttribute('href')).toBe('#/contacts?id=c1')
    expect(rows[1]!.textContent).toContain('Year 7 fractions')
    expect(rows[1]!.textContent).toContain('Lesson plan')
    expect(within(rows[1]!).getByRole('link', { name: 'Fractions card sort' }).getAttribute('href')).toBe('#/resources?id=r1')

    const person = screen.getByLabelText('Person')
    await waitFor(() => expect(within(person).getByRole('option', { name: 'Bea Okafor (gave you 0, you gave 1)' })).toBeTruthy())
    fireEvent.change(person, { target: { value: 'c2' } })
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Resources' })).getAllByTestId('resource-row')).toHaveLength(1))
    expect(api.calls.filter((call) => call.method === 'resources.list').at(-1)!.args).toMatchObject({ contactId: 'c2' })
    fireEvent.change(screen.getByLabelText('Direction'), { target: { value: 'received' } })
    await waitFor(() => expect(api.calls.filter((call) => call.method === 'resources.list').at(-1)!.args).toMatchObject({ contactId: 'c2', direction: 'received' }))
  })

  it('adds a received resource dated today, and refuses one without a title before asking the core', async () => {
    let created: Resource | undefined
    const api = libraryApi({
      'resources.create': (args) => {
        created = { ...resourceFields.parse((args as { fields: unknown }).fields), id: 'r9', createdAt: 0, updatedAt: 0, deletedAt: null }
        return { ok: true, value: { resource: created, row: row({ id: 'r9', title: created.title }) } }
      },
      'resources.get': () => ({ ok: true, value: { resource: created!, row: row({ id: 'r9', title: created!.title }) } }),
    })
    show('#/resources?id=new', api)
    const form = await screen.findByRole('form', { name: 'Add a resource' })
    fireEvent.click(within(form).getByRole('button', { name: 'Add resource' }))
    expect(await within(form).findByText('A resource needs a title')).toBeTruthy()
    expect(api.calls.some((call) => call.method === 'resources.create')).toBe(false)

    fireEvent.change(within(form).getByRole('textbox', { name: 'Title' }), { target: { value: 'Retrieval starters' } })
    fireEvent.change(within(form).getByLabelText('Direction'), { target: { value: 'received' } })
    fireEvent.change(within(form).getByLabelText('Type'), { target: { value: 'article' } })
    fireEvent.change(within(form).getByLabelText('Link'), { target: { value: 'https://example.org/retrieval' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add resource' }))
    await waitFor(() => expect(window.location.hash).toBe('#/resources?id=r9'))
    expect(api.calls.find((call) => call.method === 'resources.create')!.args).toMatchObject({
      fields: { title: 'Retrieval starters', direction: 'received', type: 'article', url: 'https://example.org/retrieval', date: localDay(), contactIds: [], usedIn: [], tags: [] },
    })
  }, 20_000)

  it('shows deleted entries on request, each with Restore', async () => {
    const api = libraryApi({
      'resources.list': (args) => {
        const rows = (args as { show: string }).show === 'deleted' ? [{ ...cards, deleted: true }] : [video]
        return { ok: true, value: { rows, total: rows.length } }
      },
      'resources.restore': () => ({ ok: true, value: { resource: asResource(cards), row: cards } }),
    })
    show('#/resources', api)
    await screen.findByRole('link', { name: 'Eruption timelapse' })
    fireEvent.click(screen.getByRole('radio', { name: 'Deleted' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Restore “Fractions card sort”' }))
    await waitFor(() => expect(api.calls.find((call) => call.method === 'resources.restore')?.args).toEqual({ id: 'r1' }))
    expect(screen.queryByRole('link', { name: 'Fractions card sort' })).toBeNull()
  })

  it('deletes the open resource with Undo', async () => {
    const api = libraryApi({
      'resources.get': () => ({ ok: true, value: { resource: asResource(cards), row: cards } }),
      'resources.delete': () => ({ ok: true, value: { undoToken: 'u1', changed: 1 } }),
      'undo.apply': () => ({ ok: true, value: { restored: 1 } }),
    })
    show('#/resources?id=r1', api)
    const dialog = await screen.findByRole('dialog', { name: 'Resource' })
    const detail = await within(dialog).findByTestId('resource-detail')
    expect(within(detail).getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe('#/resources?id=r1&edit=1')
    fireEvent.click(within(detail).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(window.location.hash).toBe('#/resources'))
    expect(api.calls.find((call) => call.method === 'resources.delete')!.args).toEqual({ id: 'r1' })
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }))
    await waitFor(() => expect(api.calls.find((call) => call.method === 'undo.apply')?.args).toEqual({ undoToken: 'u1' }))
  })
})

function space(partial: Partial<SpaceSummary> & { id: string; kind: SpaceSummary['kind']; title: string }): SpaceSummary {
  return { subtitle: '', members: [], myRole: 'owner', changedAt: 1, unreadChanges: 0, neverOpened: false, archived: false, present: true, relayed: false, sync: [], ...partial }
}

describe('ShareToSpaceButton', () => {
  it('shares a link into a space the teacher can write to, and names the space in the toast', async () => {
    const api = createFakeApi({
      'spaces.list': () => ({
        ok: true,
        value: { spaces: [space({ id: 'c1', kind: 'circle', title: 'Read-only circle', myRole: 'viewer' }), space({ id: 'p1', kind: 'project', title: 'Volcanoes unit' }), space({ id: 'c2', kind: 'circle', title: 'Science PLC', myRole: 'editor' })] },
      }),
      'resources.shareToSpace': (args) => {
        const { title } = args as { title: string }
        return { ok: true, value: { resource: asResource(row({ id: 'r5', title })), row: row({ id: 'r5', title, direction: 'given' }), space: { id: 'c2', kind: 'circle', title: 'Science PLC' }, spaceResourceId: 's1' } }
      },
    })
    renderWithProviders(<ShareToSpaceButton title="Rock cycle game" url="ftp://example.org/rocks" readingId="rd1" />, { platform: createFakePlatform(api) })
    fireEvent.click(screen.getByRole('button', { name: 'Share to a space: Rock cycle game' }))
    const dialog = await screen.findByRole('dialog', { name: 'Share to a project or circle' })
    const where = await within(dialog).findByLabelText(/Project or circle/)
    expect(within(where).getAllByRole('option').map((option) => option.textContent)).toEqual(['Project: Volcanoes unit', 'Circle: Science PLC'])
    fireEvent.change(where, { target: { value: 'circle:c2' } })
    fireEvent.change(within(dialog).getByLabelText(/Note/), { target: { value: 'Year 8 loved it' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Share' }))
    expect(await within(dialog).findByText('A link starts with http:// or https://.')).toBeTruthy()
    expect(api.calls.some((call) => call.method === 'resources.shareToSpace')).toBe(false)

    fireEvent.change(within(dialog).getByLabelText(/Link/), { target: { value: 'https://example.org/rocks' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Share' }))
    expect(await screen.findByText('Shared “Rock cycle game” to Science PLC. It is in your resources library as given.')).toBeTruthy()
    expect(api.calls.find((call) => call.method === 'resources.shareToSpace')!.args).toEqual({
      spaceKind: 'circle',
      spaceId: 'c2',
      title: 'Rock cycle game',
      url: 'https://example.org/rocks',
      note: 'Year 8 loved it',
      readingId: 'rd1',
      today: localDay(),
    })
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Share to a project or circle' })).toBeNull())
  })

  it('says so when there is no project or circle the teacher can add to', async () => {
    const api = createFakeApi({ 'spaces.list': () => ({ ok: true, value: { spaces: [space({ id: 'c1', kind: 'circle', title: 'Read-only circle', myRole: 'viewer' })] } }) })
    renderWithProviders(<ShareToSpaceButton title="" url={null} />, { platform: createFakePlatform(api) })
    fireEvent.click(screen.getByRole('button', { name: 'Share to a space' }))
    const dialog = await screen.findByRole('dialog', { name: 'Share to a project or circle' })
    expect(await within(dialog).findByText(/not in a project or circle you can add to yet/)).toBeTruthy()
    expect(within(dialog).queryByRole('button', { name: 'Share' })).toBeNull()
  })
})
