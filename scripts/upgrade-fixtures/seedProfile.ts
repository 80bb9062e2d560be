/**
 * Seeds a profile through an OLD Staffroom's own core (createCore + dispatch) and writes what it
 * wrote as manifest.json. makeFixture.mjs copies this folder into a checkout of that commit,
 * bundles it with rolldown against that checkout's src/ and runs it there:
 *   node seed.mjs <outDir> <commit> <commitDate>
 * It asks the version what it can do (the methods its handlers answer), so one script seeds
 * every version: records, spaces and bundles only where that version had them.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as A from '@automerge/automerge'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import { createCore } from '../../src/main/core/createCore'
import { appendParagraph, richBodySpans, spansOf, writeSpans } from './richBodies'
import { plainJson, recordReaders, type ManifestRecordKind, type UpgradeManifest } from './upgradeManifest'

type Json = Record<string, unknown>

async function main(): Promise<void> {
  const [outDir, commit, commitDate] = process.argv.slice(2) as [string, string, string]
  const dataDir = join(outDir, 'profile')
  mkdirSync(join(outDir, 'bundles'), { recursive: true })
  const core = await createCore({ dataDir, shell: 'node', deviceName: 'Upgrade fixture' })
  const methodsUsed = new Set<string>()
  const has = (method: string): boolean => method in core.handlers
  const call = async (method: string, args: unknown = {}): Promise<Json> => {
    const result = await core.dispatch(method, args)
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`)
    methodsUsed.add(method)
    return result.value as Json
  }
  const changeDoc = async (url: string, change: (doc: unknown) => void): Promise<unknown> => {
    const handle = await core.repo.find(url as AutomergeUrl)
    handle.change((doc) => change(doc))
    return handle.doc()
  }

  const manifest: UpgradeManifest = {
    commit,
    commitDate,
    schemaVersion: 0,
    workspaceUrl: core.workspaceUrl,
    deviceId: has('sync.status') ? ((await call('sync.status')).deviceId as string) : null,
    notes: [],
    records: [],
    spaces: [],
    keepingInTouch: null,
    feeds: [],
    bundles: [],
    backup: null,
    methodsUsed: [],
  }

  // Notes: a pinned, tagged one with a rich body, a second with unicode, a trashed one.
  const noteSeeds = [
    { title: 'Fractions with Year 7', word: 'quarterfold', tags: ['maths', 'year 7'], pinned: true, trash: false },
    { title: 'Poetry unit — haïku 🌸', word: 'kigoseason', tags: ['english'], pinned: false, trash: false },
    { title: 'Old staff meeting', word: 'minutesold', tags: [], pinned: false, trash: true },
  ]
  const notes: Array<{ id: string; url: string; word: string }> = []
  for (const seed of noteSeeds) {
    const note = await call('notes.create', { title: seed.title })
    const url = note.url as string
    await changeDoc(url, (doc) => writeSpans(doc, ['body'], richBodySpans(seed.title, seed.word)))
    if (seed.tags.length) await call('notes.setTags', { id: note.id, tags: seed.tags })
    if (seed.pinned) await call('notes.setPinned', { id: note.id, pinned: true })
    if (seed.trash) await call('notes.trash', { id: note.id })
    notes.push({ id: note.id as string, url, word: seed.word })
  }

  const created: Array<{ kind: ManifestRecordKind; id: string }> = []
  const create = async (kind: ManifestRecordKind, args: Json): Promise<string | null> => {
    const reader = recordReaders[kind]
    if (!has(reader.create)) return null
    const result = await call(reader.create, args)
    const id = (result[reader.key] as Json).id as string
    created.push({ kind, id })
    return id
  }

  // The learning network, where this version had it.
  const ada = await create('contact', {
    fields: {
      name: 'Ada Lovelace',
      pronouns: 'she/her',
      role: 'Head of Maths',
      organisation: 'Analytical School',
      subjects: ['maths', 'computing'],
      channels: [{ kind: 'email', label: 'work', value: 'ada@example.org' }],
      metHow: 'Introduced at a subject network meeting',
      interests: ['fractions', 'diagrams'],
      tags: ['mentor', 'maths'],
      notes: 'Line one\nLine two with “quotes” and émojis 🧮',
      thoughtLeader: true,
      feedUrl: 'https://example.org/ada.xml',
      cadenceDays: 30,
    },
  })
  if (ada) {
    const grace = (await create('contact', { fields: { name: 'Grace Hopper', role: 'Computing teacher', tags: ['cs'], relationships: [{ contactId: ada, kind: 'mentor' }] } }))!
    const gone = (await create('contact', { fields: { name: 'Someone Deleted', tags: ['old'] } }))!
    await call('contacts.delete', { id: gone })
    await call('contacts.update', { id: ada, patch: { role: 'Head of Maths and Computing' } })
    const community = (await create('community', { fields: { name: 'Maths Teachers Network', type: 'plc', mode: 'both', platformOrPlace: 'Town library', url: 'https://example.org/mtn', tags: ['maths'], notes: 'Meets monthly' } }))!
    const event = (await create('event', { fields: { title: 'ResearchEd 2026', startsAt: '2026-09-12T09:00', endsAt: '2026-09-12T16:30', place: 'Hall B', communityId: community, attendeeIds: [ada, grace], rsvp: 'attended', takeaways: 'Retrieval practice works', tags: ['conference'] } }))!
    const first = (await create('interaction', { fields: { date: '2026-09-12', contactIds: [ada, grace], communityId: community, eventId: event, mode: 'in-person', channel: 'conference', kind: 'help-received', summary: 'Ada showed her fraction strips', meaningful: 3, followUpOn: '2026-10-01' } }))!
    await create('interaction', { fields: { date: '2026-10-03', contactIds: [grace], mode: 'online', channel: 'email', kind: 'resource-shared', summary: 'Sent Grace the debugging worksheet', meaningful: 1 } })
    await create('interaction', { fields: { date: '2026-11-20', contactIds: [ada], mode: 'online', channel: 'video-call', kind: 'feedback', summary: 'Feedback on my lesson plan' } })
    await call('interactions.update', { id: first, patch: { summary: 'Ada showed her fraction strips (edited)' } })
    const goal = (await create('goal', { fields: { title: 'Ten conversations this term', why: 'Grow my network', growthArea: 'Assessment', target: { kind: 'interactions', count: 10 }, deadline: '2026-12-19', contactIds: [ada], communityIds: [community] } }))!
    await create('journal', { fields: { date: '2026-11-21', kind: 'reflection', title: 'What the fraction strips taught me', whatHappened: 'Tried strips', whatILearned: 'Concrete first', whatIWillTry: 'Use them with Year 8', tags: ['maths'], contactIds: [ada], goalIds: [goal], eventIds: [event] } })
    if (has('keepingInTouch.setDefaultCadence')) {
      await call('keepingInTouch.setDefaultCadence', { days: 60 })
      await call('keepingInTouch.setTagCadence', { tag: 'mentor', days: 14 })
      manifest.keepingInTouch = await call('keepingInTouch.settings')
    }
    const reading = await create('reading', { fields: { title: 'Making Every Maths Lesson Count', url: 'https://example.org/memlc', author: 'Emma McCrea', source: 'Book', status: 'applied', notes: 'Chapter 3 on explanations', tags: ['maths'], goalIds: [goal] }, today: '2026-11-22' })
    if (has('feeds.add')) await call('feeds.add', { url: 'http://127.0.0.1:9/upgrade-fixture.xml', title: 'A closed-port blog', kind: 'blog', folder: 'Maths', contactId: ada })
    const project = await seedProject(call, has, changeDoc)
    await create('resource', { fields: { title: 'Fraction strips worksheet', type: 'lesson-plan', url: 'https://example.org/strips', direction: 'given', contactIds: [grace], date: '2026-10-03', spaceId: project, communityId: community, readingId: reading, usedIn: ['Year 7 fractions'], tags: ['maths'], notes: 'Printed on card' } })
    await create('checkin', { fields: { date: '2026-11-30', cadence: 'monthly', periodStart: '2026-11-01', periodEnd: '2026-11-30', goalsRating: 4, goalsText: 'On track', conversationsRating: 3, conversationsText: 'Fewer than hoped', learningRating: 5, learningText: 'Strips!', adjustRating: 2, adjustText: 'Book calls earlier', figures: { interactions: 3, meaningful: 1 } } })
    const circle = await seedCircle(call, has, community)
    if (has('bundles.export')) {
      for (const [kind, documentId] of [['note', notes[0]!.id], ['project', project], ['circle', circle]] as const) {
        if (!documentId) continue
        const file = await call('bundles.export', { documentId })
        const name = `${kind}.staffroom`
        writeFileSync(join(outDir, 'bundles', name), Buffer.from(file.base64 as string, 'base64'))
        const title = kind === 'note' ? noteSeeds[0]!.title : kind === 'project' ? 'Fractions lesson' : 'Year 7 maths circle'
        const bodySpans = kind === 'note' ? spansOf((await core.repo.find(notes[0]!.url as AutomergeUrl)).doc(), ['body']) : undefined
        manifest.bundles.push({ file: name, documentId, kind, title, bodySpans })
      }
    }
  }
  // Written after any bundle: importing the older bundle must merge without losing this.
  await changeDoc(notes[0]!.url, (doc) => appendParagraph(doc, ['body'], 'Added after the bundle was made.'))

  if (has('feeds.list')) {
    for (const feed of (await call('feeds.list')).feeds as Json[]) manifest.feeds.push({ id: feed.id as string, url: feed.url as string, title: feed.title as string, kind: feed.kind as string, folder: feed.folder as string })
  }
  for (const { kind, id } of created) {
    const reader = recordReaders[kind]
    manifest.records.push({ kind, id, record: plainJson((await call(reader.get, { id }))[reader.key]) as Json })
  }
  for (const [i, note] of notes.entries()) {
    const summary = await call('notes.get', { id: note.id })
    const doc = (await core.repo.find(note.url as AutomergeUrl)).doc()
    manifest.notes.push({ id: note.id, url: note.url, title: summary.title as string, tags: summary.tags as string[], pinned: summary.pinned as boolean, trashed: summary.trashed as boolean, createdAt: summary.createdAt as number, bodyWord: noteSeeds[i]!.word, bodySpans: spansOf(doc, ['body']) })
  }
  for (const space of spaceIds) {
    if (space.kind === 'project') {
      const view = (await call('projects.get', { projectId: space.id })).project as Json
      const doc = (await core.repo.find(view.url as AutomergeUrl)).doc()
      const comments = has('projects.comments') ? ((await call('projects.comments', { projectId: space.id })).threads as unknown[]) : undefined
      manifest.spaces.push({ kind: 'project', id: space.id, view: plainJson(view) as Json, bodySpans: spansOf(doc, ['body']), comments: comments && (plainJson(comments) as unknown[]) })
    } else {
      manifest.spaces.push({ kind: 'circle', id: space.id, view: plainJson((await call('circles.get', { circleId: space.id })).circle) as Json })
    }
  }
  // Let the index catch up with the last body edits, as a teacher's session would before quitting.
  for (let tries = 0; tries < 100; tries++) {
    const hits = (await call('notes.search', { text: notes[0]!.word })).hits as unknown[]
    if (hits.length) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  if (has('io.export')) {
    writeFileSync(join(outDir, 'backup.json'), (await call('io.export', { format: 'backup.json' })).text as string)
    manifest.backup = 'backup.json'
  }
  manifest.methodsUsed = [...methodsUsed].sort()
  await core.shutdown()
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
}

const spaceIds: Array<{ kind: 'project' | 'circle'; id: string }> = []

type Call = (method: string, args?: unknown) => Promise<Json>

/** A lesson project with tasks, a resource, a body paragraph and a comment thread with a reply. */
async function seedProject(call: Call, has: (m: string) => boolean, changeDoc: (url: string, change: (doc: unknown) => void) => Promise<unknown>): Promise<string | null> {
  if (!has('projects.create')) return null
  const project = (await call('projects.create', { title: 'Fractions lesson', template: 'lesson-plan', subject: 'Maths', grade: 'Year 7' })).project as Json
  const id = project.id as string
  spaceIds.push({ kind: 'project', id })
  const task = (await call('projects.addTask', { projectId: id, title: 'Print the strips', due: '2026-12-03' })).taskId as string
  await call('projects.addTask', { projectId: id, title: 'Book the hall' })
  await call('projects.updateTask', { projectId: id, taskId: task, done: true })
  await call('projects.addResource', { projectId: id, title: 'NCETM fractions', url: 'https://example.org/ncetm', note: 'Section 2' })
  const doc = await changeDoc(project.url as string, (d) => appendParagraph(d, ['body'], 'Strips first, then the number line.'))
  if (has('projects.addComment')) {
    const spans = A.spans(doc as A.Doc<unknown>, ['body'])
    const start = spans.slice(0, -1).reduce((at, span) => at + (span.type === 'block' ? 1 : span.value.length), 0)
    const thread = (await call('projects.addComment', { projectId: id, from: start, to: start + 6, heads: A.getHeads(doc as A.Doc<unknown>), body: 'Which strips?' })).thread as Json
    await call('projects.replyToComment', { projectId: id, commentId: thread.id, body: 'The card ones.' })
  }
  return id
}

/** A circle with an announcement, a thread with a reply and a reaction, a meetup and a link. */
async function seedCircle(call: Call, has: (m: string) => boolean, communityId: string): Promise<string | null> {
  if (!has('circles.create')) return null
  const id = ((await call('circles.create', { name: 'Year 7 maths circle', description: 'Sharing what works', communityId })).circle as Json).id as string
  spaceIds.push({ kind: 'circle', id })
  await call('circles.setAnnouncement', { circleId: id, text: 'Next meetup after half term' })
  const threadId = (await call('circles.addThread', { circleId: id, title: 'Fraction walls', body: 'Anyone tried them?' })).threadId as string
  await call('circles.reply', { circleId: id, threadId, body: 'Yes, with Year 5.' })
  await call('circles.react', { circleId: id, threadId, emoji: '💡', on: true })
  await call('circles.addMeetup', { circleId: id, title: 'Spring meetup', startsAt: '2031-03-05T16:00+01:00', endsAt: '2031-03-05T17:30+01:00', place: 'Room 4' })
  await call('circles.addResource', { circleId: id, title: 'Fraction wall PDF', howUsed: 'Starter', link: 'https://example.org/wall' })
  return id
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
