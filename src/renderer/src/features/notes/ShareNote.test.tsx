import type { PairedDevice, SyncStatusView } from '@shared/api/sync'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { ShareNoteDialog } from './ShareNote'

function device(id: string, name: string, partial: Partial<PairedDevice> = {}): PairedDevice {
  return { deviceId: id.repeat(52), shownId: '', name, relation: 'contact', contactId: null, addresses: [], pairedAt: 0, revokedAt: null, lastSeenAt: null, online: false, ...partial }
}

function status(devices: PairedDevice[], relayUrl: string | null = null): SyncStatusView {
  return { deviceId: 'Z'.repeat(52), shownId: '', deviceName: 'Here', listening: null, devices, refusedHandshakes: 0, cutOff: [], relay: { url: relayUrl, state: 'offline', lastError: null, relayed: 0 }, workspace: { listed: 1, present: 1 } }
}

describe('ShareNoteDialog', () => {
  it('lists paired colleagues (not own or removed devices) with a switch each that shares or stops sharing the note', async () => {
    const user = userEvent.setup()
    let members: Array<{ deviceId: string; role: string }> = [{ deviceId: 'B'.repeat(52), role: 'viewer' }]
    const api = createFakeApi({
      'sync.status': () => ({
        ok: true,
        value: status([
          device('B', 'Ms Diallo’s laptop', { online: true }),
          device('C', 'Mr Stone’s tablet'),
          device('D', 'My home PC', { relation: 'own' }),
          device('E', 'Old phone', { revokedAt: 1 }),
          device('F', 'Mrs Ade’s laptop'),
        ]),
      }),
      'sync.noteMembers': () => ({ ok: true, value: { members: [...members, { deviceId: 'F'.repeat(52), role: 'owner' }], relayed: false } }),
      'sync.setNoteMember': (args) => {
        const { deviceId, role } = args as { deviceId: string; role: string | null }
        members = members.filter((m) => m.deviceId !== deviceId)
        if (role) members.push({ deviceId, role })
        return { ok: true, value: { members } }
      },
    })
    renderWithProviders(<ShareNoteDialog noteId="n1" />, { platform: createFakePlatform(api) })

    const diallo = await screen.findByRole('switch', { name: /Ms Diallo’s laptop/ })
    const stone = screen.getByRole('switch', { name: /Mr Stone’s tablet/ })
    expect((diallo as HTMLInputElement).checked).toBe(true)
    expect((stone as HTMLInputElement).checked).toBe(false)
    expect(screen.queryByRole('switch', { name: /My home PC|Old phone|Mrs Ade/ })).toBeNull()
    expect(screen.getByText('Mrs Ade’s laptop shared this note with you.')).toBeTruthy()
    expect((screen.getByRole('radio', { name: 'Can only read' }) as HTMLInputElement).checked).toBe(true)

    await user.click(stone)
    await waitFor(() => expect((screen.getByRole('switch', { name: /Mr Stone’s tablet/ }) as HTMLInputElement).checked).toBe(true))
    expect(api.calls.at(-1)).toEqual({ method: 'sync.setNoteMember', args: { noteId: 'n1', deviceId: 'C'.repeat(52), role: 'editor' } })

    await user.click(diallo)
    await waitFor(() => expect((screen.getByRole('switch', { name: /Ms Diallo’s laptop/ }) as HTMLInputElement).checked).toBe(false))
    expect(api.calls.at(-1)).toEqual({ method: 'sync.setNoteMember', args: { noteId: 'n1', deviceId: 'B'.repeat(52), role: null } })
  })

  it('points to Devices and sharing when no colleague is paired', async () => {
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status([device('D', 'My home PC', { relation: 'own' })]) }),
      'sync.noteMembers': () => ({ ok: true, value: { members: [], relayed: false } }),
    })
    renderWithProviders(<ShareNoteDialog noteId="n1" />, { platform: createFakePlatform(api) })
    expect((await screen.findByRole('link', { name: 'Devices and sharing' })).getAttribute('href')).toBe('#/devices')
  })

  it('offers “Also sync through the relay” only for a shared note on a device with a relay, and says why not otherwise', async () => {
    const user = userEvent.setup()
    let members: Array<{ deviceId: string; role: string }> = []
    let relayed = false
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status([device('B', 'Ms Diallo’s laptop')], 'wss://relay.example.org') }),
      'sync.noteMembers': () => ({ ok: true, value: { members, relayed } }),
      'sync.setNoteMember': (args) => {
        const { deviceId, role } = args as { deviceId: string; role: string | null }
        members = role ? [{ deviceId, role }] : []
        return { ok: true, value: { members } }
      },
      'sync.setNoteRelayed': (args) => {
        relayed = (args as { relayed: boolean }).relayed
        return { ok: true, value: { relayed } }
      },
    })
    renderWithProviders(<ShareNoteDialog noteId="n1" />, { platform: createFakePlatform(api) })
    const relaySwitch = (await screen.findByRole('switch', { name: /Also sync through the relay/ })) as HTMLInputElement
    expect(relaySwitch.disabled).toBe(true)
    expect(screen.getByText(/a note shared with nobody never goes to the relay/)).toBeTruthy()

    await user.click(screen.getByRole('switch', { name: /Ms Diallo’s laptop/ }))
    await waitFor(() => expect(relaySwitch.disabled).toBe(false))
    expect(screen.getByText(/Through wss:\/\/relay.example.org/)).toBeTruthy()
    await user.click(relaySwitch)
    await waitFor(() => expect(relaySwitch.checked).toBe(true))
    expect(api.calls.at(-1)).toEqual({ method: 'sync.setNoteRelayed', args: { noteId: 'n1', relayed: true } })
    await user.click(relaySwitch)
    await waitFor(() => expect(relaySwitch.checked).toBe(false))
    expect(api.calls.at(-1)).toEqual({ method: 'sync.setNoteRelayed', args: { noteId: 'n1', relayed: false } })
  })

  it('keeps the relay switch off with a link to Devices when no relay is set', async () => {
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status([device('B', 'Ms Diallo’s laptop')]) }),
      'sync.noteMembers': () => ({ ok: true, value: { members: [{ deviceId: 'B'.repeat(52), role: 'editor' }], relayed: false } }),
    })
    renderWithProviders(<ShareNoteDialog noteId="n1" />, { platform: createFakePlatform(api) })
    const relaySwitch = (await screen.findByRole('switch', { name: /Also sync through the relay/ })) as HTMLInputElement
    expect(relaySwitch.disabled).toBe(true)
    expect(screen.getByText(/No relay is set on this device/)).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Devices and sharing' }).getAttribute('href')).toBe('#/devices')
  })

  it('shows the core’s refusal under the relay switch', async () => {
    const user = userEvent.setup()
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status([device('B', 'Ms Diallo’s laptop')], 'wss://relay.example.org') }),
      'sync.noteMembers': () => ({ ok: true, value: { members: [{ deviceId: 'B'.repeat(52), role: 'editor' }], relayed: false } }),
      'sync.setNoteRelayed': () => ({ ok: false, error: { code: 'bad-request', message: 'No relay is set for this device. Add one under Devices and sharing first.' } }),
    })
    renderWithProviders(<ShareNoteDialog noteId="n1" />, { platform: createFakePlatform(api) })
    await user.click(await screen.findByRole('switch', { name: /Also sync through the relay/ }))
    expect(await within(screen.getByTestId('note-relay')).findByText('No relay is set for this device. Add one under Devices and sharing first.')).toBeTruthy()
    expect((screen.getByRole('switch', { name: /Also sync through the relay/ }) as HTMLInputElement).checked).toBe(false)
  })
})
