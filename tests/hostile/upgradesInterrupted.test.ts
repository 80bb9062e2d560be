import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core/createCore'
import { migrations } from '../../src/main/core/storage/migrations'
import { childBundleDir, runTypeScriptInChild, waitForExit } from '../../src/main/core/testing/runTypeScriptInChild'
import { makeTempDir } from '../../src/main/core/testing/tempDir'
import { seededRandom } from '@shared/seededRandom'
import { isLongRun, recordHostileResult, trialCount } from './support/trials'
import { checkManifestItems, indexSnapshot, settledIndexSnapshot, upgradeFixtures } from './support/upgradeChecks'

/**
 * An upgrade the laptop dies in: a child opens an old fixture with the current core (SQL
 * migrations, workspace and collection document migrations, index catch-up) and is killed with
 * SIGKILL at a random moment; the next open must finish the upgrade and lose nothing.
 */
const seed = Number.isInteger(Number(process.env.STAFFROOM_HOSTILE_SEED)) ? Number(process.env.STAFFROOM_HOSTILE_SEED) : Math.floor(Math.random() * 2 ** 31)
const trials = trialCount({ quick: 1, long: 40 })
// The quick run kills the fixture with the most to migrate (network records in collection schema 1); the long one all of them.
const fixtures = upgradeFixtures().filter((f) => isLongRun || f.manifest.schemaVersion === 3)
const currentVersion = migrations[migrations.length - 1]!.version

function childSpawner(): (dataDir: string) => Promise<ChildProcessWithoutNullStreams> {
  const dir = childBundleDir('upgrade-interrupted')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  let bundled: Promise<unknown> | undefined
  return async (dataDir) => {
    bundled ??= runTypeScriptInChild(join(__dirname, 'support/upgradeOpenChild.ts'), dir, [], { externalPackages: ['@automerge'] }).then(waitForExit)
    await bundled
    return spawn(process.execPath, [join(dir, 'child-entry.mjs'), dataDir], { stdio: 'pipe' })
  }
}

/**
 * Kills the child `delayMs` after it starts opening the profile, or right after it has opened it
 * when delayMs is null; says whether the open had finished and how long it took.
 */
async function killDuringOpen(child: ChildProcessWithoutNullStreams, delayMs: number | null): Promise<{ opened: boolean; openMs: number }> {
  let stdout = ''
  let stderr = ''
  let openingAt = 0
  let openedAt = 0
  const said = (word: string) =>
    new Promise<void>((resolve) => {
      if (stdout.includes(word)) resolve()
      else child.stdout.on('data', () => stdout.includes(word) && resolve())
    })
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (!openingAt && stdout.includes('OPENING')) openingAt = Date.now()
    if (!openedAt && stdout.includes('OPENED')) openedAt = Date.now()
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = waitForExit(child)
  await Promise.race([said('OPENING'), exited])
  await Promise.race([delayMs === null ? said('OPENED') : new Promise((resolve) => setTimeout(resolve, delayMs)), exited])
  if (child.exitCode !== null) throw new Error(`the child exited (${child.exitCode}) by itself: ${stderr}`)
  child.kill('SIGKILL')
  await exited
  return { opened: openedAt > 0, openMs: openedAt - openingAt }
}

/** The schema version the killed child left (opening the file rolls its WAL forward, as the next open would). */
function versionLeft(dataDir: string): number {
  const db = new BetterSqlite3(join(dataDir, 'staffroom.sqlite'))
  try {
    return db.pragma('user_version', { simple: true }) as number
  } finally {
    db.close()
  }
}

describe('upgrades interrupted', () => {
  const temp = makeTempDir('staffroom-upgrade-kill-')
  afterAll(() => temp.remove())
  const spawnChild = childSpawner()

  it(`an upgrade killed at a random moment finishes on the next open and loses nothing (seed ${seed})`, async () => {
    const started = Date.now()
    const random = seededRandom(seed)
    const figures = { killedDuringOpen: 0, killedAfterOpened: 0, schemaOldAtKill: 0, schemaMigratedAtKill: 0, itemsChecked: 0, openMs: 0 }
    const failures: string[] = []
    for (let trial = 0; trial < trials; trial++) {
      const fixture = fixtures[trial % fixtures.length]!
      const dataDir = join(temp.dir, `trial-${trial}`)
      mkdirSync(dataDir)
      copyFileSync(join(fixture.dir, 'staffroom.sqlite'), join(dataDir, 'staffroom.sqlite'))
      // The long run's first trial measures how long an open takes (and kills right after it), the
      // others kill anywhere in it; the quick run's one trial kills somewhere in a typical open.
      const delay = isLongRun ? (trial === 0 ? null : Math.floor(random() * (figures.openMs + 100))) : Math.floor(random() * 600)
      const kill = await killDuringOpen(await spawnChild(dataDir), delay)
      if (delay === null) figures.openMs = kill.openMs
      figures[kill.opened ? 'killedAfterOpened' : 'killedDuringOpen']++
      figures[versionLeft(dataDir) === currentVersion ? 'schemaMigratedAtKill' : 'schemaOldAtKill']++

      const { core, internals } = await openCore({ dataDir })
      try {
        const integrity = String(internals.db.pragma('integrity_check', { simple: true }))
        const version = internals.db.pragma('user_version', { simple: true }) as number
        const items = await checkManifestItems(core, fixture.manifest)
        figures.itemsChecked += items.items
        const live = await settledIndexSnapshot(internals)
        await core.reindex()
        const reindexed = JSON.stringify(indexSnapshot(internals.db)) === JSON.stringify(live)
        const what = `trial ${trial} (${fixture.name}, killed ${delay === null ? 'after OPENED' : `at ${delay} ms`})`
        if (integrity !== 'ok') failures.push(`${what}: integrity ${integrity}`)
        if (version !== currentVersion) failures.push(`${what}: schema ${version}`)
        if (!reindexed) failures.push(`${what}: the index differs from a reindex`)
        failures.push(...items.problems.map((p) => `${what}: ${p}`))
      } finally {
        await core.shutdown()
        rmSync(dataDir, { recursive: true, force: true })
      }
    }
    const result = {
      id: 'upgrades-interrupted',
      tried: 'an old profile opened by the current core, SIGKILLed during the upgrade, reopened',
      trials,
      failures: failures.length,
      durationMs: Date.now() - started,
      figures: { seed, fixtures: fixtures.map((f) => f.name).join(', '), ...figures },
    }
    recordHostileResult(result)
    // The long run's figures are quoted in docs/RELIABILITY.md; say them where the run is watched.
    if (isLongRun) console.log(JSON.stringify(result))
    expect(failures).toEqual([])
  })
})
