import { z } from 'zod'

/**
 * The learning network's records, defined once as zod schemas: they validate RPC arguments,
 * imported files and what a peer wrote into a document, and the TypeScript types come from them.
 * Dates are ISO `YYYY-MM-DD` strings (a teacher's day, no time zone surprises); instants are epoch ms.
 */

const text = (max: number) => z.string().trim().max(max)
const id = z.string().min(1).max(64)
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(/^https?:\/\/\S+$/i, 'Expected an http(s) address')
const list = (max: number, item = text(80)) => z.array(item).max(max)

export const recordKinds = ['contact', 'interaction', 'community', 'event', 'goal', 'journal', 'resource', 'reading', 'feed', 'checkin'] as const
export type RecordKind = (typeof recordKinds)[number]

/** Fields every record has; the core sets them, callers never do. */
export const recordMeta = z.object({
  id,
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Set when deleted: the record stays (undo, history) until the trash is emptied. */
  deletedAt: z.number().nullable(),
})
export type RecordMeta = z.infer<typeof recordMeta>

export const channelKinds = ['email', 'phone', 'social', 'website', 'other'] as const
export const contactChannel = z.object({
  kind: z.enum(channelKinds),
  /** e.g. "work", "Mastodon", "Bluesky". */
  label: text(40).default(''),
  value: text(300),
})
export type ContactChannel = z.infer<typeof contactChannel>

export const relationshipKinds = ['colleague', 'mentor', 'mentee', 'introduced-by', 'co-author', 'friend', 'other'] as const

export const contactFields = z.object({
  name: text(200).min(1, 'A contact needs a name'),
  pronouns: text(40).default(''),
  role: text(200).default(''),
  organisation: text(200).default(''),
  subjects: list(30).default([]),
  gradeLevels: list(30).default([]),
  location: text(200).default(''),
  channels: z.array(contactChannel).max(30).default([]),
  metHow: text(500).default(''),
  metWhere: text(200).default(''),
  /** The contact who introduced you. */
  metThroughId: id.nullable().default(null),
  interests: list(30).default([]),
  tags: list(30, text(40)).default([]),
  notes: text(20_000).default(''),
  relationships: z.array(z.object({ contactId: id, kind: z.enum(relationshipKinds) })).max(100).default([]),
  thoughtLeader: z.boolean().default(false),
  feedUrl: httpUrl.nullable().default(null),
  /** A small image as a data: URL (the UI scales photos down before saving). */
  photo: z
    .string()
    .max(200_000)
    .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, 'Expected a PNG, JPEG or WebP image')
    .nullable()
    .default(null),
  /** Keep in touch every N days; null = no cadence (a tag cadence may still apply). */
  cadenceDays: z.number().int().min(1).max(3650).nullable().default(null),
  /** "Losing touch" stays quiet for this contact until this day (snooze). */
  snoozedUntil: isoDate.nullable().default(null),
})
export type ContactFields = z.infer<typeof contactFields>
export type Contact = RecordMeta & ContactFields

export const interactionModes = ['online', 'in-person'] as const
export const interactionChannels = [
  'conversation',
  'forum',
  'social-media',
  'email',
  'message',
  'phone',
  'video-call',
  'meetup',
  'conference',
  'workshop',
  'school-visit',
  'other',
] as const
export const interactionKinds = [
  'conversation',
  'question-asked',
  'help-given',
  'help-received',
  'resource-shared',
  'resource-received',
  'collaboration',
  'feedback',
] as const

export const interactionFields = z.object({
  date: isoDate,
  contactIds: z.array(id).min(1, 'Pick at least one contact').max(200),
  communityId: id.nullable().default(null),
  eventId: id.nullable().default(null),
  mode: z.enum(interactionModes),
  channel: z.enum(interactionChannels).default('conversation'),
  kind: z.enum(interactionKinds).default('conversation'),
  summary: text(10_000).default(''),
  /** 0 = not rated, 1–3 = how meaningful it was. */
  meaningful: z.number().int().min(0).max(3).default(0),
  followUpOn: isoDate.nullable().default(null),
  followUpDone: z.boolean().default(false),
  /** The follow-up reminder stays quiet until this day (snooze). */
  followUpSnoozedUntil: isoDate.nullable().default(null),
})
export type InteractionFields = z.infer<typeof interactionFields>
export type Interaction = RecordMeta & InteractionFields

