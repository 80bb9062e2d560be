import { closeSync, cpSync, existsSync, openSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as A from '@automerge/automerge'
import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { ProfileStats } from '@shared/api/system'
import { generateNetwork } from '@shared/network/generateNetwork'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import type { NoteDoc } from '@shared/notes/NoteDoc'
import { openCore } from '../../src/main/core/createCore'
import { loadNetwork } from '../../src/main/core/dashboard/testing/loadNetwork'
import { call, writeRichBody } from '../../src/main/core/testing/coreHarness'

/**
 * The "big workspace": 10,000 contacts, 100,000 interactions (other kinds at
 * generateNetwork's usual proportions), 1,000 notes and 100 projects, in a real profile folder.
 * Built once per checkout into node_modules/.cache (a clean clone builds it on its first run) and
 * copied for each workload, so the sync, dashboard and cold-start workloads read the same data.
 */
export const bigWorkspaceSize = { seed: 42, contacts: 10_000, interactions: 100_000, notes: 1_000, projects: 100, today: '2026-06-30' } as const
/** The dashboard range the workloads ask for: one year up to the generator's "today". */
export const bigWorkspaceRange = { from: '2025-07-01', to: '2026-06-30', today: '2026-06-30' } as const

const version = 'v1'
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
// STAFFROOM_BENCH_CACHE moves the built workspaces elsewhere (e.g. to time a build from scratch).
const cacheRoot = process.env.STAFFROOM_BENCH_CACHE ?? join(repoRoot, 'node_modules', '.cache', 'staffroom-bench')
const cacheDir = join(cacheRoot, `big-workspace-${version}`)
const statsFile = join(cacheDir, 'stats.json')

export interface BigWorkspace {
  /** A private copy of the profile folder, for this caller to open, change and delete. */
  dataDir: string
  /** What the profile holds, as the core counted it when it was built. */
  stats: ProfileStats
  /** How long building the template took (0 when it came from the cache). */
  builtInMs: number
}

/** Copies the big workspace into `dataDir` (a path that must not exist yet), building it first if needed. */
export async function bigWorkspace(dataDir: string): Promise<BigWorkspace> {
  let builtInMs = 0
  if (!existsSync(statsFile)) {
    const started = performance.now()
    await buildOnce()
    builtInMs = performance.now() - started
  }
  mkdirSync(dirname(dataDir), { recursive: true })
  cpSync(join(cacheDir, 'profile'), dataDir, { recursive: true })
  return { dataDir, stats: JSON.parse(readFileSync(statsFile, 'utf8')) as ProfileStats, builtInMs }
}

/** One builder at a time (two workloads run side by side while developing): the others wait for it. */
async function buildOnce(): Promise<void> {
  mkdirSync(dirname(cacheDir), { recursive: true })
  const lock = `${cacheDir}.lock`
  let held: number | undefined
  try {
    held = openSync(lock, 'wx')
    writeFileSync(held, String(process.pid))
  } catch {
    while (!existsSync(statsFile)) {
      if (!builderAlive(lock)) {
        rmSync(lock, { force: true })
        return buildOnce()
      }
      await new Promise((wake) => setTimeout(wake, 1_000))
    }
    return
  }
  try {
    await buildTemplate()
  } finally {
    closeSync(held)
    rmSync(lock, { force: true })
  }
}

function builderAlive(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(lock, 'utf8')), 0)
    return true
  } catch {
    return false
  }
}

async function buildTemplate(): Promise<void> {
  const building = `${cacheDir}.building-${process.pid}`
  rmSync(building, { recursive: true, force: true })
  const profile = join(building, 'profile')
  const { core, internals } = await openCore({ dataDir: profile, deviceName: 'Bench desktop' })
  try {
    const size = bigWorkspaceSize
    const phase = phaseClock('building the big workspace')
    await loadNetwork(internals, generateNetwork({ seed: size.seed, contacts: size.contacts, interactions: size.interactions, today: size.today }))
    phase('network records written and indexed')
    for (let i = 0; i < size.notes; i++) {
      const note = await call(core, 'notes.create', { title: `Lesson note ${i}` })
      const handle = await core.repo.find<NoteDoc>(note.url as AutomergeUrl)
      writeRichBody(handle, `Lesson note ${i}`, `Starter, main activity and plenary for lesson ${i}: fractions, photosynthesis or persuasive writing.`)
    }
    phase(`${size.notes} notes`)
    for (let i = 0; i < size.projects; i++) {
      const { project } = await call(core, 'projects.create', { title: `Shared unit ${i}`, template: 'lesson-plan' })
      const handle = await core.repo.find<ProjectDoc>(project.url as AutomergeUrl)
      handle.change((doc) => A.splice(doc, ['body'], 0, 0, `Unit ${i}: objectives, resources and assessment, written with colleagues. `.repeat(20)))
    }
    phase(`${size.projects} projects`)
    internals.ctx.network.indexer.flushPending()
    await core.repo.flush()
    phase('flushed')
    writeFileSync(join(building, 'stats.json'), `${JSON.stringify(core.stats(), null, 2)}\n`)
  } finally {
    await core.shutdown()
  }
  rmSync(cacheDir, { recursive: true, force: true })
  renameSync(building, cacheDir)
}

/** Prints how long each step of a long build took (a clean clone's first `npm run bench` builds for minutes). */
function phaseClock(what: string): (step: string) => void {
  let last = performance.now()
  return (step) => {
    const now = performance.now()
    console.info(`${what}: ${step} in ${((now - last) / 1000).toFixed(1)} s`)
    last = now
  }
}
