import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { RecordKind } from '../network/records'

/**
 * One per person, replicated to all of that person's devices: the profile, settings and the URLs
 * of the person's other documents. Its URL is kept in the core's meta table.
 */
export interface WorkspaceDoc {
  kind: 'workspace'
  schemaVersion: number
  profile: { name: string }
  /** Every note of the person, by document id. */
  notes: { [documentId: string]: AutomergeUrl }
  /**
   * The learning network's collection documents: kind → shard number → document id → URL.
   * A shard is a set of documents, not one: two devices that start the same shard while apart
   * each create a document, and both are kept (readers take the union).
   */
  collections: { [kind in RecordKind]?: { [shard: string]: { [documentId: string]: AutomergeUrl } } }
  settings: WorkspaceSettings
  /** The shared spaces this person is in (made here or shared with them), by document id. */
  projects: { [documentId: string]: AutomergeUrl }
  circles: { [documentId: string]: AutomergeUrl }
}

export interface WorkspaceSettings {
  keepInTouch: {
    defaultCadenceDays: number | null
    /** Normalised tag → cadence in days. */
    tagCadences: { [tag: string]: number }
  }
  /**
   * The check-in schedule and the dismissed suggestions (issue 6). Optional: workspaces written
   * before it have none, and readers default (DECISIONS 34), so the schema version stays.
   */
  reflection?: WorkspaceReflectionSettings
}

export interface WorkspaceReflectionSettings {
  /** 'weekly' | 'monthly' | 'term' | 'off'; anything else reads as the default. */
  cadence: string
  /** Term end days (YYYY-MM-DD) for the end-of-term schedule. */
  termEnds: string[]
  /** Suggestion key → when it was dismissed (epoch ms). */
  dismissed: { [key: string]: number }
}

export const workspaceSchemaVersion = 3

export function newWorkspaceSettings(): WorkspaceSettings {
  return { keepInTouch: { defaultCadenceDays: null, tagCadences: {} } }
}

export function newWorkspace(): WorkspaceDoc {
  return {
    kind: 'workspace',
    schemaVersion: workspaceSchemaVersion,
    profile: { name: '' },
    notes: {},
    collections: {},
    settings: newWorkspaceSettings(),
    projects: {},
    circles: {},
  }
}
