import type { HandlersFor } from '@shared/api'
import type { ResourceRow, resourcesArgs, ResourceSpaceRef } from '@shared/api/resources'
import { ApiError } from '@shared/errors'
import { resourceFields, type Resource, type ResourceFields } from '@shared/network/records'
import { normaliseTags } from '@shared/notes/tags'
import type { SpaceKind, SpaceMembers } from '@shared/spaces/SpaceCommon'
import type { LedgerRow } from '../index/network/ResourcesQueries'
import { assertContactsExist, restoreRecord, softDelete, todayOr } from '../network/recordOps'
import { loadedSpace, spaceTitle } from '../spaces/loadedSpace'
import { myDevices, workspaceSpaces } from '../spaces/spaceDocuments'
import { addCircleResource, addProjectResource } from '../spaces/spaceResources'
import type { CoreContext } from './CoreContext'

type ResourcesMethod = keyof typeof resourcesArgs

export function resourcesHandlers(ctx: CoreContext) {
  const { network } = ctx

  function kindOfSpace(spaceId: string): SpaceKind | null {
    if (workspaceSpaces(ctx.workspace, 'project').has(spaceId)) return 'project'
    if (workspaceSpaces(ctx.workspace, 'circle').has(spaceId)) return 'circle'
    return null
  }

  /** The space a row names, titled from its document when it is here, else from the index. */
  async function spaceOf(row: LedgerRow): Promise<ResourceSpaceRef | null> {
    if (row.spaceId === null) return null
    const kind = kindOfSpace(row.spaceId)
    const url = kind ? workspaceSpaces(ctx.workspace, kind).get(row.spaceId) : undefined
    const handle = url ? await loadedSpace(ctx, url) : undefined
    return { id: row.spaceId, kind, title: handle ? spaceTitle(handle.doc()) : (row.indexedSpaceTitle ?? '') }
  }

  async function named(rows: LedgerRow[]): Promise<ResourceRow[]> {
    const spaces = new Map<string, Promise<ResourceSpaceRef | null>>()
    return Promise.all(
      rows.map(async ({ spaceId, indexedSpaceTitle: _title, ...row }, index) => {
        if (spaceId !== null && !spaces.has(spaceId)) spaces.set(spaceId, spaceOf(rows[index]!))
        return { ...row, space: spaceId === null ? null : await spaces.get(spaceId)! }
      }),
    )
  }

  async function withRow(id: string): Promise<{ resource: Resource; row: ResourceRow }> {
    network.indexer.flushPending()
    const resource = await network.store.get('resource', id)
    const row = network.resources.row(id)
    if (!row) throw new ApiError('not-found', 'This resource is not indexed yet; try again in a moment.')
    return { resource, row: (await named([row]))[0]! }
  }

  /** Refuses links to records this profile does not have; tags are stored normalised. */
  async function clean<T extends Partial<ResourceFields>>(fields: T): Promise<T> {
    if (fields.contactIds) {
      network.indexer.flushPending()
      assertContactsExist(network, [...new Set(fields.contactIds)])
    }
    if (fields.spaceId && kindOfSpace(fields.spaceId) === null) throw new ApiError('bad-request', 'This project or circle does not exist here (it may have been removed).')
    if (fields.communityId) await network.store.get('community', fields.communityId)
    if (fields.readingId) await network.store.get('reading', fields.readingId)
    return fields.tags === undefined ? fields : { ...fields, tags: normaliseTags(fields.tags) }
  }

  /**
   * The contacts a share reaches: those linked (sync.linkContact) to the devices of the space's
   * other members. A member whose device is linked to no contact (or to one not in this profile) is left out.
   */
  function memberContacts(members: SpaceMembers | undefined): string[] {
    const mine = myDevices(ctx)
    const linked = Object.keys(members ?? {})
      .filter((deviceId) => !mine.has(deviceId))
      .map((deviceId) => ctx.sync.trusted.get(deviceId)?.contactId)
      .filter((contactId): contactId is string => typeof contactId === 'string')
    network.indexer.flushPending()
    return network.contacts.idsExist([...new Set(linked)])
  }

  return {
    'resources.create': async ({ fields }) => withRow((await network.store.create('resource', await clean(fields))).id),
    'resources.update': async ({ id, patch }) => {
      await network.store.update('resource', id, await clean(patch as Partial<ResourceFields>))
      return withRow(id)
    },
    'resources.get': ({ id }) => withRow(id),
    'resources.list': async (query) => {
      network.indexer.flushPending()
      const { rows, total } = network.resources.list(query)
      return { rows: await named(rows), total }
    },
    'resources.tags': () => {
      network.indexer.flushPending()
      return { tags: network.resources.tags() }
    },
    'resources.people': ({ from, to }) => {
      network.indexer.flushPending()
      return { people: network.resources.people({ from, to }) }
    },
    'resources.delete': ({ id }) => softDelete(network, 'resource', [id]),
    'resources.restore': async ({ id }) => {
      await restoreRecord(network, 'resource', id)
      return withRow(id)
    },
    'resources.shareToSpace': async ({ spaceKind, spaceId, title, url, note, readingId, today }) => {
      // Checked before the space is written, so a bad reading id leaves the space untouched.
      if (readingId) await network.store.get('reading', readingId)
      const added =
        spaceKind === 'project'
          ? await addProjectResource(ctx, spaceId, { title, url, note })
          : await addCircleResource(ctx, spaceId, { title, url, file: null, howUsed: note })
      const doc = added.handle.doc()
      const fields = resourceFields.parse({ title, type: 'link', url, direction: 'given', contactIds: memberContacts(doc.members), date: todayOr(today), spaceId, readingId, notes: note })
      const { resource, row } = await withRow((await network.store.create('resource', fields)).id)
      return { resource, row, space: { id: spaceId, kind: spaceKind, title: spaceTitle(doc) }, spaceResourceId: added.resourceId }
    },
  } satisfies HandlersFor<ResourcesMethod>
}
