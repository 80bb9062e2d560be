import * as A from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { eventFields, interactionFields, readingFields, resourceFields, type RecordKind, type RecordOf } from '@shared/network/records'
import { sampleContact } from '../testRecords'
import type { BackupRecords } from './backupFormat'
import { createBackup } from './createBackup'
import { readBackup } from './readBackup'

const meta = { createdAt: 1, updatedAt: 2, deletedAt: null }
function records(): BackupRecords {
  return {
    contact: [sampleContact(), { ...sampleContact({ name: 'Deleted Dan' }, 'c2'), deletedAt: 5 }],
    interaction: [{ id: 'i1', ...meta, ...interactionFields.parse({ date: '2026-03-01', contactIds: ['c1'], mode: 'in-person', followUpOn: '2026-03-08' }) }],
    community: [],
    event: [{ id: 'e1', ...meta, ...eventFields.parse({ title: 'ResearchED', startsAt: '2026-03-07T09:30' }) }],
    goal: [],
    journal: [],
    resource: [{ id: 'r1', ...meta, ...resourceFields.parse({ title: 'Retrieval practice guide', direction: 'received', contactIds: ['c1'], date: '2026-03-02' }) }],
    reading: [{ id: 'rd1', ...meta, ...readingFields.parse({ title: 'Cognitive load theory', addedOn: '2026-03-03', status: 'applied' }) }],
    feed: [],
    checkin: [],
  }
}
function noteBinary(): Uint8Array {
  const doc = A.change(A.from({ kind: 'note', schemaVersion: 1, title: 'Plan', body: '', tags: ['maths'], pinned: false, trashedAt: null, createdAt: 1 }), (d) => {
    A.splitBlock(d, ['body'], 0, { type: 'heading', parents: [], attrs: { level: 1 } })
    A.splice(d, ['body'], 1, 0, 'Aims')
    A.mark(d, ['body'], { start: 1, end: 3, expand: 'none' }, 'strong', true)
  })
  return A.save(doc)
}

describe('JSON backup', () => {
  it('round-trips every record exactly (ids, times, deleted ones) and notes with their formatting', () => {
    const text = createBackup(records(), [{ id: 'n1', title: 'Plan', binary: noteBinary() }], Date.UTC(2026, 2, 1), '0.1.0')
    const plan = readBackup(text)
    expect(plan.errors).toEqual([])
    const byKind = (kind: RecordKind) => plan.records.filter((r) => r.kind === kind).map((r) => ({ ...r.meta, ...r.fields }) as RecordOf<typeof kind>)
    const original = records()
    for (const kind of ['contact', 'interaction', 'event'] as const) expect(byKind(kind)).toEqual(original[kind])
    const restored = A.load<{ body: string }>(plan.notes[0]!.binary)
    expect(A.spans(restored, ['body'])).toEqual(A.spans(A.load(noteBinary()), ['body']))
    expect(JSON.parse(text)).toMatchObject({ format: 'staffroom-backup', formatVersion: 1, createdAt: '2026-03-01T00:00:00.000Z' })
  })

  it('names the record that does not fit its schema, and restores nothing', () => {
    const backup = JSON.parse(createBackup(records(), [], 0, '0.1.0'))
    backup.records.contact[1].name = ''
    backup.records.interaction[0].mode = 'telepathy'
    const plan = readBackup(JSON.stringify(backup))
    expect(plan.errors.map((e) => e.message)).toEqual([
      'Contact 2 (id c2): name: Required',
      expect.stringMatching(/^Interaction 1 \(id i1\): mode: /),
    ])
  })

  it('refuses invalid JSON naming the line, another format, a newer version, duplicate ids and a damaged note', () => {
    expect(readBackup('{\n "format": "staffroom-backup",\n oops\n}').errors[0]!.message).toMatch(/^Line 3: the backup is not valid JSON/)
    expect(readBackup('{"format":"something-else","formatVersion":1}').errors[0]!.message).toMatch(/not a Staffroom backup/)
    expect(readBackup('{"format":"staffroom-backup","formatVersion":99}').errors[0]!.message).toMatch(/newer Staffroom/)
    const twice = JSON.parse(createBackup(records(), [{ id: 'n1', title: '', binary: new Uint8Array([1, 2, 3]) }], 0, '0.1.0'))
    twice.records.contact[1].id = 'c1'
    expect(readBackup(JSON.stringify(twice)).errors.map((e) => e.message)).toEqual([
      'Contact 2 (id c1): the same id appears twice in the backup.',
      'Note 1 (id n1): its document could not be read (the backup may be damaged).',
    ])
  })

  it('refuses a note listed twice under one id, which would be written once but counted twice (found by the hostile-file fuzzing)', () => {
    const note = { id: 'n1', title: 'Plan', binary: noteBinary() }
    const plan = readBackup(createBackup(records(), [note, { ...note, title: 'Again' }], 0, '0.1.0'))
    expect(plan.errors.map((e) => e.message)).toEqual(['Note 2 (id n1): the same id appears twice in the backup.'])
    expect(plan.notes).toHaveLength(1)
  })
})
