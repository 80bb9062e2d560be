import { statSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { Repo, type DocHandle, type DocumentId } from '@automerge/automerge-repo'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import type { Database } from 'better-sqlite3'
import type { ProfileStats } from '@shared/api'
import type { RpcResult } from '@shared/errors'
import type { CoreContext } from './api/CoreContext'
import { createDispatch } from './api/dispatch'
import { createHandlers } from './api/handlers'
import type { Core, CoreOptions, ReindexProgress } from './Core'
import { EventHub } from './events/EventHub'
import { FeedService } from './feeds/FeedService'
import { NoteIndexer } from './index/NoteIndexer'
import { NotesIndex } from './index/NotesIndex'
import { MetaStore } from './storage/MetaStore'
import { SessionMarker } from './index/SessionMarker'
import { databaseFileName, openDatabase } from './storage/openDatabase'
import { sql, SqlRunner } from './storage/sql'
import { SqliteStorageAdapter } from './storage/SqliteStorageAdapter'
import { StorageHealth } from './storage/StorageHealth'
import { createNetworkServices } from './network/NetworkServices'
import { Dashboard } from './dashboard/Dashboard'
import { recordCounts } from './network/recordCounts'
import { openWorkspace, workspaceNotes } from './workspace/openWorkspace'
import { workspaceCollections } from './workspace/workspaceCollections'
import { SpaceSeen } from './spaces/SpaceSeen'
import { listSharedWithMe } from './workspace/listSharedNotes'
import { createCoreSync, trustStores } from './sync/CoreSync'
import { DeviceIdentityStore } from './sync/DeviceIdentityStore'
import { peerIdOfDevice } from './sync/deviceId'
import { plainSecretBox } from './sync/SecretBox'

/**
 * Opens a profile: its SQLite file (exclusively), a Repo stored in it, the workspace document
 * (created on first run) and the live notes index. Shells connect their UIs' Repos with
 * `core.connectLocalUi(adapter)` and forward `core.onEvent` to the UI.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  return (await openCore(options)).core
}

/** What tests look at besides the public Core: the database and the handlers' context. */
export interface CoreInternals {
  db: Database
  ctx: CoreContext
  /**
   * The durability signal: resolves once every document change this core holds when called (made
   * by a handler, or received from a UI or a peer) is committed to disk. A handler's answer means
   * the change is made in memory; automerge-repo's throttled save writes it about 100 ms later.
   */
  flush(): Promise<void>
}

export async function openCore(options: CoreOptions): Promise<{ core: Core; internals: CoreInternals }> {
  const db = openDatabase({ dataDir: options.dataDir, nativeBinding: options.nativeBinding })
  const events = new EventHub()
  // A full disk is held and retried, and the UI told (storage/StorageHealth.ts).
  const health = new StorageHealth((status) => events.emit('storage.status', status))
  const storage = new SqliteStorageAdapter(db, health)
  let identity
  try {
    identity = await new DeviceIdentityStore(db, options.secretBox ?? plainSecretBox).loadOrCreate(options.deviceName)
  } catch (error) {
    db.close()
    throw error
  }
  const stores = trustStores(db)
  // The Repo speaks as this device; SyncAccess decides per peer and document who gets what.
  const repo = new Repo({ storage, network: [], peerId: peerIdOfDevice(identity.deviceId), shareConfig: stores.access.shareConfig() })
  let workspaceHandle: DocHandle<WorkspaceDoc> | undefined
  const sync = createCoreSync(repo, db, identity, stores, {
    deviceName: options.deviceName ?? hostname(),
    workspaceUrl: () => workspaceHandle?.url ?? '',
    onSharedWithMe: (shares) => workspaceHandle && listSharedWithMe(workspaceHandle, shares),
  })
  try {
    const meta = new MetaStore(db)
    const workspace = await openWorkspace(repo, meta)
    workspaceHandle = workspace
    const notesIndex = new NotesIndex(db)
    const indexer = new NoteIndexer(repo, notesIndex, workspace, (ids) => events.emit('index.changed', { kinds: ['notes'], ids }), { health })
    const network = createNetworkServices(db, repo, workspace, (change) => events.emit('index.changed', change), health)
    const feeds = new FeedService(db, (ids) => events.emit('index.changed', { kinds: ['feeds'], ids }), options.feedFetch)
    const ctx: CoreContext = { repo, workspace, storage, meta, notesIndex, indexer, network, events, sync, feeds, spaceSeen: new SpaceSeen(db), dashboard: new Dashboard(db, repo, workspace, health) }
    const runner = new SqlRunner(db)

    const stats = (): ProfileStats => ({
      ...notesIndex.counts(),
      ...recordCounts(network.writer.counts()),
      documents: runner.get<{ n: number }>(
        // Document chunks have keys [documentId, kind, …]; single-part keys are repo bookkeeping.
        sql`SELECT count(DISTINCT substr(key, 1, instr(key, '/') - 1)) AS n FROM storage_chunks WHERE instr(key, '/') > 0`,
      )!.n,
      storageChunks: runner.get<{ n: number }>(sql`SELECT count(*) AS n FROM storage_chunks`)!.n,
      databaseBytes: fileBytes(join(options.dataDir, databaseFileName)) + fileBytes(join(options.dataDir, `${databaseFileName}-wal`)),
    })
    const handlers = createHandlers(ctx, {
      dataDir: options.dataDir,
      workspaceUrl: workspace.url,
      shell: options.shell ?? 'node',
      stats,
    })
    const dispatchToHandlers = createDispatch(handlers)

    // repo.flush() would throw on a handle that never became ready (a document a peer asked for
    // that is not here), so flush the ready ones. Each save resolves after its transaction commits
    // (SqliteStorageAdapter, synchronous = FULL), so when this resolves the changes are on disk.
    const flush = async () => {
      const ready = Object.values(repo.handles).filter((h) => h.isReady()).map((h) => h.documentId as DocumentId)
      await repo.flush(ready)
    }

    let shutdownPromise: Promise<void> | undefined
    const shutdown = async () => {
      // Fetches in flight are aborted and awaited: none may write after the database closes.
      await feeds.shutdown()
      await sync.stop()
      sync.shareLists.stop()
      indexer.stop()
      network.indexer.stop()
      ctx.dashboard.spaceActivity.stop()
      for (const adapter of repo.networkSubsystem.adapters) adapter.disconnect()
      // Closing on a full disk: one last attempt, then the database is closed all the same (it is
      // consistent; what could not be written is lost, and said so) rather than left open.
      health.stop()
      storage.beginClose()
      await Promise.race([flush(), storage.nextRefusal()])
      const abandoned = storage.markClosed()
      if (abandoned > 0) console.error(`staffroom: the disk is full; ${abandoned} pending writes could not be saved before closing`)
      // Everything the index shows is on disk now; otherwise the next start rebuilds the index.
      if (abandoned === 0) markSessionClosed(session)
      db.close()
    }

    // Read before the indexers start: they write the index, and only a clean close clears the mark.
    const session = new SessionMarker(meta)
    const recoverIndex = session.wasLeftOpen()
    session.markOpen()
    await indexer.start()
    await network.indexer.start()
    ctx.dashboard.spaceActivity.start()
    sync.shareLists.start()

    const core: Core = {
      dataDir: options.dataDir,
      repo,
      workspaceUrl: workspace.url,
      sync,
      connectLocalUi(adapter) {
        stores.access.trustLocalAdapter(adapter)
        repo.networkSubsystem.addNetworkAdapter(adapter)
      },
      disconnectLocalUi(adapter) {
        repo.networkSubsystem.removeNetworkAdapter(adapter)
      },
      handlers,
      dispatch: (method: string, args: unknown): Promise<RpcResult<unknown>> =>
        shutdownPromise
          ? Promise.resolve({ ok: false, error: { code: 'internal', message: 'Staffroom is shutting down.' } })
          : dispatchToHandlers(method, args),
      onEvent: (listener) => events.on(listener),
      async reindex(onProgress?: (p: ReindexProgress) => void) {
        let lastEmit = 0
        const notes = [...workspaceNotes(workspace)].length
        const collections = workspaceCollections(workspace).size
        const report = (p: ReindexProgress) => {
          onProgress?.(p)
          // Enough progress events for a bar, not one per document.
          if (p.done === p.total || p.done - lastEmit >= Math.max(1, Math.floor(p.total / 100))) {
            lastEmit = p.done
            events.emit('progress', { task: 'reindex', ...p })
          }
        }
        const total = notes + collections
        const noteDocuments = await indexer.rebuild((p) => report({ done: p.done, total }))
        const collectionDocuments = await network.indexer.rebuild((p) => report({ done: notes + p.done, total }))
        await ctx.dashboard.spaceActivity.rebuild()
        return { documents: noteDocuments + collectionDocuments }
      },
      stats,
      shutdown: () => (shutdownPromise ??= shutdown()),
    }
    // The last session ended without closing (SessionMarker): its index may show changes that never
    // reached the disk, so it is rebuilt from the documents before anyone reads it.
    if (recoverIndex) await core.reindex()
    return { core, internals: { db, ctx, flush: () => shutdownPromise ?? flush() } }
  } catch (error) {
    storage.markClosed()
    db.close()
    throw error
  }
}

/** A full disk may refuse even this small write; the mark then stays open and the next start reindexes. */
function markSessionClosed(session: SessionMarker): void {
  try {
    session.markClosed()
  } catch (error) {
    console.error('staffroom: could not record a clean close; the index is rebuilt at the next start', error)
  }
}

function fileBytes(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
