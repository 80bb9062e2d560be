import { parseAutomergeUrl, type AutomergeUrl, type DocHandle, type DocumentId, type Repo, type RepoEvents } from '@automerge/automerge-repo'
import type { CircleDoc } from '@shared/spaces/CircleDoc'
import type { DocumentMembers } from '../../sync/DocumentMembers'
import { circleFileUrls } from './circleView'

/**
 * Files shared in a circle live in their own documents, so SyncAccess knows nothing of them:
 * this makes each file document open to exactly the devices the circle is open to here
 * (document_members), and keeps it so as members come and go and files are added or removed.
 *
 * It reconciles a circle when its membership may have changed (any document_members change:
 * spaces.setMember on the owner's side, the share list on a member's side) and when the circle
 * document changes (a file added here or by a peer). On every device the same rule holds, so a
 * file added by any member flows to every device that syncs the circle with it.
 *
 * File rows are written with role 'viewer': access only asks whether a row exists, and
 * ShareLists withdraws rows whose role is 'owner' when a colleague's list does not offer them.
 */
export class CircleFileAccess {
  private readonly followed = new Map<string, { handle: DocHandle<CircleDoc>; unfollow: () => void }>()
  /** Per circle, the file documents last seen in it, so a removed file stops syncing too. */
  private readonly knownFiles = new Map<string, Set<string>>()
  private reconciling = false
  private stopListening: (() => void) | undefined

  constructor(
    private readonly repo: Repo,
    private readonly members: DocumentMembers,
    /** Circles listed in this person's workspace, by document id. */
    private readonly circleIds: () => readonly string[],
  ) {}

  start(): void {
    if (this.stopListening) return
    const offMembers = this.members.onChange(() => this.reconcileLoaded())
    const onMetrics = (metrics: Parameters<RepoEvents['doc-metrics']>[0]) => {
      // Emitted before the message is applied; following the handle catches the change it makes.
      if (metrics.type === 'receive-sync-message' && this.circleIds().includes(metrics.documentId)) this.followLoaded(metrics.documentId)
    }
    this.repo.on('doc-metrics', onMetrics)
    this.stopListening = () => {
      offMembers()
      this.repo.off('doc-metrics', onMetrics)
      for (const { unfollow } of this.followed.values()) unfollow()
      this.followed.clear()
    }
  }

  stop(): void {
    this.stopListening?.()
    this.stopListening = undefined
  }

  /** Follows a circle's changes from now on, and brings its files' access in step at once. */
  follow(circleId: string, handle: DocHandle<CircleDoc>): void {
    const current = this.followed.get(circleId)
    if (current?.handle !== handle) {
      current?.unfollow()
      const onChange = () => this.reconcile(circleId, handle)
      handle.on('change', onChange)
      this.followed.set(circleId, { handle, unfollow: () => handle.off('change', onChange) })
      if (!handle.isReady()) void handle.whenReady().then(onChange, () => undefined)
    }
    this.reconcile(circleId, handle)
  }

  /** A file removed from a circle here stops syncing with anyone at once. */
  forget(fileUrl: string): void {
    const fileId = parseAutomergeUrl(fileUrl as AutomergeUrl).documentId
    this.guarded(() => {
      for (const { deviceId } of this.members.membersOf(fileId)) this.members.remove(fileId, deviceId)
    })
  }

  /** Follows a circle the Repo holds, even one still arriving (its first sync message makes it ready). */
  private followLoaded(circleId: string): void {
    const handle = this.repo.handles[circleId as DocumentId] as DocHandle<CircleDoc> | undefined
    if (!handle) return
    this.follow(circleId, handle)
  }

  private reconcileLoaded(): void {
    if (this.reconciling) return
    for (const circleId of this.circleIds()) this.followLoaded(circleId)
  }

  private reconcile(circleId: string, handle: DocHandle<CircleDoc>): void {
    if (!handle.isReady()) return
    const fileIds = new Set(circleFileUrls(handle.doc()).map((url) => parseAutomergeUrl(url as AutomergeUrl).documentId as string))
    const circleMembers = new Set(this.members.membersOf(circleId).map((m) => m.deviceId))
    this.guarded(() => {
      for (const fileId of fileIds) {
        const fileMembers = new Set(this.members.membersOf(fileId).map((m) => m.deviceId))
        for (const deviceId of circleMembers) if (!fileMembers.has(deviceId)) this.members.add(fileId, deviceId, 'viewer')
        for (const deviceId of fileMembers) if (!circleMembers.has(deviceId)) this.members.remove(fileId, deviceId)
      }
      for (const gone of this.knownFiles.get(circleId) ?? []) {
        if (!fileIds.has(gone)) for (const { deviceId } of this.members.membersOf(gone)) this.members.remove(gone, deviceId)
      }
    })
    this.knownFiles.set(circleId, fileIds)
  }

  /** Our own membership writes fire onChange too; they must not start another round. */
  private guarded(write: () => void): void {
    const outer = this.reconciling
    this.reconciling = true
    try {
      write()
    } finally {
      this.reconciling = outer
    }
  }
}
