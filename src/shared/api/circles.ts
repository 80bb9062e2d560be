import { z } from 'zod'
import type { Rsvp } from '../spaces/CircleDoc'
import type { SpaceRole } from '../spaces/SpaceCommon'

export const circleLimits = {
  nameChars: 200,
  descriptionChars: 2_000,
  titleChars: 300,
  messageChars: 10_000,
  announcementChars: 4_000,
  howUsedChars: 4_000,
  placeChars: 500,
  urlChars: 2_000,
  fileNameChars: 255,
  /** The largest file a resource may carry; it lives in its own document, synced to members. */
  fileBytes: 10 * 1024 * 1024,
} as const

/** The reactions a message can get: a small fixed set, so counts stay readable and nothing odd is stored. */
export const circleReactions = ['👍', '❤️', '🎉', '💡', '🙏'] as const
export type CircleReaction = (typeof circleReactions)[number]

export const circleRsvpAnswers = ['yes', 'maybe', 'no'] as const satisfies readonly Rsvp[]

export interface CircleReactionCount {
  emoji: CircleReaction
  count: number
  mine: boolean
}

export interface CircleReplyView {
  id: string
  author: string
  authorName: string
  body: string
  createdAt: number
  reactions: CircleReactionCount[]
  /** Its author or the circle's owner. */
  canDelete: boolean
}

export interface CircleThreadView {
  id: string
  title: string
  body: string
  author: string
  authorName: string
  createdAt: number
  /** The latest of its start and its replies; threads are listed by it, newest first. */
  lastActivityAt: number
  replies: CircleReplyView[]
  reactions: CircleReactionCount[]
  canDelete: boolean
}

export interface CircleResourceView {
  id: string
  title: string
  url: string | null
  file: { name: string; mediaType: string; size: number } | null
  howUsed: string
  addedBy: string
  addedByName: string
  addedAt: number
  canRemove: boolean
}

export interface CircleMeetupView {
  id: string
  title: string
  startsAt: string
  endsAt: string
  place: string
  onlineUrl: string | null
  rsvpCounts: Record<Rsvp, number>
  myRsvp: Rsvp | null
  /** Ended before now; past meetups come after the upcoming ones. */
  past: boolean
  createdBy: string
}

/** A circle as its page shows it, read defensively from the document (a peer may write any shape). */
export interface CircleView {
  id: string
  url: string
  name: string
  description: string
  communityId: string | null
  myRole: SpaceRole
  myDeviceId: string
  members: Array<{ deviceId: string; name: string; role: SpaceRole; isMe: boolean }>
  announcement: { text: string; authorName: string; at: number } | null
  threads: CircleThreadView[]
  resources: CircleResourceView[]
  meetups: CircleMeetupView[]
  createdAt: number
  archivedAt: number | null
  /** Saved by a newer Staffroom: shown read-only. */
  readOnlyReason: string | null
}

export interface CircleFileDownload {
  fileName: string
  mediaType: string
  base64: string
  bytes: number
}

export interface CircleCalendarFile {
  fileName: string
  mimeType: string
  text: string
}

const circleId = z.string().min(1).max(64)
const itemId = z.string().min(1).max(64)
const httpLink = z
  .string()
  .trim()
  .max(circleLimits.urlChars)
  .regex(/^https?:\/\/[^\s/]+\S*$/i, 'A link starts with http:// or https://.')
const isoWithOffset = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'A time is ISO 8601 with its offset, e.g. 2026-03-05T16:00+01:00.')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'This is not a real date and time.')
const message = (what: string) => z.string().trim().min(1, `Write ${what}.`).max(circleLimits.messageChars)
/** Base64 of at most fileBytes (the core checks the decoded size too and says so). */
const base64File = z
  .string()
  .max(Math.ceil(circleLimits.fileBytes / 3) * 4, 'A file in a circle can be at most 10 MB.')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file is not valid base64.')

