import { join } from 'node:path'
import * as A from '@automerge/automerge'
import { Repo, type AutomergeUrl } from '@automerge/automerge-repo'
import { afterAll, expect, it } from 'vitest'
import { makeTempDir } from '../../src/main/core/testing/tempDir'
import { medianFigure, saveWorkloadResult, type Figure, type Measure } from '../harness/results'
import { alternate, distribution } from '../harness/sideBySide'
import { largeDoc, smallDoc, smallDocChunks, type SavedChunk } from './storage/documents'
import { bytesOnDisk, collectGarbage, openStorage, ours, raw, removeDir, type Variant } from './storage/variants'

/**
 * Workload 2: automerge-repo storage, our SqliteStorageAdapter against automerge-repo's
 * NodeFSStorageAdapter, on the same disk (the OS temp dir), each round in fresh folders, variants
 * alternating. 1,000 small documents and one large one go through a Repo the way the core uses the
 * adapter (create + flush; a fresh Repo finds and reads every document). 10,000 small documents are
 * driven with the adapter calls the Repo's StorageSubsystem makes (one snapshot save per document,
 * issued together as Repo.flush does; loadRange of snapshot then incremental per document): a Repo
 * holding 10,000 live documents spends most of its time in V8 GCs of the Automerge wasm heap
 * ("external memory pressure"), which would measure the GC, not the storage.
 */
const smallRepoDocs = 1_000
const adapterDocs = 10_000
const repoRounds = Number(process.env.STAFFROOM_BENCH_STORAGE_ROUNDS ?? 2)
const adapterRounds = Number(process.env.STAFFROOM_BENCH_STORAGE_ADAPTER_ROUNDS ?? 1)
const batched = 'ours, all saves in one transaction (peer: what group commit would give)'
const started = performance.now()
const temp = makeTempDir('staffroom-bench-storage-')
afterAll(() => temp.remove())
let folder = 0
const freshDir = (label: string) => join(temp.dir, `${label}-${folder++}`)

interface Round {
  save: number[]
  load: number[]
  bytes: number[]
  files: number[]
}
const emptyRounds = (): Record<Variant, Round> => ({ [ours]: { save: [], load: [], bytes: [], files: [] }, [raw]: { save: [], load: [], bytes: [], files: [] } }) as Record<Variant, Round>

/** Create `count` small documents in a Repo and flush; then a fresh Repo finds and reads them all. */
async function repoSmallDocs(variant: Variant, count: number, into: Round | undefined): Promise<void> {
  await saveThenLoadThroughRepo(variant, 'small', into, {
    write: (repo) => Array.from({ length: count }, (_, i) => repo.create(smallDoc(i)).url),
    read: async (reader, urls) => (await Promise.all(urls.map((url) => reader.find(url)))).map((handle) => handle.doc()),
    check: (docs) => {
      const wrong = docs.findIndex((doc, i) => canonical(doc) !== canonical(smallDoc(i)))
      expect(wrong, `${variant}: every document reads back as saved (first wrong: ${wrong})`).toBe(-1)
    },
  })
}

/**
 * One timed save-then-load through automerge-repo: a Repo on fresh storage gets `write`'s
 * documents and flushes (save); after a GC, a fresh Repo on freshly opened storage runs `read`
 * (load, including what it reads from the documents, as a page would). Opening storage is untimed.
 */
async function saveThenLoadThroughRepo<T>(
  variant: Variant,
  label: string,
  into: Round | undefined,
  steps: { write: (repo: Repo) => AutomergeUrl[]; read: (reader: Repo, urls: AutomergeUrl[]) => Promise<T>; check: (read: T) => void },
): Promise<void> {
  const dir = freshDir(label)
  collectGarbage()
  let storage = openStorage(variant, dir)
  let t = performance.now()
  const repo = new Repo({ storage: storage.adapter, network: [] })
  const urls = steps.write(repo)
  await repo.flush()
  const save = performance.now() - t
  await repo.shutdown()
  storage.close()
  collectGarbage()
  storage = openStorage(variant, dir)
  t = performance.now()
  const reader = new Repo({ storage: storage.adapter, network: [] })
  const read = await steps.read(reader, urls)
  const load = performance.now() - t
  steps.check(read)
  await reader.shutdown()
  storage.close()
  const disk = bytesOnDisk(dir)
  removeDir(dir)
  if (into) record(into, save, load, disk)
}

