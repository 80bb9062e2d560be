import type { SpaceSummary } from '@shared/api/spaces'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { SpacesView } from './SpacesView'
import { spacesRefreshMs } from './useSpaces'

const me = 'A'.repeat(52)
const colleague = 'B'.repeat(52)

function space(partial: Partial<SpaceSummary> = {}): SpaceSummary {
  return {
    id: 'p1',
    kind: 'project',
    title: 'Photosynthesis, lesson 1',
    subtitle: 'Science · Year 5',
    members: [
      { deviceId: me, name: 'Ms Diallo’s laptop', role: 'owner' },
      { deviceId: colleague, name: 'Mr Stone’s tablet', role: 'editor' },
    ],
    myRole: 'owner',
    changedAt: Date.UTC(2026, 10, 30, 9),
    unreadChanges: 0,
    neverOpened: false,
    archived: false,
    present: true,
    relayed: false,
    sync: [],
    ...partial,
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('SpacesView', () => {
  it('lists each space with what it is, who is in it, unread markers and sync state, linking to its page', async () => {
    const api = createFakeApi({
      'spaces.list': () => ({
        ok: true,
        value: {
          spaces: [
            space({ unreadChanges: 3, sync: [{ deviceId: colleague, name: 'Mr Stone’s tablet', online: true, state: 'synced', lastSyncAt: null }] }),
            space({ id: 'c1', kind: 'circle', title: 'Primary science circle', subtitle: 'Teachers sharing experiments', neverOpened: true, myRole: 'editor' }),
            space({ id: 'p2', title: '', present: false, members: [] }),
          ],
        },
      }),
    })
    renderWithProviders(<SpacesView />, { platform: createFakePlatform(api) })

    const list = await screen.findByRole('list', { name: 'Projects and circles' })
    const rows = within(list).getAllByTestId('space-row')
    expect(rows).toHaveLength(3)
    const project = within(rows[0]!).getByRole('link', { name: 'Photosynthesis, lesson 1, 3 new changes' })
    expect(project.getAttribute('href')).toBe('#/projects/p1')
    expect(rows[0]!.textContent).toContain('Lesson project · You: owner · Science · Year 5')
    expect(rows[0]!.textContent).toContain('Ms Diallo’s laptop (owner), Mr Stone’s tablet (can edit)')
    expect(within(rows[0]!).getByTestId('space-sync').textContent).toContain('Synced with Mr Stone’s tablet')
    expect(within(rows[1]!).getByRole('link', { name: 'Primary science circle, New' }).getAttribute('href')).toBe('#/circles/c1')
    expect(rows[1]!.textContent).toContain('Circle · You: can edit')
    // A space still on its way from a colleague is shown, but there is nothing to open yet.
    expect(within(rows[2]!).queryByRole('link')).toBeNull()
    expect(rows[2]!.textContent).toContain('It opens here once it arrives')
    expect(within(rows[2]!).queryByTestId('space-unread')).toBeNull()
  })

  it('asks for archived spaces only when the filter is on, and again every few seconds while open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const api = createFakeApi({
      'spaces.list': (args) => ({ ok: true, value: { spaces: (args as { includeArchived: boolean }).includeArchived ? [space({ archived: true })] : [] } }),
    })
    renderWithProviders(<SpacesView />, { platform: createFakePlatform(api) })
    await screen.findByText('No open shared spaces')
    const listCalls = () => api.calls.filter((c) => c.method === 'spaces.list')
    expect(listCalls()).toEqual([{ method: 'spaces.list', args: { includeArchived: false } }])

    await act(async () => {
      await vi.advanceTimersByTimeAsync(spacesRefreshMs)
    })
    expect(listCalls()).toHaveLength(2)

    await userEvent.setup({ advanceTimers: vi.advanceTimersByTime }).click(screen.getByRole('switch', { name: 'Show archived' }))
    const row = await screen.findByTestId('space-row')
    expect(row.textContent).toContain('Archived')
    expect(listCalls().at(-1)?.args).toEqual({ includeArchived: true })
  })

  it('makes a new project from the dialog and opens it', async () => {
    const api = createFakeApi({
      'spaces.list': () => ({ ok: true, value: { spaces: [] } }),
      'projects.create': (args) => ({
        ok: true,
        value: { project: { id: 'new-1', ...(args as object) } as never },
      }),
    })
    renderWithProviders(<SpacesView />, { platform: createFakePlatform(api) })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'New project' }))
    const dialog = await screen.findByRole('dialog', { name: 'New project' })
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Title' }), { target: { value: 'Fractions week' } })
    await user.click(within(dialog).getByRole('button', { name: 'Create project' }))
    await waitFor(() => expect(window.location.hash).toBe('#/projects/new-1'))
  }, 15_000)
})
