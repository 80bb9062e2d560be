/**
 * What an upgrade fixture holds, as the Staffroom version that wrote it reported it
 * (tests/hostile/fixtures/upgrades/README.md). seedProfile.ts writes it from inside an old
 * checkout; tests/hostile/upgrades.test.ts reads every item back through the current core.
 * This file is copied into old checkouts, so it imports nothing.
 */

/** Record kinds read back by `<method>({ id })`, the record under `key` of the result. */
export const recordReaders = {
  contact: { create: 'contacts.create', get: 'contacts.get', key: 'contact' },
  interaction: { create: 'interactions.log', get: 'interactions.get', key: 'interaction' },
  community: { create: 'communities.create', get: 'communities.get', key: 'community' },
  event: { create: 'events.create', get: 'events.get', key: 'event' },
  goal: { create: 'goals.create', get: 'goals.get', key: 'goal' },
  journal: { create: 'journal.create', get: 'journal.get', key: 'entry' },
  reading: { create: 'reading.create', get: 'reading.get', key: 'item' },
  resource: { create: 'resources.create', get: 'resources.get', key: 'resource' },
  checkin: { create: 'checkIns.create', get: 'checkIns.get', key: 'checkIn' },
} as const

export type ManifestRecordKind = keyof typeof recordReaders

export interface ManifestNote {
  id: string
  url: string
  title: string
  tags: string[]
  pinned: boolean
  trashed: boolean
  createdAt: number
  /** A word only this note's body holds, so search must find it (live notes only). */
  bodyWord: string
  /** A.spans of the body, through JSON (blocks, marks, text), to compare exactly. */
  bodySpans: unknown
}

export interface ManifestRecord {
  kind: ManifestRecordKind
  id: string
  /** The record as the old version's get returned it (every field must come back equal). */
  record: Record<string, unknown>
}

export interface ManifestSpace {
  kind: 'project' | 'circle'
  id: string
  /** The old version's projects.get / circles.get view, minus what is about this device's session. */
  view: Record<string, unknown>
  bodySpans?: unknown
  /** projects.comments threads (project only, where the version had comments). */
  comments?: unknown[]
}

export interface ManifestBundle {
  /** File name inside the fixture's bundles/ folder. */
  file: string
  documentId: string
  kind: 'note' | 'project' | 'circle'
  title: string
  /** A note's body when it was exported (the profile's copy was edited after). */
  bodySpans?: unknown
}

export interface UpgradeManifest {
  commit: string
  commitDate: string
  /** PRAGMA user_version the old version left. */
  schemaVersion: number
  workspaceUrl: string
  /** This device's id (null before device identities existed): pairing depends on it staying. */
  deviceId: string | null
  notes: ManifestNote[]
  records: ManifestRecord[]
  spaces: ManifestSpace[]
  /** keepingInTouch.settings as the old version returned it, or null where it did not exist. */
  keepingInTouch: Record<string, unknown> | null
  /** feeds.list rows' url, title, kind and folder (feeds were records without a get). */
  feeds: Array<{ id: string; url: string; title: string; kind: string; folder: string }>
  bundles: ManifestBundle[]
  /** The JSON backup (io.export backup.json) the version wrote, beside the manifest; null before backups. */
  backup: string | null
  /** Methods the old version answered, for the README's table. */
  methodsUsed: string[]
}

/** Plain JSON (Automerge's ImmutableString and the like become what JSON makes of them). */
export function plainJson<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown
}
