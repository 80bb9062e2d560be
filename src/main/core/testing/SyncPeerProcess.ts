import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'rolldown'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')
const bundleDir = join(repoRoot, 'node_modules', '.cache', 'staffroom-sync-peer')
let bundled: Promise<string> | undefined

/** Bundles syncPeer.fixture.ts once per test run, leaving packages to node_modules (Automerge's wasm loads as it does in the app). */
function bundle(): Promise<string> {
  bundled ??= (async () => {
    mkdirSync(bundleDir, { recursive: true })
    const file = join(bundleDir, 'peer.mjs')
    await build({
      input: join(repoRoot, 'src/main/core/testing/syncPeer.fixture.ts'),
      platform: 'node',
      external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('@shared/') && !/^[A-Za-z]:/.test(id),
      resolve: { alias: { '@shared': join(repoRoot, 'src/shared') } },
      output: { file, format: 'esm' },
      logLevel: 'silent',
    })
    return file
  })()
  return bundled
}

/**
 * A Staffroom device in its own Node process (its own profile, its own SQLite lock), driven by
 * JSON lines: the multi-process sync tests start, kill, freeze and restart these.
 */
export class SyncPeerProcess {
  private buffered = ''
  private readonly waiting: Array<(line: string) => void> = []
  private readonly lines: string[] = []
  stderr = ''

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly dataDir: string,
  ) {
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffered += chunk.toString()
      let end: number
      while ((end = this.buffered.indexOf('\n')) >= 0) {
        const line = this.buffered.slice(0, end)
        this.buffered = this.buffered.slice(end + 1)
        const next = this.waiting.shift()
        if (next) next(line)
        else this.lines.push(line)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()))
  }

  static async start(dataDir: string, name: string, port = 0): Promise<{ peer: SyncPeerProcess; ready: { deviceId: string; port: number; pairingPort: number } }> {
    const file = await bundle()
    const child = spawn(process.execPath, [file, dataDir, name, String(port)], { stdio: 'pipe', cwd: repoRoot })
    const peer = new SyncPeerProcess(child, dataDir)
    const ready = JSON.parse(await peer.nextLine(20_000)) as { deviceId: string; port: number; pairingPort: number }
    return { peer, ready }
  }

  async send<T>(command: object, timeoutMs = 20_000): Promise<T> {
    this.child.stdin.write(`${JSON.stringify(command)}\n`)
    return JSON.parse(await this.nextLine(timeoutMs)) as T
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve()
    const exited = new Promise<void>((resolvePromise) => this.child.once('exit', () => resolvePromise()))
    this.child.kill(signal)
    return exited
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal)
  }

  private nextLine(timeoutMs: number): Promise<string> {
    const queued = this.lines.shift()
    if (queued !== undefined) return Promise.resolve(queued)
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`peer did not answer within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`)), timeoutMs)
      this.waiting.push((line) => {
        clearTimeout(timer)
        resolvePromise(line)
      })
      this.child.once('exit', (code) => reject(new Error(`peer exited (${code}); stderr: ${this.stderr.slice(-2000)}`)))
    })
  }
}
