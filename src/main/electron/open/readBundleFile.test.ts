import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readBundleFile } from './readBundleFile'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'staffroom-open-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('reading a bundle file handed over by the OS', () => {
  it('reads a file up to the limit, whole', async () => {
    const file = path.join(dir, 'Lesson.staffroom')
    writeFileSync(file, Buffer.from('0123456789'))
    expect(await readBundleFile(file, 10)).toEqual({ ok: true, bytes: Buffer.from('0123456789') })
  })

  it('refuses a file over the limit, naming it and the limit', async () => {
    const file = path.join(dir, 'Huge.staffroom')
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024 + 1))
    expect(await readBundleFile(file, 3 * 1024 * 1024)).toEqual({ ok: false, message: '“Huge.staffroom” is larger than 3 MB, the largest bundle Staffroom opens.' })
  })

  it('says a missing file cannot be found', async () => {
    expect(await readBundleFile(path.join(dir, 'Gone.staffroom'), 100)).toEqual({ ok: false, message: 'Staffroom cannot find “Gone.staffroom”: it may have been moved or deleted.' })
  })

  it('refuses a folder and a file that is not a bundle', async () => {
    mkdirSync(path.join(dir, 'Folder.staffroom'))
    expect(await readBundleFile(path.join(dir, 'Folder.staffroom'), 100)).toEqual({ ok: false, message: '“Folder.staffroom” is a folder, not a Staffroom bundle.' })
    writeFileSync(path.join(dir, 'notes.txt'), 'hello')
    expect(await readBundleFile(path.join(dir, 'notes.txt'), 100)).toMatchObject({ ok: false, message: expect.stringContaining('“notes.txt” is not a Staffroom bundle') })
  })

  it.skipIf(process.platform === 'win32')('refuses a named pipe without waiting for a writer', async () => {
    const fifo = path.join(dir, 'Pipe.staffroom')
    execFileSync('mkfifo', [fifo])
    expect(await readBundleFile(fifo, 100)).toEqual({ ok: false, message: '“Pipe.staffroom” is not a file Staffroom can open.' })
  })

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('says when it may not read a file', async () => {
    const file = path.join(dir, 'Private.staffroom')
    writeFileSync(file, 'x', { mode: 0o000 })
    expect(await readBundleFile(file, 100)).toEqual({ ok: false, message: 'Staffroom is not allowed to read “Private.staffroom”.' })
  })
})
