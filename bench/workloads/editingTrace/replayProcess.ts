// The parent side of replayChild.ts: bundles a variant's entry, starts it, and exchanges one JSON
// line per command with it.
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { rmSync } from 'node:fs'
import { childBundleDir, runTypeScriptInChild, waitForExit } from '../../../src/main/core/testing/runTypeScriptInChild'
import type { ChildCommand, ChildFinished, ChildReady } from './replayChild'

export class ReplayProcess {
  private buffered = ''
  private readonly waiting: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = []
  private stderr = ''

  private constructor(
    readonly name: string,
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly bundleDir: string,
  ) {
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffered += chunk.toString()
      let end: number
      while ((end = this.buffered.indexOf('\n')) >= 0) {
        const line = this.buffered.slice(0, end)
        this.buffered = this.buffered.slice(end + 1)
        this.waiting.shift()?.resolve(line)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()))
    child.on('exit', (code, signal) => {
      for (const waiter of this.waiting.splice(0)) waiter.reject(new Error(`${name} exited (${code ?? signal}): ${this.stderr.slice(-3000)}`))
    })
  }

  /**
   * Starts `entry` (a *.child.ts file) on the edits (see compactEdits.ts). Automerge stays external (it loads its .wasm
   * beside itself), so the bundle lives under node_modules/.cache. `nodeArgs` are for profiling
   * (--cpu-prof); the child then runs through `node <nodeArgs> bundle`.
   */
  static async start(name: string, entry: string, editsFile: string, nodeArgs: string[] = []): Promise<{ process: ReplayProcess; ready: ChildReady }> {
    const bundleDir = childBundleDir(`editing-trace-${name}`)
    // runTypeScriptInChild runs `prefix… node bundle args`: a shell puts the flags after node.
    const prefix = nodeArgs.length ? ['sh', '-c', `exec "$0" ${nodeArgs.map((a) => `'${a}'`).join(' ')} "$@"`] : []
    const child = await runTypeScriptInChild(entry, bundleDir, [editsFile], { externalPackages: ['@automerge/'], prefix })
    const replay = new ReplayProcess(name, child, bundleDir)
    try {
      return { process: replay, ready: await replay.nextLine<ChildReady>() }
    } catch (error) {
      replay.kill()
      throw error
    }
  }

  async chunk(from: number, to: number): Promise<number> {
    return (await this.send<{ ms: number }>({ cmd: 'chunk', from, to })).ms
  }

  finish(): Promise<ChildFinished> {
    return this.send<ChildFinished>({ cmd: 'finish' })
  }

  async exit(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      await this.send({ cmd: 'exit' }).catch(() => undefined)
      await waitForExit(this.child)
    }
    rmSync(this.bundleDir, { recursive: true, force: true })
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL')
    rmSync(this.bundleDir, { recursive: true, force: true })
  }

  private async send<T>(command: ChildCommand): Promise<T> {
    const answer = this.nextLine<T & { error?: string }>()
    this.child.stdin.write(`${JSON.stringify(command)}\n`)
    const value = await answer
    if (value.error) throw new Error(`${this.name}: ${value.error}`)
    return value
  }

  private nextLine<T>(): Promise<T> {
    return new Promise((resolve, reject) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return reject(new Error(`${this.name} has exited: ${this.stderr.slice(-3000)}`))
      this.waiting.push({ resolve: (line) => resolve(JSON.parse(line) as T), reject })
    })
  }
}
