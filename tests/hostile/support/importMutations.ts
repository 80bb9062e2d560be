import * as A from '@automerge/automerge'
import { parseAutomergeUrl, stringifyAutomergeUrl } from '@automerge/automerge-repo'
import fc from 'fast-check'
import { giantSize, textEdit, type Mutation } from './fileMutations'
import { isLongRun } from './trials'

/** A valid Automerge document that is not a note (a contacts shard's shape). */
const otherDocumentBase64 = Buffer.from(A.save(A.from({ records: { c1: { name: 'Not a note' } } }))).toString('base64')

/** A valid document id that no profile has (fixed, so a failure replays). */
export const strayDocumentId: string = parseAutomergeUrl(stringifyAutomergeUrl(Uint8Array.from({ length: 16 }, (_, i) => i * 7 + 1) as never)).documentId

/**
 * Damage that knows the format: giant fields near and over the limits, deep nesting, required
 * fields removed, things repeated that should appear once. Each gives a `text` mutation.
 */

const depth = fc.constantFrom(2, 31, 32, 33, 99, 100, 101, 1_000, 20_000)
const lineBreak = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n')

/** Inserts `insert` after the n-th line matching `pattern` (n wraps around). */
function afterMatch(text: string, pattern: RegExp, n: number, insert: string): string {
  const eol = lineBreak(text)
  const lines = text.split(eol)
  const hits = lines.flatMap((line, index) => (pattern.test(line) ? [index] : []))
  if (hits.length === 0) return text + eol + insert
  lines.splice(hits[n % hits.length]! + 1, 0, insert)
  return lines.join(eol)
}

// ---------- vCard ----------

const vcardProperty = fc.constantFrom('FN', 'N', 'NOTE', 'ORG', 'TITLE', 'EMAIL', 'TEL', 'URL', 'CATEGORIES', 'NICKNAME', 'X-STAFFROOM-MET-HOW', 'PRONOUNS')

export const vcardMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(vcardProperty, giantSize, fc.nat()).map(([property, size, n]) =>
    textEdit(`giant ${property} of ${size}`, (t) => afterMatch(t, /^BEGIN:VCARD/i, n, `${property}:${property === 'CATEGORIES' ? Array.from({ length: Math.ceil(size / 42) }, (_, i) => `${i}${'t'.repeat(40)}`).join(',') : 'x'.repeat(size)}`)),
  ),
  fc.tuple(giantSize, fc.nat()).map(([size, n]) => textEdit(`photo of ${size}`, (t) => afterMatch(t, /^BEGIN:VCARD/i, n, `PHOTO:data:image/png;base64,${'A'.repeat(size)}`))),
  fc.tuple(fc.constantFrom(29, 30, 31, 500), fc.nat()).map(([count, n]) =>
    textEdit(`${count} emails in a card`, (t) => afterMatch(t, /^BEGIN:VCARD/i, n, Array.from({ length: count }, (_, i) => `EMAIL:p${i}@example.org`).join(lineBreak(t)))),
  ),
  fc.constantFrom('FN', 'N', 'END', 'BEGIN', 'VERSION').map((property) => textEdit(`without ${property}`, (t) => t.split(/\r?\n/).filter((line) => !line.toUpperCase().startsWith(`${property}:`) && !line.toUpperCase().startsWith(`${property};`)).join('\n'))),
  fc.tuple(depth, fc.boolean(), fc.nat()).map(([levels, closed, n]) =>
    textEdit(`${levels} nested BEGIN:VCARD${closed ? ' closed' : ''}`, (t) => afterMatch(t, /^BEGIN:VCARD/i, n, `${'BEGIN:VCARD\nFN:Inner\n'.repeat(levels)}${closed ? 'END:VCARD\n'.repeat(levels) : ''}`)),
  ),
  fc.tuple(depth, fc.nat()).map(([levels, n]) => textEdit(`AGENT nested ${levels} deep`, (t) => afterMatch(t, /^BEGIN:VCARD/i, n, `AGENT:${'BEGIN:VCARD\\nFN:Agent\\nAGENT:'.repeat(levels)}x`))),
  fc.tuple(fc.constantFrom(1_000, 50_000), fc.nat()).map(([count, n]) => textEdit(`NOTE folded over ${count} lines`, (t) => afterMatch(t, /^BEGIN:VCARD/i, n, `NOTE:start${'\n x'.repeat(count)}`))),
  fc.constantFrom(2, 3).map((times) => textEdit(`whole file ${times} times`, (t) => t.repeat(times))),
)

