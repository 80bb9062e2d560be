import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { setFlagsFromString } from 'node:v8'
import type { StorageAdapterInterface } from '@automerge/automerge-repo'
import { NodeFSStorageAdapter } from '@automerge/automerge-repo-storage-nodefs'
import type { Database } from 'better-sqlite3'
import { openDatabase } from '../../../src/main/core/storage/openDatabase'
import { SqliteStorageAdapter } from '../../../src/main/core/storage/SqliteStorageAdapter'

export const ours = 'ours (SqliteStorageAdapter)'
export const raw = 'NodeFSStorageAdapter'
export type Variant = typeof ours | typeof raw

export interface OpenStorage {
  adapter: StorageAdapterInterface
  /** Our database, for the batched peer figure (undefined for NodeFS). */
  db?: Database
  close: () => void
}

/**
 * Opens a variant's storage on `dir`: ours exactly as createCore does (openDatabase migrates the
 * profile's schema, then the adapter on that connection), NodeFS as its README does. A new
 * NodeFSStorageAdapter starts with an empty cache, so a load reads the files.
 */
export function openStorage(variant: Variant, dir: string): OpenStorage {
  if (variant === raw) return { adapter: new NodeFSStorageAdapter(dir), close: () => undefined }
  const db = openDatabase({ dataDir: dir })
  const adapter = new SqliteStorageAdapter(db)
  return {
    adapter,
    db,
    close: () => {
      adapter.markClosed()
      db.close()
    },
  }
}

/** Bytes of the files under `dir` (apparent size) and the disk blocks they take (allocated). */
export function bytesOnDisk(dir: string): { apparent: number; allocated: number; files: number } {
  let apparent = 0
  let allocated = 0
  let files = 0
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name)
      if (entry.isDirectory()) walk(child)
      else {
        const stat = statSync(child)
        apparent += stat.size
        allocated += stat.blocks * 512
        files++
      }
    }
  }
  walk(dir)
  return { apparent, allocated, files }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/**
 * A full GC between samples, outside the timed part. Automerge documents live in a wasm heap
 * that V8 counts as external memory; the garbage one variant leaves (its Repo's documents) would
 * otherwise be collected, slowly, inside the next variant's timing.
 */
export const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()
