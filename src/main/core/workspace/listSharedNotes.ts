import { parseAutomergeUrl, type AutomergeUrl, type DocHandle } from '@automerge/automerge-repo'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { isKnownValidUrl } from './knownValidUrl'
import { listSpaces } from '../spaces/spaceDocuments'
import type { SharedDocument } from '../sync/ShareLists'
import { workspaceNotes } from './openWorkspace'

/**
 * A colleague's shared notes join this person's notes: listed in the workspace, they are indexed
 * (once their content arrives from the colleague) and reachable by id like any other note.
 */
export function listSharedNotes(workspace: DocHandle<WorkspaceDoc>, shares: ReadonlyArray<{ documentId: string; url: string }>): void {
  const listed = workspaceNotes(workspace)
  const fresh: AutomergeUrl[] = []
  for (const { documentId, url } of shares) {
    if (isKnownValidUrl(url) && parseAutomergeUrl(url).documentId === documentId && !listed.has(documentId)) fresh.push(url)
  }
  if (fresh.length === 0) return
  workspace.change((doc) => {
    for (const url of fresh) doc.notes[parseAutomergeUrl(url).documentId] = url
  })
}

/** What a colleague shares joins this person's lists by kind: notes, projects or circles. */
export function listSharedWithMe(workspace: DocHandle<WorkspaceDoc>, shares: readonly SharedDocument[]): void {
  listSharedNotes(workspace, shares.filter((s) => s.kind === 'note'))
  for (const kind of ['project', 'circle'] as const) {
    const urls = shares.filter((s) => s.kind === kind && isKnownValidUrl(s.url) && parseAutomergeUrl(s.url).documentId === s.documentId).map((s) => s.url as AutomergeUrl)
    if (urls.length > 0) listSpaces(workspace, kind, urls)
  }
}
