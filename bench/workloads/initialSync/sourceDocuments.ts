import { appendFileSync } from 'node:fs'
import * as A from '@automerge/automerge'
import type { AutomergeUrl, DocHandle, DocumentId, Repo } from '@automerge/automerge-repo'
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs'
import type { Database } from 'better-sqlite3'
import { decodeStorageKey } from '../../../src/main/core/storage/storageKey'

/**
 * The source profile's documents, exactly as stored: the chunks (snapshots, incremental changes)
 * automerge-repo wrote to A's SQLite. The raw source gets the very same chunks in NodeFS, so both
 * sources load the same bytes on demand and no Automerge work is done to prepare the baseline.
 */
export interface SourceDocuments {
  ids: DocumentId[]
  urls: AutomergeUrl[]
  bytes: number
}

export function copyDocumentChunks(db: Database, nodeFsDir: string): Promise<SourceDocuments> {
  const rows = db.prepare(`SELECT key, data FROM storage_chunks WHERE instr(key, '/') > 0`).all() as Array<{ key: string; data: Uint8Array }>
  const storage = new NodeFSStorageAdapter(nodeFsDir)
  const ids = new Set<DocumentId>()
  let bytes = 0
  const saves: Array<Promise<void>> = []
  for (const { key, data } of rows) {
    const parts = decodeStorageKey(key)
    if (parts[1] !== 'snapshot' && parts[1] !== 'incremental') continue
    ids.add(parts[0] as DocumentId)
    bytes += data.byteLength
    saves.push(storage.save(parts, new Uint8Array(data)))
  }
  const sorted = [...ids].sort()
  return Promise.all(saves).then(() => ({ ids: sorted, urls: sorted.map((id) => `automerge:${id}` as AutomergeUrl), bytes }))
}

/** Each document's heads in `repo`, which must hold it (a source that served it has loaded it). */
export function headsIn(repo: Repo, ids: readonly DocumentId[]): Map<DocumentId, A.Heads> {
  return new Map(
    ids.map((id) => {
      const handle = repo.handles[id] as DocHandle<unknown> | undefined
      if (!handle?.isReady()) throw new Error(`${id} is not loaded in the source Repo`)
      return [id, A.getHeads(handle.doc() as A.Doc<unknown>)]
    }),
  )
}

/** The ids whose handle in `repo` is missing, not ready, or lacks some of the expected heads. */
export function documentsBehind(repo: Repo, expected: ReadonlyMap<DocumentId, A.Heads>): DocumentId[] {
  const behind: DocumentId[] = []
  for (const [id, heads] of expected) {
    const handle = repo.handles[id] as DocHandle<unknown> | undefined
    if (!handle?.isReady()) {
      behind.push(id)
      continue
    }
    // getHeads is cheap; hasHeads looks each hash up in the history, so only when the heads differ.
    const doc = handle.doc() as A.Doc<unknown>
    if (!sameHeads(A.getHeads(doc), heads) && !A.hasHeads(doc, heads)) behind.push(id)
  }
  return behind
}

/** Exactly the same heads: what the checks ask of every received document at the end. */
export function sameHeads(a: A.Heads, b: A.Heads): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join()
}

/** Counts the sync payload a Repo receives (the Automerge bytes inside the sync messages). */
export function countReceivedBytes(repo: Repo): { bytes: () => number; messages: () => number } {
  let bytes = 0
  let messages = 0
  const incoming = repo.networkSubsystem
  const emit = incoming.emit.bind(incoming) as (event: string, ...args: unknown[]) => boolean
  incoming.emit = ((event: string, ...args: unknown[]) => {
    const message = args[0] as { type?: string; data?: Uint8Array } | undefined
    if (event === 'message' && message?.data) {
      bytes += message.data.byteLength
      messages++
    }
    return emit(event, ...args)
  }) as typeof incoming.emit
  return { bytes: () => bytes, messages: () => messages }
}

/** Appends a line to STAFFROOM_BENCH_LOG, if set: progress while investigating a long run. */
export function progress(line: string): void {
  const file = process.env.STAFFROOM_BENCH_LOG
  if (file) appendFileSync(file, `${new Date().toISOString()} ${line}\n`)
}
