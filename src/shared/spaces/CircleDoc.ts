import type { SpaceAuthors, SpaceMembers } from './SpaceCommon'

/** Emoji → device ids that reacted with it. */
export type Reactions = { [emoji: string]: { [deviceId: string]: true } }

export interface ThreadReply {
  id: string
  author: string
  authorName: string
  body: string
  createdAt: number
  reactions: Reactions
}

export interface DiscussionThread {
  id: string
  title: string
  body: string
  author: string
  authorName: string
  createdAt: number
  replies: { [replyId: string]: ThreadReply }
  reactions: Reactions
}

export interface CircleFile {
  name: string
  mediaType: string
  size: number
  /** URL of the Automerge document holding the bytes, so the circle document itself stays small. */
  url: string
}

export interface CircleResource {
  id: string
  title: string
  url: string | null
  file: CircleFile | null
  /** How it was used in class. */
  howUsed: string
  addedBy: string
  addedByName: string
  addedAt: number
}

export type Rsvp = 'yes' | 'maybe' | 'no'

export interface Meetup {
  id: string
  title: string
  /** ISO 8601 with offset. */
  startsAt: string
  endsAt: string
  place: string
  onlineUrl: string | null
  rsvps: { [deviceId: string]: Rsvp }
  createdBy: string
  createdAt: number
}

/** A shared space for a community: discussion, a pinned announcement, resources and meetups. */
export interface CircleDoc {
  kind: 'circle'
  schemaVersion: number
  name: string
  description: string
  /** Id of the community record this circle serves in the owner's network, or null. */
  communityId: string | null
  announcement: { text: string; author: string; authorName: string; at: number } | null
  members: SpaceMembers
  authors: SpaceAuthors
  threads: { [threadId: string]: DiscussionThread }
  resources: { [resourceId: string]: CircleResource }
  meetups: { [meetupId: string]: Meetup }
  createdAt: number
  archivedAt: number | null
}

export const circleSchemaVersion = 1
