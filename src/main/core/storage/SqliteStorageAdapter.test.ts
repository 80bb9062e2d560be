import { runStorageAdapterTests } from '@automerge/automerge-repo/helpers/tests/storage-adapter-tests.js'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../testing/tempDir'
import { openDatabase } from './openDatabase'
import { SqliteStorageAdapter } from './SqliteStorageAdapter'

runStorageAdapterTests(async () => {
  const temp = makeTempDir()
  const db = openDatabase({ dataDir: temp.dir })
  return {
    adapter: new SqliteStorageAdapter(db),
    teardown: () => {
      db.close()
      temp.remove()
    },
  }
}, 'SqliteStorageAdapter')

describe('SqliteStorageAdapter', () => {
  function withAdapter(run: (adapter: SqliteStorageAdapter, reopen: () => SqliteStorageAdapter) => Promise<void>) {
    return async () => {
      const temp = makeTempDir()
      let db = openDatabase({ dataDir: temp.dir })
      try {
        await run(new SqliteStorageAdapter(db), () => {
          db.close()
          db = openDatabase({ dataDir: temp.dir })
          return new SqliteStorageAdapter(db)
        })
      } finally {
        db.close()
        temp.remove()
      }
    }
  }

  it(
    'keeps an acknowledged save across a reopen',
    withAdapter(async (adapter, reopen) => {
      await adapter.save(['doc', 'incremental', 'h1'], new Uint8Array([1, 2, 3]))
      expect(await reopen().load(['doc', 'incremental', 'h1'])).toEqual(new Uint8Array([1, 2, 3]))
    }),
  )

  it(
    'treats key parts literally: slashes, percent signs and look-alike prefixes do not leak across',
    withAdapter(async (adapter) => {
      await adapter.save(['a/b', 'x'], new Uint8Array([1]))
      await adapter.save(['a', 'b', 'x'], new Uint8Array([2]))
      await adapter.save(['a%2Fb'], new Uint8Array([3]))
      await adapter.save(['ab', 'x'], new Uint8Array([4]))
      await adapter.save(['a'], new Uint8Array([5]))
      expect((await adapter.loadRange(['a/b'])).map((c) => c.key)).toEqual([['a/b', 'x']])
      expect((await adapter.loadRange(['a'])).map((c) => c.key)).toEqual([['a', 'b', 'x'], ['a']])
      await adapter.removeRange(['a'])
      expect(await adapter.load(['ab', 'x'])).toEqual(new Uint8Array([4]))
      expect(await adapter.load(['a/b', 'x'])).toEqual(new Uint8Array([1]))
      expect(await adapter.load(['a'])).toBeUndefined()
    }),
  )

  it(
    'drops writes after shutdown instead of throwing from a timer, and refuses reads',
    withAdapter(async (adapter) => {
      adapter.markClosed()
      const warn = console.warn
      const warned: unknown[][] = []
      console.warn = (...args: unknown[]) => void warned.push(args)
      try {
        await expect(adapter.save(['late'], new Uint8Array([1]))).resolves.toBeUndefined()
        await expect(adapter.save(['doc', 'sync-state', 'peer'], new Uint8Array([1]))).resolves.toBeUndefined()
      } finally {
        console.warn = warn
      }
      // A late document write is worth a line in the log; a peer's sync state is routine.
      expect(warned).toEqual([['staffroom: save ignored after shutdown', 'late']])
      await expect(adapter.load(['late'])).rejects.toThrow(/closed/)
    }),
  )

  it(
    'commits the writes of one turn together and in order, and reads see writes not yet awaited',
    withAdapter(async (adapter, reopen) => {
      const writes = [
        adapter.save(['doc', 'snapshot', 'a'], new Uint8Array([1])),
        adapter.remove(['doc', 'snapshot', 'a']),
        adapter.save(['doc', 'snapshot', 'b'], new Uint8Array([2])),
        adapter.save(['gone', 'x'], new Uint8Array([3])),
        adapter.removeRange(['gone']),
      ]
      // Issued but not awaited: a read commits the queue first.
      expect((await adapter.loadRange(['doc'])).map((c) => c.key)).toEqual([['doc', 'snapshot', 'b']])
      await Promise.all(writes)
      const reopened = reopen()
      expect(await reopened.load(['doc', 'snapshot', 'a'])).toBeUndefined()
      expect(await reopened.load(['doc', 'snapshot', 'b'])).toEqual(new Uint8Array([2]))
      expect(await reopened.loadRange(['gone'])).toEqual([])
    }),
  )

  it('rejects every write of a batch that failed, keeps none of it, and goes on working', async () => {
    const temp = makeTempDir()
    const db = openDatabase({ dataDir: temp.dir })
    try {
      db.exec(`CREATE TRIGGER refuse_poison BEFORE INSERT ON storage_chunks WHEN NEW.key LIKE 'poison%' BEGIN SELECT RAISE(ABORT, 'refused'); END`)
      const adapter = new SqliteStorageAdapter(db)
      const good = adapter.save(['fine', 'x'], new Uint8Array([1]))
      const bad = adapter.save(['poison'], new Uint8Array([2]))
      await expect(good).rejects.toThrow('refused')
      await expect(bad).rejects.toThrow('refused')
      expect(await adapter.load(['fine', 'x'])).toBeUndefined()
      await adapter.save(['fine', 'x'], new Uint8Array([3]))
      expect(await adapter.load(['fine', 'x'])).toEqual(new Uint8Array([3]))
    } finally {
      db.close()
      temp.remove()
    }
  })

  it(
    'commits what is queued when the core marks it closed',
    withAdapter(async (adapter, reopen) => {
      const saved = adapter.save(['doc', 'incremental', 'last'], new Uint8Array([9]))
      adapter.markClosed()
      await saved
      expect(await reopen().load(['doc', 'incremental', 'last'])).toEqual(new Uint8Array([9]))
    }),
  )
})
