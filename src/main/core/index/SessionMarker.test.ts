import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { openCore } from '../createCore'
import { MetaStore } from '../storage/MetaStore'
import { openDatabase } from '../storage/openDatabase'
import { call } from '../testing/coreHarness'
import { networkSnapshot } from '../testing/networkSnapshot'
import { childBundleDir, firstLine, runTypeScriptInChild, waitForExit } from '../testing/runTypeScriptInChild'
import { makeTempDir } from '../testing/tempDir'
import { NoteIndexer } from './NoteIndexer'

const unsavedIndexEntry = join(__dirname, '../testing/unsavedIndex.fixture.ts')

describe('SessionMarker: the index after a session that did not close', () => {
  let temp: ReturnType<typeof makeTempDir>
  let dataDir: string
  beforeEach(() => {
    temp = makeTempDir()
    dataDir = join(temp.dir, 'profile')
  })
  afterEach(() => temp.remove())

  it('drops index rows whose documents never reached the disk when the process was killed', async () => {
    const bundleDir = childBundleDir('unsaved-index')
    onTestFinished(() => rmSync(bundleDir, { recursive: true, force: true }))
    const child = await runTypeScriptInChild(unsavedIndexEntry, bundleDir, [dataDir], { externalPackages: ['@automerge'] })
    const { contactId, listed } = JSON.parse(await firstLine(child)) as { contactId: string; listed: string[] }
    // The killed core had indexed and listed the contact, whose document was never saved.
    expect(listed).toEqual([contactId])
    child.kill('SIGKILL')
    await waitForExit(child)

    const rebuild = vi.spyOn(NoteIndexer.prototype, 'rebuild')
    const { core, internals } = await openCore({ dataDir })
    try {
      expect((await call(core, 'contacts.list', {})).rows).toEqual([])
      expect(rebuild).toHaveBeenCalledTimes(1)
      rebuild.mockRestore()
      const recovered = networkSnapshot(internals.db)
      await core.reindex()
      expect(networkSnapshot(internals.db)).toEqual(recovered)
    } finally {
      await core.shutdown()
    }
  })

  it('is marked open while a core runs and closed by a clean shutdown, after which the next start does not reindex', async () => {
    const rebuild = vi.spyOn(NoteIndexer.prototype, 'rebuild')
    const { core, internals } = await openCore({ dataDir })
    expect(new MetaStore(internals.db).get('session.state')).toBe('open')
    await call(core, 'notes.create', { title: 'Kept' })
    await core.shutdown()
    const db = openDatabase({ dataDir })
    expect(new MetaStore(db).get('session.state')).toBe('closed')
    db.close()
    const again = await openCore({ dataDir })
    expect(rebuild).not.toHaveBeenCalled()
    expect((await call(again.core, 'notes.list', {})).notes.map((note) => note.title)).toEqual(['Kept'])
    await again.core.shutdown()
    rebuild.mockRestore()
  })
})
