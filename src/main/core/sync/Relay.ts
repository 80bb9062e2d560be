import type { AutomergeUrl, Repo } from '@automerge/automerge-repo'
import type { BackoffPolicy } from './backoff'
import { RelayClientAdapter, type RelayState } from './RelayClientAdapter'
import { parseRelayUrl, RelayError, type RelayedDocuments } from './RelayedDocuments'
import type { SyncAccess } from './SyncAccess'

export interface RelayStatus {
  /** The profile's relay, or null when none is set. */
  url: string | null
  state: RelayState
  since: number | null
  lastError: string | null
  attempts: number
  /** The documents marked to sync through the relay. */
  relayed: string[]
}

/**
 * The profile's relay: its address (a setting), the connection to it, and which shared documents
 * may travel there. Connecting adds one RelayClientAdapter to the Repo, vouched for to SyncAccess
 * as a relay, so the relay gets nothing but the marked shared documents.
 */
/** At most this many marked documents are asked for again each time the relay link comes up. */
export const maxRelayRequestsPerLink = 200

export class Relay {
  private adapter: RelayClientAdapter | undefined

  constructor(
    private readonly repo: Repo,
    private readonly access: SyncAccess,
    private readonly documents: RelayedDocuments,
    private readonly isPersonal: (documentId: string) => boolean = () => false,
  ) {}

  /** Saves `url` as the profile's relay (if given) and connects to it; replaces a link to another relay. */
  connect(url?: string, options: { backoff?: BackoffPolicy } = {}): RelayStatus {
    const target = url === undefined ? this.documents.relayUrl() : parseRelayUrl(url)
    if (target === undefined) throw new RelayError('relay-invalid-url', 'No relay is set for this profile.')
    if (url !== undefined) this.documents.setRelayUrl(target)
    if (this.adapter?.url === target) return this.status()
    this.close()
    const adapter = new RelayClientAdapter(target, { backoff: options.backoff })
    this.adapter = adapter
    this.access.trustRelayAdapter(adapter)
    this.repo.networkSubsystem.addNetworkAdapter(adapter)
    // Registered after the Repo's own listener, so the relay is already a peer when we ask.
    adapter.on('peer-candidate', () => this.askForMissing(adapter))
    return this.status()
  }

  /** Ends the link; with `forget`, the profile no longer has a relay. */
  disconnect({ forget = false }: { forget?: boolean } = {}): void {
    this.close()
    if (forget) this.documents.setRelayUrl(undefined)
  }

  status(): RelayStatus {
    const link = this.adapter?.status()
    return {
      url: link?.url ?? this.documents.relayUrl() ?? null,
      state: link?.state ?? 'offline',
      since: link?.since ?? null,
      lastError: link?.lastError ?? null,
      attempts: link?.attempts ?? 0,
      relayed: this.documents.list(),
    }
  }

  /** Lets a shared document sync through the relay. A personal document is refused. */
  mark(documentId: string): void {
    if (this.isPersonal(documentId)) throw new RelayError('relay-not-shared', 'Your workspace is personal and never syncs through a relay.')
    this.documents.mark(documentId)
  }

  /** The relay gets no more of this document from now on (sharing is re-evaluated at once). */
  unmark(documentId: string): boolean {
    return this.documents.unmark(documentId)
  }

  isMarked(documentId: string): boolean {
    return this.documents.isMarked(documentId)
  }

  /**
   * A marked document this device has never loaded (it asked the relay before anyone had uploaded
   * it, and has restarted since, or it was marked while offline) is asked for again each time the
   * relay link comes up; a handle the Repo already holds, ready or not, is synced with the new peer
   * by the Repo itself. Bounded, so a long list cannot flood the link.
   */
  private askForMissing(adapter: RelayClientAdapter): void {
    if (this.adapter !== adapter) return
    const handles = this.repo.handles as Record<string, unknown>
    const missing = this.documents
      .list()
      .filter((documentId) => handles[documentId] === undefined && !this.isPersonal(documentId))
      .slice(0, maxRelayRequestsPerLink)
    for (const documentId of missing) {
      this.repo.find(`automerge:${documentId}` as AutomergeUrl).catch(() => undefined)
    }
  }

  private close(): void {
    const adapter = this.adapter
    this.adapter = undefined
    if (adapter) this.repo.networkSubsystem.removeNetworkAdapter(adapter)
  }
}
