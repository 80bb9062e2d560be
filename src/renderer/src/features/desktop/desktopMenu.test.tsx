import type { SyncStatusView } from '@shared/api/sync'
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { AppLayout } from '../../app/AppLayout'
import { createFakeApi, createFakePlatform, type FakeApi } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'

const syncStatus: SyncStatusView = {
  deviceId: 'A'.repeat(52),
  shownId: 'AAAA-'.repeat(12) + 'AAAA',
  deviceName: 'Staffroom on the school laptop',
  listening: null,
  devices: [],
  refusedHandshakes: 0,
  cutOff: [],
  relay: { url: null, state: 'offline', lastError: null, relayed: 0 },
  workspace: { listed: 0, present: 0 },
}

/** The whole window in the desktop app, on the notes list, with a fake shell behind it. */
function renderApp() {
  const api = createFakeApi({
    'notes.list': () => ({ ok: true, value: { notes: [], total: 0 } }),
    'notes.tags': () => ({ ok: true, value: { tags: [] } }),
    'sync.status': () => ({ ok: true, value: syncStatus }),
    'desktop.preferences': () => ({ ok: true, value: { openAtLogin: false, openAtLoginSupported: true, automaticUpdateChecks: true, updatesSupported: true } }),
    'updates.status': () => ({ ok: true, value: { state: 'idle' } }),
    'updates.check': () => ({ ok: true, value: { state: 'up-to-date', version: '1.4.0', checkedAt: Date.UTC(2026, 11, 2, 9) } }),
  })
  window.location.hash = '#/all'
  renderWithProviders(<AppLayout />, { platform: { ...createFakePlatform(api), shell: 'electron' } })
  return api
}

const checks = (api: FakeApi) => api.calls.filter((call) => call.method === 'updates.check').length

describe('The app menu’s Settings and Check for Updates…', () => {
  it('opens the Desktop app card on Settings, focused, without checking for updates', async () => {
    const api = renderApp()
    await screen.findByText('No notes yet')
    act(() => api.emit('menu.command', { command: 'settings' }))
    const card = await screen.findByRole('region', { name: 'Desktop app' })
    expect(window.location.hash).toBe('#/devices')
    await waitFor(() => expect(document.activeElement).toBe(card))
    expect(await screen.findByRole('switch', { name: /Check for updates automatically/ })).toBeTruthy()
    expect(checks(api)).toBe(0)
  })

  it('opens the card and checks once on Check for Updates…, showing the answer', async () => {
    const api = renderApp()
    await screen.findByText('No notes yet')
    act(() => api.emit('menu.command', { command: 'check-for-updates' }))
    const card = await screen.findByRole('region', { name: 'Desktop app' })
    expect(await screen.findByText(/Staffroom 1\.4\.0 is up to date/)).toBeTruthy()
    expect(document.activeElement).toBe(card)
    expect(checks(api)).toBe(1)
  })

  it('leads from the new-version notice to the card', async () => {
    const user = userEvent.setup()
    const api = renderApp()
    await screen.findByText('No notes yet')
    act(() => api.emit('updates.status', { state: 'available', version: '1.5.0', releaseNotes: 'Faster search.' }))
    await user.click(await screen.findByRole('button', { name: 'Show the update' }))
    const card = await screen.findByRole('region', { name: 'Desktop app' })
    await waitFor(() => expect(document.activeElement).toBe(card))
    expect(window.location.hash).toBe('#/devices')
    expect(checks(api)).toBe(0)
  })
})
