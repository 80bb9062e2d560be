import * as A from '@automerge/automerge'
import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo'
import { ApiError } from '@shared/errors'
import type { CircleDoc } from '@shared/spaces/CircleDoc'
import { isFromNewerApp, repairCircle, repairProject, spaceNeedsRepair } from '@shared/spaces/migrateSpace'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import type { SpaceAuthor, SpaceKind } from '@shared/spaces/SpaceCommon'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import type { CoreContext } from '../api/CoreContext'
import { myRole } from './projectView'
import { isKnownValidUrl } from '../workspace/knownValidUrl'

export type SpaceDoc = ProjectDoc | CircleDoc
type DocOf<K extends SpaceKind> = K extends 'project' ? ProjectDoc : CircleDoc

const listKey = { project: 'projects', circle: 'circles' } as const
const noun = { project: 'project', circle: 'circle' } as const

/**
 * Per workspace snapshot, the spaces already read from it. Indexers and access checks ask on every
 * sync message, and checking each URL hashes it twice (bs58check), so a list is read once per
 * workspace version (Automerge documents are immutable snapshots: a change makes a new object).
 */
const spacesBySnapshot = new WeakMap<object, Partial<Record<SpaceKind, ReadonlyMap<string, AutomergeUrl>>>>()

/** The spaces of one kind listed in the workspace, read defensively (a peer may write any shape). */
export function workspaceSpaces(workspace: DocHandle<WorkspaceDoc>, kind: SpaceKind): ReadonlyMap<string, AutomergeUrl> {
  const doc = workspace.doc()
  let read = spacesBySnapshot.get(doc)
  if (!read) spacesBySnapshot.set(doc, (read = {}))
  const known = read[kind]
  if (known) return known
  const listed: unknown = doc[listKey[kind]]
  const result = new Map<string, AutomergeUrl>()
  if (typeof listed === 'object' && listed !== null) {
    for (const [id, url] of Object.entries(listed)) if (typeof url === 'string' && isKnownValidUrl(url)) result.set(id, url)
  }
  read[kind] = result
  return result
}

/** Lists spaces in the workspace (made here, or shared by a colleague). */
export function listSpaces(workspace: DocHandle<WorkspaceDoc>, kind: SpaceKind, urls: readonly AutomergeUrl[]): void {
  const listed = workspaceSpaces(workspace, kind)
  const fresh = urls.filter((url) => !listed.has(url.slice('automerge:'.length)))
  if (fresh.length === 0) return
  workspace.change((doc) => {
    const key = listKey[kind]
    if (typeof doc[key] !== 'object' || doc[key] === null) doc[key] = {}
    for (const url of fresh) doc[key][url.slice('automerge:'.length)] = url
  })
}

/** Who this device writes as: its device id and the profile's name (or the device's name). */
export function currentAuthor(ctx: CoreContext): SpaceAuthor {
  const profileName = ctx.workspace.doc().profile?.name
  return { deviceId: ctx.sync.identity.deviceId, name: (typeof profileName === 'string' && profileName.trim()) || ctx.sync.deviceName }
}

/** This person's devices: this one and their own paired devices (roles are per person). */
export function myDevices(ctx: CoreContext): ReadonlySet<string> {
  return new Set([ctx.sync.identity.deviceId, ...ctx.sync.trusted.activeList().filter((d) => d.relation === 'own').map((d) => d.deviceId)])
}

/**
 * A space by id, for reading. Only spaces listed in the workspace are reachable, so an id from a
 * request can never open another document. A partial document from a peer is repaired on open,
 * unless a newer app wrote it (then it is left exactly as it is).
 */
export async function findSpaceDocument<K extends SpaceKind>(ctx: CoreContext, kind: K, id: string): Promise<DocHandle<DocOf<K>>> {
  const url = workspaceSpaces(ctx.workspace, kind).get(id)
  if (!url) throw new ApiError('not-found', `This ${noun[kind]} does not exist here (it may have been removed).`)
  let handle: DocHandle<DocOf<K>>
  try {
    handle = await ctx.repo.find<DocOf<K>>(url)
  } catch {
    throw new ApiError('not-found', `This ${noun[kind]} is not on this device yet; it arrives when a member's device is online.`)
  }
  const doc = handle.doc() as unknown as Record<string, unknown>
  if (doc.kind !== undefined && doc.kind !== kind) throw new ApiError('not-found', `This document is not a ${noun[kind]}.`)
  if (!isFromNewerApp(doc) && spaceNeedsRepair(doc, kind)) {
    handle.change((d) => (kind === 'project' ? repairProject(d as ProjectDoc) : repairCircle(d as CircleDoc)))
  }
  return handle
}

export interface ChangeSpaceOptions {
  /** For writes a viewer may make too (comments: discussing a plan is not editing it). */
  viewersMayWrite?: boolean
}

/**
 * Changes a space as this device's author: refuses documents a newer app wrote (writing could
 * drop what this version does not understand) and viewers, and registers the core's Automerge
 * actor under the author so history can name who made each change.
 */
export async function changeSpace<K extends SpaceKind>(ctx: CoreContext, kind: K, id: string, change: (doc: DocOf<K>, author: SpaceAuthor) => void, options: ChangeSpaceOptions = {}): Promise<DocHandle<DocOf<K>>> {
  const handle = await findSpaceDocument(ctx, kind, id)
  const doc = handle.doc()
  if (isFromNewerApp(doc)) throw new ApiError('bad-request', `This ${noun[kind]} was saved by a newer version of Staffroom; update Staffroom to edit it. It is shown read-only.`)
  const author = currentAuthor(ctx)
  if (!options.viewersMayWrite && myRole(doc.members, myDevices(ctx)) === 'viewer') throw new ApiError('bad-request', `You can view this ${noun[kind]} but not change it; ask its owner for editor access.`)
  const actor = A.getActorId(doc)
  handle.change((d) => {
    const known = d.authors[actor]
    if (!known || known.deviceId !== author.deviceId || known.name !== author.name) d.authors[actor] = { ...author }
    change(d as DocOf<K>, author)
  })
  return handle
}
