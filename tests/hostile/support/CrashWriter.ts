import * as A from '@automerge/automerge'
import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import type { Core } from '../../../src/main/core/Core'
import { call, connectRenderer, writeRichBody } from '../../../src/main/core/testing/coreHarness'
import { coreHasHeads, interactionSummary, type CrashFact } from './crashFacts'
import { randomInt } from './crashRandom'

interface WrittenNote {
  id: string
  url: string
  /** The renderer's handle once its find resolved and the first edit (the rich body) was made. */
  handle?: DocHandle<NoteDoc>
  tags: string[]
  trashed: boolean
}

interface WrittenInteraction {
  id: string
  base: string
  version: number
  deleted: boolean
}

/** A renderer edit waiting to reach the core; acknowledged after a flush that began once the core had it. */
interface RendererEdit {
  id: string
  heads: A.Heads
  fact: CrashFact
}

/** Renderer edits not yet in the core, at most: typing pauses while sync catches up. */
const maxInFlightEdits = 30
/** Below the API's limit: a note with this many tags gets no more. */
const maxTagsPerNote = 8

/**
 * Writes as fast as it can, in batches of 1–6 changes: notes through dispatch and their bodies
 * through a renderer Repo (as the editor does), interactions and project tasks through dispatch.
 *
 * "Acknowledged" means: the change was made (dispatch answered ok; for a renderer edit, the
 * core's copy holds the renderer's heads), THEN a `flush()` (CoreInternals.flush) begun after
 * that resolved, and only then is the fact handed to `acknowledge` (printed on stdout, which is
 * synchronous on a Linux pipe). Renderer edits reach the core through sync (tens to hundreds of
 * milliseconds), so they are acknowledged by whichever later flush first finds them there.
 */
export class CrashWriter {
  private readonly notes: WrittenNote[] = []
  private readonly interactions: WrittenInteraction[] = []
  private readonly tasks: Array<{ taskId: string; done: boolean }> = []
  private inFlight: RendererEdit[] = []
  private contactId: string | undefined
  private projectId: string | undefined
  private counter = 0
  private readonly tag: string
  private readonly renderer

  constructor(
    private readonly core: Core,
    /** The core's durability signal (CoreInternals.flush). */
    private readonly flush: () => Promise<void>,
    private readonly random: () => number,
    private readonly acknowledge: (fact: CrashFact) => void,
    /** The editor could not open a note the core had just created, even after retries. */
    private readonly onEditorUnavailable: (noteId: string) => void,
  ) {
    this.renderer = connectRenderer(core)
    // Names unique across the children that share a profile (each child gets its own seed).
    this.tag = randomInt(random, 2 ** 30).toString(36)
  }

  async run(): Promise<never> {
    for (;;) {
      const facts: CrashFact[] = []
      const batch = 1 + randomInt(this.random, 6)
      for (let i = 0; i < batch; i++) await this.step(facts)
      const arrived = this.inFlight.filter((edit) => coreHasHeads(this.core, edit.id, edit.heads))
      this.inFlight = this.inFlight.filter((edit) => !arrived.includes(edit))
      await this.flush()
      for (const fact of [...facts, ...arrived.map((edit) => edit.fact)]) this.acknowledge(fact)
    }
  }

  private unique(prefix: string): string {
    return `${prefix}${this.tag}x${++this.counter}`
  }

  private async step(facts: CrashFact[]): Promise<void> {
    const roll = this.random()
    const editable = this.inFlight.length < maxInFlightEdits ? this.notes.filter((note) => note.handle && !note.trashed) : []
    if (roll < 0.15) {
      await this.createNote(facts)
    } else if (roll < 0.45 && editable.length > 0) {
      // Typing into a note: text appended in the renderer, synced to the core.
      const note = editable[randomInt(this.random, editable.length)]!
      const token = this.unique('typed')
      note.handle!.change((doc) => A.splice(doc, ['body'], doc.body.length, 0, ` ${token}`))
      this.inFlight.push({ id: note.id, heads: A.getHeads(note.handle!.doc()), fact: { t: 'append', id: note.id, url: note.url, token } })
    } else if (roll < 0.5 && editable.some((note) => note.tags.length < maxTagsPerNote)) {
      const taggable = editable.filter((note) => note.tags.length < maxTagsPerNote)
      const note = taggable[randomInt(this.random, taggable.length)]!
      // Tags only grow (notes.setTags replaces the list), so an earlier acknowledgement stays true.
      const tag = this.unique('tag')
      note.tags = [...note.tags, tag]
      await call(this.core, 'notes.setTags', { id: note.id, tags: note.tags })
      facts.push({ t: 'tags', id: note.id, url: note.url, tags: [tag] })
    } else if (roll < 0.53 && editable.length > 0) {
      const note = editable[randomInt(this.random, editable.length)]!
      await call(this.core, 'notes.trash', { id: note.id })
      note.trashed = true
      facts.push({ t: 'trash', id: note.id, url: note.url })
    } else if (roll < 0.8) {
      await this.interactionStep(facts)
    } else {
      await this.projectStep(facts)
    }
  }

