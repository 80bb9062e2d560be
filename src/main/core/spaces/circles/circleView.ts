import { isValidAutomergeUrl } from '@automerge/automerge-repo'
import { circleReactions, type CircleMeetupView, type CircleReactionCount, type CircleResourceView, type CircleThreadView, type CircleView } from '@shared/api/circles'
import type { CircleDoc, Rsvp } from '@shared/spaces/CircleDoc'
import { isFromNewerApp } from '@shared/spaces/migrateSpace'
import { memberList, myRole } from '../projectView'

type Loose = Record<string, unknown>

function text(value: unknown, max = 10_000): string {
  return typeof value === 'string' ? value.slice(0, max) : ''
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

function isMap(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The entries of a map whose values are maps, keyed by their id (a peer may send anything). */
function entries(map: unknown): Array<[string, Loose]> {
  return isMap(map) ? Object.entries(map).filter((entry): entry is [string, Loose] => isMap(entry[1])) : []
}

function reactionCounts(reactions: unknown, me: string): CircleReactionCount[] {
  if (!isMap(reactions)) return []
  return circleReactions.flatMap((emoji) => {
    const who = reactions[emoji]
    const devices = isMap(who) ? Object.keys(who).filter((deviceId) => who[deviceId] === true) : []
    return devices.length > 0 ? [{ emoji, count: devices.length, mine: devices.includes(me) }] : []
  })
}

const rsvps: readonly Rsvp[] = ['yes', 'maybe', 'no']

function meetupView(id: string, m: Loose, me: string, now: number): CircleMeetupView | null {
  const startsAt = text(m.startsAt, 40)
  const endsAt = text(m.endsAt, 40)
  if (Number.isNaN(Date.parse(startsAt)) || Number.isNaN(Date.parse(endsAt))) return null
  const counts: Record<Rsvp, number> = { yes: 0, maybe: 0, no: 0 }
  const answers = isMap(m.rsvps) ? m.rsvps : {}
  for (const answer of Object.values(answers)) {
    const known = rsvps.find((r) => r === answer)
    if (known) counts[known] += 1
  }
  const mine = rsvps.find((r) => r === answers[me]) ?? null
  const onlineUrl = typeof m.onlineUrl === 'string' && /^https?:\/\//i.test(m.onlineUrl) ? m.onlineUrl.slice(0, 2_000) : null
  return { id, title: text(m.title, 300), startsAt, endsAt, place: text(m.place, 500), onlineUrl, rsvpCounts: counts, myRsvp: mine, past: Date.parse(endsAt) < now, createdBy: text(m.createdBy, 64) }
}

/** A file resource's document id, when the resource names a valid document URL. */
export function resourceFileUrl(resource: unknown): string | null {
  const file = isMap(resource) ? resource.file : undefined
  return isMap(file) && typeof file.url === 'string' && isValidAutomergeUrl(file.url) ? file.url : null
}

/** The URLs of every file document the circle's resources point to. */
export function circleFileUrls(doc: unknown): string[] {
  return isMap(doc) ? entries(doc.resources).flatMap(([, r]) => resourceFileUrl(r) ?? []) : []
}

export function toCircleView(id: string, url: string, doc: CircleDoc, me: string, now = Date.now()): CircleView {
  const role = myRole(doc.members, me)
  const isOwner = role === 'owner'
  const threads: CircleThreadView[] = entries(doc.threads).map(([threadId, t]) => {
    const replies = entries(t.replies)
      .map(([replyId, r]) => ({ id: replyId, author: text(r.author, 64), authorName: text(r.authorName, 200), body: text(r.body), createdAt: num(r.createdAt), reactions: reactionCounts(r.reactions, me), canDelete: isOwner || r.author === me }))
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
    const createdAt = num(t.createdAt)
    return {
      id: threadId,
      title: text(t.title, 300),
      body: text(t.body),
      author: text(t.author, 64),
      authorName: text(t.authorName, 200),
      createdAt,
      lastActivityAt: Math.max(createdAt, ...replies.map((r) => r.createdAt)),
      replies,
      reactions: reactionCounts(t.reactions, me),
      canDelete: isOwner || t.author === me,
    }
  })
  threads.sort((a, b) => b.lastActivityAt - a.lastActivityAt || a.id.localeCompare(b.id))

  const resources: CircleResourceView[] = entries(doc.resources).map(([resourceId, r]) => {
    const file = isMap(r.file) && resourceFileUrl(r) ? { name: text(r.file.name, 255), mediaType: text(r.file.mediaType, 200), size: num(r.file.size) } : null
    const link = typeof r.url === 'string' && /^https?:\/\//i.test(r.url) ? r.url.slice(0, 2_000) : null
    return { id: resourceId, title: text(r.title, 300), url: link, file, howUsed: text(r.howUsed, 4_000), addedBy: text(r.addedBy, 64), addedByName: text(r.addedByName, 200), addedAt: num(r.addedAt), canRemove: isOwner || r.addedBy === me }
  })
  resources.sort((a, b) => b.addedAt - a.addedAt || a.id.localeCompare(b.id))

  const meetups = entries(doc.meetups).flatMap(([meetupId, m]) => meetupView(meetupId, m, me, now) ?? [])
  // Upcoming soonest first, then past ones most recent first.
  meetups.sort((a, b) => Number(a.past) - Number(b.past) || (a.past ? Date.parse(b.startsAt) - Date.parse(a.startsAt) : Date.parse(a.startsAt) - Date.parse(b.startsAt)))

  const announcement: unknown = doc.announcement
  return {
    id,
    url,
    name: text(doc.name, 200),
    description: text(doc.description, 2_000),
    communityId: typeof doc.communityId === 'string' ? doc.communityId.slice(0, 64) : null,
    myRole: role,
    myDeviceId: me,
    members: memberList(doc.members, me),
    announcement: isMap(announcement) && typeof announcement.text === 'string' ? { text: text(announcement.text, 4_000), authorName: text(announcement.authorName, 200), at: num(announcement.at) } : null,
    threads,
    resources,
    meetups,
    createdAt: num(doc.createdAt),
    archivedAt: typeof doc.archivedAt === 'number' ? doc.archivedAt : null,
    readOnlyReason: isFromNewerApp(doc) ? 'This circle was saved by a newer version of Staffroom. Update Staffroom to take part here; until then it is read-only.' : null,
  }
}
