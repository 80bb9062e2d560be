import { z } from 'zod'
import type { SpaceKind, SpaceRole } from '../spaces/SpaceCommon'
import type { DeviceDocumentStatus } from './sync'

const id = z.string().min(1).max(64)

/** One shared space (a lesson project or a circle) in the shared spaces list. */
export interface SpaceSummary {
  id: string
  kind: SpaceKind
  title: string
  /** Project: subject and grade; circle: its description, shortened. */
  subtitle: string
  members: Array<{ deviceId: string; name: string; role: SpaceRole }>
  myRole: SpaceRole
  /** Latest change time among the document's heads; null before it arrived here. */
  changedAt: number | null
  /** Changes by others since this device last opened it (0 when none or never changed). */
  unreadChanges: number
  /** Never opened on this device. */
  neverOpened: boolean
  archived: boolean
  /** False while the document has not arrived from a member's device yet. */
  present: boolean
  /** Also synced through the profile's relay (see sync.setRelay). */
  relayed: boolean
  /** Per colleague device that syncs it: synced / pending / unknown (see sync.documentStatus). */
  sync: DeviceDocumentStatus[]
}

export const spacesArgs = {
  /** Projects and circles, most recently changed first. */
  'spaces.list': z.object({ kind: z.enum(['project', 'circle']).optional(), includeArchived: z.boolean().default(false) }),
  /** Marks a space as read up to its current state (the page calls it when open and on changes). */
  'spaces.markSeen': z.object({ spaceId: id }),
  /**
   * Adds a paired colleague's device to a space with a role, changes the role, or removes it
   * (role null). Only the owner may; the colleague's device learns of it through the share list.
   */
  'spaces.setMember': z.object({
    spaceId: id,
    deviceId: z.string().regex(/^[A-Z2-7]{52}$/, 'A device id is 52 letters and digits.'),
    role: z.enum(['editor', 'viewer']).nullable(),
  }),
  /**
   * Also syncs a space through the profile's relay, or stops (like sync.setNoteRelayed): refused
   * with a clear message when no relay is set or the space has no other member yet.
   */
  'spaces.setRelayed': z.object({ spaceId: id, relayed: z.boolean() }),
}

export interface SpacesResults {
  'spaces.list': { spaces: SpaceSummary[] }
  'spaces.markSeen': { ok: true }
  'spaces.setMember': { members: SpaceSummary['members'] }
  'spaces.setRelayed': { relayed: boolean }
}
