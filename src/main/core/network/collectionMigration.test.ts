import { join } from 'node:path'
import * as A from '@automerge/automerge'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { shardCounts, shardOf } from '@shared/network/CollectionDoc'
import { generateNetwork } from '@shared/network/generateNetwork'
import type { StoredCollection } from '@shared/network/migrateCollection'
import { decodeRecord, isJsonEncoded } from '@shared/network/recordCodec'
import type { Interaction } from '@shared/network/records'
import { toStored } from '@shared/network/storedValue'
import type { Core } from '../Core'
import { openCore, type CoreInternals } from '../createCore'
import { call } from '../testing/coreHarness'
import { networkSnapshot } from '../testing/networkSnapshot'
import { makeTempDir } from '../testing/tempDir'

/** The index rows, without the indexed heads (a migration is a change, so heads move). */
function rows(db: Database): Record<string, unknown[]> {
  const { heads: _heads, ...rest } = networkSnapshot(db)
  return rest
}

describe('collection schema 1 → 2 through the core', () => {
  let temp: ReturnType<typeof makeTempDir>
  let dataDir: string
  const open: Core[] = []
  const start = async (): Promise<{ core: Core; internals: CoreInternals }> => {
    const opened = await openCore({ dataDir })
    open.push(opened.core)
    return opened
  }
  beforeEach(() => {
    temp = makeTempDir()
    dataDir = join(temp.dir, 'profile')
  })
  afterEach(async () => {
    for (const core of open.splice(0)) await core.shutdown()
    temp.remove()
  })

  it('opens a profile whose interaction shards are at version 1, migrates them, and indexes the same rows', async () => {
    const network = generateNetwork({ seed: 11, contacts: 30, interactions: 300 })
    const first = await start()
    const { repo, workspace, network: services } = first.internals.ctx
    await services.store.createMany('contact', network.contacts)

    // Interactions as the version-1 app wrote them: one map per record, one key per field.
    const byShard = new Map<number, Interaction[]>()
    for (const interaction of network.interactions) {
      const shard = shardOf(interaction.id, shardCounts.interaction)
      byShard.set(shard, [...(byShard.get(shard) ?? []), interaction])
    }
    const urls: AutomergeUrl[] = []
    for (const [shard, records] of byShard) {
      const handle = repo.create<StoredCollection>({
        kind: 'collection',
        recordKind: 'interaction',
        schemaVersion: 1,
        records: Object.fromEntries(records.map((record) => [record.id, toStored(record)])) as never,
      })
      urls.push(handle.url)
      workspace.change((w) => {
        if (!w.collections.interaction) w.collections.interaction = {}
        const shards = w.collections.interaction!
        if (!shards[String(shard)]) shards[String(shard)] = {}
        shards[String(shard)]![handle.documentId] = handle.url
      })
    }
    await vi.waitFor(() => {
      services.indexer.flushPending()
      expect(first.core.stats()).toMatchObject({ contacts: 30, interactions: 300 })
    })
    const before = rows(first.internals.db)
    expect(before.interactions).toHaveLength(300)
    await first.core.shutdown()

    const again = await start()
    const ctx = again.internals.ctx
    // Opening migrates nothing by itself (collections are migrated when the store opens them).
    expect((await ctx.repo.find<StoredCollection>(urls[0]!)).doc().schemaVersion).toBe(1)
    expect(rows(again.internals.db)).toEqual(before)

    // Reading one interaction migrates its shard; a reindex reads (and migrates) all of them.
    const sample = network.interactions[0]!
    expect((await call(again.core, 'interactions.get', { id: sample.id })).interaction).toEqual(sample)
    await again.core.reindex()
    expect(rows(again.internals.db)).toEqual(before)
    const original = new Map(network.interactions.map((i) => [i.id, i]))
    for (const url of urls) {
      const doc = (await ctx.repo.find<StoredCollection>(url)).doc()
      expect(doc.schemaVersion).toBe(2)
      for (const [id, stored] of Object.entries(doc.records ?? {})) {
        expect(isJsonEncoded(stored)).toBe(true)
        expect(decodeRecord(stored)).toEqual(original.get(id))
      }
    }
    ctx.network.indexer.flushPending()
    expect(rows(again.internals.db)).toEqual(before)

    // Edits after the migration: a change rewrites the record's string; deletes stay soft and undoable.
    const edited = await call(again.core, 'interactions.update', { id: sample.id, patch: { summary: 'Rewritten after the migration' } })
    expect(edited.interaction).toMatchObject({ summary: 'Rewritten after the migration', contactIds: sample.contactIds })
    const unchanged = await call(again.core, 'interactions.update', { id: sample.id, patch: { summary: 'Rewritten after the migration' } })
    expect(unchanged.interaction.updatedAt).toBe(edited.interaction.updatedAt)
    const deleted = await call(again.core, 'interactions.delete', { id: sample.id })
    expect((await call(again.core, 'interactions.get', { id: sample.id })).interaction.deletedAt).not.toBeNull()
    await call(again.core, 'undo.apply', { undoToken: deleted.undoToken })
    expect((await call(again.core, 'interactions.get', { id: sample.id })).interaction).toMatchObject({ deletedAt: null, summary: 'Rewritten after the migration' })
  }, 60_000)

  it('keeps an interaction stored as one JSON string, and two concurrent edits leave one whole version and a conflict', async () => {
    const { core, internals } = await start()
    const contact = (await call(core, 'contacts.create', { fields: { name: 'Ada' } })).contact
    const logged = (await call(core, 'interactions.log', { fields: { date: '2026-03-01', contactIds: [contact.id], mode: 'online', summary: 'First' } })).interaction
    const [handle] = await internals.ctx.network.store.loadCollections('interaction')
    const stored = (handle!.doc().records as Record<string, unknown>)[logged.id]
    expect(A.isImmutableString(stored)).toBe(true)
    expect(decodeRecord(stored)).toEqual(logged)

    // Two devices edit different fields of the same interaction at once.
    const other = A.clone(handle!.doc())
    const local = A.change(A.clone(handle!.doc()), (d) => {
      ;(d.records as Record<string, unknown>)[logged.id] = new A.ImmutableString(JSON.stringify({ ...logged, summary: 'Here' }))
    })
    const remote = A.change(other, (d) => {
      ;(d.records as Record<string, unknown>)[logged.id] = new A.ImmutableString(JSON.stringify({ ...logged, meaningful: 3 }))
    })
    const merged = A.merge(local, remote)
    const winner = decodeRecord((merged.records as Record<string, unknown>)[logged.id])!
    expect([{ ...logged, summary: 'Here' }, { ...logged, meaningful: 3 }]).toContainEqual(winner)
    expect(Object.keys(A.getConflicts(merged.records as A.Doc<Record<string, unknown>>, logged.id) ?? {})).toHaveLength(2)
  })
})