export const circlesArgs = {
  /** A new circle with this device as its owner, listed in the workspace. */
  'circles.create': z.object({
    name: z.string().trim().min(1, 'Give the circle a name.').max(circleLimits.nameChars),
    description: z.string().trim().max(circleLimits.descriptionChars).default(''),
    communityId: z.string().min(1).max(64).nullable().default(null),
  }),
  'circles.get': z.object({ circleId }),
  /** Name, description, archive; the owner's to change. */
  'circles.update': z.object({
    circleId,
    name: z.string().trim().min(1, 'Give the circle a name.').max(circleLimits.nameChars).optional(),
    description: z.string().trim().max(circleLimits.descriptionChars).optional(),
    archived: z.boolean().optional(),
  }),
  /** The pinned announcement (owner only); null takes it down. */
  'circles.setAnnouncement': z.object({ circleId, text: z.string().trim().min(1, 'Write the announcement.').max(circleLimits.announcementChars).nullable() }),
  'circles.addThread': z.object({ circleId, title: z.string().trim().min(1, 'Give the thread a title.').max(circleLimits.titleChars), body: z.string().trim().max(circleLimits.messageChars).default('') }),
  'circles.reply': z.object({ circleId, threadId: itemId, body: message('a reply') }),
  /** Adds (on) or takes back (off) this device's reaction to a thread, or to one of its replies. */
  'circles.react': z.object({ circleId, threadId: itemId, replyId: itemId.nullable().default(null), emoji: z.enum(circleReactions), on: z.boolean() }),
  /** A thread (with its replies) or one reply; its author or the owner may. */
  'circles.deleteMessage': z.object({ circleId, threadId: itemId, replyId: itemId.nullable().default(null) }),
  /** A link (http or https) or a file (base64, up to 10 MB), with how it was used in class. */
  'circles.addResource': z.object({
    circleId,
    title: z.string().trim().max(circleLimits.titleChars).default(''),
    howUsed: z.string().trim().max(circleLimits.howUsedChars).default(''),
    link: httpLink.nullable().default(null),
    file: z
      .object({
        name: z.string().trim().min(1, 'The file needs a name.').max(circleLimits.fileNameChars),
        mediaType: z.string().max(200).default('application/octet-stream'),
        base64: base64File,
      })
      .nullable()
      .default(null),
  }),
  /** A file resource's bytes, for a member; it may still be on its way from another member's device. */
  'circles.downloadFile': z.object({ circleId, resourceId: itemId }),
  'circles.removeResource': z.object({ circleId, resourceId: itemId }),
  'circles.addMeetup': z.object({
    circleId,
    title: z.string().trim().min(1, 'Give the meetup a title.').max(circleLimits.titleChars),
    startsAt: isoWithOffset,
    endsAt: isoWithOffset,
    place: z.string().trim().max(circleLimits.placeChars).default(''),
    onlineUrl: httpLink.nullable().default(null),
  }),
  'circles.rsvp': z.object({ circleId, meetupId: itemId, answer: z.enum(circleRsvpAnswers) }),
  /** One meetup, or (no meetupId) every upcoming one, as an iCalendar file. */
  'circles.meetupIcs': z.object({ circleId, meetupId: itemId.nullable().default(null) }),
}

export interface CirclesResults {
  'circles.create': { circle: CircleView }
  'circles.get': { circle: CircleView }
  'circles.update': { circle: CircleView }
  'circles.setAnnouncement': { circle: CircleView }
  'circles.addThread': { circle: CircleView; threadId: string }
  'circles.reply': { circle: CircleView; replyId: string }
  'circles.react': { circle: CircleView }
  'circles.deleteMessage': { circle: CircleView }
  'circles.addResource': { circle: CircleView; resourceId: string }
  'circles.downloadFile': CircleFileDownload
  'circles.removeResource': { circle: CircleView }
  'circles.addMeetup': { circle: CircleView; meetupId: string }
  'circles.rsvp': { circle: CircleView }
  'circles.meetupIcs': CircleCalendarFile
}
