import { Repo } from '@automerge/automerge-repo'
import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createNoteHandle } from '../features/notes/editor/testEditor'
import { palette } from '../features/search/paletteStore'
import { createFakeApi, createFakePlatform, type FakeApi } from '../test/fakePlatform'
import { noteSummary } from '../test/noteSummary'
import { renderWithProviders } from '../test/render'
import { AppLayout } from './AppLayout'

/** The whole window on a fake core whose notes.create answers with a real note document. */
function renderApp(shell: 'electron' | 'serve') {
  const repo = new Repo({ network: [] })
  const handle = createNoteHandle(repo)
  const created = noteSummary({ id: handle.documentId, url: handle.url })
  const api = createFakeApi({
    'notes.list': () => ({ ok: true, value: { notes: [], total: 0 } }),
    'notes.tags': () => ({ ok: true, value: { tags: [] } }),
    'notes.search': () => ({ ok: true, value: { hits: [] } }),
    'notes.create': () => ({ ok: true, value: created }),
    'notes.get': () => ({ ok: true, value: created }),
  })
  // These tests start on the notes list (the home screen is the dashboard).
  window.location.hash = '#/all'
  renderWithProviders(<AppLayout />, { platform: { ...createFakePlatform(api, repo), shell } })
  return { api, created }
}

const creates = (api: FakeApi) => api.calls.filter((call) => call.method === 'notes.create').length

describe('AppLayout and the Electron app menu', () => {
  it('creates a note and opens it on the menu’s New Note command', async () => {
    const { api, created } = renderApp('electron')
    await screen.findByText('No notes yet')
    act(() => api.emit('menu.command', { command: 'new-note' }))
    expect(await screen.findByRole('textbox', { name: 'Note title' })).toBeTruthy()
    expect(window.location.hash).toBe(`#/all?note=${created.id}`)
    expect(creates(api)).toBe(1)
  })

  it('opens the command palette on the menu’s Search… command', async () => {
    const { api } = renderApp('electron')
    expect(screen.queryByRole('dialog', { name: 'Search notes and commands' })).toBeNull()
    act(() => api.emit('menu.command', { command: 'search' }))
    expect(await screen.findByRole('dialog', { name: 'Search notes and commands' })).toBeTruthy()
    act(() => palette.close())
  })

  it('leaves Mod+N to the menu in Electron, so one key press makes one note', async () => {
    const { api } = renderApp('electron')
    await screen.findByText('No notes yet')
    fireEvent.keyDown(document.documentElement, { key: 'n', code: 'KeyN', ctrlKey: true, metaKey: true })
    fireEvent.keyDown(document.documentElement, { key: 'n', code: 'KeyN', altKey: true })
    await waitFor(() => expect(creates(api)).toBe(1))
  })

  it('creates a note on Mod+N in the browser, where there is no app menu', async () => {
    const { api } = renderApp('serve')
    await screen.findByText('No notes yet')
    fireEvent.keyDown(document.documentElement, { key: 'n', code: 'KeyN', ctrlKey: true, metaKey: true })
    await waitFor(() => expect(creates(api)).toBe(1))
  })
})
