import * as A from '@automerge/automerge'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import { randomUUID } from 'node:crypto'
import type { HandlersFor } from '@shared/api'
import type { circlesArgs, CircleView } from '@shared/api/circles'
import { ApiError } from '@shared/errors'
import { isFromNewerApp } from '@shared/spaces/migrateSpace'
import { circleSchemaVersion, type CircleDoc, type DiscussionThread, type Reactions } from '@shared/spaces/CircleDoc'
import { CircleFileAccess } from '../spaces/circles/CircleFileAccess'
import { collection, isMap } from '../spaces/circles/circleMaps'
import { createCircleFile, decodeCircleFile, readCircleFile, safeFileName, safeMediaType } from '../spaces/circles/circleFiles'
import { resourceFileUrl, toCircleView } from '../spaces/circles/circleView'
import { writeMeetupCalendar } from '../spaces/circles/meetupCalendar'
import { myRole } from '../spaces/projectView'
import { changeSpace, currentAuthor, findSpaceDocument, listSpaces, workspaceSpaces } from '../spaces/spaceDocuments'
import { addCircleResource } from '../spaces/spaceResources'
import type { CoreContext } from './CoreContext'

type CirclesMethod = keyof typeof circlesArgs

/** The longest meetup accepted: a residential course, not a typo in the year. */
const maxMeetupMs = 14 * 24 * 60 * 60 * 1000

function linkHost(link: string): string {
  try {
    return new URL(link).hostname || link
  } catch {
    return link
  }
}

function thread(doc: CircleDoc, threadId: string): DiscussionThread {
  const found = isMap(doc.threads) ? doc.threads[threadId] : undefined
  if (!isMap(found)) throw new ApiError('not-found', 'This thread no longer exists (someone may have deleted it).')
  if (!isMap(found.replies)) found.replies = {}
  return found
}

function reactionsOf(target: { reactions: Reactions }): Reactions {
  if (!isMap(target.reactions)) target.reactions = {}
  return target.reactions
}

