import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it, onTestFinished } from 'vitest'
import { openDatabase } from '../../src/main/core/storage/openDatabase'
import { childBundleDir, runTypeScriptInChild } from '../../src/main/core/testing/runTypeScriptInChild'
import { makeTempDir } from '../../src/main/core/testing/tempDir'
import { CrashProfileRunner, type SpawnCrashChild } from './support/CrashProfileRunner'
import { seededRandom } from '@shared/seededRandom'
import { randomInt } from './support/crashRandom'
import { isLongRun, recordHostileResult, trialCount } from './support/trials'

// Kills wanted, and the wall time they may take: the quick budget stops on time long before 200.
const killTarget = trialCount({ quick: 200, long: 600 })
const budgetMs = isLongRun ? 12.5 * 60_000 : 35_000
/** Profiles killed side by side (each child is mostly waiting on its start-up and fsyncs). */
const parallelProfiles = 2
/** A fresh profile after this many kills, so that verifying (a full reindex) stays quick. */
const killsPerProfile = 60

const seed = Number.isInteger(Number(process.env.STAFFROOM_HOSTILE_SEED)) ? Number(process.env.STAFFROOM_HOSTILE_SEED) : randomInt(Math.random, 2 ** 31)

/** Bundles the child once (through runTypeScriptInChild), then spawns the same bundle directly; call inside a test. */
function childSpawner(): SpawnCrashChild {
  const dir = childBundleDir('crash-safety')
  let bundled = false
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return async (args) => {
    if (!bundled) {
      bundled = true
      return runTypeScriptInChild(join(__dirname, 'support/crashWriterChild.ts'), dir, args, { externalPackages: ['@automerge'] })
    }
    return spawn(process.execPath, [join(dir, 'child-entry.mjs'), ...args], { stdio: 'pipe' })
  }
}

describe('crash safety', () => {
  const temp = makeTempDir('staffroom-crash-')
  afterAll(() => temp.remove())

  it(`loses no acknowledged change and keeps the file and the index whole across SIGKILLs (seed ${seed})`, async () => {
    const started = Date.now()
    const spawnChild = childSpawner()
    await spawnChild([]).then((first) => new Promise((resolve) => first.on('exit', resolve)))
    const runners: CrashProfileRunner[] = []
    const failures: string[] = []
    let kills = 0

    const lane = async (laneIndex: number) => {
      let runner: CrashProfileRunner | undefined
      let profile = 0
      while (kills < killTarget && Date.now() - started < budgetMs && failures.length === 0) {
        if (!runner || runner.figures.kills >= killsPerProfile) {
          if (runner) await finish(runner)
          // Each profile's choices come from the seed, its lane and its number, whatever the other lane does.
          const profileSeed = (seed + laneIndex * 1_000_003 + profile * 7919) >>> 0
          runner = new CrashProfileRunner(join(temp.dir, `lane${laneIndex}-profile${profile++}`), spawnChild, seededRandom(profileSeed))
          runners.push(runner)
        }
        const cycle = await runner.cycle()
        if (cycle.killed) kills++
        if (cycle.failure) failures.push(`lane ${laneIndex}: ${cycle.failure}`)
      }
      if (runner && failures.length === 0) await finish(runner)
    }
    const finish = async (runner: CrashProfileRunner) => {
      const last = await runner.finalCheck()
      if (last.failure) failures.push(`final check: ${last.failure}`)
      else if (!last.verified) failures.push('final check: the child did not verify')
    }
    await Promise.all(Array.from({ length: parallelProfiles }, (_, i) => lane(i)))

    // The parent's own look at each profile after the last kill: the file is whole.
    const integrity = runners.map((runner) => {
      const db = openDatabase({ dataDir: runner.dataDir })
      const result = String(db.pragma('integrity_check', { simple: true }))
      db.close()
      return result
    })

    const total = (key: keyof CrashProfileRunner['figures']) => runners.reduce((sum, runner) => sum + runner.figures[key], 0)
    recordHostileResult({
      id: 'crash-safety',
      tried: 'SIGKILL a core writing notes, interactions and project edits; restart; check integrity, acknowledged changes, index = reindex',
      trials: total('kills'),
      failures: failures.length,
      durationMs: Date.now() - started,
      figures: {
        seed,
        profiles: runners.length,
        killsDuringStartup: total('killsDuringStartup'),
        acknowledgedChanges: total('acknowledged'),
        acknowledgedChangesChecked: total('factsChecked'),
        reindexComparisons: total('verifications'),
        integrityChecks: total('verifications') + runners.length,
        editorCouldNotOpenNewNote: total('editorUnavailable'),
        killsAfterStall: total('killsAfterStall'),
        silentStalls: total('silentStalls'),
      },
    })
    if (failures.length > 0) console.error(`crash safety, seed ${seed}:\n${failures.join('\n\n')}`)
    expect(failures, `seed ${seed} (replay with STAFFROOM_HOSTILE_SEED=${seed})`).toEqual([])
    expect(integrity.every((result) => result === 'ok'), `seed ${seed}: ${integrity.join(', ')}`).toBe(true)
    // The run did real work: children were killed, acknowledged changes and were checked.
    expect(total('kills')).toBeGreaterThan(4)
    expect(total('acknowledged')).toBeGreaterThan(0)
    expect(total('factsChecked')).toBeGreaterThanOrEqual(total('acknowledged'))
  })
})
