import { join } from 'node:path'
import * as A from '@automerge/automerge'
import type { DocumentId } from '@automerge/automerge-repo'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import type { Core } from '../Core'
import { openCore } from '../createCore'
import { asUrl, call, writeRichBody } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'
import { workspaceNotes } from '../workspace/openWorkspace'
import { bundleFormatVersion, decodeBundle, encodeBundle, type BundleMetadata } from './bundleFormat'

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
const fromBase64 = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'))

describe('offline bundles between two profiles', () => {
  let temp: ReturnType<typeof makeTempDir>
  const cores: Core[] = []
  beforeEach(() => {
    temp = makeTempDir()
  })
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.shutdown()
    temp.remove()
  })

  async function open(name: string) {
    const opened = await openCore({ dataDir: join(temp.dir, name), deviceName: `${name}’s laptop` })
    cores.push(opened.core)
    return opened
  }

  async function exportNote(core: Core, id: string): Promise<Uint8Array> {
    const file = await call(core, 'bundles.export', { documentId: id })
    expect(file.mimeType).toBe('application/vnd.staffroom.bundle')
    expect(file.fileName).toMatch(/\.staffroom$/)
    return fromBase64(file.base64)
  }

  it('exports a note on one profile and imports it on another under the same id, listed and indexed; a second import merges', async () => {
    const { core: a } = await open('a')
    const { core: b } = await open('b')
    const note = await call(a, 'notes.create', { title: 'Fractions unit' })
    writeRichBody(await a.repo.find<NoteDoc>(asUrl(note.url)), 'Week one', 'Halves and quarters with paper strips')
    await call(a, 'notes.setTags', { id: note.id, tags: ['maths'] })

    const file = await call(a, 'bundles.export', { documentId: note.id })
    expect(file.fileName).toBe('Fractions unit.staffroom')
    const imported = await call(b, 'bundles.import', { base64: file.base64 })
    expect(imported).toMatchObject({ documentId: note.id, url: note.url, kind: 'note', title: 'Fractions unit', outcome: 'added', exportedBy: a.sync.identity.deviceId })
    expect(decodeBundle(fromBase64(file.base64)).metadata).toMatchObject({ documentId: note.id, kind: 'note', deviceId: a.sync.identity.deviceId, deviceName: 'a’s laptop' })

    expect(await call(b, 'notes.get', { id: note.id })).toMatchObject({ title: 'Fractions unit', tags: ['maths'] })
    const listed = await call(b, 'notes.list', {})
    expect(listed.notes.map((n) => n.id)).toEqual([note.id])
    expect((await call(b, 'notes.search', { text: 'quarters' })).hits.length).toBe(1)

    const again = await call(b, 'bundles.import', { base64: file.base64 })
    expect(again.outcome).toBe('merged')
    expect((await call(b, 'notes.list', {})).total).toBe(1)
  })

  it('merges concurrent edits made on both sides: both survive, and the two copies end up equal', async () => {
    const { core: a } = await open('a')
    const { core: b } = await open('b')
    const note = await call(a, 'notes.create', { title: 'Lesson plan' })
    await call(b, 'bundles.import', { base64: toBase64(await exportNote(a, note.id)) })

    const onA = await a.repo.find<NoteDoc>(asUrl(note.url))
    const onB = await b.repo.find<NoteDoc>(asUrl(note.url))
    onA.change((doc) => A.splice(doc, ['title'], doc.title.length, 0, ' (starter)'))
    await call(a, 'notes.setTags', { id: note.id, tags: ['from-a'] })
    onB.change((doc) => A.splice(doc, ['title'], 0, 0, 'Y7 '))
    await call(b, 'notes.setPinned', { id: note.id, pinned: true })

    const merged = await call(a, 'bundles.import', { base64: toBase64(await exportNote(b, note.id)) })
    expect(merged).toMatchObject({ outcome: 'merged', title: 'Y7 Lesson plan (starter)' })
    await call(b, 'bundles.import', { base64: toBase64(await exportNote(a, note.id)) })
    for (const core of [a, b]) {
      expect(await call(core, 'notes.get', { id: note.id })).toMatchObject({ title: 'Y7 Lesson plan (starter)', tags: ['from-a'], pinned: true })
    }
    expect(A.getHeads(onA.doc()).sort()).toEqual(A.getHeads(onB.doc()).sort())
  })

  it('refuses foreign, newer, damaged, truncated, corrupt and wrong-kind files with a named error, changing nothing', async () => {
    const { core: a } = await open('a')
    const { core: b, internals } = await open('b')
    const note = await call(a, 'notes.create', { title: 'Shared plan' })
    const good = await exportNote(a, note.id)
    await call(b, 'notes.create', { title: 'Already here' })
    const before = { stats: b.stats(), notes: [...workspaceNotes(internals.ctx.workspace).keys()], handles: Object.keys(b.repo.handles).sort() }

    const metadata: BundleMetadata = { documentId: note.id, kind: 'note', title: 'x', exportedAt: 1, deviceId: a.sync.identity.deviceId }
    const withVersion = (bytes: Uint8Array, version: number) => {
      const copy = new Uint8Array(bytes)
      new DataView(copy.buffer).setUint16(8, version)
      return copy
    }
    const flipped = new Uint8Array(good)
    flipped[Math.floor(good.length / 2)]! ^= 0xff
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['a text file', new TextEncoder().encode('BEGIN:VCARD\nFN:Ada\nEND:VCARD\n'), /not a Staffroom bundle/],
      ['an empty file', new Uint8Array(0), /not a Staffroom bundle/],
      ['a PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), /not a Staffroom bundle/],
      ['a newer format', withVersion(good, bundleFormatVersion + 1), /newer version of Staffroom/],
      ['a flipped byte', flipped, /damaged: its checksum does not match/],
      ['a truncated file', good.subarray(0, good.length - 100), /damaged: its checksum does not match/],
      ['the header alone', good.subarray(0, 12), /damaged/],
      ['a corrupt Automerge binary with a valid checksum', encodeBundle(metadata, Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8])), /damaged: its document cannot be read/],
      ['a document that is not a note', encodeBundle(metadata, A.save(A.from({ kind: 'collection', records: {} }))), /does not hold a note \(kind is wrong\)/],
      ['a note missing its body', encodeBundle(metadata, A.save(A.from({ kind: 'note', schemaVersion: 1, title: 't', tags: [], pinned: false, trashedAt: null, createdAt: 1 }))), /does not hold a note \(body is wrong\)/],
      ['a kind this version does not know', encodeBundle({ ...metadata, kind: 'lesson' }, A.save(A.from({ kind: 'lesson' }))), /holds a “lesson”/],
      [
        'a note claiming the workspace’s id',
        encodeBundle({ ...metadata, documentId: internals.ctx.workspace.documentId }, A.save(A.from({ kind: 'note', schemaVersion: 1, title: 't', body: '', tags: [], pinned: false, trashedAt: null, createdAt: 1 }))),
        /belongs to a different document/,
      ],
    ]
    for (const [what, bytes, message] of cases) {
      const result = await b.dispatch('bundles.import', { base64: toBase64(bytes) })
      expect(result, what).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(message) } })
    }
    const huge = await b.dispatch('bundles.import', { base64: 'A'.repeat(70 * 1024 * 1024) })
    expect(huge).toMatchObject({ ok: false, error: { code: 'too-large', message: expect.stringMatching(/larger than 50 MB/) } })

    expect(b.stats()).toEqual({ ...before.stats, databaseBytes: b.stats().databaseBytes })
    expect([...workspaceNotes(internals.ctx.workspace).keys()]).toEqual(before.notes)
    expect(Object.keys(b.repo.handles).sort()).toEqual(before.handles)
    expect(b.repo.handles[note.id as DocumentId]).toBeUndefined()
    // The good file still imports afterwards.
    expect(await call(b, 'bundles.import', { base64: toBase64(good) })).toMatchObject({ outcome: 'added', title: 'Shared plan' })
  })

  it('an imported note is in storage when the import returns', async () => {
    const { core: a } = await open('a')
    const { core: b, internals } = await open('b')
    const note = await call(a, 'notes.create', { title: 'Kept' })
    await call(b, 'bundles.import', { base64: toBase64(await exportNote(a, note.id)) })
    expect((await internals.ctx.storage.loadRange([note.id])).length).toBeGreaterThan(0)
    await cores.splice(cores.indexOf(b), 1)[0]!.shutdown()
    const { core: reopened } = await open('b')
    expect(await call(reopened, 'notes.get', { id: note.id })).toMatchObject({ title: 'Kept' })
  })

  it('exports only notes this profile lists', async () => {
    const { core: a } = await open('a')
    expect(await a.dispatch('bundles.export', { documentId: a.workspaceUrl.replace('automerge:', '') })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })
})
