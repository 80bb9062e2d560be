import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import { afterAll, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/Core'
import { openCore } from '../../src/main/core/createCore'
import { migrations } from '../../src/main/core/storage/migrations'
import { makeTempDir } from '../../src/main/core/testing/tempDir'
import { checkBackupImport, checkImportedBundle, checkManifestItems, editAfterUpgrade, indexSnapshot, rpc, schemaOf, settledIndexSnapshot, upgradeFixtures, type UpgradeFixture } from './support/upgradeChecks'
import { recordHostileResult } from './support/trials'

/**
 * Point 8 of the hostile-world suite: profiles and offline bundles written by earlier versions
 * of Staffroom (committed under fixtures/upgrades, each made by that version's own core; see the
 * README there) open with the current core, migrate, and lose nothing. Each schema step has its
 * own unit test beside it (src/main/core/storage/migrations/*.test.ts); this is the whole path.
 */
const fixtures = upgradeFixtures()
const totals = { fixtures: 0, failures: 0, items: 0, bundles: 0, backups: 0, started: Date.now() }

const currentVersion = migrations[migrations.length - 1]!.version
const userVersion = (db: Database) => db.pragma('user_version', { simple: true }) as number
const workspaceHeads = async (core: Core) => (await core.repo.find(core.workspaceUrl as AutomergeUrl)).heads()
async function withFreshCore<T>(dataDir: string, use: (core: Core) => Promise<T>): Promise<T> {
  const { core } = await openCore({ dataDir })
  try {
    return await use(core)
  } finally {
    await core.shutdown()
  }
}
const bundleBase64 = (fixture: UpgradeFixture, file: string) => readFileSync(join(fixture.dir, 'bundles', file)).toString('base64')

describe('upgrades: profiles and bundles from earlier versions', () => {
  afterAll(() => {
    recordHostileResult({
      id: 'upgrades',
      tried: 'profiles and bundles written by earlier versions open, migrate and keep every item',
      trials: totals.fixtures,
      failures: totals.failures,
      durationMs: Date.now() - totals.started,
      figures: { fixtures: totals.fixtures, itemsChecked: totals.items, bundlesImported: totals.bundles, backupsRestored: totals.backups, schemaVersions: fixtures.map((f) => f.manifest.schemaVersion).join(', ') },
    })
  })

  it('has fixtures spanning the schema history', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(4)
    expect(fixtures[0]!.manifest.schemaVersion).toBeLessThanOrEqual(3)
    expect(fixtures.some((f) => f.manifest.bundles.length > 0)).toBe(true)
  })

  it.each(fixtures)('$name opens with the current core, migrates and loses nothing', async (fixture) => {
    const { manifest } = fixture
    const temp = makeTempDir('staffroom-upgrade-')
    const problems: string[] = []
    try {
      const dataDir = join(temp.dir, 'profile')
      mkdirSync(dataDir)
      copyFileSync(join(fixture.dir, 'staffroom.sqlite'), join(dataDir, 'staffroom.sqlite'))
      const untouched = new BetterSqlite3(join(dataDir, 'staffroom.sqlite'), { readonly: true })
      expect(userVersion(untouched), 'the fixture is the schema it says').toBe(manifest.schemaVersion)
      untouched.close()

      // First open: the real migrations run.
      let opened = await openCore({ dataDir })
      let after: { schema: unknown[]; index: Record<string, string[]>; heads: string[] }
      let edited: typeof manifest
      try {
        const { db } = opened.internals
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(userVersion(db)).toBe(currentVersion)
        expect(opened.core.workspaceUrl).toBe(manifest.workspaceUrl)
        const first = await checkManifestItems(opened.core, manifest)
        problems.push(...first.problems.map((p) => `first open: ${p}`))
        totals.items += first.items

        const live = await settledIndexSnapshot(opened.internals)
        await opened.core.reindex()
        expect(indexSnapshot(db), 'the index after migration equals a reindex').toEqual(live)

        // Old bundles merge into the migrated copy, which already has (and keeps) more.
        for (const bundle of manifest.bundles) {
          const result = await rpc(opened.core, 'bundles.import', { base64: bundleBase64(fixture, bundle.file) })
          expect({ kind: result.kind, outcome: result.outcome, documentId: result.documentId }).toEqual({ kind: bundle.kind, outcome: 'merged', documentId: bundle.documentId })
          totals.bundles++
        }
        // The first writes after the upgrade (they migrate old collection documents).
        edited = await editAfterUpgrade(opened.core, manifest)
        after = { schema: schemaOf(db), index: await settledIndexSnapshot(opened.internals), heads: await workspaceHeads(opened.core) }
      } finally {
        await opened.core.shutdown()
      }

      // Second open: nothing left to migrate, nothing rewritten, everything still there.
      opened = await openCore({ dataDir })
      try {
        const { db } = opened.internals
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(userVersion(db)).toBe(currentVersion)
        expect(schemaOf(db)).toEqual(after.schema)
        expect(await workspaceHeads(opened.core), 'the workspace is not migrated again').toEqual(after.heads)
        expect(await settledIndexSnapshot(opened.internals)).toEqual(after.index)
        await opened.core.reindex()
        expect(indexSnapshot(db), 'the index after the first writes equals a reindex').toEqual(after.index)
        const second = await checkManifestItems(opened.core, edited)
        problems.push(...second.problems.map((p) => `second open: ${p}`))
        totals.items += second.items
      } finally {
        await opened.core.shutdown()
      }

      // The old JSON backup, and the old bundles, each into a fresh current profile: added whole.
      if (manifest.backup) {
        const backupText = readFileSync(join(fixture.dir, manifest.backup), 'utf8')
        const restored = await withFreshCore(join(temp.dir, 'restored'), (core) => checkBackupImport(core, backupText, manifest))
        problems.push(...restored.problems)
        totals.items += restored.items
        totals.backups++
      }
      if (manifest.bundles.length) {
        await withFreshCore(join(temp.dir, 'fresh'), async (core) => {
          for (const bundle of manifest.bundles) {
            const result = await rpc(core, 'bundles.import', { base64: bundleBase64(fixture, bundle.file) })
            expect({ kind: result.kind, outcome: result.outcome, documentId: result.documentId, title: result.title }).toEqual({ kind: bundle.kind, outcome: 'added', documentId: bundle.documentId, title: bundle.title })
            problems.push(...(await checkImportedBundle(core, bundle, manifest, bundle.bodySpans)).map((p) => `fresh import: ${p}`))
            totals.items++
            totals.bundles++
          }
        })
      }
      expect(problems, 'what the old version wrote and the current one reads differently').toEqual([])
    } catch (error) {
      totals.failures++
      throw error
    } finally {
      totals.fixtures++
      temp.remove()
    }
  })
})
