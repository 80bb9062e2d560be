import * as A from '@automerge/automerge'
import { inflateRawSync } from 'node:zlib'

/**
 * How much work a sync message asks of Automerge, counted without applying it: the rows (ops and
 * changes) in the columns of every chunk it carries. A document chunk of a few hundred bytes can
 * hold hundreds of thousands of ops (run-length encoding, then deflate), and applying them is one
 * long synchronous call; counting runs is cheap (proportional to the encoded size). Chunk layout:
 * automerge's binary format (magic, checksum, type 0 document / 1 change / 2 deflated change,
 * LEB128 length, then the body with column metadata and columns). Throws `SyncWorkError` for a
 * chunk it cannot read or deflated data past `maxInflatedBytes`.
 */
export function syncMessageRows(data: Uint8Array, maxInflatedBytes: number): number {
  const budget = { inflated: maxInflatedBytes }
  let rows = 0
  for (const chunk of A.decodeSyncMessage(data).changes) rows += chunkRows(chunk, budget)
  return rows
}

export class SyncWorkError extends Error {
  constructor(
    message: string,
    /** True when the chunk is readable but asks for more than the limits allow. */
    readonly tooBig = false,
  ) {
    super(message)
  }
}

const magic = [0x85, 0x6f, 0x4a, 0x83]

function chunkRows(chunk: Uint8Array, budget: { inflated: number }): number {
  if (chunk.length < 10 || magic.some((byte, i) => chunk[i] !== byte)) throw new SyncWorkError('not an automerge chunk')
  const reader = new Reader(chunk, 9)
  const length = reader.uleb()
  const body = reader.bytes(length)
  switch (chunk[8]) {
    case 0:
      return documentRows(new Reader(body), budget)
    case 1:
      return changeRows(new Reader(body), budget)
    case 2:
      return changeRows(new Reader(inflate(body, budget)), budget)
    default:
      throw new SyncWorkError('unknown chunk type')
  }
}

function documentRows(reader: Reader, budget: { inflated: number }): number {
  for (let actors = reader.uleb(); actors > 0; actors--) reader.bytes(reader.uleb())
  reader.bytes(reader.uleb() * 32)
  const changeColumns = reader.columnMetadata()
  const opColumns = reader.columnMetadata()
  return columnRows(reader, changeColumns, budget) + columnRows(reader, opColumns, budget)
}

function changeRows(reader: Reader, budget: { inflated: number }): number {
  reader.bytes(reader.uleb() * 32) // dependencies
  reader.bytes(reader.uleb()) // actor
  reader.uleb() // seq
  reader.uleb() // start op
  reader.sleb() // time
  reader.bytes(reader.uleb()) // message
  for (let others = reader.uleb(); others > 0; others--) reader.bytes(reader.uleb())
  return columnRows(reader, reader.columnMetadata(), budget)
}

/** The longest column's row count: Automerge reads all columns of a group in step, so that is how many rows it makes. */
function columnRows(reader: Reader, columns: Array<{ spec: number; length: number }>, budget: { inflated: number }): number {
  let rows = 0
  for (const { spec, length } of columns) {
    const raw = reader.bytes(length)
    const bytes = spec & 0x08 ? inflate(raw, budget) : raw
    rows = Math.max(rows, countRows(spec & 0x07, bytes))
  }
  return rows
}

function countRows(type: number, bytes: Uint8Array): number {
  const reader = new Reader(bytes)
  let rows = 0
  if (type === 4) {
    // Boolean: alternating run lengths.
    while (!reader.done) rows += reader.uleb()
    return rows
  }
  if (type === 7) return 0 // raw values, addressed by the value-metadata column's rows
  const skipValue = type === 5 ? () => reader.bytes(reader.uleb()) : () => reader.sleb()
  while (!reader.done) {
    const count = reader.sleb()
    if (count > 0) {
      skipValue()
      rows += count
    } else if (count < 0) {
      for (let i = 0; i < -count; i++) skipValue()
      rows += -count
    } else rows += reader.uleb()
  }
  return rows
}

function inflate(data: Uint8Array, budget: { inflated: number }): Uint8Array {
  if (budget.inflated <= 0) throw new SyncWorkError('too much deflated data', true)
  try {
    const out = inflateRawSync(data, { maxOutputLength: budget.inflated })
    budget.inflated -= out.length
    return out
  } catch (error) {
    const pastLimit = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
    throw new SyncWorkError(pastLimit ? 'deflated data past the limit' : 'damaged deflated data', pastLimit)
  }
}

class Reader {
  constructor(
    private readonly data: Uint8Array,
    private at = 0,
  ) {}

  get done(): boolean {
    return this.at >= this.data.length
  }

  bytes(length: number): Uint8Array {
    if (!Number.isSafeInteger(length) || length < 0 || this.at + length > this.data.length) throw new SyncWorkError('truncated chunk')
    const out = this.data.subarray(this.at, this.at + length)
    this.at += length
    return out
  }

  uleb(): number {
    return this.leb(false)
  }

  sleb(): number {
    return this.leb(true)
  }

  /** LEB128, bounded to what a double holds exactly (a longer run is a hostile or broken message). */
  private leb(signed: boolean): number {
    let value = 0
    let scale = 1
    for (;;) {
      if (this.at >= this.data.length || scale > 2 ** 49) throw new SyncWorkError('bad LEB128')
      const byte = this.data[this.at++]!
      value += (byte & 0x7f) * scale
      scale *= 128
      if ((byte & 0x80) === 0) return signed && byte & 0x40 ? value - scale : value
    }
  }

  columnMetadata(): Array<{ spec: number; length: number }> {
    const columns: Array<{ spec: number; length: number }> = []
    for (let count = this.uleb(); count > 0; count--) columns.push({ spec: this.uleb(), length: this.uleb() })
    return columns
  }
}