export const communityTypes = ['online-forum', 'social-group', 'plc', 'association', 'conference-series', 'meetup-group', 'other'] as const
export const membershipStatuses = ['member', 'interested', 'lurking', 'former'] as const

export const communityFields = z.object({
  name: text(200).min(1, 'A community needs a name'),
  type: z.enum(communityTypes).default('other'),
  mode: z.enum(['online', 'in-person', 'both']).default('online'),
  platformOrPlace: text(200).default(''),
  url: httpUrl.nullable().default(null),
  membership: z.enum(membershipStatuses).default('member'),
  role: text(100).default(''),
  goalIds: z.array(id).max(100).default([]),
  tags: list(30, text(40)).default([]),
  notes: text(20_000).default(''),
})
export type CommunityFields = z.infer<typeof communityFields>
export type Community = RecordMeta & CommunityFields

export const rsvpStates = ['none', 'going', 'maybe', 'not-going', 'attended'] as const

export const eventFields = z.object({
  title: text(200).min(1, 'An event needs a title'),
  /** Local date-time `YYYY-MM-DDTHH:mm`, or a date for all-day events. */
  startsAt: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'Expected YYYY-MM-DD or YYYY-MM-DDTHH:mm'),
  endsAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'Expected YYYY-MM-DD or YYYY-MM-DDTHH:mm')
    .nullable()
    .default(null),
  place: text(300).default(''),
  onlineUrl: httpUrl.nullable().default(null),
  communityId: id.nullable().default(null),
  attendeeIds: z.array(id).max(500).default([]),
  rsvp: z.enum(rsvpStates).default('none'),
  takeaways: text(20_000).default(''),
  tags: list(30, text(40)).default([]),
})
export type EventFields = z.infer<typeof eventFields>
export type NetworkEvent = RecordMeta & EventFields

/** What a countable goal counts, from the teacher's own records. */
export const goalTargetKinds = ['interactions', 'meaningful-conversations', 'in-person-interactions', 'events-attended', 'resources-shared', 'journal-entries', 'custom'] as const
export const goalStatuses = ['active', 'achieved', 'paused', 'dropped'] as const

export const goalFields = z.object({
  title: text(200).min(1, 'A goal needs a title'),
  why: text(5_000).default(''),
  growthArea: text(100).default(''),
  target: z
    .object({
      kind: z.enum(goalTargetKinds),
      count: z.number().int().min(1).max(100_000),
      /** For 'custom': progress is entered by hand. */
      manualProgress: z.number().int().min(0).max(100_000).default(0),
    })
    .nullable()
    .default(null),
  /** Counting starts here (default: the goal's creation day). */
  startsOn: isoDate.nullable().default(null),
  deadline: isoDate.nullable().default(null),
  status: z.enum(goalStatuses).default('active'),
  contactIds: z.array(id).max(500).default([]),
  communityIds: z.array(id).max(100).default([]),
})
export type GoalFields = z.infer<typeof goalFields>
export type Goal = RecordMeta & GoalFields

export const journalKinds = ['learning', 'setback', 'reflection'] as const

export const journalFields = z.object({
  date: isoDate,
  kind: z.enum(journalKinds).default('learning'),
  title: text(200).default(''),
  whatHappened: text(20_000).default(''),
  whatILearned: text(20_000).default(''),
  whatIWillTry: text(20_000).default(''),
  tags: list(30, text(40)).default([]),
  contactIds: z.array(id).max(200).default([]),
  goalIds: z.array(id).max(100).default([]),
  eventIds: z.array(id).max(100).default([]),
})
export type JournalFields = z.infer<typeof journalFields>
export type JournalEntry = RecordMeta & JournalFields

/** A resource given or received: the ledger the reciprocity figures come from. */
export const resourceTypes = ['link', 'file', 'lesson-plan', 'article', 'video', 'other'] as const
export const resourceDirections = ['given', 'received'] as const