  /** notes.create, then (without waiting) the editor opens it and writes a heading and a bold paragraph. */
  private async createNote(facts: CrashFact[]): Promise<void> {
    const title = this.unique('note')
    const note = await call(this.core, 'notes.create', { title })
    const written: WrittenNote = { id: note.id, url: note.url, tags: [], trashed: false }
    this.notes.push(written)
    facts.push({ t: 'note', id: note.id, url: note.url, title })
    const heading = this.unique('heading')
    const paragraph = `${this.unique('paragraph')} with some words to index`
    void this.openInEditor(note.url).then((handle) => {
      if (!handle) return this.onEditorUnavailable(note.id)
      writeRichBody(handle, heading, paragraph)
      written.handle = handle
      this.inFlight.push({ id: note.id, heads: A.getHeads(handle.doc()), fact: { t: 'body', id: note.id, url: note.url, heading, paragraph } })
    })
  }

  /**
   * The renderer's find, retried as a person would reopen the note: under heavy load automerge-repo
   * sometimes answers "unavailable" for a document the core created a moment before (a race in
   * the library's request/announce exchange, not a storage matter; see docs/RELIABILITY.md).
   */
  private async openInEditor(url: string): Promise<DocHandle<NoteDoc> | undefined> {
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        return await this.renderer.repo.find<NoteDoc>(url as AutomergeUrl)
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    }
    return undefined
  }

  private async interactionStep(facts: CrashFact[]): Promise<void> {
    if (!this.contactId) {
      const name = this.unique('Contact ')
      this.contactId = (await call(this.core, 'contacts.create', { fields: { name } })).contact.id
      facts.push({ t: 'contact', id: this.contactId, name })
      return
    }
    const live = this.interactions.filter((interaction) => !interaction.deleted)
    const roll = this.random()
    if (roll < 0.5 || live.length === 0) {
      const base = this.unique('met')
      const { interaction } = await call(this.core, 'interactions.log', {
        fields: { date: '2026-11-30', contactIds: [this.contactId], mode: 'in-person', summary: interactionSummary(base, 0) },
      })
      this.interactions.push({ id: interaction.id, base, version: 0, deleted: false })
      facts.push({ t: 'interaction', id: interaction.id, base, version: 0 })
    } else if (roll < 0.9) {
      const target = live[randomInt(this.random, live.length)]!
      target.version++
      await call(this.core, 'interactions.update', { id: target.id, patch: { summary: interactionSummary(target.base, target.version) } })
      facts.push({ t: 'interaction', id: target.id, base: target.base, version: target.version })
    } else {
      const target = live[randomInt(this.random, live.length)]!
      await call(this.core, 'interactions.delete', { id: target.id })
      target.deleted = true
      facts.push({ t: 'interactionDeleted', id: target.id })
    }
  }

  private async projectStep(facts: CrashFact[]): Promise<void> {
    if (!this.projectId) {
      const title = this.unique('Project ')
      this.projectId = (await call(this.core, 'projects.create', { title, template: 'blank' })).project.id
      facts.push({ t: 'project', id: this.projectId, title })
      return
    }
    const open = this.tasks.filter((task) => !task.done)
    if (this.random() < 0.6 || open.length === 0) {
      const title = this.unique('task')
      const { taskId } = await call(this.core, 'projects.addTask', { projectId: this.projectId, title })
      this.tasks.push({ taskId, done: false })
      facts.push({ t: 'task', projectId: this.projectId, taskId, title })
    } else {
      const task = open[randomInt(this.random, open.length)]!
      await call(this.core, 'projects.updateTask', { projectId: this.projectId, taskId: task.taskId, done: true })
      task.done = true
      facts.push({ t: 'taskDone', projectId: this.projectId, taskId: task.taskId })
    }
  }
}
