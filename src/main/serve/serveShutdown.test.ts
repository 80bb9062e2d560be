import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore } from '../core/createCore'
import { makeTempDir } from '../core/testing/tempDir'
import { waitForExit } from '../core/testing/runTypeScriptInChild'
import type { NoteSummary } from '@shared/api'
import { openSocket, rawRequest, replyTo } from './testing/rawClient'
import { runEntryInChild } from './testing/runEntryInChild'

let temp: { dir: string; remove: () => void }

beforeAll(() => {
  temp = makeTempDir('staffroom-serve-signal-')
  mkdirSync(path.join(temp.dir, 'renderer'))
  writeFileSync(path.join(temp.dir, 'renderer', 'index.html'), '<!doctype html><title>Staffroom</title>')
})
afterAll(() => temp.remove())

describe('serve stops cleanly on SIGTERM', () => {
  it('loses nothing written just before the signal, and exits 0', async () => {
    const profile = path.join(temp.dir, 'profile')
    const { child, cleanup } = await runEntryInChild(path.join(import.meta.dirname, 'testing', 'serveChildEntry.ts'), [
      path.join(temp.dir, 'renderer'),
      'serve',
      '--data',
      profile,
      '--port',
      '0',
    ])
    try {
      let output = ''
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      const url = new URL(await waitForMatch(() => /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output)?.[0], () => output))
      const port = Number(url.port)

      const login = await rawRequest(port, url.pathname + url.search, { Host: url.host })
      const cookie = String(login.headers['set-cookie']?.[0]).split(';')[0] ?? ''
      const outcome = await openSocket(port, '/rpc', { Host: url.host, Cookie: cookie, Origin: url.origin })
      if (!outcome.opened) throw new Error(`rpc refused: ${outcome.body}`)
      const rpc = outcome.socket
      rpc.send(JSON.stringify({ id: 1, method: 'notes.create', args: { title: 'Written just before SIGTERM' } }))
      const created = (await replyTo(rpc, 1)) as { result: { ok: true; value: NoteSummary } }
      expect(created.result.ok).toBe(true)
      rpc.send(JSON.stringify({ id: 2, method: 'notes.setTags', args: { id: created.result.value.id, tags: ['last-second'] } }))
      expect(await replyTo(rpc, 2)).toMatchObject({ id: 2, result: { ok: true } })

      // The signal follows the last reply at once: the repo's debounced saves are still pending.
      // (A hang would fail on the test timeout; no timing assert here.)
      child.kill('SIGTERM')
      expect(await waitForExit(child)).toBe(0)
      expect(output).toContain('Stopped. Everything is saved.')
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
      cleanup()
    }

    const core = await createCore({ dataDir: profile })
    try {
      const list = await core.dispatch('notes.list', {})
      expect(list).toMatchObject({ ok: true })
      const notes = (list as { ok: true; value: { notes: NoteSummary[] } }).value.notes
      expect(notes.map((note) => [note.title, note.tags])).toEqual([['Written just before SIGTERM', ['last-second']]])
    } finally {
      await core.shutdown()
    }
  })
})

async function waitForMatch(find: () => string | undefined, output: () => string, timeoutMs = 20_000): Promise<string> {
  const started = Date.now()
  for (;;) {
    const found = find()
    if (found) return found
    if (Date.now() - started > timeoutMs) throw new Error(`serve did not print its URL in time:\n${output()}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
