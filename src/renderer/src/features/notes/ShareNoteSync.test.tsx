import type { PairedDevice, SyncStatusView } from '@shared/api/sync'
import { screen } from '@testing-library/react'
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

describe('ShareNoteDialog sync state', () => {
  it('says per colleague whether the note is synced with them or waits for them', async () => {
    const api = createFakeApi({
      'sync.status': () => ({ ok: true, value: status([device('B', 'Ms Diallo’s laptop', { online: true }), device('C', 'Mr Stone’s tablet'), device('F', 'Mrs Ade’s laptop')]) }),
      'sync.noteMembers': () => ({
        ok: true,
        value: {
          members: [
            { deviceId: 'B'.repeat(52), role: 'editor' },
            { deviceId: 'C'.repeat(52), role: 'viewer' },
            { deviceId: 'F'.repeat(52), role: 'owner' },
          ],
          relayed: false,
        },
      }),
      'sync.documentStatus': () => ({
        ok: true,
        value: {
          documents: [
            {
              documentId: 'n1',
              devices: [
                { deviceId: 'B'.repeat(52), name: 'Ms Diallo’s laptop', online: true, state: 'synced', lastSyncAt: null },
                { deviceId: 'C'.repeat(52), name: 'Mr Stone’s tablet', online: false, state: 'pending', lastSyncAt: null },
                { deviceId: 'F'.repeat(52), name: 'Mrs Ade’s laptop', online: false, state: 'unknown', lastSyncAt: null },
              ],
            },
          ],
        },
      }),
    })
    renderWithProviders(<ShareNoteDialog noteId="n1" />, { platform: createFakePlatform(api) })

    const diallo = await screen.findByRole('switch', { name: /Ms Diallo’s laptop/ })
    expect(await screen.findByText('Online now · Synced')).toBeTruthy()
    expect(diallo.getAttribute('aria-describedby')).toBeTruthy()
    expect(document.getElementById(diallo.getAttribute('aria-describedby')!)!.textContent).toBe('Online now · Synced')
    expect(screen.getByText('Not connected now · Changes here wait until it is back')).toBeTruthy()
    expect(screen.getByText('Not connected now · Not in touch since this device started')).toBeTruthy()
    expect(api.calls.find((c) => c.method === 'sync.documentStatus')!.args).toEqual({ documentIds: ['n1'] })
  })
})