export const resourceFields = z.object({
  title: text(300).min(1, 'A resource needs a title'),
  type: z.enum(resourceTypes).default('link'),
  url: httpUrl.nullable().default(null),
  direction: z.enum(resourceDirections),
  /** Who gave it (received) or who it went to (given). */
  contactIds: z.array(id).max(200).default([]),
  date: isoDate,
  /** The project or circle document it was shared into, if any. */
  spaceId: id.nullable().default(null),
  communityId: id.nullable().default(null),
  /** The reading-list item it came from, if any. */
  readingId: id.nullable().default(null),
  /** Where it was used: lessons, classes, units. */
  usedIn: list(30, text(200)).default([]),
  tags: list(30, text(40)).default([]),
  notes: text(20_000).default(''),
})
export type ResourceFields = z.infer<typeof resourceFields>
export type Resource = RecordMeta & ResourceFields

/** A reading-list item: an article, paper or post the teacher means to read and use. */
export const readingStatuses = ['to-read', 'reading', 'read', 'applied'] as const

export const readingFields = z.object({
  title: text(300).min(1, 'A reading needs a title'),
  url: httpUrl.nullable().default(null),
  author: text(200).default(''),
  /** Where it came from: a feed's title, a journal, a colleague. */
  source: text(200).default(''),
  feedId: id.nullable().default(null),
  status: z.enum(readingStatuses).default('to-read'),
  addedOn: isoDate,
  /** Set when it moved to read (or applied without passing read) and to applied in class. */
  readOn: isoDate.nullable().default(null),
  appliedOn: isoDate.nullable().default(null),
  notes: text(20_000).default(''),
  tags: list(30, text(40)).default([]),
  goalIds: z.array(id).max(100).default([]),
})
export type ReadingFields = z.infer<typeof readingFields>
export type ReadingItem = RecordMeta & ReadingFields

/** A followed RSS/Atom feed: a thought leader, a blog or a journal. */
export const feedKinds = ['thought-leader', 'blog', 'journal', 'news', 'other'] as const

export const feedFields = z.object({
  url: httpUrl,
  title: text(300).default(''),
  kind: z.enum(feedKinds).default('blog'),
  /** The thought leader behind it, when they are a contact. */
  contactId: id.nullable().default(null),
  /** OPML folder. */
  folder: text(200).default(''),
  /** The teacher agreed to load this feed's remote images. */
  allowImages: z.boolean().default(false),
  tags: list(30, text(40)).default([]),
})
export type FeedFields = z.infer<typeof feedFields>
export type Feed = RecordMeta & FeedFields

/** A reflection check-in: the article's four questions, each rated 1–5 with free text. */
export const checkInCadences = ['weekly', 'monthly', 'term'] as const
const rating = z.number().int().min(1).max(5).nullable().default(null)

export const checkInFields = z.object({
  date: isoDate,
  cadence: z.enum(checkInCadences),
  periodStart: isoDate,
  periodEnd: isoDate,
  goalsRating: rating,
  goalsText: text(10_000).default(''),
  conversationsRating: rating,
  conversationsText: text(10_000).default(''),
  learningRating: rating,
  learningText: text(10_000).default(''),
  adjustRating: rating,
  adjustText: text(10_000).default(''),
  /** The period's figures as they were when the check-in was written (name → value). */
  figures: z.record(z.string().max(60), z.number()).default({}),
})
export type CheckInFields = z.infer<typeof checkInFields>
export type CheckIn = RecordMeta & CheckInFields

/** The fields schema of each kind, for generic code (storage, backup, import). */
export const fieldsByKind = {
  contact: contactFields,
  interaction: interactionFields,
  community: communityFields,
  event: eventFields,
  goal: goalFields,
  journal: journalFields,
  resource: resourceFields,
  reading: readingFields,
  feed: feedFields,
  checkin: checkInFields,
} as const satisfies Record<RecordKind, z.ZodTypeAny>

export type FieldsOf<K extends RecordKind> = z.infer<(typeof fieldsByKind)[K]>
export type RecordOf<K extends RecordKind> = RecordMeta & FieldsOf<K>
