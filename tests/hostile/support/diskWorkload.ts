import { MessageChannel, type MessagePort } from 'node:worker_threads'
import * as A from '@automerge/automerge'
import { Repo, type AutomergeUrl, type DocHandle } from '@automerge/automerge-repo'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import type { ApiResults } from '@shared/api'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import type { Core } from '../../../src/main/core/Core'
import { call } from '../../../src/main/core/testing/coreHarness'
import { eventually } from '../../../src/main/core/testing/eventually'

export type EditKind = 'note' | 'interaction' | 'task' | 'import' | 'typing'

/** One edit and what the core answered. Typing has no answer: the renderer's Repo just syncs it. */
export interface Edit {
  kind: EditKind
  /** The unique strings the edit wrote; an import writes one per contact. */
  markers: string[]
  outcome: 'accepted' | 'refused' | 'typed'
}

/** Interactions twice: the quick-log is the most common edit. */
const allKinds: readonly EditKind[] = ['note', 'interaction', 'interaction', 'task', 'import', 'typing']
/** Edits that change documents that already exist (no new note, shard or contact document). */
export const editsOfExistingDocuments: readonly EditKind[] = ['task', 'typing']

const markerPattern = /dfm-\d{5}(?:\.\d)?/g

/**
 * The edits a teacher makes, through the real boundaries: notes, interactions, project tasks and
 * vCard imports through `core.dispatch`, typing through a renderer Repo connected as the UI is.
 * Every edit writes unique markers so `present` can tell, after a full disk, what was kept.
 */
export class DiskWorkload {
  private counter = 0
  private contactId = ''
  private projectId = ''
  private typingUrl = '' as AutomergeUrl
  /**
   * One renderer Repo for the whole run, as a page that stays open while the core restarts: each
   * core gets a new channel to it. (A new Repo per core left the old one's requests to time out
   * 60 s later inside automerge-repo, as unhandled rejections.)
   */
  private readonly rendererRepo = new Repo({ network: [] })
  private link: { adapter: MessageChannelNetworkAdapter; ports: MessagePort[] } | undefined
  private renderer: { handle: DocHandle<NoteDoc> } | undefined

  constructor(private readonly random: () => number) {}

  /** The contact, project and note the edits attach to (made while there is room). */
  async setUp(core: Core): Promise<void> {
    this.contactId = (await call(core, 'contacts.create', { fields: { name: 'Disk Full Colleague' } })).contact.id
    this.projectId = (await call(core, 'projects.create', { title: 'Disk full project' })).project.id
    this.typingUrl = (await call(core, 'notes.create', { title: 'Typing on a full disk' })).url as AutomergeUrl
    await this.connect(core)
  }

  /** Connects the typing renderer to a (re)opened core. */
  async connect(core: Core): Promise<void> {
    this.disconnect()
    const { port1, port2 } = new MessageChannel()
    core.connectLocalUi(new MessageChannelNetworkAdapter(port1 as never))
    const adapter = new MessageChannelNetworkAdapter(port2 as never)
    this.rendererRepo.networkSubsystem.addNetworkAdapter(adapter)
    this.link = { adapter, ports: [port1, port2] }
    if (this.typingUrl && !this.renderer) this.renderer = { handle: await this.rendererRepo.find<NoteDoc>(this.typingUrl) }
  }

  /** Before the core closes: the renderer stays, its channel goes. */
  disconnect(): void {
    if (!this.link) return
    this.rendererRepo.networkSubsystem.removeNetworkAdapter(this.link.adapter)
    for (const port of this.link.ports) port.close()
    this.link = undefined
  }

  async close(): Promise<void> {
    this.disconnect()
    await this.rendererRepo.shutdown()
  }

  /** Waits until the core holds everything typed so far (the renderer syncs it over a channel). */
  async settle(core: Core): Promise<void> {
    const renderer = this.renderer
    if (!renderer) return
    const typed = A.getHeads(renderer.handle.doc()).join()
    const coreHandle = await core.repo.find<NoteDoc>(this.typingUrl)
    await eventually(() => A.getHeads(coreHandle.doc()).join() === typed, 10_000, 5)
  }

