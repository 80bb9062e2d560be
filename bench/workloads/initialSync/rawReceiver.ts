import * as A from '@automerge/automerge'
import type { DocumentId, Repo } from '@automerge/automerge-repo'
import { rawClient } from '../coEditLatency/rawWebSocketRepos'
import { countReceivedBytes, documentsBehind, headsIn, progress, sameHeads, type SourceDocuments } from './sourceDocuments'

export interface RawRound {
  /** Dialing until every document is in the fresh Repo with the source's heads and flushed to disk. */
  totalMs: number
  firstDocumentMs: number
  /** Until every document was ready (had content). */
  foundMs: number
  receivedBytes: number
  messages: number
}

/**
 * The baseline's fresh device: a stock Repo with NodeFS storage in an empty folder dials the raw
 * server over ws:// and finds every document URL; done when every document has the source's heads
 * and is flushed to disk (ours is done when B's SQLite holds every document). Heads are then
 * checked exactly before the Repo shuts down.
 */
export async function rawRound(source: Repo, serverUrl: string, storageDir: string, documents: SourceDocuments): Promise<RawRound> {
  const started = performance.now()
  const client = rawClient(serverUrl, storageDir)
  const received = countReceivedBytes(client.repo)
  let firstDocumentMs = 0
  try {
    // Asks for every document at once; find()'s 60 s timeout is avoided (a loaded machine needs
    // longer for 1,168 documents): the handles are polled until they hold the source's heads.
    const handles = documents.urls.map((url) => client.repo.findWithProgress(url).handle)
    const deadline = Date.now() + 20 * 60_000
    let foundMs = 0
    let expected: Map<DocumentId, A.Heads> | undefined
    for (;;) {
      const now = performance.now() - started
      const ready = handles.filter((h) => h.isReady()).length
      if (!firstDocumentMs && ready > 0) firstDocumentMs = now
      if (!foundMs && ready === handles.length) foundMs = now
      // The source has loaded a document once it served it; until then its heads are not known.
      expected ??= documents.ids.every((id) => source.handles[id]?.isReady()) ? headsIn(source, documents.ids) : undefined
      const behind = expected ? documentsBehind(client.repo, expected).length : handles.length - ready
      progress(`raw: ${(now / 1000).toFixed(1)} s, ${ready} documents ready, ${behind} behind the source`)
      if (expected && behind === 0) break
      if (Date.now() > deadline) throw new Error(`raw receiver: ${behind} documents still behind after 20 minutes`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    await client.repo.flush()
    const totalMs = performance.now() - started
    for (const [id, heads] of expected) {
      if (!sameHeads(A.getHeads(client.repo.handles[id]!.doc() as A.Doc<unknown>), heads)) throw new Error(`raw receiver: ${id} has other heads than the source`)
    }
    progress(`raw: done at ${(totalMs / 1000).toFixed(1)} s`)
    return { totalMs, firstDocumentMs, foundMs, receivedBytes: received.bytes(), messages: received.messages() }
  } finally {
    await client.close()
  }
}
