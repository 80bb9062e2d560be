import type { AutomergeUrl } from '@automerge/automerge-repo'

/**
 * One per person, replicated to all of that person's devices: the profile and the URLs of the
 * person's other documents. Its URL is kept in the core's meta table.
 */
export interface WorkspaceDoc {
  kind: 'workspace'
  schemaVersion: number
  profile: { name: string }
  /** Every note of the person, by document id. */
  notes: { [documentId: string]: AutomergeUrl }
}

export const workspaceSchemaVersion = 1

export function newWorkspace(): WorkspaceDoc {
  return { kind: 'workspace', schemaVersion: workspaceSchemaVersion, profile: { name: '' }, notes: {} }
}