/** The same adapter calls a Repo makes for `chunks` new documents, then for loading them in a fresh one. */
async function adapterSmallDocs(variant: Variant, chunks: SavedChunk[], into: Round, oneTransaction = false): Promise<void> {
  const dir = freshDir('adapter')
  collectGarbage()
  let storage = openStorage(variant, dir)
  let t = performance.now()
  if (oneTransaction) {
    let saves: Array<Promise<void>> = []
    storage.db!.transaction(() => {
      saves = chunks.map((chunk) => storage.adapter.save(chunk.key, chunk.data))
    })()
    await Promise.all(saves)
  } else await Promise.all(chunks.map((chunk) => storage.adapter.save(chunk.key, chunk.data)))
  const save = performance.now() - t
  storage.close()
  if (oneTransaction) {
    into.save.push(save)
    removeDir(dir)
    return
  }
  storage = openStorage(variant, dir)
  const { adapter } = storage
  t = performance.now()
  const loaded = await Promise.all(
    chunks.map(async (chunk) => [...(await adapter.loadRange([chunk.key[0]!, 'snapshot'])), ...(await adapter.loadRange([chunk.key[0]!, 'incremental']))]),
  )
  const load = performance.now() - t
  storage.close()
  const wrong = chunks.findIndex((chunk, i) => loaded[i]!.length !== 1 || loaded[i]![0]!.key.join('/') !== chunk.key.join('/') || !Buffer.from(loaded[i]![0]!.data!).equals(chunk.data))
  expect(wrong, `${variant}: every chunk loads back byte for byte (first wrong: ${wrong})`).toBe(-1)
  const disk = bytesOnDisk(dir)
  removeDir(dir)
  record(into, save, load, disk)
}

/** One large document imported into a Repo and flushed; a fresh Repo finds and reads it. */
async function repoLargeDoc(variant: Variant, large: ReturnType<typeof largeDoc>, into: Round | undefined): Promise<void> {
  await saveThenLoadThroughRepo(variant, 'large', into, {
    write: (repo) => [repo.import<{ body: string }>(large.binary).url],
    read: async (reader, [url]) => {
      const doc = (await reader.find<{ body: string }>(url!)).doc()
      return { body: doc.body, heads: A.getHeads(doc) }
    },
    check: ({ body, heads }) => {
      expect(body === large.body, `${variant}: the large document's text reads back as saved`).toBe(true)
      expect(heads, `${variant}: same heads`).toEqual(large.heads)
    },
  })
}

