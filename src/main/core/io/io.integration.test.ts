import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as A from '@automerge/automerge'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ApiEvents } from '@shared/api'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import type { Core } from '../Core'
import { createCore } from '../createCore'
import { asUrl, call, collectEvents, writeRichBody } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name))

describe('import and export through the core', () => {
  let temp: ReturnType<typeof makeTempDir>
  const open: Core[] = []
  const start = async (name = 'profile') => {
    const core = await createCore({ dataDir: join(temp.dir, name) })
    open.push(core)
    return core
  }
  beforeEach(() => {
    temp = makeTempDir()
  })
  afterEach(async () => {
    for (const core of open.splice(0)) await core.shutdown()
    temp.remove()
  })
  const names = async (core: Core) => (await call(core, 'contacts.list', { sort: 'name' })).rows.map((row) => row.name)

  it('previews a vCard file, writes nothing until commit, then creates every contact once', async () => {
    const core = await start()
    const events = collectEvents(core)
    const preview = await call(core, 'io.previewImport', { format: 'vcard', base64: fixture('apple-contacts.vcf').toString('base64') })
    expect(preview).toMatchObject({ format: 'vcard', counts: { contact: 2 }, errors: [], canCommit: true })
    expect(preview.sample.map((row) => row.title)).toEqual(['Chidi Okafor', 'Association for Science Education'])
    expect(await names(core)).toEqual([])
    expect(await call(core, 'io.commitImport', { importId: preview.importId })).toEqual({ created: { contact: 2 }, skipped: {} })
    expect(await names(core)).toEqual(['Association for Science Education', 'Chidi Okafor'])
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.payload as ApiEvents['progress'])
    expect(progress.some((p) => p.task === 'import' && p.done === p.total && p.total === 2)).toBe(true)
    const again = await core.dispatch('io.commitImport', { importId: preview.importId })
    expect(again).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('refuses to commit a file with any bad card, naming its line, and writes nothing', async () => {
    const core = await start()
    const text = 'BEGIN:VCARD\nVERSION:3.0\nFN:Good\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nEMAIL:x@example.org\nEND:VCARD\n'
    const preview = await call(core, 'io.previewImport', { format: 'vcard', text })
    expect(preview).toMatchObject({ canCommit: false, errorCount: 1, errors: [{ line: 5, message: 'Line 5: the card has no name (FN or N).' }] })
    const result = await core.dispatch('io.commitImport', { importId: preview.importId })
    expect(result).toEqual({ ok: false, error: { code: 'bad-request', message: 'Nothing was imported. Line 5: the card has no name (FN or N).' } })
    expect(await names(core)).toEqual([])
  })

  it('imports CSV with the mapping the user chose', async () => {
    const core = await start()
    const text = 'Who,Mail,Where\r\nAnn Lee,ann@example.org,Leeds\r\nBo,bo@example.org,York\r\n'
    const preview = await call(core, 'io.previewImport', { format: 'csv', text })
    expect(preview.csv).toEqual({ headers: ['Who', 'Mail', 'Where'], mapping: ['ignore', 'email', 'ignore'], rows: [['Ann Lee', 'ann@example.org', 'Leeds'], ['Bo', 'bo@example.org', 'York']] })
    expect(preview.canCommit).toBe(false)
    const remapped = await call(core, 'io.remapImport', { importId: preview.importId, mapping: ['name', 'email', 'location'] })
    expect(remapped).toMatchObject({ canCommit: true, counts: { contact: 2 } })
    await call(core, 'io.commitImport', { importId: preview.importId })
    const ann = (await call(core, 'contacts.list', { query: 'ann' })).rows[0]!
    expect((await call(core, 'contacts.get', { id: ann.id })).contact).toMatchObject({ location: 'Leeds', channels: [{ kind: 'email', value: 'ann@example.org' }] })
  })

  it('refuses a file over the size limit before reading it', async () => {
    const core = await start()
    const result = await core.dispatch('io.previewImport', { format: 'csv', base64: 'A'.repeat(70 * 1024 * 1024) })
    expect(result).toEqual({ ok: false, error: { code: 'too-large', message: 'The file is larger than 50 MB, the most Staffroom imports at once. Split it into smaller files.' } })
  })

  it('backs up everything and restores it into a fresh profile: records, deleted ones, notes with formatting; twice is harmless', async () => {
    const first = await start('first')
    const ann = (await call(first, 'contacts.create', { fields: { name: 'Ann Lee', tags: ['maths'] } })).contact
    const bo = (await call(first, 'contacts.create', { fields: { name: 'Bo' } })).contact
    await call(first, 'contacts.delete', { id: bo.id })
    await call(first, 'interactions.log', { fields: { date: '2026-03-01', contactIds: [ann.id], mode: 'in-person', summary: 'Fractions', followUpOn: '2026-03-08' } })
    const note = await call(first, 'notes.create', { title: 'Unit plan' })
    const handle = await first.repo.find<NoteDoc>(asUrl(note.url))
    writeRichBody(handle, 'Aims', 'Fluency with fractions')
    const backup = await call(first, 'io.export', { format: 'backup.json' })
    expect(backup.fileName).toMatch(/^staffroom-backup-\d{4}-\d{2}-\d{2}\.json$/)

    const second = await start('second')
    const preview = await call(second, 'io.previewImport', { format: 'backup', text: backup.text })
    expect(preview).toMatchObject({ canCommit: true, counts: { contact: 2, interaction: 1, note: 1 }, skipped: {} })
    await call(second, 'io.commitImport', { importId: preview.importId })
    expect(await names(second)).toEqual(['Ann Lee'])
    expect((await call(second, 'contacts.get', { id: bo.id })).contact.deletedAt).not.toBeNull()
    expect((await call(second, 'interactions.list', {})).total).toBe(1)
    expect((await call(second, 'notes.search', { text: 'fluency' })).hits.map((hit) => hit.id)).toEqual([note.id])
    const restored = await second.repo.find<NoteDoc>(asUrl(note.url))
    expect(A.spans(restored.doc(), ['body'])).toEqual(A.spans(handle.doc(), ['body']))

    const twice = await call(second, 'io.previewImport', { format: 'backup', text: backup.text })
    expect(twice).toMatchObject({ counts: {}, skipped: { contact: 2, interaction: 1, note: 1 } })
    expect(await call(second, 'io.commitImport', { importId: twice.importId })).toEqual({ created: {}, skipped: { contact: 2, interaction: 1, note: 1 } })
    expect((await call(second, 'contacts.list', {})).total + (await call(second, 'contacts.list', { show: 'deleted' })).total).toBe(2)
  })

  it('refuses a backup whose note claims the id of another document here (the workspace), changing nothing (found by the hostile-file fuzzing)', async () => {
    const first = await start('first')
    await call(first, 'notes.create', { title: 'Unit plan' })
    const backup = JSON.parse((await call(first, 'io.export', { format: 'backup.json' })).text)
    const second = await start('second')
    const workspace = await second.repo.find(asUrl(second.workspaceUrl))
    const workspaceId = workspace.documentId
    const headsBefore = A.getHeads(workspace.doc())
    backup.notes[0].id = workspaceId
    const preview = await call(second, 'io.previewImport', { format: 'backup', text: JSON.stringify(backup) })
    expect(preview).toMatchObject({ canCommit: false, errors: [{ message: `Note "Unit plan" (id ${workspaceId}): this id belongs to another document in this profile, so the note cannot be restored under it (the backup may be damaged).` }] })
    expect(await second.dispatch('io.commitImport', { importId: preview.importId })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^Nothing was imported\. Note "Unit plan"/) } })
    expect(A.getHeads(workspace.doc())).toEqual(headsBefore)
    expect((await call(second, 'notes.list', {})).total).toBe(0)
  })

  it('exports contacts, interactions, the calendar, the journal and notes as files', async () => {
    const core = await start()
    const ann = (await call(core, 'contacts.create', { fields: { name: '=Ann', channels: [{ kind: 'email', value: 'ann@example.org' }] } })).contact
    await call(core, 'interactions.log', { fields: { date: '2026-03-01', contactIds: [ann.id], mode: 'online', followUpOn: '2026-03-08' } })
    await call(core, 'journal.create', { fields: { date: '2026-03-02', title: 'Met Ann', contactIds: [ann.id] } })
    const vcf = await call(core, 'io.export', { format: 'contacts.vcard4' })
    expect(vcf).toMatchObject({ mimeType: 'text/vcard;charset=utf-8' })
    expect(vcf.text).toContain('FN:=Ann\r\n')
    expect((await call(core, 'io.export', { format: 'contacts.csv' })).text).toContain("'=Ann")
    expect((await call(core, 'io.export', { format: 'interactions.csv' })).text).toContain(`2026-03-01,"'=Ann",online`)
    expect((await call(core, 'io.export', { format: 'calendar.ics' })).text).toContain('SUMMARY:Follow up with =Ann\r\n')
    expect((await call(core, 'io.export', { format: 'journal.md' })).text).toContain('## 2026-03-02 — Met Ann')
    await call(core, 'notes.create', { title: 'Plan' })
    expect((await call(core, 'io.export', { format: 'notes.md' })).text).toContain('## Plan')
  })
})
