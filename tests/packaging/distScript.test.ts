// The real `node scripts/dist.mjs` on a machine that cannot download Electron: Electron's mirror
// is a closed loopback port and the download cache an empty folder. It must stop within seconds
// with its one message, before building anything.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { whatWorksInstead } from '../../scripts/lib/distFlow.mjs'
import { repoRoot } from './support/builderInternals'

const cache = mkdtempSync(path.join(tmpdir(), 'staffroom-electron-cache-'))
afterAll(() => rmSync(cache, { recursive: true, force: true }))

/** A loopback port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

function runDist(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now()
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'dist.mjs'), '--linux', '--x64'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('close', (code) => resolve({ code, output, ms: Date.now() - started }))
  })
}

const listing = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : null)

describe('npm run dist where Electron cannot be downloaded', () => {
  it('exits 1 within seconds with one clear message and builds nothing', async () => {
    const port = await closedPort()
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: cache, ELECTRON_GET_NO_PROGRESS: '1' }
    // @electron/get reads these before ELECTRON_MIRROR; the test's own environment must not redirect it.
    for (const key of Object.keys(env)) if (/electron_(mirror|custom_dir|custom_filename|custom_version)$/i.test(key) && key !== 'ELECTRON_MIRROR') delete env[key]
    const distDir = path.join(repoRoot, 'dist')
    const before = listing(distDir)

    const { code, output, ms } = await runDist(env)

    expect(code, output).toBe(1)
    expect(ms).toBeLessThan(45_000)
    const version = (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version
    expect(output).toContain(`this machine cannot download Electron ${version} for linux-x64 from http://127.0.0.1:${port}/`)
    expect(output).toMatch(/ECONNREFUSED/)
    expect(output.match(/nothing was built/g)).toHaveLength(1)
    expect(output).toContain(whatWorksInstead)
    // Neither electron-vite nor electron-builder ran.
    expect(output).not.toMatch(/electron-builder\s+version=|building target|vite v\d/)
    expect(listing(distDir)).toEqual(before)
    expect(readdirSync(cache)).toEqual([])
  }, 60_000)
})
