import { randomUUID } from 'node:crypto'
import type { DocHandle, Repo } from '@automerge/automerge-repo'
import { collectionNeedsMigration, migrateCollection, type StoredCollection } from '@shared/network/migrateCollection'
import { newCollection, shardCounts, shardOf, type CollectionDoc } from '@shared/network/CollectionDoc'
import type { FieldsOf, RecordKind, RecordOf } from '@shared/network/records'
import { newWorkspaceSettings, type WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { ApiError } from '@shared/errors'
import { shardDocuments, workspaceCollections } from '../workspace/workspaceCollections'
import { decodeRecord, encodeRecord, isJsonEncoded, recordEncodings } from '@shared/network/recordCodec'
import { toStored } from '@shared/network/storedValue'

const kindNames: Record<RecordKind, string> = {
  contact: 'contact',
  interaction: 'interaction',
  community: 'community',
  event: 'event',
  goal: 'goal',
  journal: 'journal entry',
  resource: 'resource',
  reading: 'reading',
  feed: 'feed',
  checkin: 'check-in',
}

/**
 * Reads and writes records in their collection documents (see CollectionDoc): a record lives in
 * the shard its id hashes to; a shard's document is created the first time it is needed and
 * listed in the workspace. Handlers change records only through here.
 */
export class RecordStore {
  constructor(
    private readonly repo: Repo,
    private readonly workspace: DocHandle<WorkspaceDoc>,
  ) {}

  async create<K extends RecordKind>(kind: K, fields: FieldsOf<K>, now = Date.now(), id: string = randomUUID()): Promise<RecordOf<K>> {
    const handle = await this.writableShard(kind, id)
    const record = { ...fields, id, createdAt: now, updatedAt: now, deletedAt: null }
    handle.change((doc) => {
      recordsOf(doc, true)[id] = encodeRecord(kind, record)
    })
    return readBack(kind, handle, id)
  }

  /** Many records of one kind at once, one change per shard (imports, the data generator). */
  async createMany<K extends RecordKind>(kind: K, records: ReadonlyArray<RecordOf<K>>): Promise<void> {
    const byShard = new Map<number, Array<RecordOf<K>>>()
    for (const record of records) {
      const shard = shardOf(record.id, shardCounts[kind])
      const inShard = byShard.get(shard)
      if (inShard) inShard.push(record)
      else byShard.set(shard, [record])
    }
    for (const [, inShard] of byShard) {
      const handle = await this.writableShard(kind, inShard[0]!.id)
      handle.change((doc) => {
        const stored = recordsOf(doc, true)
        for (const record of inShard) stored[record.id] = encodeRecord(kind, record)
      })
    }
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K>> {
    const { handle } = await this.locate(kind, id)
    return readBack(kind, handle, id)
  }

  /**
   * Changes the named fields (and updatedAt); fields equal to what is stored are not rewritten.
   * A record stored as one JSON string (interactions) is rewritten whole, and only if a field changed.
   */
  async update<K extends RecordKind>(kind: K, id: string, patch: Partial<RecordOf<K>>, now = Date.now()): Promise<RecordOf<K>> {
    const { handle } = await this.locate(kind, id)
    handle.change((doc) => void patchRecord(kind, recordsOf(doc, true), id, patch, now))
    return readBack(kind, handle, id)
  }

  /**
   * Changes many records of one kind, one Automerge change per shard document (a bulk edit of
   * thousands of contacts is a few dozen changes, not thousands). `patchOf` returns the fields to
   * set, or undefined to leave the record alone. Returns each changed record's previous values.
   */
  async updateMany<K extends RecordKind>(
    kind: K,
    ids: readonly string[],
    patchOf: (record: RecordOf<K>) => Partial<RecordOf<K>> | undefined,
    now = Date.now(),
  ): Promise<Array<{ id: string; before: Record<string, unknown> }>> {
    const changed: Array<{ id: string; before: Record<string, unknown> }> = []
    const byHandle = new Map<DocHandle<CollectionDoc<K>>, string[]>()
    for (const id of new Set(ids)) {
      const { handle } = await this.locate(kind, id)
      byHandle.set(handle, [...(byHandle.get(handle) ?? []), id])
    }
    for (const [handle, inDoc] of byHandle) {
      handle.change((doc) => {
        const stored = recordsOf(doc, true)
        for (const id of inDoc) {
          const current = decodeRecord(stored[id])
          const patch = current && patchOf({ ...current, id } as RecordOf<K>)
          if (!patch) continue
          const before = patchRecord(kind, stored, id, patch, now, current)
          if (before) changed.push({ id, before })
        }
      })
    }
    return changed
  }

  /** Every collection document of a kind (or all kinds), loaded; the ones not on this device are skipped. */
  async loadCollections(kind?: RecordKind): Promise<Array<DocHandle<CollectionDoc>>> {
    const handles: Array<DocHandle<CollectionDoc>> = []
    for (const entry of workspaceCollections(this.workspace).values()) {
      if (kind && entry.kind !== kind) continue
      try {
        handles.push(await this.open(entry.url))
      } catch {
        // Not on this device yet; it is indexed when it arrives.
      }
    }
    return handles
  }

  private async locate<K extends RecordKind>(kind: K, id: string): Promise<{ handle: DocHandle<CollectionDoc<K>> }> {
    for (const entry of shardDocuments(this.workspace, kind, shardOf(id, shardCounts[kind]))) {
      const handle = await this.open<K>(entry.url).catch(() => undefined)
      if (handle && decodeRecord(recordsOf(handle.doc())[id])) return { handle }
    }
    throw new ApiError('not-found', `This ${kindNames[kind]} does not exist.`)
  }

  private async writableShard<K extends RecordKind>(kind: K, id: string): Promise<DocHandle<CollectionDoc<K>>> {
    const shard = shardOf(id, shardCounts[kind])
    // The first listed document that is here. One another device listed but whose copy has not
    // arrived (it went offline mid-sync, or is gone) must not stop this device from saving.
    for (const entry of shardDocuments(this.workspace, kind, shard)) {
      const handle = await this.open<K>(entry.url).catch(() => undefined)
      if (handle) return handle
    }
    // None here: start the shard's document on this device (readers take the union of a shard's documents).
    const handle = this.repo.create<CollectionDoc<K>>(newCollection(kind))
    this.workspace.change((workspace) => {
      // Each level is read back after it is created: an assignment's value is the plain object,
      // not the document's proxy, and writes into it would be lost.
      if (!workspace.collections) workspace.collections = {}
      if (!workspace.settings) workspace.settings = newWorkspaceSettings()
      if (!workspace.collections[kind]) workspace.collections[kind] = {}
      const shards = workspace.collections[kind]!
      if (!shards[String(shard)]) shards[String(shard)] = {}
      shards[String(shard)]![handle.documentId] = handle.url
    })
    return handle
  }

  private async open<K extends RecordKind>(url: string): Promise<DocHandle<CollectionDoc<K>>> {
    const handle = await this.repo.find<CollectionDoc<K>>(url as never)
    if (collectionNeedsMigration(handle.doc() as unknown as StoredCollection)) handle.change((doc) => void migrateCollection(doc as unknown as StoredCollection))
    return handle
  }
}

/** The record map of a collection; inside a change, created if a peer left it out. */
function recordsOf(doc: { records?: unknown }, inChange = false): Record<string, unknown> {
  if (typeof doc.records === 'object' && doc.records !== null) return doc.records as Record<string, unknown>
  if (!inChange) return {}
  doc.records = {}
  return doc.records as Record<string, unknown>
}

/** A record as stored, as plain data (located before, so it decodes). */
function readBack<K extends RecordKind>(kind: K, handle: DocHandle<CollectionDoc<K>>, id: string): RecordOf<K> {
  const record = decodeRecord(recordsOf(handle.doc())[id])
  if (!record) throw new ApiError('not-found', `This ${kindNames[kind]} does not exist.`)
  return { ...record, id } as RecordOf<K>
}

/**
 * Applies a patch to one stored record inside a change; returns the previous values of the
 * fields it changed (for undo), or undefined when nothing changed and nothing was written.
 */
function patchRecord(
  kind: RecordKind,
  stored: Record<string, unknown>,
  id: string,
  patch: object,
  now: number,
  current = decodeRecord(stored[id]),
): Record<string, unknown> | undefined {
  if (!current) return undefined
  const before: Record<string, unknown> = {}
  const next: Record<string, unknown> = { ...current }
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || key === 'id' || key === 'createdAt') continue
    if (JSON.stringify(current[key]) === JSON.stringify(value)) continue
    before[key] = current[key] ?? null
    next[key] = value
  }
  if (Object.keys(before).length === 0) return undefined
  next.updatedAt = now
  if (recordEncodings[kind] === 'json' || isJsonEncoded(stored[id])) {
    stored[id] = encodeRecord(kind, next)
  } else {
    // Field by field: only the changed keys are written, so edits of other fields on another device merge.
    const record = stored[id] as Record<string, unknown>
    for (const key of Object.keys(before)) record[key] = toStored(next[key])
    record.updatedAt = now
  }
  return before
}
