import { circleSchemaVersion, type CircleDoc } from './CircleDoc'
import { projectSchemaVersion, type ProjectDoc } from './ProjectDoc'

export type StoredProject = Partial<ProjectDoc>
export type StoredCircle = Partial<CircleDoc>

function ensureMap(doc: Record<string, unknown>, key: string): void {
  if (typeof doc[key] !== 'object' || doc[key] === null || Array.isArray(doc[key])) doc[key] = {}
}

/**
 * Fills what a project written by a peer may lack, in place (inside an Automerge change). Version 1
 * is the first; the step exists so a damaged or partial document from a peer still opens.
 */
export function repairProject(doc: StoredProject): void {
  const d = doc as Record<string, unknown>
  if (doc.kind === undefined) doc.kind = 'project'
  for (const key of ['title', 'subject', 'grade', 'body'] as const) if (typeof doc[key] !== 'string') doc[key] = ''
  if (typeof doc.template !== 'string') doc.template = 'blank'
  for (const key of ['tasks', 'resources', 'members', 'authors', 'comments']) ensureMap(d, key)
  if (typeof doc.createdAt !== 'number') doc.createdAt = 0
  if (doc.archivedAt === undefined) doc.archivedAt = null
  if (typeof doc.schemaVersion !== 'number') doc.schemaVersion = projectSchemaVersion
}

export function repairCircle(doc: StoredCircle): void {
  const d = doc as Record<string, unknown>
  if (doc.kind === undefined) doc.kind = 'circle'
  for (const key of ['name', 'description'] as const) if (typeof doc[key] !== 'string') doc[key] = ''
  if (doc.communityId === undefined) doc.communityId = null
  if (doc.announcement === undefined) doc.announcement = null
  for (const key of ['members', 'authors', 'threads', 'resources', 'meetups']) ensureMap(d, key)
  if (typeof doc.createdAt !== 'number') doc.createdAt = 0
  if (doc.archivedAt === undefined) doc.archivedAt = null
  if (typeof doc.schemaVersion !== 'number') doc.schemaVersion = circleSchemaVersion
}

const currentVersion = { project: projectSchemaVersion, circle: circleSchemaVersion } as const

/** A document written by a newer Staffroom: shown read-only, never written, so nothing it has is lost. */
export function isFromNewerApp(doc: { kind?: unknown; schemaVersion?: unknown }): boolean {
  const current = doc.kind === 'circle' ? currentVersion.circle : currentVersion.project
  return typeof doc.schemaVersion === 'number' && doc.schemaVersion > current
}

/** True when repair would change something (so a read does not write needlessly). */
export function spaceNeedsRepair(doc: Record<string, unknown>, kind: 'project' | 'circle'): boolean {
  const keys = kind === 'project' ? ['title', 'subject', 'grade', 'body', 'template', 'tasks', 'resources', 'members', 'authors', 'comments', 'createdAt', 'archivedAt', 'schemaVersion', 'kind'] : ['name', 'description', 'communityId', 'announcement', 'members', 'authors', 'threads', 'resources', 'meetups', 'createdAt', 'archivedAt', 'schemaVersion', 'kind']
  return keys.some((key) => doc[key] === undefined)
}
