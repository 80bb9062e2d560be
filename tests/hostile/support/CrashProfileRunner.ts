import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CrashFact } from './crashFacts'
import { randomInt } from './crashRandom'

/** How a child ended, as the parent saw it. */
export interface CrashCycle {
  killed: boolean
  /** The child verified the profile (integrity, index = reindex, the facts it was given). */
  verified: boolean
  factsChecked: number
  acknowledged: number
  /** The child reported a problem, or died on its own: the test fails with this. */
  failure?: string
}

export interface CrashFigures {
  kills: number
  killsDuringStartup: number
  verifications: number
  factsChecked: number
  acknowledged: number
  /** Notes the renderer could not open right after the core created them (an automerge-repo race). */
  editorUnavailable: number
  /** Kills of a child that had not reached its kill moment after maxCycleMs (a hang would show here). */
  killsAfterStall: number
  /** Of those, the ones whose child had printed nothing for 5 s: a hang, not a slow machine. */
  silentStalls: number
}

/** Spawns the bundled crash child (see crashWriterChild.ts); `spawnChild` is the first-run hook that bundles. */
export type SpawnCrashChild = (args: string[]) => Promise<ChildProcessWithoutNullStreams>

const olderFactsPerCheck = 150
/** A cycle's longest wait for its kill moment: a loaded machine may acknowledge slowly. */
const maxCycleMs = 20_000

/**
 * One profile folder, restarted again and again: each cycle starts a child on it, kills it with
 * SIGKILL at a random moment (while it starts and verifies, or while it writes), and keeps the
 * facts the child acknowledged. The next child checks every fact acknowledged since the last
 * successful check plus a random sample of older ones; `finalCheck` checks them all.
 */
export class CrashProfileRunner {
  readonly facts: CrashFact[] = []
  private unverified: CrashFact[] = []
  private startupMs = 1500
  readonly figures: CrashFigures = { kills: 0, killsDuringStartup: 0, verifications: 0, factsChecked: 0, acknowledged: 0, editorUnavailable: 0, killsAfterStall: 0, silentStalls: 0 }

  constructor(
    readonly dataDir: string,
    private readonly spawnChild: SpawnCrashChild,
    private readonly random: () => number,
  ) {}

  /**
   * One start, a random wait, SIGKILL. A quarter of the kills land while the child starts,
   * recovers and verifies (a random time within its usual start-up); the rest while it writes:
   * after a random number of acknowledgements (0–40) and a random 0–120 ms more, so the kill
   * falls between a change, its save and its flush at whatever pace the machine allows.
   */
  async cycle(): Promise<CrashCycle> {
    const duringStartup = this.random() < 0.25
    const startupDelayMs = randomInt(this.random, Math.ceil(this.startupMs))
    const acksBeforeKill = randomInt(this.random, 41)
    const extraMs = randomInt(this.random, 121)
    let killScheduled = false
    const killAfter = (child: ChildProcessWithoutNullStreams, ms: number) => {
      if (killScheduled) return
      killScheduled = true
      setTimeout(() => child.kill('SIGKILL'), ms)
    }
    let lastLineAt = Date.now()
    const cycle = await this.run(this.checkList(), (child, line, spawnedAt, acknowledged) => {
      lastLineAt = Date.now()
      if (line === 'SPAWNED') {
        if (duringStartup) killAfter(child, startupDelayMs)
        // Never wait forever on a child that stopped acknowledging: it is killed all the same, and counted.
        setTimeout(() => {
          if (!killScheduled && child.exitCode === null && child.signalCode === null) {
            this.figures.killsAfterStall++
            // Slow is not stuck: a child still acknowledging in the last 5 s was only slow.
            if (Date.now() - lastLineAt > 5000) this.figures.silentStalls++
          }
          child.kill('SIGKILL')
        }, maxCycleMs).unref()
      }
      if (line === 'WRITING') this.startupMs = 0.8 * this.startupMs + 0.2 * (Date.now() - spawnedAt)
      if ((line === 'WRITING' || line.startsWith('ACK ')) && acknowledged >= acksBeforeKill) killAfter(child, extraMs)
    })
    if (cycle.killed) {
      this.figures.kills++
      if (duringStartup && !cycle.verified) this.figures.killsDuringStartup++
    }
    return cycle
  }

  /** Checks every fact ever acknowledged on this profile, then kills the child. */
  async finalCheck(): Promise<CrashCycle> {
    const cycle = await this.run(this.facts, (child, line) => {
      if (line === 'WRITING') child.kill('SIGKILL')
    })
    if (cycle.killed) this.figures.kills++
    return cycle
  }

  private checkList(): CrashFact[] {
    const older = this.facts.slice(0, this.facts.length - this.unverified.length)
    const sample: CrashFact[] = []
    for (let i = 0; i < Math.min(olderFactsPerCheck, older.length); i++) sample.push(older[randomInt(this.random, older.length)]!)
    return [...this.unverified, ...sample]
  }

  private async run(
    toCheck: CrashFact[],
    onLine: (child: ChildProcessWithoutNullStreams, line: string, spawnedAt: number, acknowledged: number) => void,
  ): Promise<CrashCycle> {
    const factsFile = join(this.dataDir, '..', `${this.dataDir.split('/').pop()}-facts.jsonl`)
    writeFileSync(factsFile, toCheck.map((fact) => JSON.stringify(fact)).join('\n'))
    const child = await this.spawnChild([this.dataDir, factsFile, String(randomInt(this.random, 2 ** 31))])
    const spawnedAt = Date.now()
    const cycle: CrashCycle = { killed: false, verified: false, factsChecked: 0, acknowledged: 0 }
    let stderr = ''
    let buffered = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    onLine(child, 'SPAWNED', spawnedAt, 0)
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      let end: number
      while ((end = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, end)
        buffered = buffered.slice(end + 1)
        this.onChildLine(line, cycle, toCheck)
        onLine(child, line, spawnedAt, cycle.acknowledged)
      }
    })
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, exitSignal) => resolve(exitSignal)))
    cycle.killed = signal === 'SIGKILL'
    if (!cycle.killed && !cycle.failure) cycle.failure = `the child exited on its own (${child.exitCode}): ${stderr.slice(-2000)}`
    return cycle
  }

  private onChildLine(line: string, cycle: CrashCycle, toCheck: CrashFact[]): void {
    if (line.startsWith('ACK ')) {
      const fact = JSON.parse(line.slice(4)) as CrashFact
      this.facts.push(fact)
      this.unverified.push(fact)
      cycle.acknowledged++
      this.figures.acknowledged++
    } else if (line.startsWith('VERIFIED ')) {
      cycle.verified = true
      cycle.factsChecked = toCheck.length
      this.figures.verifications++
      this.figures.factsChecked += toCheck.length
      // Everything acknowledged before this child started has now been found.
      this.unverified = []
    } else if (line.startsWith('EDITOR_UNAVAILABLE ')) {
      this.figures.editorUnavailable++
    } else if (line.startsWith('FAIL ')) {
      cycle.failure = line.slice(5)
    }
  }
}