export function circlesHandlers(ctx: CoreContext) {
  const me = () => ctx.sync.identity.deviceId
  const fileAccess = new CircleFileAccess(ctx.repo, ctx.sync.members, () => [...workspaceSpaces(ctx.workspace, 'circle').keys()])
  fileAccess.start()

  const view = async (circleId: string): Promise<CircleView> => {
    const handle = await findSpaceDocument(ctx, 'circle', circleId)
    fileAccess.follow(circleId, handle)
    return toCircleView(circleId, handle.url, handle.doc(), me())
  }
  const change = async (circleId: string, fn: (doc: CircleDoc, isOwner: boolean) => void): Promise<CircleView> => {
    const handle = await changeSpace(ctx, 'circle', circleId, (doc) => fn(doc, myRole(doc.members, me()) === 'owner'))
    fileAccess.follow(circleId, handle)
    return toCircleView(circleId, handle.url, handle.doc(), me())
  }
  const ownerOnly = (isOwner: boolean, what: string) => {
    if (!isOwner) throw new ApiError('bad-request', `Only the circle’s owner can ${what}.`)
  }

  return {
    'circles.create': async ({ name, description, communityId }) => {
      const author = currentAuthor(ctx)
      const now = Date.now()
      const initial: CircleDoc = {
        kind: 'circle',
        schemaVersion: circleSchemaVersion,
        name,
        description,
        communityId,
        announcement: null,
        members: { [author.deviceId]: { name: author.name, role: 'owner', addedAt: now } },
        authors: {},
        threads: {},
        resources: {},
        meetups: {},
        createdAt: now,
        archivedAt: null,
      }
      const handle = ctx.repo.create<CircleDoc>(initial)
      handle.change((doc) => void (doc.authors[A.getActorId(handle.doc())] = author))
      listSpaces(ctx.workspace, 'circle', [handle.url])
      fileAccess.follow(handle.documentId, handle)
      return { circle: toCircleView(handle.documentId, handle.url, handle.doc(), author.deviceId) }
    },

    'circles.get': async ({ circleId }) => ({ circle: await view(circleId) }),

    'circles.update': async ({ circleId, name, description, archived }) => ({
      circle: await change(circleId, (doc, isOwner) => {
        ownerOnly(isOwner, 'rename, describe or archive it')
        if (name !== undefined && doc.name !== name) doc.name = name
        if (description !== undefined && doc.description !== description) doc.description = description
        if (archived !== undefined) doc.archivedAt = archived ? (doc.archivedAt ?? Date.now()) : null
      }),
    }),

    'circles.setAnnouncement': async ({ circleId, text }) => {
      const author = currentAuthor(ctx)
      return {
        circle: await change(circleId, (doc, isOwner) => {
          ownerOnly(isOwner, 'pin an announcement')
          doc.announcement = text === null ? null : { text, author: author.deviceId, authorName: author.name, at: Date.now() }
        }),
      }
    },

    'circles.addThread': async ({ circleId, title, body }) => {
      const threadId = randomUUID()
      const author = currentAuthor(ctx)
      const circle = await change(circleId, (doc) => {
        collection(doc, 'threads')[threadId] = { id: threadId, title, body, author: author.deviceId, authorName: author.name, createdAt: Date.now(), replies: {}, reactions: {} }
      })
      return { circle, threadId }
    },

    'circles.reply': async ({ circleId, threadId, body }) => {
      const replyId = randomUUID()
      const author = currentAuthor(ctx)
      const circle = await change(circleId, (doc) => {
        thread(doc, threadId).replies[replyId] = { id: replyId, author: author.deviceId, authorName: author.name, body, createdAt: Date.now(), reactions: {} }
      })
      return { circle, replyId }
    },

    'circles.react': async ({ circleId, threadId, replyId, emoji, on }) => ({
      circle: await change(circleId, (doc) => {
        const parent = thread(doc, threadId)
        const target = replyId === null ? parent : parent.replies[replyId]
        if (!isMap(target)) throw new ApiError('not-found', 'This reply no longer exists (someone may have deleted it).')
        const reactions = reactionsOf(target)
        const who = isMap(reactions[emoji]) ? reactions[emoji] : undefined
        if (on && !who?.[me()]) {
          if (!who) reactions[emoji] = { [me()]: true }
          else who[me()] = true
        } else if (!on && who?.[me()]) {
          delete who[me()]
          if (Object.keys(who).length === 0) delete reactions[emoji]
        }
      }),
    }),

    'circles.deleteMessage': async ({ circleId, threadId, replyId }) => ({
      circle: await change(circleId, (doc, isOwner) => {
        const parent = thread(doc, threadId)
        const target = replyId === null ? parent : parent.replies[replyId]
        if (!isMap(target)) throw new ApiError('not-found', 'This reply no longer exists (someone may have deleted it).')
        if (!isOwner && target.author !== me()) throw new ApiError('bad-request', 'Only its author or the circle’s owner can delete a message.')
        if (replyId === null) delete doc.threads[threadId]
        else delete parent.replies[replyId]
      }),
    }),

    'circles.addResource': async ({ circleId, title, howUsed, link, file }) => {
      if ((link === null) === (file === null)) throw new ApiError('bad-request', 'Add either a link or a file to a resource (one of them).')
      // Refuse before storing anything: a viewer's or a newer app's circle gets no orphan file document.
      const doc = (await findSpaceDocument(ctx, 'circle', circleId)).doc()
      if (isFromNewerApp(doc)) throw new ApiError('bad-request', 'This circle was saved by a newer version of Staffroom; update Staffroom to add to it.')
      if (myRole(doc.members, me()) === 'viewer') throw new ApiError('bad-request', 'You can view this circle but not change it; ask its owner for editor access.')
      const stored = file && { name: safeFileName(file.name), mediaType: safeMediaType(file.mediaType), bytes: decodeCircleFile(file.base64) }
      const fileUrl = stored ? createCircleFile(ctx.repo, stored) : null
      const { handle, resourceId } = await addCircleResource(ctx, circleId, {
        title: title || stored?.name || linkHost(link!),
        url: link,
        file: stored && fileUrl ? { name: stored.name, mediaType: stored.mediaType, size: stored.bytes.length, url: fileUrl } : null,
        howUsed,
      })
      fileAccess.follow(circleId, handle)
      return { circle: toCircleView(circleId, handle.url, handle.doc(), me()), resourceId }
    },

    'circles.downloadFile': async ({ circleId, resourceId }) => {
      const handle = await findSpaceDocument(ctx, 'circle', circleId)
      // Access to the file may only now be granted here (the circle just arrived), before asking peers for it.
      fileAccess.follow(circleId, handle)
      const resource = isMap(handle.doc().resources) ? handle.doc().resources[resourceId] : undefined
      if (!isMap(resource)) throw new ApiError('not-found', 'This resource no longer exists (someone may have removed it).')
      const url = resourceFileUrl(resource)
      if (!url) throw new ApiError('bad-request', 'This resource is a link, not a file.')
      const content = await readCircleFile(ctx.repo, url as AutomergeUrl)
      return { fileName: content.name, mediaType: content.mediaType, base64: Buffer.from(content.bytes).toString('base64'), bytes: content.bytes.length }
    },

    'circles.removeResource': async ({ circleId, resourceId }) => {
      let fileUrl: string | null = null
      const circle = await change(circleId, (doc, isOwner) => {
        const resource = isMap(doc.resources) ? doc.resources[resourceId] : undefined
        if (!isMap(resource)) throw new ApiError('not-found', 'This resource no longer exists (someone may have removed it).')
        if (!isOwner && resource.addedBy !== me()) throw new ApiError('bad-request', 'Only whoever added a resource or the circle’s owner can remove it.')
        fileUrl = resourceFileUrl(resource)
        delete doc.resources[resourceId]
      })
      if (fileUrl) fileAccess.forget(fileUrl)
      return { circle }
    },

    'circles.addMeetup': async ({ circleId, title, startsAt, endsAt, place, onlineUrl }) => {
      const length = Date.parse(endsAt) - Date.parse(startsAt)
      if (length <= 0) throw new ApiError('bad-request', 'A meetup must end after it starts.')
      if (length > maxMeetupMs) throw new ApiError('bad-request', 'A meetup can last at most 14 days; check the dates.')
      if (!place && !onlineUrl) throw new ApiError('bad-request', 'Say where the meetup is: a place, an online link, or both.')
      const meetupId = randomUUID()
      const author = currentAuthor(ctx)
      const circle = await change(circleId, (doc) => {
        collection(doc, 'meetups')[meetupId] = { id: meetupId, title, startsAt, endsAt, place, onlineUrl, rsvps: {}, createdBy: author.deviceId, createdAt: Date.now() }
      })
      return { circle, meetupId }
    },

    'circles.rsvp': async ({ circleId, meetupId, answer }) => ({
      circle: await change(circleId, (doc) => {
        const meetup = isMap(doc.meetups) ? doc.meetups[meetupId] : undefined
        if (!isMap(meetup)) throw new ApiError('not-found', 'This meetup no longer exists (someone may have removed it).')
        if (!isMap(meetup.rsvps)) meetup.rsvps = {}
        if (meetup.rsvps[me()] !== answer) meetup.rsvps[me()] = answer
      }),
    }),

    'circles.meetupIcs': async ({ circleId, meetupId }) => {
      const circle = await view(circleId)
      const meetups = meetupId === null ? circle.meetups.filter((m) => !m.past) : circle.meetups.filter((m) => m.id === meetupId)
      if (meetupId !== null && meetups.length === 0) throw new ApiError('not-found', 'This meetup no longer exists (someone may have removed it).')
      if (meetups.length === 0) throw new ApiError('not-found', 'This circle has no upcoming meetups to add to a calendar.')
      const base = safeFileName(meetupId === null ? `${circle.name || 'Circle'} meetups` : meetups[0]!.title || 'Meetup')
      return { fileName: `${base}.ics`, mimeType: 'text/calendar', text: writeMeetupCalendar({ circleName: circle.name, meetups, now: Date.now() }) }
    },
  } satisfies HandlersFor<CirclesMethod>
}