/** JSON with sorted keys (Automerge gives map keys back sorted). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v))
}

function record(into: Round, save: number, load: number, disk: ReturnType<typeof bytesOnDisk>): void {
  into.save.push(save)
  into.load.push(load)
  into.bytes.push(disk.allocated)
  into.files.push(disk.files)
}

const timeMeasure = (name: string, rounds: Record<Variant, Round>, key: 'save' | 'load', peers: Figure[] = []): Measure => ({
  name,
  ours,
  baseline: raw,
  figures: [medianFigure(ours, distribution(rounds[ours][key])), medianFigure(raw, distribution(rounds[raw][key])), ...peers],
})
const diskMeasure = (name: string, rounds: Record<Variant, Round>): Measure => ({
  name,
  ours,
  baseline: raw,
  figures: [ours, raw].map((variant) => ({ variant, value: Math.round(distribution(rounds[variant as Variant].bytes).median / 1024), unit: 'KB' as const })),
})

it('automerge-repo storage: SqliteStorageAdapter vs NodeFSStorageAdapter (1,000 and 10,000 small documents, one large one)', async () => {
  const measures: Measure[] = []
  const notes: string[] = []
  const phases: Record<string, number> = {}
  let phase = performance.now()
  const lap = (name: string) => {
    phases[name] = Math.round(performance.now() - phase)
    phase = performance.now()
  }

  // 1,000 small documents through a Repo. Warm-up: 200 documents per variant (JIT, wasm), untimed.
  for (const variant of [ours, raw] as const) await repoSmallDocs(variant, 200, undefined)
  const small = emptyRounds()
  await alternate({ variants: { [ours]: () => repoSmallDocs(ours, smallRepoDocs, small[ours]), [raw]: () => repoSmallDocs(raw, smallRepoDocs, small[raw]) }, rounds: repoRounds, warmUps: 0 })
  measures.push(timeMeasure(`save ${smallRepoDocs.toLocaleString('en')} small docs (Repo: create + flush)`, small, 'save'))
  measures.push(timeMeasure(`load ${smallRepoDocs.toLocaleString('en')} small docs (fresh Repo: find + read)`, small, 'load'))
  measures.push(diskMeasure(`on disk, ${smallRepoDocs.toLocaleString('en')} small docs (allocated)`, small))
  lap('repo1000')

  // 10,000 small documents: the StorageSubsystem's adapter calls, the same saved bytes for each variant.
  const chunks = smallDocChunks(adapterDocs)
  lap('prepare10000')
  const many = emptyRounds()
  const manyBatched: number[] = []
  await alternate({
    variants: {
      [ours]: () => adapterSmallDocs(ours, chunks, many[ours]),
      [raw]: () => adapterSmallDocs(raw, chunks, many[raw]),
      [batched]: () => adapterSmallDocs(ours, chunks, { save: manyBatched, load: [], bytes: [], files: [] }, true),
    },
    rounds: adapterRounds,
    warmUps: 0,
  })
  measures.push(timeMeasure(`save ${adapterDocs.toLocaleString('en')} small docs (adapter calls as Repo.flush makes them)`, many, 'save', [medianFigure(batched, distribution(manyBatched))]))
  measures.push(timeMeasure(`load ${adapterDocs.toLocaleString('en')} small docs (loadRange snapshot + incremental each)`, many, 'load'))
  measures.push(diskMeasure(`on disk, ${adapterDocs.toLocaleString('en')} small docs (allocated)`, many))
  notes.push(`${adapterDocs} docs: ${many[raw].files[0]} files for NodeFS, ${many[ours].files[0]} for ours; chunk ${chunks[0]!.data.length} bytes each`)
  lap('adapter10000')

  // One large document.
  const large = largeDoc()
  lap('prepareLarge')
  await repoLargeDoc(ours, large, undefined)
  await repoLargeDoc(raw, large, undefined)
  const big = emptyRounds()
  await alternate({ variants: { [ours]: () => repoLargeDoc(ours, large, big[ours]), [raw]: () => repoLargeDoc(raw, large, big[raw]) }, rounds: repoRounds, warmUps: 0 })
  const mb = (large.binary.length / 2 ** 20).toFixed(1)
  measures.push(timeMeasure(`save one large doc (${mb} MB saved, 300 changes; Repo import + flush)`, big, 'save'))
  measures.push(timeMeasure(`load one large doc (${mb} MB; fresh Repo: find + read)`, big, 'load'))
  measures.push(diskMeasure(`on disk, one large doc (allocated)`, big))
  lap('large')

  notes.push(
    `rounds: ${repoRounds} alternating for the Repo sizes (after a 200-document warm-up each) and the large document (after one untimed round each), ${adapterRounds} for 10,000 (ours, NodeFS and the one-transaction peer rotating)`,
    `fresh folders per round in ${temp.dir.replace(/[^/]*$/, '')}; a full GC before each timed phase; opening the storage (ours: openDatabase with its migrations) is outside the timing`,
    `phases (ms): ${JSON.stringify(phases)}`,
  )
  console.info([...measures.map((m) => `${m.name}: ${m.figures.map((f) => `${f.variant} ${f.value.toFixed(1)} ${f.unit}`).join(' | ')}`), ...notes].join('\n'))
  saveWorkloadResult({
    id: 2,
    title: 'Storage',
    measures,
    checks: [
      `${smallRepoDocs.toLocaleString('en')} small docs: a fresh Repo on each variant's storage finds every document and its contents equal what was created (every round)`,
      `${adapterDocs.toLocaleString('en')} small docs: loadRange returns exactly one chunk per document, with the saved key and the saved bytes (every round)`,
      `large doc: the text and the heads read back by a fresh Repo equal the saved document's (every round)`,
    ],
    notes,
    durationMs: performance.now() - started,
  })
}, 900_000)
