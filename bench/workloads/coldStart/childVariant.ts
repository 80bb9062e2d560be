import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { join } from 'node:path'
import { childBundleDir, runTypeScriptInChild } from '../../../src/main/core/testing/runTypeScriptInChild'
import type { Mark } from './phaseMarks'

/** What a cold-start child prints: performance.now() timestamps (ms since its process started) and its memory. */
export interface ChildReport {
  timeOrigin: number
  /** Its bundle and the packages it imports evaluated. */
  loadedMs: number
  /** Core (or raw database) open. */
  openedMs: number
  /** The dashboard's answer in hand. */
  firstDataMs: number
  /** CPU time used (all threads) at those three moments. */
  loadedCpuMs: number
  openedCpuMs: number
  firstDataCpuMs: number
  rssMb: number
  /** Peak RSS of the child's own image (see memory.ts). */
  peakRssMb: number
  /** Phases inside openCore (ours only, see phaseMarks.ts). */
  marks?: Mark[]
  answer: unknown
}

export interface ColdStartSample extends ChildReport {
  /** First data measured from just before the parent spawned the child (includes Node's own start-up). */
  fromSpawnMs: number
}

/**
 * A child entry run as a fresh process per sample. The first run goes through
 * runTypeScriptInChild, which bundles the entry (so that build never lands in a timed sample: the
 * first run is the warm-up); later runs spawn the same bundle directly, the spawn time taken just
 * before. Packages in `externalPackages` load from node_modules as in the app (Automerge's wasm).
 */
export class ChildVariant {
  private bundle: string | undefined
  private readonly dir: string

  constructor(
    private readonly entry: string,
    name: string,
    private readonly externalPackages: string[] = [],
  ) {
    this.dir = childBundleDir(name)
  }

  get bundleDir(): string {
    return this.dir
  }

  async run(args: string[]): Promise<ColdStartSample> {
    let child: ChildProcessWithoutNullStreams
    let spawnedAt = Number.NaN
    if (this.bundle === undefined) {
      child = await runTypeScriptInChild(this.entry, this.dir, args, { externalPackages: this.externalPackages })
      this.bundle = join(this.dir, 'child-entry.mjs')
    } else {
      spawnedAt = performance.timeOrigin + performance.now()
      child = spawn(process.execPath, [this.bundle, ...args], { stdio: 'pipe' })
    }
    const { code, stdout, stderr } = await finished(child)
    const line = stdout.split('\n')[0] ?? ''
    if (code !== 0 || !line.startsWith('{')) throw new Error(`cold-start child ${this.entry} exited ${code}: ${stderr.slice(-2000)}`)
    const report = JSON.parse(line) as ChildReport
    return { ...report, fromSpawnMs: report.timeOrigin + report.firstDataMs - spawnedAt }
  }
}

function finished(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = []
    const err: Buffer[] = []
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error('cold-start child did not finish within 60 s'))
    }, 60_000)
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() })
    })
  })
}
