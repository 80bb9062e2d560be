/**
 * What projects and circles (the shared spaces) have in common. Members and authors live in the
 * document itself, so every member sees the same roles and names; who may sync the document is
 * decided locally by the core (document_members, see SyncAccess).
 */
export type SpaceKind = 'project' | 'circle'
export type SpaceRole = 'owner' | 'editor' | 'viewer'

/** A member, keyed by device id in `members`. */
export interface SpaceMember {
  name: string
  role: SpaceRole
  addedAt: number
}

/**
 * Who wrote with an Automerge actor, keyed by actor id (hex) in `authors`. Each client that writes
 * (the core, a renderer tab) registers its actor once, so history can name the author of a change.
 */
export interface SpaceAuthor {
  deviceId: string
  name: string
}

export type SpaceMembers = { [deviceId: string]: SpaceMember }
export type SpaceAuthors = { [actorId: string]: SpaceAuthor }
