import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Database } from 'better-sqlite3'
import { makeTempDir } from '../testing/tempDir'
import { diskFullMessage, diskSpaceBackMessage, isDiskFull } from './diskFull'
import { openDatabase } from './openDatabase'
import { SqliteStorageAdapter } from './SqliteStorageAdapter'
import { StorageHealth, type StorageStatus } from './StorageHealth'

/**
 * A full disk without a tiny file system: `max_page_count` caps the database at its current size,
 * so the next write that needs a page fails with SQLITE_FULL, as on a full disk. The hostile suite
 * (tests/hostile/diskFull.test.ts) does the same on a real full tmpfs.
 */
function capAtCurrentSize(db: Database): void {
  const pages = db.pragma('page_count', { simple: true }) as number
  db.pragma(`max_page_count = ${pages}`)
}

function uncap(db: Database): void {
  db.pragma('max_page_count = 1073741823')
}

const bigChunk = (seed: number) => new Uint8Array(64 * 1024).map((_, i) => (i * 31 + seed) % 251)

describe('isDiskFull', () => {
  it('knows SQLite and file-system full-disk errors, and nothing else', () => {
    expect(isDiskFull(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(true)
    expect(isDiskFull(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }))).toBe(true)
    expect(isDiskFull(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }))).toBe(false)
    expect(isDiskFull(null)).toBe(false)
    expect(isDiskFull('SQLITE_FULL')).toBe(false)
  })
})

describe('SqliteStorageAdapter on a full disk', () => {
  let temp: ReturnType<typeof makeTempDir>
  let db: Database
  let statuses: StorageStatus[]
  let health: StorageHealth

  beforeEach(() => {
    temp = makeTempDir()
    db = openDatabase({ dataDir: temp.dir })
    statuses = []
    health = new StorageHealth((status) => statuses.push(status), 20)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  })

  afterEach(() => {
    health.stop()
    if (db.open) db.close()
    temp.remove()
    vi.restoreAllMocks()
  })

  it('holds a save the disk refused, says so, and commits it (in order) once there is room', async () => {
    const adapter = new SqliteStorageAdapter(db, health)
    await adapter.save(['doc', 'snapshot', 'a'], new Uint8Array([1]))
    capAtCurrentSize(db)
    let settled = false
    const refused = adapter.save(['doc', 'incremental', 'b'], bigChunk(1)).then(() => (settled = true))
    const overwritten = adapter.save(['doc', 'snapshot', 'a'], new Uint8Array([2]))
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(settled).toBe(false)
    expect(adapter.heldWrites).toBe(2)
    expect(statuses).toEqual([{ state: 'full', message: diskFullMessage }])
    expect(health.isFull).toBe(true)

    uncap(db)
    await Promise.all([refused, overwritten])
    expect(adapter.heldWrites).toBe(0)
    expect(await adapter.load(['doc', 'incremental', 'b'])).toEqual(bigChunk(1))
    expect(await adapter.load(['doc', 'snapshot', 'a'])).toEqual(new Uint8Array([2]))
    expect(statuses.map((s) => s.state)).toEqual(['full', 'ok'])
    expect(statuses[1]!.message).toBe(diskSpaceBackMessage)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('queues new writes behind the held ones and commits them all, in order, on the retry', async () => {
    const slowHealth = new StorageHealth(() => undefined, 60_000)
    const adapter = new SqliteStorageAdapter(db, slowHealth)
    capAtCurrentSize(db)
    const held = adapter.save(['doc', 'incremental', 'first'], bigChunk(2))
    await new Promise((resolve) => setImmediate(resolve))
    expect(adapter.heldWrites).toBe(1)
    uncap(db)
    const next = adapter.save(['doc', 'incremental', 'second'], new Uint8Array([9]))
    await new Promise((resolve) => setImmediate(resolve))
    expect(adapter.heldWrites).toBe(1)
    slowHealth.retryNow()
    await Promise.all([held, next])
    expect(slowHealth.isFull).toBe(false)
    expect((await adapter.loadRange(['doc'])).map((c) => c.key[2])).toEqual(['first', 'second'])
    slowHealth.stop()
  })

  it('closing on a full disk gives up on what it holds (never settling it) and leaves the database consistent', async () => {
    const adapter = new SqliteStorageAdapter(db, health)
    await adapter.save(['doc', 'snapshot', 'kept'], new Uint8Array([7]))
    capAtCurrentSize(db)
    let settled = false
    void adapter.save(['doc', 'incremental', 'lost'], bigChunk(3)).finally(() => (settled = true))
    await new Promise((resolve) => setImmediate(resolve))
    expect(adapter.heldWrites).toBe(1)
    health.stop()
    adapter.beginClose()
    const refused = adapter.nextRefusal()
    void adapter.save(['doc', 'incremental', 'late'], bigChunk(4)).finally(() => (settled = true))
    await refused // tried at once while closing, not left for a retry timer
    expect(adapter.markClosed()).toBe(2)
    db.close()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(settled).toBe(false)
    db = openDatabase({ dataDir: temp.dir })
    const reopened = new SqliteStorageAdapter(db)
    expect(await reopened.load(['doc', 'snapshot', 'kept'])).toEqual(new Uint8Array([7]))
    expect(await reopened.load(['doc', 'incremental', 'lost'])).toBeUndefined()
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('without a health monitor, rejects as before (callers that handle errors themselves)', async () => {
    const adapter = new SqliteStorageAdapter(db)
    capAtCurrentSize(db)
    await expect(adapter.save(['doc', 'incremental', 'x'], bigChunk(5))).rejects.toMatchObject({ code: 'SQLITE_FULL' })
    expect(adapter.heldWrites).toBe(0)
  })
})

describe('StorageHealth', () => {
  it('leaves other errors to the caller and retries full-disk writers until each is done', () => {
    vi.useFakeTimers()
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      const statuses: string[] = []
      const health = new StorageHealth((status) => statuses.push(status.state), 100)
      expect(health.failed('x', new Error('boom'), () => true)).toBe(false)
      let roomFor = 0
      expect(health.failed('a', { code: 'SQLITE_FULL' }, () => roomFor >= 1)).toBe(true)
      expect(health.failed('b', { code: 'ENOSPC' }, () => roomFor >= 2)).toBe(true)
      expect(statuses).toEqual(['full'])
      roomFor = 1
      vi.advanceTimersByTime(100)
      expect(statuses).toEqual(['full'])
      roomFor = 2
      vi.advanceTimersByTime(100)
      expect(statuses).toEqual(['full', 'ok'])
      expect(health.isFull).toBe(false)
      health.stop()
    } finally {
      vi.useRealTimers()
      vi.restoreAllMocks()
    }
  })
})
