import type { ReadingDetail, ReadingRow, ReadingStatusCounts } from '@shared/api/reading'
import type { ReadingItem } from '@shared/network/records'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { localDay } from '../network/dates'
import { ReadingView } from './ReadingView'

function readingItem(partial: Partial<ReadingItem> & { id: string; title: string }): ReadingItem {
  return {
    url: null,
    author: '',
    source: '',
    feedId: null,
    status: 'to-read',
    addedOn: '2026-03-01',
    readOn: null,
    appliedOn: null,
    notes: '',
    tags: [],
    goalIds: [],
    createdAt: 0,
    updatedAt: 1,
    deletedAt: null,
    ...partial,
  }
}

function detailOf(item: ReadingItem): ReadingDetail {
  const row: ReadingRow = { ...item, hasNotes: item.notes !== '', deleted: item.deletedAt !== null }
  return { item, row, goals: [] }
}

const isChecked = (element: HTMLElement) => (element as HTMLInputElement).checked

const counts = (partial: Partial<ReadingStatusCounts>): ReadingStatusCounts => ({ 'to-read': 0, reading: 0, read: 0, applied: 0, ...partial })

// Each test renders the whole screen (list, form or item with its pickers): a few seconds on a busy machine.
describe('ReadingView', { timeout: 20_000 }, () => {
  it('shows counts per status and filters the list by status, tag and text', async () => {
    const items = [
      readingItem({ id: 'r1', title: 'Retrieval practice', tags: ['memory'] }),
      readingItem({ id: 'r2', title: 'Cognitive load theory', status: 'read', readOn: '2026-03-05', author: 'John Sweller' }),
    ]
    const api = createFakeApi({
      'reading.list': (args) => {
        const { status } = args as { status?: string }
        const rows = items.filter((i) => status === undefined || i.status === status).map((i) => detailOf(i).row)
        return { ok: true, value: { rows, total: rows.length, counts: counts({ 'to-read': 1, read: 1 }) } }
      },
      'reading.tags': () => ({ ok: true, value: { tags: [{ tag: 'memory', count: 1 }] } }),
    })
    renderWithProviders(<ReadingView route={{ section: 'reading' }} />, { platform: createFakePlatform(api) })
    const list = await screen.findByRole('list', { name: 'Reading items' })
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(2))
    expect(within(list).getAllByRole('link')[1]!.textContent).toMatch(/Cognitive load theory.*Read · read .*2026.*John Sweller/)
    expect(isChecked(await screen.findByRole('radio', { name: 'All (2)' }))).toBe(true)
    expect(isChecked(screen.getByRole('radio', { name: 'Applied in class (0)' }))).toBe(false)

    fireEvent.click(screen.getByRole('radio', { name: 'Read (1)' }))
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(1))
    expect(within(list).getByRole('link').textContent).toMatch(/^Cognitive load theory/)

    fireEvent.change(await screen.findByRole('combobox', { name: 'Tag' }), { target: { value: 'memory' } })
    fireEvent.change(screen.getByRole('textbox', { name: 'Search reading items' }), { target: { value: 'sweller' } })
    const listCalls = () => api.calls.filter((c) => c.method === 'reading.list').map((c) => c.args)
    await waitFor(() => expect(listCalls()).toContainEqual(expect.objectContaining({ query: 'sweller', tag: 'memory', status: 'read', sort: 'added' })))
    // The counts follow the text and tag, never the status.
    expect(listCalls()).toContainEqual({ query: 'sweller', tag: 'memory', show: 'live', limit: 1 })
  })

  it('adds an item dated today, and refuses one without a title or with a link that is not a web address', async () => {
    const api = createFakeApi({
      'reading.list': () => ({ ok: true, value: { rows: [], total: 0, counts: counts({}) } }),
      'reading.tags': () => ({ ok: true, value: { tags: [] } }),
      'reading.create': (args) => {
        const { fields } = args as { fields: Partial<ReadingItem> & { title: string } }
        return { ok: true, value: detailOf(readingItem({ ...fields, id: 'r9' })) }
      },
    })
    window.location.hash = '#/reading?id=new'
    renderWithProviders(<ReadingView route={{ section: 'reading', recordId: 'new' }} />, { platform: createFakePlatform(api) })
    const form = await screen.findByRole('form', { name: 'Add to the reading list' })
    fireEvent.change(within(form).getByRole('textbox', { name: 'Link' }), { target: { value: 'not a link' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add item' }))
    expect(await within(form).findByText('A reading needs a title')).toBeTruthy()
    expect(within(form).getByText('Expected an http(s) address')).toBeTruthy()
    expect(api.calls.some((c) => c.method === 'reading.create')).toBe(false)

    fireEvent.change(within(form).getByRole('textbox', { name: /^Title/ }), { target: { value: 'Making good progress?' } })
    fireEvent.change(within(form).getByRole('textbox', { name: 'Link' }), { target: { value: 'https://example.org/progress' } })
    fireEvent.change(within(form).getByRole('textbox', { name: 'Author' }), { target: { value: 'Daisy Christodoulou' } })
    fireEvent.change(within(form).getByRole('textbox', { name: /^Source/ }), { target: { value: 'A colleague' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add item' }))
    await waitFor(() => expect(window.location.hash).toBe('#/reading?id=r9'))
    expect(api.calls.find((c) => c.method === 'reading.create')!.args).toEqual({
      fields: { title: 'Making good progress?', url: 'https://example.org/progress', author: 'Daisy Christodoulou', source: 'A colleague' },
      today: localDay(),
    })
  })

  it('opens an item from the route: moves its status, saves its notes, and deletes it with Undo', async () => {
    let item = readingItem({ id: 'r1', title: 'Retrieval practice', url: 'https://example.org/rp', author: 'Pooja Agarwal' })
    const api = createFakeApi({
      'reading.list': () => ({ ok: true, value: { rows: [detailOf(item).row], total: 1, counts: counts({ [item.status]: 1 }) } }),
      'reading.tags': () => ({ ok: true, value: { tags: [] } }),
      'goals.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
      'reading.get': () => ({ ok: true, value: detailOf(item) }),
      'reading.update': (args) => {
        const { patch } = args as { patch: Partial<ReadingItem> }
        const applied = patch.status === 'applied' ? { readOn: '2026-03-09', appliedOn: '2026-03-09' } : {}
        item = { ...item, ...patch, ...applied, updatedAt: item.updatedAt + 1 }
        return { ok: true, value: detailOf(item) }
      },
      'reading.delete': () => ({ ok: true, value: { undoToken: 'u1', changed: 1 } }),
      'undo.apply': () => ({ ok: true, value: { restored: 1 } }),
    })
    window.location.hash = '#/reading?id=r1'
    renderWithProviders(<ReadingView route={{ section: 'reading', recordId: 'r1' }} />, { platform: createFakePlatform(api) })
    const pane = await screen.findByRole('region', { name: 'Open reading item' })
    expect(await within(pane).findByRole('heading', { name: 'Retrieval practice', level: 2 })).toBeTruthy()
    expect(within(pane).getByRole('link', { name: /example\.org\/rp.*opens in a new window/ }).getAttribute('href')).toBe('https://example.org/rp')
    const status = within(pane).getByRole('radiogroup', { name: 'Status' })
    expect(isChecked(within(status).getByRole('radio', { name: 'To read' }))).toBe(true)

    fireEvent.click(within(status).getByRole('radio', { name: 'Applied in class' }))
    await waitFor(() => expect(isChecked(within(status).getByRole('radio', { name: 'Applied in class' }))).toBe(true))
    expect(api.calls.find((c) => c.method === 'reading.update')!.args).toEqual({ id: 'r1', patch: { status: 'applied' }, today: localDay() })
    expect(within(pane).getByTestId('reading-dates').textContent).toMatch(/read .*2026 · applied in class .*2026/)

    const notes = within(pane).getByRole('textbox', { name: /^Notes/ })
    const longNote = 'Low-stakes quizzes at the start of each lesson; 8B liked the brain dumps.\n'.repeat(200)
    fireEvent.change(notes, { target: { value: longNote } })
    expect(within(pane).getByText('Not saved yet')).toBeTruthy()
    fireEvent.click(within(pane).getByRole('button', { name: 'Save notes' }))
    await waitFor(() => expect((within(pane).getByRole('button', { name: 'Save notes' }) as HTMLButtonElement).disabled).toBe(true))
    expect(api.calls.filter((c) => c.method === 'reading.update').at(-1)!.args).toMatchObject({ patch: { notes: longNote } })
    expect((notes as HTMLTextAreaElement).value).toBe(longNote)

    fireEvent.click(within(pane).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(window.location.hash).toBe('#/reading'))
    expect(await screen.findByText('Deleted “Retrieval practice”.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }))
    await waitFor(() => expect(api.calls.some((c) => c.method === 'undo.apply' && (c.args as { undoToken: string }).undoToken === 'u1')).toBe(true))
  })
})
