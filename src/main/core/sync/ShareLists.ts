import { isValidAutomergeUrl, parseAutomergeUrl, type AutomergeUrl, type DocHandle, type Repo, type RepoEvents } from '@automerge/automerge-repo'
import type { Database } from 'better-sqlite3'
import { sql, SqlRunner } from '../storage/sql'
import { isKnownValidUrl } from '../workspace/knownValidUrl'
import type { DocumentMembers } from './DocumentMembers'
import type { TrustedDevices } from './TrustedDevices'

export interface SharedDocument {
  documentId: string
  url: string
  title: string
  role: 'editor' | 'viewer'
  /** What the document is; lists written before spaces existed hold notes only. */
  kind: SharedKind
}

export type SharedKind = 'note' | 'project' | 'circle'
const sharedKinds: readonly SharedKind[] = ['note', 'project', 'circle']

/**
 * Between two paired colleagues, a small shared document where each device lists what it
 * shares with the other (`offers[its own device id]`). Each side reads only the other side's
 * list, so sharing a note after pairing reaches the colleague, and unsharing stops it there too.
 */
interface ShareListDoc {
  kind: 'share-list'
  schemaVersion: 1
  offers: { [deviceId: string]: { [documentId: string]: { url: string; title: string; role: string; kind?: string } } }
}

export class ShareLists {
  private readonly sql: SqlRunner
  private readonly watched = new Map<string, () => void>()
  private readonly followed = new Map<string, DocHandle<ShareListDoc>>()
  /** List document id → the paired device it is with. */
  private readonly listDevice = new Map<string, string>()
  private stopMetrics: (() => void) | undefined

  constructor(
    db: Database,
    private readonly repo: Repo,
    private readonly myDeviceId: string,
    private readonly trusted: TrustedDevices,
    private readonly members: DocumentMembers,
    /** Called with what a colleague offers, so the shared notes can be listed in this person's workspace. */
    private readonly onOffered: (shares: SharedDocument[]) => void,
  ) {
    this.sql = new SqlRunner(db)
  }

  /** Inviter side: a new list for a colleague, starting with what the invite shares. */
  create(deviceId: string, shares: SharedDocument[]): string {
    const offers: ShareListDoc['offers'] = { [this.myDeviceId]: {} }
    for (const share of shares) offers[this.myDeviceId]![share.documentId] = { url: share.url, title: share.title, role: share.role, kind: share.kind }
    const handle = this.repo.create<ShareListDoc>({ kind: 'share-list', schemaVersion: 1, offers })
    this.link(deviceId, handle.url)
    return handle.url
  }

  /** Invitee side: the list the inviter made for the two of them. */
  adopt(deviceId: string, url: string): void {
    if (!isValidAutomergeUrl(url)) return
    this.link(deviceId, url)
  }

  async offer(deviceId: string, share: SharedDocument): Promise<void> {
    await this.changeMyOffers(deviceId, (mine) => (mine[share.documentId] = { url: share.url, title: share.title, role: share.role, kind: share.kind }))
  }

  async withdraw(deviceId: string, documentId: string): Promise<void> {
    await this.changeMyOffers(deviceId, (mine) => delete mine[documentId])
  }

  /** Watches the list of every paired colleague (at start; new ones are watched when linked). */
  start(): void {
    const onMetrics = (metrics: Parameters<RepoEvents['doc-metrics']>[0]) => {
      // Only what the colleague sent can change their list; our own outgoing messages cannot.
      if (metrics.type !== 'receive-sync-message') return
      const deviceId = this.listDevice.get(metrics.documentId)
      if (!deviceId) return
      const url = `automerge:${metrics.documentId}`
      this.watch(deviceId, url)
      // A list that arrived from the colleague may become ready without a 'change' on the handle we hold.
      const handle = this.repo.handles[metrics.documentId] as DocHandle<ShareListDoc> | undefined
      if (handle?.isReady()) this.reconcile(deviceId, handle)
    }
    this.repo.on('doc-metrics', onMetrics)
    this.stopMetrics = () => this.repo.off('doc-metrics', onMetrics)
    for (const { device_id, document_url } of this.sql.all<{ device_id: string; document_url: string }>(sql`SELECT device_id, document_url FROM share_lists`))
      this.watch(device_id, document_url)
  }