// ---------- CSV ----------

export const csvMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(giantSize, fc.nat(), fc.nat()).map(([size, row, column]) =>
    textEdit(`giant cell of ${size}`, (t) => editCell(t, row, column, `"${'x'.repeat(size)}"`)),
  ),
  fc.constantFrom(999, 1_000, 1_001).map((columns) =>
    textEdit(`${columns} columns`, (t) => {
      const eol = lineBreak(t)
      return t
        .split(eol)
        .map((line, index) => (line === '' ? line : `${line}${Array.from({ length: columns }, (_, c) => `,${index === 0 ? `Extra ${c}` : c}`).join('')}`))
        .join(eol)
    }),
  ),
  fc.constantFrom(31, 100).map((groups) => textEdit(`${groups} groups of 41 characters`, (t) => editCell(t, 0, 0, `"x ::: ${Array.from({ length: groups }, (_, i) => `${i}${'g'.repeat(40)}`).join(' ::: ')}"`, 'Group Membership'))),
  fc.tuple(fc.nat(), fc.constantFrom('"', '""', '"""', '"x"y"')).map(([n, quote]) => textEdit(`stray ${quote}`, (t) => t.slice(0, n % (t.length + 1)) + quote + t.slice(n % (t.length + 1)))),
  fc.constantFrom(10, 1_000, 20_000).map((levels) => textEdit(`${levels} nested quotes`, (t) => editCell(t, 1, 0, `"${'"'.repeat(levels * 2)}x${'"'.repeat(levels * 2)}"`))),
  fc.constantFrom(';', '\t', '|').map((separator) => textEdit(`separated by ${JSON.stringify(separator)}`, (t) => t.replace(/,/g, separator))),
  fc.constant(textEdit('no header row', (t) => t.split(/\r?\n/).slice(1).join('\n'))),
  fc.constant(textEdit('only the header row', (t) => t.split(/\r?\n/)[0]!)),
  fc.constant(textEdit('names blanked', (t) => t.split(/\r?\n/).map((line, i) => (i === 0 ? line : line.replace(/^[^,]*/, ''))).join('\n'))),
  // Thousands of rows are slow to write, not hostile: the quick run keeps them small.
  fc.constantFrom(...(isLongRun ? [100, 1_000] : [100])).map((rows) => textEdit(`${rows} rows`, (t) => {
    const lines = t.split(/\r?\n/).filter(Boolean)
    return [lines[0], ...Array.from({ length: rows }, (_, i) => lines[1 + (i % Math.max(1, lines.length - 1))] ?? `Row ${i}`)].join('\n')
  })),
)

/** Replaces a cell (row 0 is the first data row) with `value`, or the column named `header`. */
function editCell(text: string, row: number, column: number, value: string, header?: string): string {
  const eol = lineBreak(text)
  const lines = text.split(eol)
  const data = lines.slice(1).filter(Boolean).length
  if (data === 0) return text
  const index = 1 + (row % data)
  const cells = lines[index]!.split(',')
  const headerIndex = header ? lines[0]!.split(',').indexOf(header) : -1
  cells[headerIndex >= 0 ? headerIndex : column % cells.length] = value
  lines[index] = cells.join(',')
  return lines.join(eol)
}

// ---------- JSON backup ----------

type Json = Record<string, unknown>
const deepMarker = '"__STAFFROOM_DEEP__"'

/** Edits the parsed backup; `deep` (a nesting depth) replaces the marker value with that many arrays or objects. */
function backupEdit(name: string, edit: (backup: Json) => void, deep?: { levels: number; objects: boolean }): Mutation {
  return textEdit(name, (text) => {
    let out: string
    try {
      const backup = JSON.parse(text) as Json
      edit(backup)
      out = JSON.stringify(backup, null, 2)
    } catch {
      // Already no JSON, or nested too deep to write back (an earlier edit): this edit has nothing to change.
      return text
    }
    if (!deep) return out
    const nested = deep.objects ? `${'{"a":'.repeat(deep.levels)}1${'}'.repeat(deep.levels)}` : `${'['.repeat(deep.levels)}${']'.repeat(deep.levels)}`
    return out.replace(deepMarker, nested)
  })
}

