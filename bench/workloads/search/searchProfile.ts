import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as A from '@automerge/automerge'
import { generateAutomergeUrl, parseAutomergeUrl, type AutomergeUrl } from '@automerge/automerge-repo'
import { noteSchemaVersion, type NoteDoc } from '@shared/notes/NoteDoc'
import { openCore } from '../../../src/main/core/createCore'
import { projectNote } from '../../../src/main/core/index/projectNote'
import { corpusNote, plantedNotes } from './noteCorpus'

/**
 * A profile with `count` real notes for the search workload, built once per checkout into
 * node_modules/.cache (atomic rename, as bench/harness/bigWorkspace.ts does) and copied per run.
 *
 * Each note is a real Automerge note document (the shape notes.create + the editor write: a text
 * title and a rich-text body with a paragraph block), stored as a snapshot chunk through our
 * SqliteStorageAdapter, projected by the indexer's own projectNote and written by NotesIndex.upsert
 * (what NoteIndexer.rebuild does), then listed in the workspace in one change. This is the quickest
 * honest path: notes.create per note costs a DocHandle each and, past a few thousand live documents,
 * V8 spends most of its time in "external memory pressure" GCs of the Automerge wasm heap; the
 * backup import writes one workspace change per note, and each change makes NoteIndexer.reconcile
 * walk every note (quadratic). Here each document is freed right after it is stored and indexed.
 */
const version = 'v1'
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
const cacheRoot = join(repoRoot, 'node_modules', '.cache', 'staffroom-bench')

export interface SearchProfileInfo {
  /** A private copy of the profile folder, for this caller to open and delete. */
  dataDir: string
  count: number
  /** Document ids of the notes that mention the rare term, in corpus order. */
  plantedIds: string[]
  /** Document id of note 0 (titled "Lesson 0 – …"). */
  firstId: string
  builtInMs: number
}

/** Copies the `count`-note profile into `dataDir` (must not exist), building it first if needed. */
export async function searchProfile(count: number, dataDir: string): Promise<SearchProfileInfo> {
  const cacheDir = join(cacheRoot, `search-notes-${version}-${count}`)
  const infoFile = join(cacheDir, 'info.json')
  let builtInMs = 0
  if (!existsSync(infoFile)) {
    const started = performance.now()
    await build(count, cacheDir)
    builtInMs = performance.now() - started
  }
  mkdirSync(dirname(dataDir), { recursive: true })
  cpSync(join(cacheDir, 'profile'), dataDir, { recursive: true })
  return { ...(JSON.parse(readFileSync(infoFile, 'utf8')) as Omit<SearchProfileInfo, 'builtInMs' | 'dataDir'>), dataDir, builtInMs }
}

async function build(count: number, cacheDir: string): Promise<void> {
  const building = `${cacheDir}.building-${process.pid}`
  rmSync(building, { recursive: true, force: true })
  const { core, internals } = await openCore({ dataDir: join(building, 'profile'), deviceName: 'Bench desktop' })
  const { storage, notesIndex, workspace } = internals.ctx
  const listed: Record<string, AutomergeUrl> = {}
  const ids: string[] = []
  try {
    const batch = 2_000
    for (let start = 0; start < count; start += batch) {
      const saves: Array<Promise<void>> = []
      // One transaction (one fsync) per batch; the adapter's save runs its statement synchronously.
      internals.db.transaction(() => {
        for (let i = start; i < Math.min(count, start + batch); i++) {
          const { title, body } = corpusNote(i, count)
          const url = generateAutomergeUrl()
          const { documentId } = parseAutomergeUrl(url)
          const created: NoteDoc = { kind: 'note', schemaVersion: noteSchemaVersion, title, body: '', tags: [], pinned: false, trashedAt: null, createdAt: 1_780_000_000_000 + i * 60_000 }
          const doc = A.change(A.from({ ...created }), (d) => {
            A.splitBlock(d, ['body'], 0, { type: 'paragraph', parents: [], attrs: {} })
            A.splice(d, ['body'], 1, 0, body)
          })
          saves.push(storage.save([documentId, 'snapshot', 'bench-import'], A.save(doc)))
          notesIndex.upsert(projectNote(doc, documentId, url))
          A.free(doc)
          listed[documentId] = url
          ids.push(documentId)
        }
      })()
      await Promise.all(saves)
    }
    workspace.change((w) => void Object.assign(w.notes, listed))
    await core.repo.flush()
    const stats = core.stats()
    if (stats.notes !== count) throw new Error(`built ${stats.notes} notes, expected ${count}`)
  } finally {
    await core.shutdown()
  }
  const info: Omit<SearchProfileInfo, 'builtInMs' | 'dataDir'> = { count, plantedIds: plantedNotes(count).map((i) => ids[i]!), firstId: ids[0]! }
  writeFileSync(join(building, 'info.json'), `${JSON.stringify(info)}\n`)
  rmSync(cacheDir, { recursive: true, force: true })
  renameSync(building, cacheDir)
}
