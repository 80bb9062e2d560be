import type { InviteView, PairedDevice, SyncStatusView } from '@shared/api/sync'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { noteSummary } from '../../test/noteSummary'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { contactDetail, contactRow } from '../../test/networkFixtures'
import { renderWithProviders } from '../../test/render'
import { DevicesView } from './DevicesView'
import { pendingInvite } from './pendingInvite'
import { syncStatusRefreshMs } from './useSyncStatus'

const ownId = 'A'.repeat(52)
const colleagueId = 'B'.repeat(52)

function device(partial: Partial<PairedDevice> = {}): PairedDevice {
  return {
    deviceId: colleagueId,
    shownId: 'BBBB-'.repeat(12) + 'BBBB',
    name: 'Ms Diallo’s laptop',
    relation: 'contact',
    contactId: null,
    addresses: ['192.168.1.20:47110'],
    pairedAt: Date.UTC(2026, 10, 1, 9),
    revokedAt: null,
    lastSeenAt: null,
    online: false,
    ...partial,
  }
}

function status(partial: Partial<SyncStatusView> = {}): SyncStatusView {
  return {
    deviceId: ownId,
    shownId: 'AAAA-'.repeat(12) + 'AAAA',
    deviceName: 'Staffroom on the school laptop',
    listening: { port: 47110, pairingPort: 47111 },
    devices: [],
    refusedHandshakes: 0,
    cutOff: [],
    relay: { url: null, state: 'offline', lastError: null, relayed: 0 },
    workspace: { listed: 12, present: 12 },
    ...partial,
  }
}

const invite: InviteView = {
  code: 'SR1-CODE-FOR-TEST',
  link: 'staffroom://invite/SR1-CODE-FOR-TEST',
  expiresAt: Date.now() + 24 * 3_600_000,
  addresses: ['192.168.1.10:47111'],
  relation: 'contact',
  shares: [{ title: 'Year 5 science' }],
}

