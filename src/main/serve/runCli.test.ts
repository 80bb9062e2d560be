import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/errors'
import type { CoreOptions } from '../core/Core'
import { runCli, type CliEnvironment } from './runCli'
import { FakeCore } from './testing/FakeCore'
import { rawRequest } from './testing/rawClient'

let workDir: string
let rendererDir: string
let profile: string

beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'staffroom-cli-'))
  rendererDir = path.join(workDir, 'renderer')
  profile = path.join(workDir, 'profile')
  mkdirSync(rendererDir)
  mkdirSync(profile)
  // The command-line reads only folders that hold a profile database (the core here is a fake).
  writeFileSync(path.join(profile, 'staffroom.sqlite'), '')
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Staffroom</title>')
})
afterEach(() => rmSync(workDir, { recursive: true, force: true }))

/** The CLI wired to a FakeCore and captured output; `stop()` plays the user's Ctrl+C. */
function harness(openCore?: (options: CoreOptions) => Promise<FakeCore>) {
  const out: string[] = []
  const err: string[] = []
  const opened: Array<{ options: CoreOptions; core: FakeCore }> = []
  let stop: (signal: string) => void = () => {}
  const stopRequested = new Promise<string>((resolve) => (stop = resolve))
  let printed: (line: string) => void = () => {}
  const env: CliEnvironment = {
    openCore:
      openCore ??
      (async (options) => {
        const core = new FakeCore(options.dataDir)
        opened.push({ options, core })
        return core
      }),
    out: (line) => {
      out.push(line)
      printed(line)
    },
    err: (line) => err.push(line),
    rendererDir,
    defaultProfileDir: () => profile,
    waitForStopRequest: () => stopRequested,
    now: (() => {
      let t = 0
      return () => (t += 1500)
    })(),
  }
  const nextLine = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      const found = out.find((line) => pattern.test(line))
      if (found) return resolve(found)
      printed = (line) => pattern.test(line) && resolve(line)
    })
  return { env, out, err, opened, stop: (signal = 'SIGTERM') => stop(signal), nextLine }
}

describe('runCli', () => {
  it('prints help and exits 0', async () => {
    const h = harness()
    expect(await runCli(['--help'], h.env)).toBe(0)
    expect(h.out.join('\n')).toMatch(/Usage: staffroom <command>/)
  })

  it('exits 2 with one line for an unknown command or a bad port', async () => {
    for (const argv of [['frobnicate'], ['serve', '--port', 'x']]) {
      const h = harness()
      expect(await runCli(argv, h.env)).toBe(2)
      expect(h.err).toHaveLength(1)
      expect(h.err[0]).toMatch(/^staffroom: /)
      expect(h.opened).toHaveLength(0)
    }
  })

  it('prints stats as JSON or as a table, and shuts the core down', async () => {
    const json = harness()
    expect(await runCli(['stats', '--data', profile, '--json'], json.env)).toBe(0)
    expect(JSON.parse(json.out.join(''))).toEqual({ notes: 3, notesInTrash: 1, contacts: 0, interactions: 0, communities: 0, events: 0, goals: 0, journalEntries: 0, resources: 0, readings: 0, feeds: 0, checkIns: 0, deletedRecords: 0, documents: 5, storageChunks: 12, databaseBytes: 40960 })
    expect(json.opened[0]?.core.shutdownCalls).toBe(1)

    const table = harness()
    expect(await runCli(['stats', '--data', profile], table.env)).toBe(0)
    expect(table.out[0]).toBe(`Profile: ${profile}`)
    expect(table.out).toContainEqual(expect.stringMatching(/^ {2}notes in trash +1$/))
  })

  it('uses the default profile folder when --data is not given', async () => {
    const h = harness()
    expect(await runCli(['stats', '--json'], h.env)).toBe(0)
    expect(h.opened[0]?.options.dataDir).toBe(profile)
  })

  it('reindexes with progress in 10% steps and a closing summary', async () => {
    const h = harness()
    expect(await runCli(['reindex', '--data', profile], h.env)).toBe(0)
    const progress = h.out.filter((line) => line.startsWith('Reindexing: '))
    expect(progress[0]).toBe('Reindexing: 0% (0/25)')
    expect(progress.at(-1)).toBe('Reindexing: 100% (25/25)')
    expect(progress.length).toBeLessThanOrEqual(11)
    expect(h.out.at(-1)).toBe('Reindexed 25 documents in 1.5 s.')
    expect(h.opened[0]?.core.shutdownCalls).toBe(1)
  })

  it('refuses to read a profile that does not exist, in one line', async () => {
    const h = harness()
    expect(await runCli(['stats', '--data', path.join(workDir, 'nope')], h.env)).toBe(1)
    expect(h.err).toEqual([`staffroom: no Staffroom profile at ${path.join(workDir, 'nope')} (the folder does not exist)`])
  })

  it('refuses a folder that holds no profile, in one line', async () => {
    const h = harness()
    const empty = path.join(workDir, 'empty')
    mkdirSync(empty)
    expect(await runCli(['reindex', '--data', empty], h.env)).toBe(1)
    expect(h.err).toEqual([`staffroom: no Staffroom profile at ${empty} (it has no staffroom.sqlite)`])
    expect(h.opened).toHaveLength(0)
  })

  it('passes on the core\'s "profile in use" error as one line', async () => {
    const message = `This profile is in use by another Staffroom process (${profile})`
    const h = harness(async () => {
      throw new ApiError('profile-in-use', message)
    })
    expect(await runCli(['stats', '--data', profile], h.env)).toBe(1)
    expect(h.err).toEqual([`staffroom: ${message}`])
  })

  it('serve refuses to start when the app is not built', async () => {
    rmSync(path.join(rendererDir, 'index.html'))
    const h = harness()
    expect(await runCli(['serve', '--data', profile, '--port', '0', '--sync-port', 'off'], h.env)).toBe(1)
    expect(h.err[0]).toMatch(/^staffroom: the app is not built .*npm run build/)
    expect(h.opened).toHaveLength(0)
  })

  it('serve prints the tokenised URL, serves, and on a stop request closes and shuts the core down', async () => {
    const h = harness()
    const exit = runCli(['serve', '--data', profile, '--port', '0', '--sync-port', 'off', '--device-name', 'Staffroom hub'], h.env)
    const urlLine = await h.nextLine(/http:\/\/127\.0\.0\.1:\d+\/\?token=/)
    const url = new URL(urlLine.trim())
    expect(h.opened[0]?.options).toEqual({ dataDir: profile, shell: 'serve', deviceName: 'Staffroom hub' })
    const port = Number(url.port)
    expect((await rawRequest(port, url.pathname + url.search, { Host: url.host })).status).toBe(303)
    expect((await rawRequest(port, '/', { Host: url.host })).status).toBe(403)
    h.stop('SIGTERM')
    expect(await exit).toBe(0)
    expect(h.opened[0]?.core.shutdownCalls).toBe(1)
    expect(h.out.at(-1)).toBe('Stopped. Everything is saved.')
    await expect(rawRequest(port, '/', { Host: url.host })).rejects.toThrow(/ECONNREFUSED/)
  })

  it('serve says plainly when the port is taken, and releases the profile', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    const h = harness()
    expect(await runCli(['serve', '--data', profile, '--port', String(port), '--sync-port', 'off'], h.env)).toBe(1)
    expect(h.err).toEqual([`staffroom: port ${port} is in use by another program: choose another with --port N (0 picks a free one)`])
    expect(h.opened[0]?.core.shutdownCalls).toBe(1)
    blocker.close()
  })
})
