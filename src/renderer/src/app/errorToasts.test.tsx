import { act, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { NotesView } from '../features/notes/NotesView'
import { createFakeApi, createFakePlatform } from '../test/fakePlatform'
import { renderWithProviders } from '../test/render'
import { showErrorToast } from './errorToasts'

const unreachable = 'Cannot reach Staffroom. Is `npm run serve` still running?'

describe('error toasts', () => {
  it('show one toast, not a stack, while every background refresh fails the same way', async () => {
    const api = createFakeApi({ 'notes.list': () => ({ ok: false, error: { code: 'internal', message: unreachable } }) })
    renderWithProviders(<NotesView route={{ section: 'all' }} />, { platform: createFakePlatform(api) })
    await screen.findByText(unreachable)
    for (let refresh = 2; refresh <= 4; refresh++) {
      act(() => api.emit('index.changed', { kinds: ['notes'], ids: [] }))
      await waitFor(() => expect(api.calls).toHaveLength(refresh))
    }
    // Let the last failed call reach the toast wrapper before counting.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(screen.getAllByText(unreachable)).toHaveLength(1)
  })

  it('still show each distinct error', async () => {
    renderWithProviders(<div />)
    act(() => {
      showErrorToast('Tag too long', 'A tag can be at most 40 characters.')
      showErrorToast('Something went wrong', 'The database is read-only.')
      showErrorToast('Tag too long', 'A tag can be at most 40 characters.')
    })
    expect(await screen.findByText('The database is read-only.')).toBeTruthy()
    expect(screen.getAllByText('A tag can be at most 40 characters.')).toHaveLength(1)
  })
})
