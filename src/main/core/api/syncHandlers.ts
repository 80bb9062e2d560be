import { isValidAutomergeUrl } from '@automerge/automerge-repo'
import type { HandlersFor, PairedDevice } from '@shared/api'
import type { syncArgs } from '@shared/api/sync'
import { ApiError } from '@shared/errors'
import { assertContactsExist } from '../network/recordOps'
import { formatDeviceId } from '../sync/deviceId'
import { DocumentSyncStatus } from '../sync/DocumentSyncStatus'
import { workspaceProgress } from '../sync/workspaceProgress'
import { InviteError } from '../sync/Pairing'
import { InviteCodeError } from '../sync/inviteCode'
import { RelayError } from '../sync/RelayedDocuments'
import type { TrustedDevice } from '../sync/TrustedDevices'
import type { CoreContext } from './CoreContext'
import { adoptWorkspace } from '../workspace/adoptWorkspace'
import { listSharedNotes } from '../workspace/listSharedNotes'

const workspaceWaitMs = 15_000

type SyncMethod = keyof typeof syncArgs

export function syncHandlers(ctx: CoreContext) {
  const { sync } = ctx
  const documentStatus = new DocumentSyncStatus(ctx.repo, sync.trusted, sync.members, (deviceId) => sync.service.isConnected(deviceId))

  function view(device: TrustedDevice): PairedDevice {
    const { certificatePem: _certificate, ...rest } = device
    return { ...rest, shownId: formatDeviceId(device.deviceId), online: sync.service.isConnected(device.deviceId) }
  }

  function noteTitle(noteId: string): string {
    ctx.indexer.flushPending()
    const note = ctx.notesIndex.get(noteId)
    if (!note || note.trashed) throw new ApiError('not-found', 'This note does not exist (it may have been deleted).')
    return note.title.trim() || 'Untitled note'
  }

  function relayView() {
    const relay = sync.relay.status()
    return { url: relay.url, state: relay.state, lastError: relay.lastError, relayed: relay.relayed.length }
  }

  /** The relay's refusals (a bad address, a personal document) are the caller's to fix. */
  function relayCall<T>(run: () => T): T {
    try {
      return run()
    } catch (error) {
      if (error instanceof RelayError) throw new ApiError('bad-request', error.message)
      throw error
    }
  }

  return {
    'sync.status': () => {
      const status = sync.service.status()
      const pairingPort = sync.pairing.port
      return {
        deviceId: sync.identity.deviceId,
        shownId: formatDeviceId(sync.identity.deviceId),
        deviceName: sync.deviceName,
        listening: status.listening && pairingPort !== undefined ? { port: status.listening.port, pairingPort } : null,
        devices: sync.trusted.list().map(view),
        refusedHandshakes: status.refusedHandshakes,
        cutOff: status.cutOff,
        relay: relayView(),
        workspace: workspaceProgress(ctx.storage, ctx.workspace),
      }
    },

    'sync.createInvite': ({ relation, contactId, noteIds, role, validForMinutes }) => {
      if (contactId) assertContactsExist(ctx.network, [contactId])
      if (sync.pairing.port === undefined) throw new ApiError('bad-request', 'This device is not accepting other devices right now, so an invite would not work. Turn sync on first.')
      if (relation === 'own' && noteIds.length > 0) throw new ApiError('bad-request', 'An own device gets everything; do not list notes for it.')
      const shares = noteIds.map((documentId) => ({ documentId, title: noteTitle(documentId), role }))
      const { code, link, payload } = sync.pairing.createInvite({ relation, contactId, shares, validForMinutes })
      return { code, link, expiresAt: payload.expiresAt, addresses: payload.addresses, relation, shares: payload.shares }
    },

    'sync.acceptInvite': async ({ code, contactId }) => {
      if (contactId) assertContactsExist(ctx.network, [contactId])
      let accepted
      try {
        accepted = await sync.pairing.acceptInvite(code, { name: sync.deviceName, contactId })
      } catch (error) {
        if (error instanceof InviteError || error instanceof InviteCodeError) throw new ApiError('bad-request', error.message)
        throw error
      }
      const result = { device: view(accepted.device), shares: accepted.shares }
      if (accepted.device.relation === 'contact') listSharedNotes(ctx.workspace, accepted.shares)
      if (!accepted.workspaceUrl || !isValidAutomergeUrl(accepted.workspaceUrl)) return result
      // Another device of this person: take on its workspace (this device's own lists are merged in).
      if (!(await sync.service.waitForLink(accepted.device.deviceId, workspaceWaitMs)))
        throw new ApiError('internal', `Paired with ${accepted.device.name}, but could not reach it to copy your workspace. Keep both devices on and try again from Devices.`)
      await adoptWorkspace(ctx.repo, ctx.meta, ctx.workspace, accepted.workspaceUrl)
      return { ...result, workspaceUrl: accepted.workspaceUrl, restartRequired: true as const }
    },

    'sync.connectDevice': async ({ deviceId, address }) => {
      if (!sync.trusted.active(deviceId)) throw new ApiError('not-found', 'No paired device has this id (or it was removed).')
      try {
        await sync.service.connectTo(deviceId, address)
        await sync.service.waitForLink(deviceId, 10_000)
      } catch (error) {
        throw new ApiError('bad-request', error instanceof Error ? error.message : String(error))
      }
      return { device: view(sync.trusted.active(deviceId)!) }
    },

    'sync.documentStatus': ({ documentIds }) => ({
      documents: [...new Set(documentIds)].map((documentId) => ({ documentId, devices: documentStatus.of(documentId) })),
    }),

    'sync.linkContact': ({ deviceId, contactId }) => {
      const device = sync.trusted.get(deviceId)
      if (!device) throw new ApiError('not-found', 'No paired device has this id.')
      if (device.relation === 'own') throw new ApiError('bad-request', 'This is one of your own devices, not a colleague’s.')
      if (contactId !== null) {
        ctx.network.indexer.flushPending()
        assertContactsExist(ctx.network, [contactId])
      }
      sync.trusted.setContact(deviceId, contactId)
      return { device: view(sync.trusted.get(deviceId)!) }
    },

    'sync.revokeDevice': ({ deviceId }) => {
      if (!sync.trusted.get(deviceId)) throw new ApiError('not-found', 'No paired device has this id.')
      return { revoked: sync.trusted.revoke(deviceId) }
    },

    'sync.noteMembers': ({ noteId }) => {
      noteTitle(noteId)
      return { members: sync.members.membersOf(noteId), relayed: sync.relay.isMarked(noteId) }
    },

    'sync.setRelay': ({ url }) => relayCall(() => {
      if (url === null) sync.relay.disconnect({ forget: true })
      else sync.relay.connect(url)
      return { relay: relayView() }
    }),

    'sync.setNoteRelayed': ({ noteId, relayed }) => {
      noteTitle(noteId)
      if (!relayed) {
        sync.relay.unmark(noteId)
        return { relayed: false }
      }
      if (sync.relay.status().url === null) throw new ApiError('bad-request', 'No relay is set for this device. Add one under Devices and sharing first.')
      if (sync.members.membersOf(noteId).length === 0) throw new ApiError('bad-request', 'This note is shared with nobody, so it cannot go through the relay. Share it with a colleague first.')
      return relayCall(() => {
        sync.relay.mark(noteId)
        return { relayed: true }
      })
    },

    'sync.setNoteMember': async ({ noteId, deviceId, role }) => {
      noteTitle(noteId)
      const device = sync.trusted.active(deviceId)
      if (!device) throw new ApiError('not-found', 'No paired device has this id (or it was removed).')
      if (device.relation === 'own') throw new ApiError('bad-request', 'Your own devices already get every note.')
      // The colleague's device learns of it through the share list the two devices keep.
      if (role === null) {
        sync.members.remove(noteId, deviceId)
        await sync.shareLists.withdraw(deviceId, noteId)
      } else {
        sync.members.add(noteId, deviceId, role)
        await sync.shareLists.offer(deviceId, { documentId: noteId, url: `automerge:${noteId}`, title: noteTitle(noteId), role, kind: 'note' })
      }
      return { members: sync.members.membersOf(noteId) }
    },
  } satisfies HandlersFor<SyncMethod>
}
