import type { AutomergeUrl } from '@automerge/automerge-repo'
import * as A from '@automerge/automerge'
import fc from 'fast-check'
import type { NoteDoc } from '../../../src/shared/notes/NoteDoc'
import type { Core } from '../../../src/main/core/Core'
import { call, writeRichBody } from '../../../src/main/core/testing/coreHarness'
import { eventually } from '../../../src/main/core/testing/eventually'
import type { ChaosCluster } from './chaosCluster'

/**
 * One teacher's edit on one device, through dispatch as the UI makes it (or through the
 * renderer's Repo for a note body). `slot` picks among what that device lists right now, so a
 * shrunk scenario still means something whatever came before it.
 */
export type ChaosEdit =
  | { op: 'note'; title: string }
  | { op: 'body'; slot: number; heading: string; paragraph: string }
  | { op: 'tags'; slot: number; tags: string[] }
  | { op: 'pin'; slot: number; pinned: boolean }
  | { op: 'trash'; slot: number }
  | { op: 'restore'; slot: number }
  | { op: 'contact'; name: string }
  | { op: 'contactEdit'; slot: number; role: string }
  | { op: 'interaction'; slot: number; day: number; summary: string }
  | { op: 'project'; title: string }
  | { op: 'projectEdit'; slot: number; subject: string }
  | { op: 'task'; slot: number; title: string }

const word = fc.constantFrom('plan', 'maths', 'rubric', 'trip', 'Émile', 'Zoë', 'read', 'lab', 'week 3', '数学')
const words = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '))
const slot = fc.nat({ max: 7 })

export const chaosEdit: fc.Arbitrary<ChaosEdit> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('note' as const), title: words }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('body' as const), slot, heading: words, paragraph: words }), weight: 4 },
  fc.record({ op: fc.constant('tags' as const), slot, tags: fc.uniqueArray(fc.constantFrom('year7', 'science', 'todo'), { maxLength: 2 }) }),
  fc.record({ op: fc.constant('pin' as const), slot, pinned: fc.boolean() }),
  fc.record({ op: fc.constant('trash' as const), slot }),
  fc.record({ op: fc.constant('restore' as const), slot }),
  { arbitrary: fc.record({ op: fc.constant('contact' as const), name: words }), weight: 2 },
  fc.record({ op: fc.constant('contactEdit' as const), slot, role: words }),
  { arbitrary: fc.record({ op: fc.constant('interaction' as const), slot, day: fc.integer({ min: 1, max: 28 }), summary: words }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('project' as const), title: words }), weight: 2 },
  fc.record({ op: fc.constant('projectEdit' as const), slot, subject: words }),
  fc.record({ op: fc.constant('task' as const), slot, title: words }),
)

/** Applies the edit on the device; false when there was nothing to edit (no note, contact or project yet). */
export async function applyEdit(cluster: ChaosCluster, index: number, edit: ChaosEdit): Promise<boolean> {
  const core = cluster.core(index)
  switch (edit.op) {
    case 'note':
      await call(core, 'notes.create', { title: edit.title })
      return true
    case 'body': {
      const note = pick((await call(core, 'notes.list', { limit: 1000 })).notes, edit.slot)
      if (!note) return false
      await writeBody(cluster, index, note.url as AutomergeUrl, edit.heading, edit.paragraph)
      return true
    }
    case 'tags':
    case 'pin':
    case 'trash': {
      const note = pick((await call(core, 'notes.list', { limit: 1000 })).notes, edit.slot)
      if (!note) return false
      if (edit.op === 'tags') await call(core, 'notes.setTags', { id: note.id, tags: edit.tags })
      else if (edit.op === 'pin') await call(core, 'notes.setPinned', { id: note.id, pinned: edit.pinned })
      else await call(core, 'notes.trash', { id: note.id })
      return true
    }
    case 'restore': {
      const note = pick((await call(core, 'notes.list', { filter: 'trash', limit: 1000 })).notes, edit.slot)
      if (!note) return false
      await call(core, 'notes.restore', { id: note.id })
      return true
    }
    case 'contact':
      await call(core, 'contacts.create', { fields: { name: edit.name } })
      return true
    case 'contactEdit':
    case 'interaction': {
      const contact = pick((await call(core, 'contacts.list', { limit: 1000 })).rows, edit.slot)
      if (!contact) return false
      if (edit.op === 'contactEdit') await call(core, 'contacts.update', { id: contact.id, patch: { role: edit.role } })
      else await call(core, 'interactions.log', { fields: { date: `2026-02-${String(edit.day).padStart(2, '0')}`, contactIds: [contact.id], mode: 'in-person', summary: edit.summary } })
      return true
    }
    case 'project':
      await call(core, 'projects.create', { title: edit.title, template: 'blank' })
      return true
    case 'projectEdit':
    case 'task': {
      const project = pick(await presentProjects(core), edit.slot)
      if (!project) return false
      if (edit.op === 'projectEdit') await call(core, 'projects.update', { projectId: project.id, subject: edit.subject })
      else await call(core, 'projects.addTask', { projectId: project.id, title: edit.title })
      return true
    }
  }
}

/** The projects whose document is on this device (one listed but not yet arrived cannot be edited). */
export async function presentProjects(core: Core) {
  return (await call(core, 'spaces.list', { kind: 'project', includeArchived: true })).spaces.filter((s) => s.present)
}

function pick<T>(items: T[], slot: number): T | undefined {
  return items.length === 0 ? undefined : items[slot % items.length]
}

/** Writes the body in the renderer's Repo, as the editor does, and waits until the core has the change. */
async function writeBody(cluster: ChaosCluster, index: number, url: AutomergeUrl, heading: string, paragraph: string): Promise<void> {
  const renderer = await cluster.renderer(index)
  const handle = await renderer.find<NoteDoc>(url)
  writeRichBody(handle, heading, paragraph)
  const heads = A.getHeads(handle.doc())
  const inCore = await cluster.core(index).repo.find<NoteDoc>(url)
  await eventually(() => A.hasHeads(inCore.doc(), heads), 5_000, 5)
}
