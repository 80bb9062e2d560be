import * as A from '@automerge/automerge'
import { projectSchemaVersion, type ProjectDoc } from '@shared/spaces/ProjectDoc'
import { templateSpans } from '@shared/spaces/templates'

/** Builders for real project documents in history tests: actors, authors and change times chosen by the test. */

export const alice = { actor: 'aa'.repeat(16), deviceId: 'device-alice', name: 'Alice' }
export const bob = { actor: 'bb'.repeat(16), deviceId: 'device-bob', name: 'Bob' }
export const stranger = { actor: 'cc'.repeat(16) }

/** A fixed start, in Automerge's seconds. */
export const t0 = 1_800_000_000
export const minutes = (n: number) => t0 + n * 60

type Actor = { actor: string; deviceId?: string; name?: string }

export function createProject(by: Actor, time = t0): A.Doc<ProjectDoc> {
  return A.change(A.init<ProjectDoc>({ actor: by.actor }), { time }, (doc) => {
    Object.assign(doc, {
      kind: 'project',
      schemaVersion: projectSchemaVersion,
      title: 'Fractions',
      subject: 'Maths',
      grade: 'Year 4',
      template: 'lesson-plan',
      body: '',
      tasks: {},
      resources: {},
      members: {},
      authors: {},
      comments: {},
      createdAt: time * 1000,
      archivedAt: null,
    } satisfies ProjectDoc)
    if (by.deviceId && by.name) doc.authors[by.actor] = { deviceId: by.deviceId, name: by.name }
    A.updateSpans(doc, ['body'], templateSpans('lesson-plan'))
  })
}

/** A copy of the document on another peer (its own actor), which registers as an author. */
export function peerCopy(doc: A.Doc<ProjectDoc>, by: Actor, time: number): A.Doc<ProjectDoc> {
  const copy = A.clone(doc, { actor: by.actor })
  if (!by.deviceId || !by.name) return copy
  return A.change(copy, { time }, (d) => {
    d.authors[by.actor] = { deviceId: by.deviceId as string, name: by.name as string }
  })
}

export function edit(doc: A.Doc<ProjectDoc>, time: number, fn: (d: ProjectDoc) => void): A.Doc<ProjectDoc> {
  return A.change(doc, { time }, fn)
}

/** Types text right after the first occurrence of `after` in the body. */
export function typeAfter(doc: A.Doc<ProjectDoc>, time: number, after: string, text: string): A.Doc<ProjectDoc> {
  return edit(doc, time, (d) => {
    const at = d.body.indexOf(after)
    if (at === -1) throw new Error(`"${after}" is not in the body`)
    A.splice(d, ['body'], at + after.length, 0, text)
  })
}

export function deleteText(doc: A.Doc<ProjectDoc>, time: number, text: string): A.Doc<ProjectDoc> {
  return edit(doc, time, (d) => {
    const at = d.body.indexOf(text)
    if (at === -1) throw new Error(`"${text}" is not in the body`)
    A.splice(d, ['body'], at, text.length)
  })
}

export function addTask(doc: A.Doc<ProjectDoc>, time: number, id: string, title: string): A.Doc<ProjectDoc> {
  return edit(doc, time, (d) => {
    d.tasks[id] = { id, title, assignee: null, due: null, done: false, createdAt: time * 1000 }
  })
}

export function bodyText(doc: A.Doc<ProjectDoc>): string[] {
  return A.spans(doc, ['body']).flatMap((span) => (span.type === 'text' ? [span.value] : []))
}

/** A map entry the test just wrote, failing loudly when it is not there. */
export function entry<T>(map: { [id: string]: T }, id: string): T {
  const found = map[id]
  if (found === undefined) throw new Error(`No ${id}`)
  return found
}
