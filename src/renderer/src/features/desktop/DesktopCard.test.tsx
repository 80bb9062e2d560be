import type { DesktopPreferences, UpdateStatus } from '@shared/api/desktop'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform, type FakeApi } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { DesktopCard } from './DesktopCard'

const defaults: DesktopPreferences = { openAtLogin: false, openAtLoginSupported: true, automaticUpdateChecks: false, updatesSupported: true }

/** The card on a fake shell whose preferences change as desktop.setPreferences says. */
function renderCard(options: { preferences?: Partial<DesktopPreferences>; status?: UpdateStatus; refuseSet?: boolean } = {}) {
  let preferences = { ...defaults, ...options.preferences }
  const api = createFakeApi({
    'desktop.preferences': () => ({ ok: true, value: preferences }),
    'desktop.setPreferences': (args) => {
      if (options.refuseSet) return { ok: false, error: { code: 'internal', message: 'The login items could not be changed.' } }
      preferences = { ...preferences, ...(args as Partial<DesktopPreferences>) }
      return { ok: true, value: preferences }
    },
    'updates.status': () => ({ ok: true, value: options.status ?? { state: 'idle' } }),
    'updates.check': () => ({ ok: true, value: { state: 'up-to-date', version: '1.4.0', checkedAt: Date.UTC(2026, 11, 2, 9) } }),
    'updates.download': () => ({ ok: true, value: { state: 'downloading', version: '1.5.0', releaseNotes: '', percent: 0 } }),
    'updates.restartAndInstall': () => ({ ok: true, value: { restarting: true } }),
  })
  renderWithProviders(<DesktopCard />, { platform: { ...createFakePlatform(api), shell: 'electron' } })
  return api
}

const callsOf = (api: FakeApi, method: string) => api.calls.filter((call) => call.method === method).map((call) => call.args)
const card = () => screen.getByRole('region', { name: 'Desktop app' })