  stop(): void {
    this.stopMetrics?.()
    for (const unwatch of this.watched.values()) unwatch()
    this.watched.clear()
    this.followed.clear()
  }

  private link(deviceId: string, url: string): void {
    this.sql.run(sql`INSERT INTO share_lists (device_id, document_url) VALUES (${deviceId}, ${url}) ON CONFLICT (device_id) DO UPDATE SET document_url = excluded.document_url`)
    this.members.add(parseAutomergeUrl(url as AutomergeUrl).documentId, deviceId, 'editor')
    this.watch(deviceId, url)
  }

  private urlFor(deviceId: string): string | undefined {
    return this.sql.get<{ document_url: string }>(sql`SELECT document_url FROM share_lists WHERE device_id = ${deviceId}`)?.document_url
  }

  private async changeMyOffers(deviceId: string, change: (mine: ShareListDoc['offers'][string]) => void): Promise<void> {
    const url = this.urlFor(deviceId)
    if (!url) return
    const handle = await this.repo.find<ShareListDoc>(url as AutomergeUrl)
    handle.change((doc) => {
      if (!doc.offers) doc.offers = {}
      if (!doc.offers[this.myDeviceId]) doc.offers[this.myDeviceId] = {}
      change(doc.offers[this.myDeviceId]!)
    })
  }

  /**
   * Follows the list document's handle. A list not yet on this device is requested; when it
   * arrives automerge-repo may hand over a new handle, which the doc-metrics event (see start)
   * reports, so this is called again and follows that one.
   */
  private watch(deviceId: string, url: string): void {
    const documentId = parseAutomergeUrl(url as AutomergeUrl).documentId
    this.listDevice.set(documentId, deviceId)
    const handle = (this.repo.handles[documentId] as DocHandle<ShareListDoc> | undefined) ?? this.repo.findWithProgress<ShareListDoc>(url as AutomergeUrl).handle
    if (this.followed.get(deviceId) === handle) return
    this.watched.get(deviceId)?.()
    const onChange = () => this.reconcile(deviceId, handle)
    handle.on('change', onChange)
    this.followed.set(deviceId, handle)
    this.watched.set(deviceId, () => handle.off('change', onChange))
    onChange()
  }

  /** Makes membership follow what the colleague lists now: new offers let their document in, withdrawn ones stop it. */
  private reconcile(deviceId: string, handle: DocHandle<ShareListDoc>): void {
    if (!this.trusted.active(deviceId) || !handle.isReady()) return
    const theirs: unknown = handle.doc().offers?.[deviceId]
    const offered: SharedDocument[] = []
    if (typeof theirs === 'object' && theirs !== null) {
      for (const [documentId, entry] of Object.entries(theirs as Record<string, unknown>)) {
        const { url, title, role, kind } = (entry ?? {}) as Record<string, unknown>
        if (typeof url !== 'string' || !isKnownValidUrl(url) || parseAutomergeUrl(url).documentId !== documentId) continue
        offered.push({ documentId, url, title: typeof title === 'string' ? title.slice(0, 200) : '', role: role === 'viewer' ? 'viewer' : 'editor', kind: sharedKinds.find((k) => k === kind) ?? 'note' })
      }
    }
    const offeredIds = new Set(offered.map((s) => s.documentId))
    for (const share of offered) if (!this.members.isMember(share.documentId, deviceId)) this.members.add(share.documentId, deviceId, 'owner')
    const listId = parseAutomergeUrl(handle.url).documentId
    for (const documentId of this.members.documentsOf(deviceId)) {
      const role = this.members.membersOf(documentId).find((m) => m.deviceId === deviceId)?.role
      if (role === 'owner' && documentId !== listId && !offeredIds.has(documentId)) this.members.remove(documentId, deviceId)
    }
    if (offered.length > 0) this.onOffered(offered)
  }
}
