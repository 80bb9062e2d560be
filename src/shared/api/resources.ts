import { z } from 'zod'
import { limits } from '../limits'
import { resourceDirections, resourceFields, resourceTypes, type Resource } from '../network/records'
import { patchSchema } from '../network/patchSchema'
import type { SpaceKind } from '../spaces/SpaceCommon'
import { projectLimits } from './projects'
import { dateArg, deletedFilter, direction, page, recordId, type ContactRef, type UndoReceipt } from './networkCommon'
import type { TagCount } from './notes'

/** The project or circle a resource was shared into, as the library names it. */
export interface ResourceSpaceRef {
  id: string
  /** null when the space is no longer listed here (removed, or left). */
  kind: SpaceKind | null
  /** Empty while the space's document has not arrived on this device. */
  title: string
}

/** One entry of the resources ledger, as the library lists it. */
export interface ResourceRow {
  id: string
  title: string
  type: Resource['type']
  url: string | null
  direction: Resource['direction']
  date: string
  /** Who gave it (received) or who it went to (given), by name. */
  contacts: ContactRef[]
  space: ResourceSpaceRef | null
  communityId: string | null
  readingId: string | null
  usedIn: string[]
  tags: string[]
  deleted: boolean
  createdAt: number
  updatedAt: number
}

/** How many resources went to and came from one person: the reciprocity figures' source. */
export interface ResourcePersonCount {
  contact: ContactRef
  given: number
  received: number
}

/** The ledger's own rule for links (http or https only), so a shared link always fits its entry. */
const httpUrl = resourceFields.shape.url.unwrap().unwrap()

export const resourcesArgs = {
  'resources.create': z.object({ fields: resourceFields }),
  'resources.update': z.object({ id: recordId, patch: patchSchema(resourceFields) }),
  'resources.get': z.object({ id: recordId }),
  'resources.list': z.object({
    query: z.string().max(limits.searchQueryChars).optional(),
    direction: z.enum(resourceDirections).optional(),
    type: z.enum(resourceTypes).optional(),
    contactId: recordId.optional(),
    spaceId: recordId.optional(),
    tag: z.string().trim().min(1).max(limits.tagChars).optional(),
    from: dateArg.optional(),
    to: dateArg.optional(),
    /** By date; named `order` because `direction` is given/received here. */
    order: direction.default('desc'),
    show: deletedFilter,
    ...page,
  }),
  'resources.tags': z.object({}),
  /** Per person: resources given to and received from them (live entries, optionally within from–to). */
  'resources.people': z.object({ from: dateArg.optional(), to: dateArg.optional() }),
  'resources.delete': z.object({ id: recordId }),
  'resources.restore': z.object({ id: recordId }),
  /**
   * Adds a link to a project's resources or a circle's resources, then records it in the ledger as
   * given, to the contacts linked to the space's other members' devices. `today` is the UI's local
   * day (the entry's date); defaults to the core's UTC day.
   */
  'resources.shareToSpace': z.object({
    spaceKind: z.enum(['project', 'circle']),
    spaceId: recordId,
    title: z.string().trim().min(1, 'Give the link a title.').max(projectLimits.titleChars),
    url: httpUrl,
    /** The project resource's note, or the circle resource's "how it was used". */
    note: z.string().trim().max(projectLimits.noteChars).default(''),
    readingId: recordId.nullable().default(null),
    today: dateArg.optional(),
  }),
}

export interface ResourcesResults {
  'resources.create': { resource: Resource; row: ResourceRow }
  'resources.update': { resource: Resource; row: ResourceRow }
  'resources.get': { resource: Resource; row: ResourceRow }
  'resources.list': { rows: ResourceRow[]; total: number }
  'resources.tags': { tags: TagCount[] }
  'resources.people': { people: ResourcePersonCount[] }
  'resources.delete': UndoReceipt
  'resources.restore': { resource: Resource; row: ResourceRow }
  'resources.shareToSpace': { resource: Resource; row: ResourceRow; space: ResourceSpaceRef; spaceResourceId: string }
}
