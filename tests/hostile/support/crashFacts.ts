import * as A from '@automerge/automerge'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import type { Core } from '../../../src/main/core/Core'
import { call } from '../../../src/main/core/testing/coreHarness'

/**
 * One acknowledged change, as the crash child prints it after the core's flush resolved. Every fact
 * stays true once made: later writes of the child only add to it (appended text, a higher
 * interaction version, a task done), so a fact can be checked whatever came after it.
 */
export type CrashFact =
  | { t: 'note'; id: string; url: string; title: string }
  | { t: 'body'; id: string; url: string; heading: string; paragraph: string }
  | { t: 'append'; id: string; url: string; token: string }
  | { t: 'tags'; id: string; url: string; tags: string[] }
  | { t: 'trash'; id: string; url: string }
  | { t: 'contact'; id: string; name: string }
  | { t: 'interaction'; id: string; base: string; version: number }
  | { t: 'interactionDeleted'; id: string }
  | { t: 'project'; id: string; title: string }
  | { t: 'task'; projectId: string; taskId: string; title: string }
  | { t: 'taskDone'; projectId: string; taskId: string }

/** The interaction summary the child writes for a version; the version is read back from it. */
export function interactionSummary(base: string, version: number): string {
  return `${base} v${version}`
}

function versionOf(summary: string, base: string): number {
  const match = new RegExp(`^${base} v(\\d+)$`).exec(summary)
  return match ? Number(match[1]) : -1
}

/** Checks one fact against the reopened core; returns what is wrong, or undefined. */
export async function checkFact(core: Core, fact: CrashFact): Promise<string | undefined> {
  switch (fact.t) {
    case 'note':
    case 'body':
    case 'append':
    case 'tags':
    case 'trash': {
      const handle = await core.repo.find<NoteDoc>(fact.url as AutomergeUrl).catch(() => undefined)
      if (!handle) return 'note document missing'
      return checkNote(handle.doc(), fact)
    }
    case 'contact': {
      const contact = await call(core, 'contacts.get', { id: fact.id })
      return contact.contact.name === fact.name ? undefined : `contact name is ${contact.contact.name}`
    }
    case 'interaction': {
      const { interaction } = await call(core, 'interactions.get', { id: fact.id })
      const version = versionOf(interaction.summary, fact.base)
      return version >= fact.version ? undefined : `interaction summary is "${interaction.summary}"`
    }
    case 'interactionDeleted': {
      const { interaction } = await call(core, 'interactions.get', { id: fact.id })
      return interaction.deletedAt ? undefined : 'interaction is not deleted'
    }
    case 'project': {
      const { project } = await call(core, 'projects.get', { projectId: fact.id })
      return project.title === fact.title ? undefined : `project title is ${project.title}`
    }
    case 'task':
    case 'taskDone': {
      const { project } = await call(core, 'projects.get', { projectId: fact.projectId })
      const task = project.tasks.find((candidate) => candidate.id === fact.taskId)
      if (!task) return 'task missing'
      if (fact.t === 'task') return task.title === fact.title ? undefined : `task title is ${task.title}`
      return task.done ? undefined : 'task not done'
    }
  }
}

function checkNote(doc: NoteDoc, fact: Extract<CrashFact, { url: string }>): string | undefined {
  const body = typeof doc.body === 'string' ? doc.body : ''
  switch (fact.t) {
    case 'note':
      return String(doc.title) === fact.title ? undefined : `title is ${String(doc.title)}`
    case 'body':
      return body.includes(fact.heading) && body.includes(fact.paragraph) ? undefined : `body lacks the rich text: ${JSON.stringify(body)}`
    case 'append':
      return body.includes(fact.token) ? undefined : `body lacks ${fact.token}`
    case 'tags':
      return fact.tags.every((tag) => [...doc.tags].includes(tag)) ? undefined : `tags are ${JSON.stringify(doc.tags)}`
    case 'trash':
      return doc.trashedAt !== null ? undefined : 'note is not in the trash'
  }
}

/** The note heads the core holds, to wait for a renderer edit to reach it. */
export function coreHasHeads(core: Core, documentId: string, heads: A.Heads): boolean {
  const handle = core.repo.handles[documentId as never]
  return handle?.isReady() === true && A.hasHeads(handle.doc() as A.Doc<unknown>, heads)
}