  /** One random edit of a random size. */
  async editOnce(core: Core, kinds: readonly EditKind[] = allKinds): Promise<Edit> {
    const kind = kinds[Math.floor(this.random() * kinds.length)]!
    const marker = `dfm-${String(++this.counter).padStart(5, '0')}`
    switch (kind) {
      case 'note':
        return this.answer(kind, [marker], await core.dispatch('notes.create', { title: `${marker} ${this.text(20, 250)}` }))
      case 'interaction':
        return this.answer(
          kind,
          [marker],
          await core.dispatch('interactions.log', {
            fields: { date: '2026-03-01', contactIds: [this.contactId], mode: 'in-person', summary: `${marker} ${this.text(100, 9_000)}` },
          }),
        )
      case 'task':
        return this.answer(kind, [marker], await core.dispatch('projects.addTask', { projectId: this.projectId, title: `${marker} ${this.text(10, 400)}` }))
      case 'import':
        return this.importContacts(core, marker)
      case 'typing': {
        // Pasted paragraphs as well as keystrokes: enough to need new pages on a full disk.
        const text = ` ${marker} ${this.text(10, this.random() < 0.3 ? 16_000 : 2_000)}`
        this.renderer!.handle.change((doc) => A.splice(doc, ['body'], doc.body.length, 0, text))
        return { kind, markers: [marker], outcome: 'typed' }
      }
    }
  }

  /** Every marker the profile shows: through the API (the index) and, for typing, the note document itself. */
  async present(core: Core): Promise<Set<string>> {
    const texts: string[] = []
    for (const note of (await call(core, 'notes.list', { limit: 1000 })).notes) texts.push(note.title)
    for (const row of (await call(core, 'interactions.list', { limit: 1000 })).rows) texts.push(row.summary)
    for (const task of (await call(core, 'projects.get', { projectId: this.projectId })).project.tasks) texts.push(task.title)
    for (const row of (await call(core, 'contacts.list', { limit: 1000 })).rows) texts.push(row.name)
    texts.push((await core.repo.find<NoteDoc>(this.typingUrl)).doc().body)
    return new Set(texts.flatMap((text) => text.match(markerPattern) ?? []))
  }

  private async importContacts(core: Core, marker: string): Promise<Edit> {
    const markers = Array.from({ length: 1 + Math.floor(this.random() * 3) }, (_, i) => `${marker}.${i}`)
    const vcard = markers.map((name) => `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:${name}\r\nNOTE:${this.text(10, 3_000)}\r\nEND:VCARD\r\n`).join('')
    const preview = await core.dispatch('io.previewImport', { format: 'vcard', text: vcard })
    if (!preview.ok) return this.answer('import', markers, preview)
    const { importId } = preview.value as ApiResults['io.previewImport']
    return this.answer('import', markers, await core.dispatch('io.commitImport', { importId }))
  }

  /** A dispatch answer is either a success or the disk-full error; anything else is a bug. */
  private answer(kind: EditKind, markers: string[], result: Awaited<ReturnType<Core['dispatch']>>): Edit {
    if (result.ok) return { kind, markers, outcome: 'accepted' }
    if (result.error.code === 'disk-full' && /disk is full/i.test(result.error.message)) return { kind, markers, outcome: 'refused' }
    throw new Error(`${kind} ${markers[0]} failed with ${result.error.code}: ${result.error.message}`)
  }

  /** Incompressible text (seeded hex) of a random length, so the disk fills at varied points. */
  private text(min: number, max: number): string {
    const length = min + Math.floor(this.random() * (max - min))
    let text = ''
    while (text.length < length) text += Math.floor(this.random() * 2 ** 32).toString(16).padStart(8, '0')
    return text.slice(0, length)
  }
}
