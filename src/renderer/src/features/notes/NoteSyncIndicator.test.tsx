import type { DeviceDocumentStatus } from '@shared/api/sync'
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { NoteSyncIndicator } from './NoteSyncIndicator'
import { noteSyncSummary } from './noteSyncText'
import { noteSyncRefreshMs } from './useNoteSyncStatus'

function device(name: string, partial: Partial<DeviceDocumentStatus> = {}): DeviceDocumentStatus {
  return { deviceId: name[0]!.repeat(52), name, online: true, state: 'synced', lastSyncAt: 1_700_000_000_000, ...partial }
}

const statusCalls = (api: ReturnType<typeof createFakeApi>) => api.calls.filter((c) => c.method === 'sync.documentStatus')

describe('NoteSyncIndicator', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('says whom a shared note is synced with, is reachable by keyboard, and follows the state as it changes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    let devices = [device('Ms Diallo’s laptop')]
    const api = createFakeApi({
      'sync.noteMembers': () => ({ ok: true, value: { members: [{ deviceId: 'M'.repeat(52), role: 'editor' }], relayed: false } }),
      'sync.documentStatus': (args) => ({ ok: true, value: { documents: [{ documentId: (args as { documentIds: string[] }).documentIds[0]!, devices }] } }),
    })
    renderWithProviders(<NoteSyncIndicator noteId="n1" />, { platform: createFakePlatform(api) })

    const state = await screen.findByText('Synced with Ms Diallo’s laptop')
    expect(state.getAttribute('role')).toBe('status')
    expect(statusCalls(api)[0]!.args).toEqual({ documentIds: ['n1'] })
    await user.tab()
    expect(document.activeElement).toBe(screen.getByTestId('note-sync-state'))
    expect(document.activeElement!.textContent).toMatch(/Ms Diallo’s laptop: Synced · last exchange/)

    devices = [device('Ms Diallo’s laptop', { online: false, state: 'pending' })]
    await act(async () => {
      await vi.advanceTimersByTimeAsync(noteSyncRefreshMs)
    })
    await waitFor(() => expect(screen.getByText('Waiting to sync with Ms Diallo’s laptop (offline)')).toBeTruthy())
  })

  it('asks nothing about sync for a note shared with nobody', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const api = createFakeApi({
      'sync.noteMembers': () => ({ ok: true, value: { members: [], relayed: false } }),
      'sync.documentStatus': () => ({ ok: true, value: { documents: [] } }),
    })
    const { container } = renderWithProviders(<NoteSyncIndicator noteId="n1" />, { platform: createFakePlatform(api) })
    await waitFor(() => expect(api.calls.some((c) => c.method === 'sync.noteMembers')).toBe(true))
    await act(async () => {
      await vi.advanceTimersByTimeAsync(noteSyncRefreshMs * 3)
    })
    expect(statusCalls(api)).toEqual([])
    expect(container.querySelector('[data-testid="note-sync-state"]')).toBeNull()
  })

  it('sums several devices up in one line, most urgent first', () => {
    expect(
      noteSyncSummary([
        device('Ms Diallo’s laptop'),
        device('Mr Stone’s tablet', { online: false, state: 'pending' }),
        device('Mrs Ade’s laptop', { online: true, state: 'pending' }),
        device('Home PC'),
      ]),
    ).toBe('Waiting to sync with Mr Stone’s tablet (offline); Syncing with Mrs Ade’s laptop; Synced with Ms Diallo’s laptop and Home PC')
    expect(noteSyncSummary([device('Old phone', { online: false, state: 'unknown', lastSyncAt: null })])).toBe('Not in touch with Old phone (offline)')
  })
})
