import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { noteSummary as note } from '../../test/noteSummary'
import { renderWithProviders } from '../../test/render'
import { NotesView } from './NotesView'

describe('NotesView', () => {
  it('tells a new user how to write the first note', async () => {
    const api = createFakeApi({ 'notes.list': () => ({ ok: true, value: { notes: [], total: 0 } }) })
    renderWithProviders(<NotesView route={{ section: 'all' }} />, { platform: createFakePlatform(api) })
    expect(await screen.findByText('No notes yet')).toBeTruthy()
    expect(screen.getByText(/Press Alt\+N or choose ‘New note’/)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'New note' })).toBeTruthy()
  })

  it('lists notes newest change first, as links, and refreshes on index.changed', async () => {
    let notes = [note({ id: 'a', title: 'Older', updatedAt: 1000 }), note({ id: 'b', title: 'Newer', updatedAt: 2000, pinned: true })]
    const api = createFakeApi({ 'notes.list': () => ({ ok: true, value: { notes, total: notes.length } }) })
    renderWithProviders(<NotesView route={{ section: 'all' }} />, { platform: createFakePlatform(api) })
    const list = await screen.findByRole('list', { name: 'All notes' })
    const links = within(list).getAllByRole('link')
    expect(links.map((link) => link.textContent?.slice(0, 5))).toEqual(['Newer', 'Older'])
    expect(links[0]!.getAttribute('href')).toBe('#/all?note=b')
    expect(within(links[0]!).getByRole('img', { name: 'Pinned' })).toBeTruthy()

    notes = [...notes, note({ id: 'c', title: 'Newest', updatedAt: 3000 })]
    api.emit('index.changed', { kinds: ['notes'], ids: ['c'] })
    await waitFor(() => expect(within(list).getAllByRole('link')[0]!.textContent).toMatch(/^Newest/))
  })

  it('shows the message of an error envelope as a toast', async () => {
    const api = createFakeApi({
      'notes.list': () => ({ ok: true, value: { notes: [], total: 0 } }),
      'notes.create': () => ({ ok: false, error: { code: 'internal', message: 'The database is read-only.' } }),
    })
    renderWithProviders(<NotesView route={{ section: 'all' }} />, { platform: createFakePlatform(api) })
    fireEvent.click(await screen.findByRole('button', { name: 'New note' }))
    expect(await screen.findByText('The database is read-only.')).toBeTruthy()
    expect(screen.getByText('Something went wrong')).toBeTruthy()
  })

  describe('a new note joins the list it was made from', () => {
    function renderSection(route: Parameters<typeof NotesView>[0]['route']) {
      const created = note({ id: 'new' })
      const api = createFakeApi({
        'notes.list': () => ({ ok: true, value: { notes: [], total: 0 } }),
        'notes.create': () => ({ ok: true, value: created }),
        'notes.setTags': (args) => ({ ok: true, value: { ...created, tags: (args as { tags: string[] }).tags } }),
        'notes.setPinned': () => ({ ok: true, value: { ...created, pinned: true } }),
      })
      renderWithProviders(<NotesView route={route} />, { platform: createFakePlatform(api) })
      return api
    }
    const changes = (api: ReturnType<typeof renderSection>) =>
      api.calls.filter((call) => call.method === 'notes.setTags' || call.method === 'notes.setPinned')

    it('gets the tag being viewed', async () => {
      window.location.hash = '#/tag?tag=maths'
      const api = renderSection({ section: 'tag', tag: 'maths' })
      fireEvent.click(await screen.findByRole('button', { name: 'New note' }))
      await waitFor(() => expect(window.location.hash).toBe('#/tag?tag=maths&note=new'))
      expect(changes(api)).toEqual([{ method: 'notes.setTags', args: { id: 'new', tags: ['maths'] } }])
    })

    it('is pinned when made from Pinned', async () => {
      window.location.hash = '#/pinned'
      const api = renderSection({ section: 'pinned' })
      fireEvent.click(await screen.findByRole('button', { name: 'New note' }))
      await waitFor(() => expect(window.location.hash).toBe('#/pinned?note=new'))
      expect(changes(api)).toEqual([{ method: 'notes.setPinned', args: { id: 'new', pinned: true } }])
    })

    it('is left untagged and unpinned when made from All notes', async () => {
      const api = renderSection({ section: 'all' })
      fireEvent.click(await screen.findByRole('button', { name: 'New note' }))
      await waitFor(() => expect(window.location.hash).toBe('#/all?note=new'))
      expect(changes(api)).toEqual([])
    })
  })
})
