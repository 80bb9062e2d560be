import { isValidAutomergeUrl, parseAutomergeUrl, type AutomergeUrl, type DocHandle } from '@automerge/automerge-repo'
import type { WorkspaceDoc } from '@shared/workspace/WorkspaceDoc'
import { workspaceNotes } from './openWorkspace'

/**
 * A colleague's shared notes join this person's notes: listed in the workspace, they are indexed
 * (once their content arrives from the colleague) and reachable by id like any other note.
 */
export function listSharedNotes(workspace: DocHandle<WorkspaceDoc>, shares: ReadonlyArray<{ documentId: string; url: string }>): void {
  const listed = workspaceNotes(workspace)
  const fresh: AutomergeUrl[] = []
  for (const { documentId, url } of shares) {
    if (isValidAutomergeUrl(url) && parseAutomergeUrl(url).documentId === documentId && !listed.has(documentId)) fresh.push(url)
  }
  if (fresh.length === 0) return
  workspace.change((doc) => {
    for (const url of fresh) doc.notes[parseAutomergeUrl(url).documentId] = url
  })
}
