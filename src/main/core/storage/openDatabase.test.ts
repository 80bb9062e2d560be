import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '@shared/errors'
import { makeTempDir } from '../testing/tempDir'
import { firstLine, runTypeScriptInChild, waitForExit } from '../testing/runTypeScriptInChild'
import { databaseFileName, openDatabase } from './openDatabase'
import { schemaVersion } from './migrate'
import { migrations } from './migrations'

const holderEntry = join(__dirname, '../testing/profileHolder.fixture.ts')

describe('openDatabase', () => {
  let temp: ReturnType<typeof makeTempDir>
  let dataDir: string
  beforeEach(() => {
    temp = makeTempDir()
    dataDir = join(temp.dir, 'profile')
  })
  afterEach(() => temp.remove())

  it('creates staffroom.sqlite in WAL mode with foreign keys, migrated to the latest schema', () => {
    const db = openDatabase({ dataDir })
    expect(existsSync(join(dataDir, databaseFileName))).toBe(true)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('locking_mode', { simple: true })).toBe('exclusive')
    expect(schemaVersion(db)).toBe(migrations.at(-1)!.version)
    db.close()
  })

  it('refuses a second connection in the same process with profile-in-use', () => {
    const db = openDatabase({ dataDir })
    expect(() => openDatabase({ dataDir })).toThrowError(
      new ApiError('profile-in-use', `This profile is in use by another Staffroom process (${dataDir})`),
    )
    db.close()
    openDatabase({ dataDir }).close()
  })

  it('refuses while another process holds the profile, and the data is intact afterwards', async () => {
    const holder = await runTypeScriptInChild(holderEntry, temp.dir, [dataDir, 'written by the holder'])
    try {
      expect(await firstLine(holder)).toBe('opened')
      let error: unknown
      try {
        openDatabase({ dataDir })
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(ApiError)
      expect((error as ApiError).code).toBe('profile-in-use')
      expect((error as ApiError).message).toContain(dataDir)
    } finally {
      holder.stdin.end()
      await waitForExit(holder)
    }
    const db = openDatabase({ dataDir })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare('SELECT value FROM meta WHERE key = ?').get('marker')).toEqual({ value: 'written by the holder' })
    db.close()
  })

  it('makes the second process fail cleanly while this process holds the profile', async () => {
    const db = openDatabase({ dataDir })
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('marker', 'first')
    const second = await runTypeScriptInChild(holderEntry, temp.dir, [dataDir, 'second'])
    const line = JSON.parse(await firstLine(second)) as { code: string; message: string }
    expect(line.code).toBe('profile-in-use')
    expect(line.message).toBe(`This profile is in use by another Staffroom process (${dataDir})`)
    expect(await waitForExit(second)).toBe(3)
    expect(db.prepare('SELECT value FROM meta WHERE key = ?').get('marker')).toEqual({ value: 'first' })
    db.close()
  })

  it('leaves no stale lock when the holder is killed, and keeps what it committed', async () => {
    const holder = await runTypeScriptInChild(holderEntry, temp.dir, [dataDir, 'before the crash'])
    expect(await firstLine(holder)).toBe('opened')
    holder.kill('SIGKILL')
    await waitForExit(holder)
    const db = openDatabase({ dataDir })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare('SELECT value FROM meta WHERE key = ?').get('marker')).toEqual({ value: 'before the crash' })
    db.close()
  })
})