/** The error text a field points to with aria-describedby, as a screen reader announces it. */
function errorOf(field: HTMLElement): string | undefined {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? []
  return ids.map((id) => document.getElementById(id)).find((el) => el?.id.includes('error'))?.textContent ?? undefined
}

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('DevicesView', () => {
  it('shows this device, its grouped id with a copy button, and paired devices with how they are connected', async () => {
    const devices = [
      device({ online: true }),
      device({ deviceId: 'C'.repeat(52), name: 'My home PC', relation: 'own', lastSeenAt: Date.UTC(2026, 10, 1, 8, 30) }),
      device({ deviceId: 'D'.repeat(52), name: 'Mr Stone’s tablet' }),
      device({ deviceId: 'E'.repeat(52), name: 'Old phone', revokedAt: Date.UTC(2026, 9, 1) }),
    ]
    const api = createFakeApi({ 'sync.status': () => ({ ok: true, value: status({ devices }) }) })
    renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })

    expect(await screen.findByRole('heading', { name: 'This device: Staffroom on the school laptop' })).toBeTruthy()
    expect(screen.getByTestId('this-device-id').textContent).toMatch(/^AAAA-AAAA-.*-AAAA$/)
    expect(screen.getByRole('button', { name: 'Copy device id' })).toBeTruthy()
    expect(screen.getByTestId('accepting-badge').textContent).toMatch('Accepting other devices')
    const cards = screen.getAllByTestId('paired-device')
    expect(cards.map((c) => within(c).getByTestId('device-connection').textContent)).toEqual([
      'Online now',
      expect.stringMatching(/^Last seen /),
      'Never connected yet',
    ])
    expect(within(cards[1]!).getByText('One of my devices')).toBeTruthy()
    expect(screen.getByRole('list', { name: 'Removed devices' }).textContent).toMatch('Old phone')
    expect(screen.queryByRole('region', { name: 'Connection problems' })).toBeNull()
  })

  it('lists refused connections and cut-off peers only when there are some', async () => {
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status({ devices: [device()], refusedHandshakes: 2, cutOff: [{ deviceId: colleagueId, reason: 'sent a document it may not change', at: Date.now() }] }) }),
    })
    renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })
    expect((await screen.findByTestId('refused-count')).textContent).toMatch('2 connections were refused')
    expect(screen.getByRole('list', { name: 'Devices cut off' }).textContent).toMatch('Ms Diallo’s laptop was cut off')
  })

  it('shows documents still arriving as a progress bar, and the relay state, only when there is something to say', async () => {
    const api = createFakeApi({
      'sync.status': () => ({
        ok: true,
        value: status({ workspace: { listed: 1_048, present: 262 }, relay: { url: 'wss://relay.example.org', state: 'offline', lastError: 'connect ECONNREFUSED', relayed: 2 } }),
      }),
    })
    renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })
    expect((await screen.findByText(/Receiving your documents/)).textContent).toBe('Receiving your documents: 262 of 1,048 are on this device.')
    expect(screen.getByRole('progressbar', { name: /Receiving your documents/ }).getAttribute('aria-valuenow')).toBe('25')
    expect(screen.getByTestId('relay-state').textContent).toBe(
      'Relay wss://relay.example.org: not reachable, trying again, carrying 2 shared documents (last problem: connect ECONNREFUSED).',
    )
  })

  it('connects to an offline device at a typed address, showing a refusal inline', async () => {
    const user = userEvent.setup()
    let answer: 'refuse' | 'accept' = 'refuse'
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status({ devices: [device()] }) }),
      'sync.connectDevice': () =>
        answer === 'refuse'
          ? { ok: false, error: { code: 'bad-request', message: 'The device at this address is not the one that was paired.' } }
          : { ok: true, value: { device: device({ online: true }) } },
    })
    renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })
    await user.click(await screen.findByRole('button', { name: 'Connect to Ms Diallo’s laptop at an address' }))
    const address = await screen.findByRole('textbox', { name: 'Address' })
    await user.type(address, '192.168.1.30:47110')
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(errorOf(screen.getByRole('textbox', { name: 'Address' }))).toBe('The device at this address is not the one that was paired.'))
    answer = 'accept'
    await user.click(screen.getByRole('button', { name: 'Connect' }))
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Address' })).toBeNull())
    expect(api.calls.filter((c) => c.method === 'sync.connectDevice').map((c) => c.args)).toEqual([
      { deviceId: colleagueId, address: '192.168.1.30:47110' },
      { deviceId: colleagueId, address: '192.168.1.30:47110' },
    ])
  })

  it('links a colleague’s device to a contact and shows the contact with a link to their page', async () => {
    const user = userEvent.setup()
    let linked: string | null = null
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status({ devices: [device({ contactId: linked })] }) }),
      'contacts.list': () => ({ ok: true, value: { rows: [contactRow({ id: 'c-amara', name: 'Amara Diallo' })], total: 1 } }),
      'contacts.get': () => ({ ok: true, value: contactDetail({ id: 'c-amara', name: 'Amara Diallo' }) }),
      'sync.linkContact': (args) => {
        linked = (args as { contactId: string | null }).contactId
        return { ok: true, value: { device: device({ contactId: linked }) } }
      },
    })
    renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })
    expect(await screen.findByText('Not linked to a contact')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Link the contact for Ms Diallo’s laptop' }))
    await user.click(await screen.findByRole('combobox', { name: 'Contact' }))
    await user.click(await screen.findByRole('option', { name: 'Amara Diallo' }))
    await user.click(screen.getByRole('button', { name: 'Link' }))
    expect(api.calls.find((c) => c.method === 'sync.linkContact')?.args).toEqual({ deviceId: colleagueId, contactId: 'c-amara' })
    const link = await screen.findByRole('link', { name: 'Amara Diallo' })
    expect(link.getAttribute('href')).toBe('#/contacts?id=c-amara')
  })

  it('shows no sync card when everything is here and there is no relay', async () => {
    const api = createFakeApi({ 'sync.status': () => ({ ok: true, value: status() }) })
    renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })
    await screen.findByTestId('this-device-id')
    expect(screen.queryByRole('region', { name: 'Sync' })).toBeNull()
  })

  it('says so instead of offering invites when this device does not accept others', async () => {
    const api = createFakeApi({ 'sync.status': () => ({ ok: true, value: status({ listening: null }) }) })
    renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })
    expect((await screen.findByTestId('not-accepting')).textContent).toMatch('not accepting other devices (sync is off)')
    expect(screen.queryByRole('button', { name: 'Invite a colleague' })).toBeNull()
    expect(screen.getByTestId('accepting-badge').textContent).toMatch('Not accepting other devices')
  })

  it('asks again every few seconds while open, and stops when closed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const api = createFakeApi({ 'sync.status': () => ({ ok: true, value: status() }) })
    const { unmount } = renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })
    await screen.findByTestId('this-device-id')
    const count = () => api.calls.filter((c) => c.method === 'sync.status').length
    const before = count()
    await act(async () => void vi.advanceTimersByTime(syncStatusRefreshMs * 2))
    expect(count()).toBe(before + 2)
    unmount()
    await act(async () => void vi.advanceTimersByTime(syncStatusRefreshMs * 2))
    expect(count()).toBe(before + 2)
  })

  it('invites a colleague to chosen notes and shows the code, link, QR code, addresses and expiry', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status() }),
      'notes.list': () => ({ ok: true, value: { notes: [noteSummary({ id: 'n1', title: 'Year 5 science' }), noteSummary({ id: 'n2', title: 'Trip letters' })], total: 2 } }),
      'sync.createInvite': () => ({ ok: true, value: invite }),
    })
    renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })
    await user.click(await screen.findByRole('button', { name: 'Invite a colleague' }))
    const dialog = await screen.findByRole('dialog', { name: 'Invite a colleague' })
    await user.click(within(dialog).getByPlaceholderText('Type to find notes'))
    await user.click(await screen.findByRole('option', { name: 'Year 5 science' }))
    await user.click(within(dialog).getByRole('radio', { name: 'Only read' }))
    await user.click(within(dialog).getByRole('button', { name: 'Create invite' }))

    expect((await within(dialog).findByTestId('invite-code')).textContent).toMatch('SR1-CODE-FOR-TEST')
    expect(api.calls.find((c) => c.method === 'sync.createInvite')?.args).toEqual({ relation: 'contact', noteIds: ['n1'], role: 'viewer', validForMinutes: 1440 })
    expect(within(dialog).getByTestId('invite-link').textContent).toMatch('staffroom://invite/')
    expect(within(dialog).getByRole('button', { name: 'Copy invite link' })).toBeTruthy()
    const qr = await within(dialog).findByRole('img', { name: 'QR code of the invite link for your colleague' })
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/)
    expect(within(dialog).getByRole('list', { name: 'Reachable at' }).textContent).toMatch('192.168.1.10:47111')
    expect(within(dialog).getByText(/in 24 hours/)).toBeTruthy()
    expect(within(dialog).getByRole('list', { name: 'Shared notes' }).textContent).toMatch('Year 5 science')
  })

  it('shows the core’s message inline when an invite cannot be accepted, and who you are paired with when it can', async () => {
    const user = userEvent.setup()
    let attempt = 0
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status() }),
      'sync.acceptInvite': () =>
        ++attempt === 1
          ? { ok: false, error: { code: 'bad-request', message: 'This invite was already used. Ask Mr Okafor for a new one.' } }
          : { ok: true, value: { device: device({ name: 'Mr Okafor’s laptop' }), shares: [{ documentId: 'doc1', url: 'automerge:doc1', title: 'Year 5 science' }] } },
    })
    renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })
    const box = await screen.findByRole('textbox', { name: 'Invite code or link' })
    await user.click(screen.getByRole('button', { name: 'Accept invite' }))
    expect(errorOf(box)).toBe('Paste the invite code or link you were sent.')
    expect(api.calls.some((c) => c.method === 'sync.acceptInvite')).toBe(false)

    fireEvent.change(box, { target: { value: '  staffroom://invite/SR1-USED\n' } })
    await user.click(screen.getByRole('button', { name: 'Accept invite' }))
    await waitFor(() => expect(errorOf(box)).toBe('This invite was already used. Ask Mr Okafor for a new one.'))
    expect(api.calls.find((c) => c.method === 'sync.acceptInvite')?.args).toEqual({ code: 'staffroom://invite/SR1-USED' })

    fireEvent.change(box, { target: { value: 'SR1-GOOD' } })
    await user.click(screen.getByRole('button', { name: 'Accept invite' }))
    const success = await screen.findByTestId('accept-success')
    expect(success.textContent).toMatch('Paired with Mr Okafor’s laptop')
    expect(within(success).getByRole('link', { name: 'Year 5 science' })).toBeTruthy()
    expect(within(success).getByRole('link', { name: 'Year 5 science' }).getAttribute('href')).toBe('#/all?note=doc1')
    expect((box as HTMLTextAreaElement).value).toBe('')
  })

  it('shows the Desktop app card only in the desktop app', async () => {
    const handlers = {
      'sync.status': () => ({ ok: true as const, value: status() }),
      'desktop.preferences': () => ({ ok: true as const, value: { openAtLogin: false, openAtLoginSupported: true, automaticUpdateChecks: false, updatesSupported: true } }),
      'updates.status': () => ({ ok: true as const, value: { state: 'idle' as const } }),
    }
    const served = createFakeApi(handlers)
    const { unmount } = renderWithProviders(<DevicesView />, { platform: createFakePlatform(served) })
    await screen.findByRole('heading', { name: 'This device: Staffroom on the school laptop' })
    expect(screen.queryByRole('region', { name: 'Desktop app' })).toBeNull()
    expect(served.calls.some((c) => c.method.startsWith('desktop.') || c.method.startsWith('updates.'))).toBe(false)
    unmount()

    renderWithProviders(<DevicesView />, { platform: { ...createFakePlatform(createFakeApi(handlers)), shell: 'electron' } })
    const card = await screen.findByRole('region', { name: 'Desktop app' })
    expect(card.id).toBe('desktop-app')
    expect(await within(card).findByRole('switch', { name: 'Open Staffroom when I log in' })).toBeTruthy()
  })

  it('fills in an invite link opened from outside and focuses it, leaving Accept to the teacher', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status() }),
      'sync.acceptInvite': () => ({ ok: true, value: { device: device({ name: 'Mr Okafor’s laptop' }), shares: [] } }),
    })
    // The link arrives before the screen has loaded, as when the app is started by it.
    act(() => pendingInvite.offer('staffroom://invite/SR1-OPENED'))
    renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })
    const box = await screen.findByRole('textbox', { name: 'Invite code or link' })
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe('staffroom://invite/SR1-OPENED'))
    expect(document.activeElement).toBe(box)
    expect(api.calls.some((c) => c.method === 'sync.acceptInvite')).toBe(false)

    // Opened again while the screen is showing: the newer link replaces what was typed.
    fireEvent.change(box, { target: { value: 'something else' } })
    act(() => pendingInvite.offer('staffroom://invite/SR1-SECOND'))
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe('staffroom://invite/SR1-SECOND'))
    await user.click(screen.getByRole('button', { name: 'Accept invite' }))
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'sync.acceptInvite').map((c) => c.args)).toEqual([{ code: 'staffroom://invite/SR1-SECOND' }]))
  })

  it('asks for a restart after pairing another of my devices', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status() }),
      'sync.acceptInvite': () => ({ ok: true, value: { device: device({ name: 'My school laptop', relation: 'own' }), shares: [], workspaceUrl: 'automerge:ws', restartRequired: true } }),
    })
    renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })
    fireEvent.change(await screen.findByRole('textbox', { name: 'Invite code or link' }), { target: { value: 'SR1-OWN' } })
    await user.click(screen.getByRole('button', { name: 'Accept invite' }))
    const success = await screen.findByTestId('accept-success')
    expect(success.textContent).toMatch('Paired with My school laptop')
    expect(success.textContent).toMatch('This is now one of your devices')
    expect(success.textContent).toMatch('Restart Staffroom to finish')
  })

  it('removes a paired device only after confirming', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status({ devices: [device()] }) }),
      'sync.revokeDevice': () => ({ ok: true, value: { revoked: true } }),
    })
    renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })
    await user.click(await screen.findByRole('button', { name: 'Remove Ms Diallo’s laptop' }))
    const dialog = await screen.findByRole('dialog', { name: 'Remove Ms Diallo’s laptop?' })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(api.calls.some((c) => c.method === 'sync.revokeDevice')).toBe(false)

    await user.click(screen.getByRole('button', { name: 'Remove Ms Diallo’s laptop' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Remove Ms Diallo’s laptop?' })).getByRole('button', { name: 'Remove device' }))
    await waitFor(() => expect(api.calls.find((c) => c.method === 'sync.revokeDevice')?.args).toEqual({ deviceId: colleagueId }))
  })

  it('sets the relay from the Relay card, shows the core’s refusal inline, and removes it', async () => {
    const user = userEvent.setup()
    let relay: SyncStatusView['relay'] = { url: null, state: 'offline', lastError: null, relayed: 0 }
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status({ relay }) }),
      'sync.setRelay': (args) => {
        const { url } = args as { url: string | null }
        if (url?.startsWith('https:')) return { ok: false, error: { code: 'bad-request', message: 'A relay address starts with wss:// (or ws:// on a trusted network).' } }
        relay = url === null ? { url: null, state: 'offline', lastError: null, relayed: 0 } : { url, state: 'connected', lastError: null, relayed: 1 }
        return { ok: true, value: { relay } }
      },
    })
    renderWithProviders(<DevicesView />, { platform: createFakePlatform(api) })
    const card = await screen.findByRole('region', { name: 'Relay' })
    expect(card.textContent).toMatch('only the notes you mark in their Share dialog go through it, never your personal notes')
    expect(within(card).getByTestId('relay-state').textContent).toMatch('No relay is set')
    expect(within(card).queryByRole('button', { name: 'Remove relay' })).toBeNull()
    const field = within(card).getByRole('textbox', { name: 'Relay address' })

    await user.click(within(card).getByRole('button', { name: 'Save relay' }))
    expect(errorOf(field)).toMatch('Type the relay address')
    expect(api.calls.some((c) => c.method === 'sync.setRelay')).toBe(false)

    fireEvent.change(field, { target: { value: 'https://relay.example.org' } })
    await user.click(within(card).getByRole('button', { name: 'Save relay' }))
    await waitFor(() => expect(errorOf(field)).toBe('A relay address starts with wss:// (or ws:// on a trusted network).'))

    fireEvent.change(field, { target: { value: ' wss://relay.example.org ' } })
    await user.click(within(card).getByRole('button', { name: 'Save relay' }))
    await waitFor(() => expect(within(card).getByTestId('relay-state').textContent).toBe('Relay wss://relay.example.org: connected, carrying 1 shared document.'))
    expect(api.calls.filter((c) => c.method === 'sync.setRelay').at(-1)?.args).toEqual({ url: 'wss://relay.example.org' })
    expect((field as HTMLInputElement).value).toBe('wss://relay.example.org')
    expect(errorOf(field)).toBeUndefined()

    await user.click(within(card).getByRole('button', { name: 'Remove relay' }))
    await waitFor(() => expect(within(card).getByTestId('relay-state').textContent).toMatch('No relay is set'))
    expect(api.calls.filter((c) => c.method === 'sync.setRelay').at(-1)?.args).toEqual({ url: null })
    expect((field as HTMLInputElement).value).toBe('')
  })
})
