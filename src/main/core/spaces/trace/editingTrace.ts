import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

/**
 * Real editing histories (josephg/editing-traces, CC BY 4.0) for convergence tests and
 * benchmarks of the co-edited project body. A patch deletes `deleteCount` characters at
 * `position`, then inserts `inserted` there. The traces count characters; replays here index JS
 * strings and Automerge text by UTF-16 code units, which is the same for the ASCII traces shipped.
 */
export type TracePatch = readonly [position: number, deleteCount: number, inserted: string]

/** One author typing alone: apply every patch in order to `startContent` to get `endContent`. */
export interface SequentialTrace {
  kind: 'sequential'
  startContent: string
  endContent: string
  txns: ReadonlyArray<{ patches: readonly TracePatch[] }>
}

/**
 * Several authors typing at once, starting from an empty document. Each transaction's positions
 * are relative to the document as its agent saw it after its parents (indices of earlier
 * transactions; none for the first).
 */
export interface ConcurrentTrace {
  kind: 'concurrent'
  endContent: string
  numAgents: number
  txns: ReadonlyArray<ConcurrentTxn>
}

export interface ConcurrentTxn {
  parents: readonly number[]
  numChildren: number
  agent: number
  patches: readonly TracePatch[]
}

export type EditingTrace = SequentialTrace | ConcurrentTrace

/** Where the shared traces live: ../shared/data/editing-traces next to the repository. */
export function sharedTracePath(fileName: string): string {
  return fileURLToPath(new URL(`../../../../../../shared/data/editing-traces/${fileName}`, import.meta.url))
}

/** Reads a gzipped trace file and checks its shape (a malformed file fails here, not mid-replay). */
export function loadEditingTrace(path: string): EditingTrace {
  let json: unknown
  try {
    json = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'))
  } catch (cause) {
    throw new Error(`${path} is not a gzipped JSON editing trace: ${(cause as Error).message}`)
  }
  return parseEditingTrace(json)
}

export function parseEditingTrace(json: unknown): EditingTrace {
  const root = record(json, 'the trace')
  const endContent = text(root.endContent, 'endContent')
  const txns = list(root.txns, 'txns')
  if (root.kind === 'concurrent') {
    const numAgents = count(root.numAgents, 'numAgents')
    if (numAgents < 1) fail('numAgents must be at least 1')
    const children = new Array<number>(txns.length).fill(0)
    const parsed = txns.map((raw, index): ConcurrentTxn => {
      const txn = record(raw, `txns[${index}]`)
      const parents = list(txn.parents, `txns[${index}].parents`).map((p, k) => count(p, `txns[${index}].parents[${k}]`))
      // Parents come first, so a replay in file order always has them.
      for (const p of parents) if (p >= index) fail(`txns[${index}] names parent ${p}, which is not an earlier transaction`)
      if (index > 0 && parents.length === 0) fail(`txns[${index}] has no parents; only the first transaction starts from the empty document`)
      for (const p of parents) children[p]!++
      const agent = count(txn.agent, `txns[${index}].agent`)
      if (agent >= numAgents) fail(`txns[${index}].agent is ${agent}, but the trace has ${numAgents} agents`)
      return { parents, numChildren: count(txn.numChildren, `txns[${index}].numChildren`), agent, patches: patches(txn.patches, `txns[${index}]`) }
    })
    parsed.forEach((txn, index) => {
      if (txn.numChildren !== children[index]) fail(`txns[${index}].numChildren is ${txn.numChildren}, but ${children[index]} transactions name it as a parent`)
    })
    return { kind: 'concurrent', endContent, numAgents, txns: parsed }
  }
  if (root.kind !== undefined && root.kind !== 'sequential') fail(`unknown trace kind ${JSON.stringify(root.kind)}`)
  const startContent = text(root.startContent, 'startContent')
  return { kind: 'sequential', startContent, endContent, txns: txns.map((raw, index) => ({ patches: patches(record(raw, `txns[${index}]`).patches, `txns[${index}]`) })) }
}

/** The text a sequential trace produces; a patch outside the document is an error. */
export function replaySequentialTrace(trace: SequentialTrace): string {
  let content = trace.startContent
  trace.txns.forEach(({ patches: steps }, index) => {
    for (const [position, deleteCount, inserted] of steps) {
      if (position + deleteCount > content.length) fail(`txns[${index}] edits at ${position}+${deleteCount}, past the end of a ${content.length}-character document`)
      content = content.slice(0, position) + inserted + content.slice(position + deleteCount)
    }
  })
  return content
}

function patches(value: unknown, where: string): TracePatch[] {
  return list(value, `${where}.patches`).map((raw, k) => {
    const at = `${where}.patches[${k}]`
    const patch = list(raw, at)
    if (patch.length !== 3) fail(`${at} must be [position, deleteCount, insertedText]`)
    return [count(patch[0], `${at}[0]`), count(patch[1], `${at}[1]`), text(patch[2], `${at}[2]`)] as const
  })
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${where} must be an object`)
  return value as Record<string, unknown>
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) fail(`${where} must be an array`)
  return value as unknown[]
}

function count(value: unknown, where: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) fail(`${where} must be a whole number of 0 or more`)
  return value as number
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') fail(`${where} must be a string`)
  return value as string
}

function fail(message: string): never {
  throw new Error(`Malformed editing trace: ${message}`)
}
