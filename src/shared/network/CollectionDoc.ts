import type { ImmutableString } from '@automerge/automerge'
import type { RecordKind, RecordOf } from './records'

/** What a collection holds per record id: see recordCodec (interactions are one JSON string). */
export type StoredRecordOf<K extends RecordKind> = K extends 'interaction' ? ImmutableString : RecordOf<K>

/**
 * An Automerge document holding a shard of one kind's records, keyed by record id. A record's
 * shard is a hash of its id, so a record never moves and every device agrees where it lives.
 * See docs/DECISIONS.md (collection shards) for the measurements behind the shard counts.
 * Records are read and written only through recordCodec (encodeRecord / decodeRecord).
 */
export interface CollectionDoc<K extends RecordKind = RecordKind> {
  kind: 'collection'
  recordKind: K
  schemaVersion: number
  records: { [id: string]: StoredRecordOf<K> }
}

/** 2: interaction records became one JSON string each (migrateCollection). */
export const collectionSchemaVersion = 2

/** Shards per kind: many for the kinds that grow to tens of thousands, few for the rest. */
export const shardCounts: Record<RecordKind, number> = {
  contact: 16,
  interaction: 32,
  community: 2,
  event: 4,
  goal: 1,
  journal: 4,
  resource: 4,
  reading: 4,
  feed: 1,
  checkin: 1,
}

/** FNV-1a over the id's UTF-16 code units: stable on every device and in every version. */
export function shardOf(id: string, shards: number): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash % shards
}

export function newCollection<K extends RecordKind>(recordKind: K): CollectionDoc<K> {
  return { kind: 'collection', recordKind, schemaVersion: collectionSchemaVersion, records: {} }
}