describe('DesktopCard', () => {
  it('turns opening at login and automatic update checks on and off, showing what the shell answers', async () => {
    const user = userEvent.setup()
    const api = renderCard()
    const atLogin = await screen.findByRole('switch', { name: 'Open Staffroom when I log in' })
    const automatic = screen.getByRole('switch', { name: /Check for updates automatically/ })
    expect([(atLogin as HTMLInputElement).checked, (automatic as HTMLInputElement).checked]).toEqual([false, false])
    expect(card().textContent).toMatch('Nothing is downloaded or installed without asking you.')

    await user.click(atLogin)
    await waitFor(() => expect((atLogin as HTMLInputElement).checked).toBe(true))
    await user.click(automatic)
    await waitFor(() => expect((automatic as HTMLInputElement).checked).toBe(true))
    await user.click(automatic)
    await waitFor(() => expect((automatic as HTMLInputElement).checked).toBe(false))
    expect(callsOf(api, 'desktop.setPreferences')).toEqual([{ openAtLogin: true }, { automaticUpdateChecks: true }, { automaticUpdateChecks: false }])
  })

  it('leaves a switch as it was and shows the error toast when the shell refuses the change', async () => {
    const user = userEvent.setup()
    renderCard({ refuseSet: true })
    const atLogin = await screen.findByRole('switch', { name: 'Open Staffroom when I log in' })
    await user.click(atLogin)
    expect(await screen.findByText('The login items could not be changed.')).toBeTruthy()
    expect((atLogin as HTMLInputElement).checked).toBe(false)
  })

  it('hides the login switch where the OS cannot open apps at login', async () => {
    renderCard({ preferences: { openAtLoginSupported: false } })
    expect(await screen.findByRole('switch', { name: /Check for updates automatically/ })).toBeTruthy()
    expect(screen.queryByRole('switch', { name: 'Open Staffroom when I log in' })).toBeNull()
  })

  it('says when updates are not offered and shows no update controls', async () => {
    renderCard({ status: { state: 'unsupported', reason: 'This is a development build; there is nothing to update.' } })
    expect((await screen.findByTestId('updates-unsupported')).textContent).toBe('Updates: This is a development build; there is nothing to update.')
    expect(screen.queryByRole('switch', { name: /Check for updates automatically/ })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Check for updates now' })).toBeNull()
  })

  it('checks now and says the version is up to date, with when it checked', async () => {
    const user = userEvent.setup()
    const api = renderCard()
    await user.click(await screen.findByRole('button', { name: 'Check for updates now' }))
    expect((await screen.findByText(/is up to date/)).textContent).toMatch(/^Staffroom 1\.4\.0 is up to date \(checked .+\)\.$/)
    expect(callsOf(api, 'updates.check')).toHaveLength(1)
  })

  it('shows an available version with its notes as plain text, and downloads it only when asked', async () => {
    const user = userEvent.setup()
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>Faster search.\n<a href="javascript:alert(1)">More</a>'
    const api = renderCard({ status: { state: 'available', version: '1.5.0', releaseNotes: hostile } })
    const notes = await screen.findByRole('region', { name: 'What is new in version 1.5.0' })
    expect(notes.textContent).toBe(hostile)
    expect(notes.children).toHaveLength(0)
    expect(document.querySelector('script, img[src="x"], a[href^="javascript"]')).toBeNull()
    expect(notes.tabIndex).toBe(0)
    expect(callsOf(api, 'updates.download')).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Download version 1.5.0' }))
    expect(await screen.findByRole('progressbar', { name: 'Downloading version 1.5.0' })).toBeTruthy()
    expect(callsOf(api, 'updates.download')).toHaveLength(1)
  })

  it('follows the shell’s status events: progress, then ready to install', async () => {
    const api = renderCard()
    await screen.findByRole('button', { name: 'Check for updates now' })
    act(() => api.emit('updates.status', { state: 'checking' }))
    expect(await screen.findByText('Checking for updates…')).toBeTruthy()
    act(() => api.emit('updates.status', { state: 'downloading', version: '1.5.0', releaseNotes: 'Faster search.', percent: 42.4 }))
    expect((await screen.findByRole('progressbar', { name: 'Downloading version 1.5.0' })).getAttribute('aria-valuenow')).toBe('42')
    expect(screen.getByText('Downloading version 1.5.0: 42%')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Check for updates now' }) as HTMLButtonElement).disabled).toBe(true)
    act(() => api.emit('updates.status', { state: 'downloaded', version: '1.5.0', releaseNotes: 'Faster search.' }))
    expect(await screen.findByRole('button', { name: 'Restart and install' })).toBeTruthy()
    expect(screen.getByRole('region', { name: 'What is new in version 1.5.0' }).textContent).toBe('Faster search.')
  })

  it('restarts only after the teacher confirms, and not when they say not now', async () => {
    const user = userEvent.setup()
    const api = renderCard({ status: { state: 'downloaded', version: '1.5.0', releaseNotes: '' } })
    await user.click(await screen.findByRole('button', { name: 'Restart and install' }))
    const dialog = await screen.findByRole('dialog', { name: 'Restart and install?' })
    expect(dialog.textContent).toMatch('Staffroom will close, install version 1.5.0 and open again. Everything you have written is saved.')
    expect(callsOf(api, 'updates.restartAndInstall')).toHaveLength(0)
    await user.click(within(dialog).getByRole('button', { name: 'Not now' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Restart and install?' })).toBeNull())
    expect(callsOf(api, 'updates.restartAndInstall')).toHaveLength(0)

    await user.click(screen.getByRole('button', { name: 'Restart and install' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Restart and install?' })).getByRole('button', { name: 'Restart and install' }))
    await waitFor(() => expect(callsOf(api, 'updates.restartAndInstall')).toHaveLength(1))
  })

  it('shows a failed update with its message and tries again on request', async () => {
    const user = userEvent.setup()
    const api = renderCard({ status: { state: 'error', message: 'The update server could not be reached.' } })
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch('The update server could not be reached.')
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText(/is up to date/)).toBeTruthy()
    expect(callsOf(api, 'updates.check')).toHaveLength(1)
  })
})
