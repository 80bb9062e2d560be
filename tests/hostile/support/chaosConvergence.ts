import type { AutomergeUrl } from '@automerge/automerge-repo'
import type { WorkspaceDoc } from '../../../src/shared/workspace/WorkspaceDoc'
import type { Core } from '../../../src/main/core/Core'
import { call } from '../../../src/main/core/testing/coreHarness'

/** Every document the workspace lists (notes, collection shards, projects, circles) and the workspace itself. */
export function listedDocuments(core: Core): Set<AutomergeUrl> {
  const workspace = core.repo.handles[core.workspaceUrl.slice('automerge:'.length) as never]
  const doc = workspace?.doc() as WorkspaceDoc | undefined
  const urls = new Set<AutomergeUrl>([core.workspaceUrl as AutomergeUrl])
  if (!doc) return urls
  for (const url of Object.values(doc.notes ?? {})) urls.add(url)
  for (const shards of Object.values(doc.collections ?? {})) for (const shard of Object.values(shards ?? {})) for (const url of Object.values(shard)) urls.add(url)
  for (const url of Object.values(doc.projects ?? {})) urls.add(url)
  for (const url of Object.values(doc.circles ?? {})) urls.add(url)
  return urls
}

/** The document's heads on this core, sorted; 'missing' when the core cannot find it. */
export async function headsOf(core: Core, url: AutomergeUrl): Promise<string> {
  try {
    const handle = await core.repo.find(url)
    return [...handle.heads()].sort().join(',')
  } catch {
    return 'missing'
  }
}

/** For each document any core lists: the set of distinct heads across the cores (one entry when converged). */
export async function headsByDocument(cores: Core[]): Promise<Map<AutomergeUrl, string[]>> {
  const urls = new Set<AutomergeUrl>()
  for (const core of cores) for (const url of listedDocuments(core)) urls.add(url)
  const result = new Map<AutomergeUrl, string[]>()
  for (const url of urls) result.set(url, [...new Set(await Promise.all(cores.map((core) => headsOf(core, url))))])
  return result
}

export function divergentDocuments(heads: Map<AutomergeUrl, string[]>): AutomergeUrl[] {
  return [...heads].filter(([, distinct]) => distinct.length !== 1 || distinct[0] === 'missing').map(([url]) => url)
}

/**
 * What the teacher sees, read through dispatch: notes (live and trashed, with excerpts), every
 * note body as exported, contacts, interactions and projects. Per-device fields (this device's
 * id and role, what it has opened, per-device sync status) are left out.
 */
export async function contentSnapshot(core: Core): Promise<string> {
  const notes = [...(await call(core, 'notes.list', { limit: 1000 })).notes, ...(await call(core, 'notes.list', { filter: 'trash', limit: 1000 })).notes]
  const bodies = (await call(core, 'io.export', { format: 'notes.md' })).text
  const contacts = (await call(core, 'contacts.list', { limit: 1000, sort: 'created' })).rows
  const interactions = (await call(core, 'interactions.list', { limit: 1000 })).rows
  const spaces = (await call(core, 'spaces.list', { kind: 'project', includeArchived: true })).spaces
  const projects = []
  for (const space of [...spaces].sort((a, b) => a.id.localeCompare(b.id))) {
    const { project } = await call(core, 'projects.get', { projectId: space.id })
    const { myRole: _role, myDeviceId: _device, members, ...shared } = project
    projects.push({ ...shared, members: members.map(({ isMe: _me, ...member }) => member), present: space.present, archived: space.archived })
  }
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id))
  return JSON.stringify({ notes: byId(notes), bodies, contacts: byId(contacts), interactions: byId(interactions), projects }, null, 1)
}

/** The lines where two snapshots differ (with their line numbers), for a readable failure. */
export function differingLines(expected: string, actual: string, max = 12): string[] {
  const a = expected.split('\n')
  const b = actual.split('\n')
  const lines: string[] = []
  for (let i = 0; i < Math.max(a.length, b.length) && lines.length < max; i++) if (a[i] !== b[i]) lines.push(`${i}: ${a[i] ?? '∅'}  ≠  ${b[i] ?? '∅'}`)
  return lines
}
