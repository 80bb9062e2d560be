import * as A from '@automerge/automerge'
import { fieldsByKind, recordKinds, recordMeta } from '@shared/network/records'
import { describeIssues } from '../../api/dispatch'
import { lineOfIndex } from '../decodeInput'
import { emptyPlan, type ImportPlan, type PlannedRecord } from '../ImportPlan'
import { backupEnvelope, backupFormatVersion, backupNote } from './backupFormat'

/**
 * A backup file as planned records and notes. Every record is checked against its zod schema and
 * every note must load as an Automerge note document; each problem names the record
 * ("contact 12 (id …)"), and any problem stops the whole restore.
 */
export function readBackup(text: string, onProgress?: (done: number, total: number) => void): ImportPlan {
  const plan = emptyPlan()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1]
    const line = position === undefined ? undefined : lineOfIndex(text, Number(position))
    plan.errors.push({ line, message: `${line ? `Line ${line}: ` : ''}the backup is not valid JSON (${(error as Error).message.slice(0, 120)}).` })
    return plan
  }
  const envelope = backupEnvelope.safeParse(json)
  if (!envelope.success) {
    plan.errors.push({ message: describeIssues(envelope.error) })
    return plan
  }
  const { formatVersion, records, notes } = envelope.data
  if (formatVersion > backupFormatVersion) {
    plan.errors.push({ message: `This backup was made by a newer Staffroom (backup format ${formatVersion}); update Staffroom to restore it.` })
    return plan
  }
  for (const kind of Object.keys(records)) {
    if (!(recordKinds as readonly string[]).includes(kind)) plan.warnings.push({ message: `The backup holds records of a kind this Staffroom does not know ("${kind.slice(0, 40)}"); they were left out.` })
  }
  const total = recordKinds.reduce((n, kind) => n + (records[kind]?.length ?? 0), 0) + notes.length
  let done = 0
  const seen = new Set<string>()
  for (const kind of recordKinds) {
    const schema = fieldsByKind[kind].extend(recordMeta.shape)
    ;(records[kind] ?? []).forEach((raw, index) => {
      if (++done % 1000 === 0) onProgress?.(done, total)
      const name = `${kind} ${index + 1}${idOf(raw)}`
      const parsed = schema.safeParse(raw)
      if (!parsed.success) return void plan.errors.push({ record: name, message: `${capitalise(name)}: ${describeIssues(parsed.error)}` })
      if (seen.has(`${kind}:${parsed.data.id}`)) return void plan.errors.push({ record: name, message: `${capitalise(name)}: the same id appears twice in the backup.` })
      seen.add(`${kind}:${parsed.data.id}`)
      const { id, createdAt, updatedAt, deletedAt, ...fields } = parsed.data
      plan.records.push({ kind, fields, meta: { id, createdAt, updatedAt, deletedAt } } as PlannedRecord)
    })
  }
  notes.forEach((raw, index) => {
    if (++done % 1000 === 0) onProgress?.(done, total)
    const name = `note ${index + 1}${idOf(raw)}`
    const parsed = backupNote.safeParse(raw)
    if (!parsed.success) return void plan.errors.push({ record: name, message: `${capitalise(name)}: ${describeIssues(parsed.error)}` })
    // Two notes under one id would be written to one document while counted as two.
    if (seen.has(`note:${parsed.data.id}`)) return void plan.errors.push({ record: name, message: `${capitalise(name)}: the same id appears twice in the backup.` })
    seen.add(`note:${parsed.data.id}`)
    const binary = new Uint8Array(Buffer.from(parsed.data.automerge, 'base64'))
    try {
      const doc = A.load<{ kind?: unknown }>(binary)
      if (doc.kind !== 'note') throw new Error('not a note')
    } catch {
      return void plan.errors.push({ record: name, message: `${capitalise(name)}: its document could not be read (the backup may be damaged).` })
    }
    plan.notes.push({ id: parsed.data.id, title: parsed.data.title, binary })
  })
  onProgress?.(total, total)
  return plan
}

function idOf(raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined
  return typeof id === 'string' ? ` (id ${id.slice(0, 64)})` : ''
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

