import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../core/createCore'
import { runCli, type CliEnvironment } from './runCli'

let workDir: string
let rendererDir: string

beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'staffroom-cli-sync-'))
  rendererDir = path.join(workDir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Staffroom</title>')
})
afterEach(() => rmSync(workDir, { recursive: true, force: true }))

/** The real CLI on real cores; `stop()` plays Ctrl+C for a running serve. */
function cli() {
  const out: string[] = []
  const err: string[] = []
  let stop: (signal: string) => void = () => {}
  const stopRequested = new Promise<string>((resolve) => (stop = resolve))
  const env: CliEnvironment = {
    openCore: (options) => createCore(options),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    rendererDir,
    defaultProfileDir: () => path.join(workDir, 'default'),
    waitForStopRequest: () => stopRequested,
    now: () => Date.now(),
  }
  return { env, out, err, stop: () => stop('SIGTERM') }
}

async function lineMatching(lines: string[], pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = lines.find((line) => pattern.test(line))
    if (found) return found
    if (Date.now() > deadline) throw new Error(`no line matching ${pattern} in:\n${lines.join('\n')}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe('the sync commands', () => {
  it('a headless serve prints its device id and sync address, makes an invite while running, and a second profile pairs with it', async () => {
    const school = path.join(workDir, 'school')
    const laptop = path.join(workDir, 'laptop')
    const server = cli()
    const serving = runCli(['serve', '--data', school, '--port', '0', '--sync-host', '127.0.0.1', '--sync-port', '0'], server.env)
    try {
      const deviceLine = await lineMatching(server.out, /^This device: /)
      expect(deviceLine).toMatch(/^This device: ([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/)
      await lineMatching(server.out, /^Accepting paired devices on 127\.0\.0\.1:\d+ \(TLS; pairing on port \d+\)$/)
      await lineMatching(server.out, /token=/)

      // The profile is held by serve: the invite is made through it.
      const invite = cli()
      expect(await runCli(['invite', 'create', '--data', school, '--json'], invite.env)).toBe(0)
      const { code } = JSON.parse(invite.out[0]!) as { code: string }
      expect(code).toMatch(/^SR1\./)

      mkdirSync(laptop)
      const setUp = cli()
      expect(await runCli(['stats', '--data', laptop], setUp.env)).toBe(1) // no profile yet
      await createCore({ dataDir: laptop }).then((core) => core.shutdown())
      const accept = cli()
      expect(await runCli(['invite', 'accept', code, '--data', laptop], accept.env)).toBe(0)
      expect(accept.out[0]).toMatch(/^Paired with .+ as a colleague\.$/)
      const again = cli()
      expect(await runCli(['invite', 'accept', code, '--data', laptop], again.env)).toBe(1)
      expect(again.err[0]).toMatch(/already been used/)

      const listed = cli()
      expect(await runCli(['devices', '--data', school], listed.env)).toBe(0)
      expect(listed.out.join('\n')).toMatch(/colleague\) ([A-Z2-7]{4}-){12}[A-Z2-7]{4} — /)
      const peers = cli()
      expect(await runCli(['peers', '--data', school], peers.env)).toBe(0)
      expect(peers.out[0]).toMatch(/^Accepting paired devices on port \d+/)
    } finally {
      server.stop()
      expect(await serving).toBe(0)
    }
    expect(server.err).toEqual([])
  })
})
