import type { PairedDevice, SyncStatusView } from '@shared/api/sync'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { ShareNoteDialog } from './ShareNote'

function device(id: string, name: string, partial: Partial<PairedDevice> = {}): PairedDevice {
  return { deviceId: id.repeat(52), shownId: '', name, relation: 'contact', contactId: null, addresses: [], pairedAt: 0, revokedAt: null, lastSeenAt: null, online: false, ...partial }
}

function status(devices: PairedDevice[]): SyncStatusView {
  return { deviceId: 'Z'.repeat(52), shownId: '', deviceName: 'Here', listening: null, devices, refusedHandshakes: 0, cutOff: [], relay: { url: null, state: 'offline', lastError: null, relayed: 0 }, workspace: { listed: 1, present: 1 } }
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
      'sync.noteMembers': () => ({ ok: true, value: { members: [...members, { deviceId: 'F'.repeat(52), role: 'owner' }] } }),
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
      'sync.noteMembers': () => ({ ok: true, value: { members: [] } }),
    })
    renderWithProviders(<ShareNoteDialog noteId="n1" />, { platform: createFakePlatform(api) })
    expect((await screen.findByRole('link', { name: 'Devices and sharing' })).getAttribute('href')).toBe('#/devices')
  })
})
