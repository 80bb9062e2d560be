import * as A from '@automerge/automerge'
import { Repo, type DocHandle } from '@automerge/automerge-repo'
import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { shardOf } from '@shared/network/CollectionDoc'
import { generateNetwork } from '@shared/network/generateNetwork'
import { encodeRecord } from '@shared/network/recordCodec'
import { openDatabase } from '../storage/openDatabase'
import { SqliteStorageAdapter } from '../storage/SqliteStorageAdapter'
import { makeTempDir } from '../testing/tempDir'

/**
 * How many documents should hold a kind's records? Writes the same generated records into
 * 1, 4, 16/32 and 128 documents per kind through automerge-repo and our SQLite storage, then
 * times a cold load of everything (what a reindex or a backup reads) and of the one document a
 * single record lives in (what opening a contact reads). A measurement, run only by npm run bench:network;
 * STAFFROOM_BENCH_NETWORK=1 runs 10,000 contacts / 100,000 interactions (figures in docs/DECISIONS.md).
 */
const full = process.env.STAFFROOM_BENCH_NETWORK === '1'
const size = full ? { contacts: 10_000, interactions: 100_000 } : { contacts: 200, interactions: 2_000 }
const layouts = [
  { name: 'one document per kind', contacts: 1, interactions: 1 },
  { name: '4 shards per kind', contacts: 4, interactions: 4 },
  { name: '16 / 32 shards (chosen)', contacts: 16, interactions: 32 },
  { name: '128 shards per kind', contacts: 128, interactions: 128 },
]

describe(`collection granularity at ${size.contacts} contacts / ${size.interactions} interactions`, () => {
  let temp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(() => {
    temp = makeTempDir()
    db = openDatabase({ dataDir: temp.dir })
  })
  afterEach(() => {
    db.close()
    temp.remove()
  })

  it('writes, loads everything, and loads one record (figures printed)', async () => {
    const network = generateNetwork({ seed: 5, ...size })
    const lines: string[] = []
    for (const layout of layouts) {
      db.exec('DELETE FROM storage_chunks')
      const storage = new SqliteStorageAdapter(db)
      const repo = new Repo({ storage, network: [] })
      let started = performance.now()
      const urls: string[] = []
      let contactUrlOfFirst = ''
      for (const [kind, records, shards] of [
        ['contact', network.contacts, layout.contacts],
        ['interaction', network.interactions, layout.interactions],
      ] as const) {
        const buckets = Array.from({ length: shards }, () => ({}) as Record<string, unknown>)
        // Stored as the app stores them (interactions as one JSON string each, recordCodec).
        for (const record of records) buckets[shardOf(record.id, shards)]![record.id] = encodeRecord(kind, record)
        for (const [shard, bucket] of buckets.entries()) {
          const handle = repo.create<{ records: Record<string, unknown> }>({ records: {} })
          handle.change((doc) => Object.assign(doc.records, bucket))
          urls.push(handle.url)
          if (records === network.contacts && shard === shardOf(network.contacts[0]!.id, shards)) contactUrlOfFirst = handle.url
        }
      }
      await repo.flush()
      const writeMs = performance.now() - started
      await repo.shutdown()
      const bytes = db.prepare('SELECT sum(length(data)) FROM storage_chunks').pluck().get() as number

      const cold = new Repo({ storage: new SqliteStorageAdapter(db), network: [] })
      started = performance.now()
      const one = await cold.find<{ records: Record<string, unknown> }>(contactUrlOfFirst as never)
      expect(one.doc().records[network.contacts[0]!.id]).toBeDefined()
      const oneMs = performance.now() - started
      started = performance.now()
      let records = 0
      const handles: Array<DocHandle<{ records: Record<string, unknown> }>> = []
      for (const url of urls) handles.push(await cold.find(url as never))
      for (const handle of handles) records += Object.keys(handle.doc().records).length
      const allMs = performance.now() - started
      expect(records).toBe(size.contacts + size.interactions)
      await cold.shutdown()
      const line =
        `  ${layout.name}: ${urls.length} docs, write+store ${writeMs.toFixed(0)} ms, ${(bytes / 1e6).toFixed(1)} MB, ` +
        `cold load one contact's doc ${oneMs.toFixed(0)} ms, cold load all ${allMs.toFixed(0)} ms`
      // Printed as each layout finishes: at full size the whole comparison takes many minutes.
      console.info(line)
      lines.push(line)
      expect(A.getHeads(one.doc()).length).toBeGreaterThan(0)
    }
    console.info(`collection granularity, ${size.contacts} contacts / ${size.interactions} interactions:\n${lines.join('\n')}`)
  }, full ? 3_600_000 : 120_000)
})