const records = (backup: Json) => (backup.records ?? {}) as Record<string, Array<Record<string, unknown>>>
/** The n-th record of the backup (over every kind), or undefined when there is none. */
function nthRecord(backup: Json, n: number): Record<string, unknown> | undefined {
  const all = Object.values(records(backup)).flatMap((list) => (Array.isArray(list) ? list : []))
  return all.length === 0 ? undefined : all[n % all.length]
}
const recordField = fc.constantFrom('id', 'name', 'title', 'notes', 'summary', 'date', 'createdAt', 'deletedAt', 'tags', 'contactIds', 'channels', 'mode')
const strangeValue = fc.constantFrom<unknown>(null, 0, -1, 1e308, true, '', ' ', {}, [], ['x'], { __proto__: { polluted: true } }, '2026-02-30', '\u0000\u202e\ud800')

/** `ids.workspace` is the importing profile's workspace document id: a note claiming it must be refused. */
export const backupMutation = (ids: { workspace: string }): fc.Arbitrary<Mutation> => fc.oneof(
  fc.tuple(recordField, giantSize, fc.nat()).map(([field, size, n]) => backupEdit(`giant ${field} of ${size}`, (b) => void (nthRecord(b, n) && (nthRecord(b, n)![field] = 'x'.repeat(size))))),
  fc.tuple(recordField, fc.nat()).map(([field, n]) => backupEdit(`without ${field}`, (b) => void delete nthRecord(b, n)?.[field])),
  fc.tuple(recordField, strangeValue, fc.nat()).map(([field, value, n]) => backupEdit(`${field} = ${JSON.stringify(value)}`, (b) => void (nthRecord(b, n) && (nthRecord(b, n)![field] = value)))),
  fc.tuple(recordField, depth, fc.boolean(), fc.nat()).map(([field, levels, objects, n]) =>
    backupEdit(`${field} nested ${levels} deep`, (b) => void (nthRecord(b, n) && (nthRecord(b, n)![field] = '__STAFFROOM_DEEP__')), { levels, objects }),
  ),
  fc.tuple(depth, fc.boolean()).map(([levels, objects]) => backupEdit(`records nested ${levels} deep`, (b) => void (b.records = '__STAFFROOM_DEEP__'), { levels, objects })),
  fc.nat().map((n) => backupEdit('a record twice', (b) => {
    const kind = Object.keys(records(b)).filter((k) => records(b)[k]!.length > 0)[n % Math.max(1, Object.keys(records(b)).length)]
    if (kind) records(b)[kind]!.push({ ...records(b)[kind]![0]! })
  })),
  fc.constant(backupEdit('a note twice', (b) => void (Array.isArray(b.notes) && b.notes.length > 0 && b.notes.push({ ...(b.notes[0] as Json), title: 'Again' })))),
  fc.constantFrom<unknown>(0, 2, '1', 1.5, null, -1).map((version) => backupEdit(`formatVersion ${JSON.stringify(version)}`, (b) => void (b.formatVersion = version))),
  fc.constantFrom<unknown>('staffroom-backup2', undefined, 5).map((format) => backupEdit(`format ${JSON.stringify(format)}`, (b) => void (b.format = format))),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'unknownKind').map((kind) =>
    textEdit(`records["${kind}"]`, (t) => t.replace('"records": {', `"records": {\n    "${kind}": [{"id": "p1", "polluted": true}],`)),
  ),
  fc.tuple(fc.constantFrom('truncate', 'flip', 'not-base64', 'empty', 'other-doc'), fc.nat()).map(([damage, n]) =>
    backupEdit(`note automerge ${damage}`, (b) => {
      const note = (Array.isArray(b.notes) ? b.notes[0] : undefined) as Json | undefined
      if (!note || typeof note.automerge !== 'string') return
      const data = note.automerge
      note.automerge =
        damage === 'truncate' ? data.slice(0, (n % data.length) & ~3)
        : damage === 'flip' ? data.slice(0, n % data.length) + (data[n % data.length] === 'A' ? 'B' : 'A') + data.slice((n % data.length) + 1)
        : damage === 'not-base64' ? `${data}!*`
        : damage === 'empty' ? ''
        : otherDocumentBase64
    }),
  ),
  fc.constantFrom('', 'x'.repeat(101), 'not a document id', '../../etc/passwd', strayDocumentId, ids.workspace).map((id) => backupEdit(`note id ${JSON.stringify(id.slice(0, 20))}`, (b) => void (Array.isArray(b.notes) && b.notes[0] && ((b.notes[0] as Json).id = id)))),
)
