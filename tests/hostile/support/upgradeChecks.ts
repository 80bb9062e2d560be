import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { Database } from 'better-sqlite3'
import type { Core } from '../../../src/main/core/Core'
import type { CoreInternals } from '../../../src/main/core/createCore'
import { spansOf } from '../../../scripts/upgrade-fixtures/richBodies'
import { recordReaders, type ManifestBundle, type ManifestRecordKind, type UpgradeManifest } from '../../../scripts/upgrade-fixtures/upgradeManifest'

export const upgradeFixturesDir = resolve(__dirname, '../fixtures/upgrades')

export interface UpgradeFixture {
  name: string
  dir: string
  manifest: UpgradeManifest
}

/** Every committed fixture (a folder with a manifest.json), oldest schema first. */
export function upgradeFixtures(): UpgradeFixture[] {
  return readdirSync(upgradeFixturesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(upgradeFixturesDir, entry.name, 'manifest.json')))
    .map((entry) => ({ name: entry.name, dir: join(upgradeFixturesDir, entry.name), manifest: JSON.parse(readFileSync(join(upgradeFixturesDir, entry.name, 'manifest.json'), 'utf8')) as UpgradeManifest }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

type Json = Record<string, unknown>

/** Calls through dispatch (the real boundary) and fails loudly. */
export async function rpc(core: Core, method: string, args: unknown = {}): Promise<Json> {
  const result = await core.dispatch(method, args)
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`)
  return result.value as Json
}

/** Each key the old version reported that does not come back equal (new keys are fine). */
export function lostFields(what: string, expected: Json, actual: Json | undefined): string[] {
  if (!actual) return [`${what}: missing`]
  return Object.entries(expected)
    .filter(([key, value]) => !isDeepStrictEqual(plain(actual[key]), value))
    .map(([key, value]) => `${what}.${key}: was ${JSON.stringify(value)}, now ${JSON.stringify(actual[key])}`)
}

const plain = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)))

/** What a view says about the device reading it, not about the document. */
const viewerKeys = new Set(['myRole', 'myDeviceId', 'isMe', 'isMine', 'mine', 'canDelete', 'canRemove', 'canResolve', 'myRsvp', 'readOnlyReason'])
export function withoutViewerFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutViewerFields)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([key]) => !viewerKeys.has(key)).map(([key, v]) => [key, withoutViewerFields(v)]))
  return value
}

async function bodySpans(core: Core, url: string): Promise<unknown> {
  return spansOf((await core.repo.find(url as AutomergeUrl)).doc(), ['body'])
}

/**
 * Reads every item of the manifest back through the current core. Returns what was lost or
 * changed (empty when nothing was) and how many items were checked.
 */
export async function checkManifestItems(core: Core, manifest: UpgradeManifest): Promise<{ problems: string[]; items: number }> {
  const problems: string[] = []
  let items = 0
  if (manifest.deviceId) {
    items++
    const status = await rpc(core, 'sync.status')
    if (status.deviceId !== manifest.deviceId) problems.push(`device id: was ${manifest.deviceId}, now ${String(status.deviceId)}`)
  }
  for (const note of manifest.notes) {
    items++
    const summary = await rpc(core, 'notes.get', { id: note.id })
    const { bodyWord, bodySpans: spans, ...fields } = note
    problems.push(...lostFields(`note ${note.title}`, fields, summary))
    if (!isDeepStrictEqual(await bodySpans(core, note.url), spans)) problems.push(`note ${note.title}: body changed`)
    const hits = (await rpc(core, 'notes.search', { text: bodyWord })).hits as Json[]
    if (!note.trashed && !hits.some((hit) => hit.id === note.id)) problems.push(`note ${note.title}: search for "${bodyWord}" misses it`)
  }
  // The lists come from the workspace's listing (migrated from v1 and v2) through the index.
  for (const filter of ['active', 'trash'] as const) {
    const listed = ((await rpc(core, 'notes.list', { filter })).notes as Json[]).map((row) => row.id).sort()
    const expected = manifest.notes.filter((note) => note.trashed === (filter === 'trash')).map((note) => note.id).sort()
    if (!isDeepStrictEqual(listed, expected)) problems.push(`notes.list ${filter}: was ${JSON.stringify(expected)}, now ${JSON.stringify(listed)}`)
  }
  if (manifest.spaces.length) {
    const listed = ((await rpc(core, 'spaces.list')).spaces as Json[]).map((row) => row.id).sort()
    const expected = manifest.spaces.map((space) => space.id).sort()
    if (!isDeepStrictEqual(listed, expected)) problems.push(`spaces.list: was ${JSON.stringify(expected)}, now ${JSON.stringify(listed)}`)
  }
  for (const { kind, id, record } of manifest.records) {
    items++
    const reader = recordReaders[kind]
    const result = await core.dispatch(reader.get, { id })
    if (!result.ok) problems.push(`${kind} ${id}: ${result.error.message}`)
    else problems.push(...lostFields(`${kind} ${id}`, record, (result.value as Json)[reader.key] as Json))
  }
  if (manifest.keepingInTouch) {
    items++
    problems.push(...lostFields('keepingInTouch.settings', manifest.keepingInTouch, await rpc(core, 'keepingInTouch.settings')))
  }
  if (manifest.feeds.length) {
    const feeds = (await rpc(core, 'feeds.list')).feeds as Json[]
    for (const feed of manifest.feeds) {
      items++
      problems.push(...lostFields(`feed ${feed.url}`, feed, feeds.find((row) => row.id === feed.id)))
    }
  }
  for (const space of manifest.spaces) {
    items++
    if (space.kind === 'project') {
      const view = (await rpc(core, 'projects.get', { projectId: space.id })).project as Json
      problems.push(...lostFields(`project ${space.id}`, space.view, view))
      if (!isDeepStrictEqual(await bodySpans(core, view.url as string), space.bodySpans)) problems.push(`project ${space.id}: body changed`)
      if (space.comments) {
        const threads = (await rpc(core, 'projects.comments', { projectId: space.id })).threads
        if (!isDeepStrictEqual(plain(threads), space.comments)) problems.push(`project ${space.id}: comments were ${JSON.stringify(space.comments)}, now ${JSON.stringify(threads)}`)
      }
    } else {
      problems.push(...lostFields(`circle ${space.id}`, space.view, (await rpc(core, 'circles.get', { circleId: space.id })).circle as Json))
    }
  }
  return { problems, items }
}

/**
 * After importing an old bundle, what the document says through the current API, compared with
 * what the old version wrote. `manifest` gives the spaces' views (unchanged after export).
 */
export async function checkImportedBundle(core: Core, bundle: ManifestBundle, manifest: UpgradeManifest, expectedNoteSpans: unknown): Promise<string[]> {
  const what = `bundle ${bundle.file}`
  if (bundle.kind === 'note') {
    const summary = await rpc(core, 'notes.get', { id: bundle.documentId })
    const problems = summary.title === bundle.title ? [] : [`${what}: title ${String(summary.title)}`]
    if (!isDeepStrictEqual(await bodySpans(core, summary.url as string), expectedNoteSpans)) problems.push(`${what}: body changed`)
    return problems
  }
  const space = manifest.spaces.find((candidate) => candidate.id === bundle.documentId)
  if (!space) return [`${what}: the manifest has no ${bundle.kind} ${bundle.documentId}`]
  const view =
    bundle.kind === 'project'
      ? ((await rpc(core, 'projects.get', { projectId: bundle.documentId })).project as Json)
      : ((await rpc(core, 'circles.get', { circleId: bundle.documentId })).circle as Json)
  const problems = lostFields(`${what}`, withoutViewerFields(space.view) as Json, withoutViewerFields(view) as Json)
  if (space.bodySpans && !isDeepStrictEqual(await bodySpans(core, view.url as string), space.bodySpans)) problems.push(`${what}: body changed`)
  return problems
}

/** The update method and a text field of each kind, for a first write after the upgrade. */
const editors: Record<ManifestRecordKind, { update: string; field: string }> = {
  contact: { update: 'contacts.update', field: 'notes' },
  interaction: { update: 'interactions.update', field: 'summary' },
  community: { update: 'communities.update', field: 'notes' },
  event: { update: 'events.update', field: 'takeaways' },
  goal: { update: 'goals.update', field: 'why' },
  journal: { update: 'journal.update', field: 'whatIWillTry' },
  reading: { update: 'reading.update', field: 'notes' },
  resource: { update: 'resources.update', field: 'notes' },
  checkin: { update: 'checkIns.update', field: 'adjustText' },
}

/**
 * The first writes after an upgrade: one live record of each kind, the project's subject and the
 * circle's description. A write is what migrates an old collection document (schema 1 → 2), so
 * the records that share it must come through untouched. Returns the manifest as it now should
 * read (the edited records' updatedAt left out: it is the time of the edit).
 */
export async function editAfterUpgrade(core: Core, manifest: UpgradeManifest): Promise<UpgradeManifest> {
  const edited: UpgradeManifest = JSON.parse(JSON.stringify(manifest)) as UpgradeManifest
  const done = new Set<string>()
  for (const entry of edited.records) {
    if (done.has(entry.kind) || entry.record.deletedAt !== null) continue
    done.add(entry.kind)
    const { update, field } = editors[entry.kind]
    const value = `${String(entry.record[field])} (edited after the upgrade)`
    await rpc(core, update, { id: entry.id, patch: { [field]: value } })
    const { updatedAt: _updatedAt, ...rest } = entry.record
    entry.record = { ...rest, [field]: value }
  }
  for (const space of edited.spaces) {
    if (space.kind === 'project') {
      space.view.subject = 'Maths (edited after the upgrade)'
      await rpc(core, 'projects.update', { projectId: space.id, subject: space.view.subject })
    } else {
      space.view.description = 'Sharing what works (edited after the upgrade)'
      await rpc(core, 'circles.update', { circleId: space.id, description: space.view.description })
    }
  }
  return edited
}

/**
 * Imports the old version's JSON backup into a (fresh) current profile through io.previewImport
 * and io.commitImport, then reads every record and note of the manifest back.
 */
export async function checkBackupImport(core: Core, backupText: string, manifest: UpgradeManifest): Promise<{ problems: string[]; items: number }> {
  const preview = await rpc(core, 'io.previewImport', { format: 'backup', text: backupText })
  if (!preview.canCommit) return { problems: [`backup preview refused: ${JSON.stringify(preview.errors)}`], items: 0 }
  await rpc(core, 'io.commitImport', { importId: preview.importId })
  const problems: string[] = []
  let items = 0
  for (const { kind, id, record } of manifest.records) {
    items++
    const reader = recordReaders[kind]
    const result = await core.dispatch(reader.get, { id })
    if (!result.ok) problems.push(`backup ${kind} ${id}: ${result.error.message}`)
    else problems.push(...lostFields(`backup ${kind} ${id}`, record, (result.value as Json)[reader.key] as Json))
  }
  for (const note of manifest.notes) {
    items++
    const result = await core.dispatch('notes.get', { id: note.id })
    if (!result.ok) {
      problems.push(`backup note ${note.title}: ${result.error.message}`)
      continue
    }
    const { bodyWord: _word, bodySpans: spans, ...fields } = note
    const summary = result.value as Json
    problems.push(...lostFields(`backup note ${note.title}`, fields, summary))
    if (!isDeepStrictEqual(await bodySpans(core, summary.url as string), spans)) problems.push(`backup note ${note.title}: body changed`)
  }
  return { problems, items }
}

const ftsShadow = /_fts_(config|content|data|docsize|idx)$/
/** Tables that are not derived from the documents, so a reindex leaves them alone. */
const notIndex = new Set([
  'storage_chunks',
  'meta',
  'sqlite_sequence',
  'device_identity',
  'trusted_devices',
  'document_members',
  'invites',
  'relayed_documents',
  'share_lists',
  'space_seen',
  'feed_items',
  'feed_state',
])

/** Every index row (documents' projections, FTS included), without rowids, in a fixed order. */
export function indexSnapshot(db: Database): Record<string, string[]> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[]
  const snapshot: Record<string, string[]> = {}
  for (const table of tables.filter((name) => !notIndex.has(name) && !ftsShadow.test(name))) {
    snapshot[table] = (db.prepare(`SELECT * FROM "${table}"`).all() as Json[])
      .map(({ rowid: _rowid, ...row }) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)))
      .sort()
  }
  return snapshot
}

/**
 * The index once the indexers are idle: they project in the background (coalesced by a few tens
 * of ms; spaces never indexed are loaded after the start), so flush what is pending and wait
 * until two snapshots in a row, 60 ms apart, agree (at most `timeoutMs`).
 */
export async function settledIndexSnapshot({ db, ctx }: CoreInternals, timeoutMs = 5_000): Promise<Record<string, string[]>> {
  const deadline = Date.now() + timeoutMs
  const flushed = () => {
    ctx.indexer.flushPending()
    ctx.network.indexer.flushPending()
    ctx.dashboard.spaceActivity.flushPending()
    return indexSnapshot(db)
  }
  let previous = flushed()
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 60))
    const next = flushed()
    if (isDeepStrictEqual(next, previous) || Date.now() > deadline) return next
    previous = next
  }
}

/** The schema as SQLite keeps it, to show a second open changed nothing. */
export function schemaOf(db: Database): unknown[] {
  return db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all()
}
