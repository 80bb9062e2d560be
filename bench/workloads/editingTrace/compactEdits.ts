// The trace's edits in a compact binary file for the children. Parsing the gzipped JSON trace
// peaks at ~200 MB of RSS, which would swamp each variant's own peak RSS; this file is a few MB.
// Layout: edit count (int32), then per edit [position, deleteCount, insertedLength] (int32), then
// all inserted text as UTF-16LE (positions and lengths count UTF-16 code units, as the replays do).
import { readFileSync, writeFileSync } from 'node:fs'
import type { TracePatch } from '../../../src/main/core/spaces/trace/editingTrace'

export interface CompactEdits {
  count: number
  position: Int32Array
  deleteCount: Int32Array
  inserted: string[]
}

export function writeCompactEdits(file: string, edits: readonly TracePatch[]): void {
  const header = new Int32Array(1 + edits.length * 3)
  header[0] = edits.length
  edits.forEach(([position, deleteCount, inserted], i) => header.set([position, deleteCount, inserted.length], 1 + i * 3))
  const text = Buffer.from(edits.map((edit) => edit[2]).join(''), 'utf16le')
  writeFileSync(file, Buffer.concat([Buffer.from(header.buffer), text]))
}

export function readCompactEdits(file: string): CompactEdits {
  const bytes = readFileSync(file)
  const count = bytes.readInt32LE(0)
  const fields = new Int32Array(bytes.buffer.slice(bytes.byteOffset + 4, bytes.byteOffset + 4 + count * 12))
  const text = bytes.subarray(4 + count * 12).toString('utf16le')
  const position = new Int32Array(count)
  const deleteCount = new Int32Array(count)
  const inserted = new Array<string>(count)
  for (let i = 0, at = 0; i < count; i++) {
    position[i] = fields[i * 3]!
    deleteCount[i] = fields[i * 3 + 1]!
    const length = fields[i * 3 + 2]!
    inserted[i] = text.slice(at, at + length)
    at += length
  }
  return { count, position, deleteCount, inserted }
}
