import * as A from '@automerge/automerge'
import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo'
import type { HandlersFor } from '@shared/api'
import type { SpaceSummary, spacesArgs } from '@shared/api/spaces'
import { ApiError } from '@shared/errors'
import type { SpaceKind } from '@shared/spaces/SpaceCommon'
import { latestChangeTime } from '../index/projectNote'
import { memberList, myRole } from '../spaces/projectView'
import { changeSpace, myDevices, workspaceSpaces, type SpaceDoc } from '../spaces/spaceDocuments'
import { loadedSpace, spaceTitle } from '../spaces/loadedSpace'
import { SpaceSeen } from '../spaces/SpaceSeen'
import { DocumentSyncStatus } from '../sync/DocumentSyncStatus'
import { RelayError } from '../sync/RelayedDocuments'
import type { CoreContext } from './CoreContext'

type SpacesMethod = keyof typeof spacesArgs

export function spacesHandlers(ctx: CoreContext) {
  const seen = ctx.spaceSeen
  const documentStatus = new DocumentSyncStatus(ctx.repo, ctx.sync.trusted, ctx.sync.members, (deviceId) => ctx.sync.service.isConnected(deviceId))
  const myDeviceId = () => ctx.sync.identity.deviceId

  const loaded = (url: AutomergeUrl) => loadedSpace(ctx, url)

  /** `mine`: this person's devices, read once per list. */
  const summary = (id: string, kind: SpaceKind, handle: DocHandle<SpaceDoc> | undefined, mine: ReadonlySet<string>): SpaceSummary => {
    const base = { id, kind, sync: documentStatus.of(id), relayed: ctx.sync.relay.isMarked(id) }
    if (!handle) return { ...base, title: '', subtitle: '', members: [], myRole: 'viewer', changedAt: null, unreadChanges: 0, neverOpened: true, archived: false, present: false }
    const doc = handle.doc()
    const seenHeads = seen.headsOf(id)
    const authors = doc.authors ?? {}
    const subtitle = doc.kind === 'project' ? [doc.subject, doc.grade].filter((s) => typeof s === 'string' && s).join(' · ') : typeof doc.description === 'string' ? doc.description.slice(0, 140) : ''
    return {
      ...base,
      title: spaceTitle(doc),
      subtitle,
      members: memberList(doc.members, myDeviceId()).map(({ deviceId, name, role }) => ({ deviceId, name, role })),
      myRole: myRole(doc.members, mine),
      changedAt: latestChangeTime(doc, A.getHeads(doc)) || null,
      unreadChanges: SpaceSeen.unreadChanges(doc, seenHeads ?? [], (actor) => mine.has(authors[actor]?.deviceId ?? '')),
      neverOpened: seenHeads === undefined,
      archived: typeof doc.archivedAt === 'number',
      present: true,
    }
  }

  const kindOf = (spaceId: string): SpaceKind => {
    if (workspaceSpaces(ctx.workspace, 'project').has(spaceId)) return 'project'
    if (workspaceSpaces(ctx.workspace, 'circle').has(spaceId)) return 'circle'
    throw new ApiError('not-found', 'This shared space does not exist here (it may have been removed).')
  }

  return {
    'spaces.list': async ({ kind, includeArchived }) => {
      const kinds: SpaceKind[] = kind ? [kind] : ['project', 'circle']
      const entries = kinds.flatMap((k) => [...workspaceSpaces(ctx.workspace, k)].map(([id, url]) => ({ id, url, kind: k })))
      const mine = myDevices(ctx)
      const spaces = await Promise.all(entries.map(async ({ id, url, kind: k }) => summary(id, k, await loaded(url), mine)))
      return {
        spaces: spaces
          .filter((s) => includeArchived || !s.archived)
          .sort((a, b) => (b.changedAt ?? Number.MAX_SAFE_INTEGER) - (a.changedAt ?? Number.MAX_SAFE_INTEGER) || a.title.localeCompare(b.title)),
      }
    },

    'spaces.markSeen': async ({ spaceId }) => {
      const url = workspaceSpaces(ctx.workspace, kindOf(spaceId)).get(spaceId)!
      const handle = await loaded(url)
      if (handle) seen.mark(spaceId, A.getHeads(handle.doc()))
      return { ok: true as const }
    },

    'spaces.setMember': async ({ spaceId, deviceId, role }) => {
      const kind = kindOf(spaceId)
      const device = ctx.sync.trusted.active(deviceId)
      if (!device) throw new ApiError('not-found', 'No paired device has this id (or it was removed).')
      if (device.relation === 'own') throw new ApiError('bad-request', 'Your own devices already get every shared space.')
      const handle = await changeSpace(ctx, kind, spaceId, (doc) => {
        if (myRole(doc.members, myDevices(ctx)) !== 'owner') throw new ApiError('bad-request', 'Only the owner can change who is in this space.')
        if (role === null) delete doc.members[deviceId]
        else if (doc.members[deviceId]) doc.members[deviceId].role = role
        else doc.members[deviceId] = { name: device.name, role, addedAt: Date.now() }
      })
      const doc = handle.doc()
      if (role === null) {
        ctx.sync.members.remove(spaceId, deviceId)
        await ctx.sync.shareLists.withdraw(deviceId, spaceId)
      } else {
        ctx.sync.members.add(spaceId, deviceId, role)
        const title = String((doc.kind === 'project' ? doc.title : doc.name) ?? '').slice(0, 200)
        await ctx.sync.shareLists.offer(deviceId, { documentId: spaceId, url: handle.url, title, role, kind })
      }
      return { members: memberList(doc.members, myDeviceId()).map(({ deviceId: d, name, role: r }) => ({ deviceId: d, name, role: r })) }
    },

    'spaces.setRelayed': ({ spaceId, relayed }) => {
      kindOf(spaceId)
      if (!relayed) {
        ctx.sync.relay.unmark(spaceId)
        return { relayed: false }
      }
      if (ctx.sync.relay.status().url === null) throw new ApiError('bad-request', 'No relay is set for this device. Add one under Devices and sharing first.')
      if (ctx.sync.members.membersOf(spaceId).length === 0) throw new ApiError('bad-request', 'Nobody else is in this space yet, so there is nothing to relay. Add a member first.')
      try {
        ctx.sync.relay.mark(spaceId)
      } catch (error) {
        if (error instanceof RelayError) throw new ApiError('bad-request', error.message)
        throw error
      }
      return { relayed: true }
    },
  } satisfies HandlersFor<SpacesMethod>
}
