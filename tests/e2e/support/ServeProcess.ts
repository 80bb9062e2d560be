import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

const cliPath = path.resolve(import.meta.dirname, '../../../out/main/cli.js')

/**
 * Profiles live on a RAM disk where the machine has one: every save is an fsync (synchronous=FULL),
 * and on the build machines' disk those waits were a sixth of the E2E time. They are still real
 * SQLite files; durability on a real disk is the core tests' business.
 */
const profilesRoot = process.env.STAFFROOM_E2E_TMP ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir())

export function makeDataDir(): string {
  return mkdtempSync(path.join(profilesRoot, 'staffroom-e2e-'))
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** A real `staffroom serve` child process on loopback, as a teacher would start it. */
export class ServeProcess {
  /** The notes list (what most specs start from); `homeUrl` opens the home screen, the dashboard. */
  readonly url: string

  private constructor(
    private readonly child: ChildProcess,
    readonly homeUrl: string,
    readonly origin: string,
    readonly token: string,
    readonly output: () => string,
  ) {
    this.url = `${homeUrl}#/all`
  }

  /** `sync: false` starts it with peer-to-peer sync off, as a teacher working offline; `deviceName` is how it introduces itself. */
  static async start(dataDir: string, port?: number, options: { sync?: boolean; deviceName?: string } = {}): Promise<ServeProcess> {
    const chosenPort = port ?? (await freePort())
    const syncArgs = options.sync === false ? ['--sync-port', 'off'] : ['--sync-host', '127.0.0.1', '--sync-port', '0']
    const nameArgs = options.deviceName ? ['--device-name', options.deviceName] : []
    const child = spawn(process.execPath, [cliPath, 'serve', '--data', dataDir, '--port', String(chosenPort), ...syncArgs, ...nameArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve did not print its URL within 30 s:\n${output}`)), 30_000)
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output)
        if (match) {
          clearTimeout(timer)
          resolve(match[0])
        }
      }
      child.stdout?.on('data', onData)
      child.stderr?.on('data', onData)
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`serve exited with ${code} before printing its URL:\n${output}`))
      })
    })
    const parsed = new URL(url)
    return new ServeProcess(child, url, parsed.origin, parsed.searchParams.get('token') ?? '', () => output)
  }

  get port(): number {
    return Number(new URL(this.homeUrl).port)
  }

  /** SIGTERM, as a user pressing Ctrl+C would; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)))
    this.child.kill('SIGTERM')
    const timeout = setTimeout(() => this.child.kill('SIGKILL'), 15_000)
    const code = await exited
    clearTimeout(timeout)
    return code
  }
}
