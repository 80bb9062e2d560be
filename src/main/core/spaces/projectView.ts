import type { ProjectView } from '@shared/api/projects'
import { isFromNewerApp } from '@shared/spaces/migrateSpace'
import type { ProjectDoc, ProjectResource, ProjectTask } from '@shared/spaces/ProjectDoc'
import type { SpaceMembers, SpaceRole } from '@shared/spaces/SpaceCommon'

const roles: readonly SpaceRole[] = ['owner', 'editor', 'viewer']

function text(value: unknown, max = 10_000): string {
  return typeof value === 'string' ? value.slice(0, max) : ''
}

/**
 * A resource link as the screens and exports may use it: http(s) only, as projects.addResource
 * requires. A peer writes the document directly, so a javascript: or data: address can arrive here.
 */
function webLink(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed.length <= 2_000 && /^https?:\/\/\S+$/i.test(trimmed) ? trimmed : null
}

function values<T>(map: unknown): T[] {
  return typeof map === 'object' && map !== null ? (Object.values(map) as T[]).filter((v) => typeof v === 'object' && v !== null) : []
}

/** Members as the screens list them, read defensively (a peer may have written any shape). */
export function memberList(members: SpaceMembers | undefined, myDeviceId: string): ProjectView['members'] {
  return Object.entries(typeof members === 'object' && members !== null ? members : {})
    .map(([deviceId, m]) => ({ deviceId, name: text(m?.name, 200), role: roles.find((r) => r === m?.role) ?? 'viewer', isMe: deviceId === myDeviceId, addedAt: typeof m?.addedAt === 'number' ? m.addedAt : 0 }))
    .sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role) || a.addedAt - b.addedAt)
    .map(({ addedAt: _addedAt, ...member }) => member)
}

/**
 * This person's role: the strongest role the document gives any of their devices (this one or
 * their own paired devices), else owner when no member is recorded at all (a damaged document),
 * else viewer (removed from the space, or never in it).
 */
export function myRole(members: SpaceMembers | undefined, mine: string | ReadonlySet<string>): SpaceRole {
  const ids = typeof mine === 'string' ? new Set([mine]) : mine
  const held = Object.entries(members ?? {})
    .filter(([deviceId]) => ids.has(deviceId))
    .map(([, member]) => roles.indexOf(member?.role))
    .filter((rank) => rank >= 0)
  if (held.length > 0) return roles[Math.min(...held)]!
  return Object.keys(members ?? {}).length === 0 ? 'owner' : 'viewer'
}

export function toProjectView(id: string, url: string, doc: ProjectDoc, myDeviceId: string, myDevices: ReadonlySet<string> = new Set([myDeviceId])): ProjectView {
  const tasks = values<ProjectTask>(doc.tasks)
    .map((t) => ({ id: text(t.id, 64), title: text(t.title, 500), assignee: typeof t.assignee === 'string' ? t.assignee : null, due: typeof t.due === 'string' ? t.due : null, done: t.done === true, createdAt: typeof t.createdAt === 'number' ? t.createdAt : 0 }))
    .sort((a, b) => Number(a.done) - Number(b.done) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.createdAt - b.createdAt)
  const resources = values<ProjectResource>(doc.resources)
    .map((r) => ({ id: text(r.id, 64), title: text(r.title, 300), url: webLink(r.url), note: text(r.note, 4_000), addedBy: text(r.addedBy, 64), addedAt: typeof r.addedAt === 'number' ? r.addedAt : 0 }))
    .sort((a, b) => a.addedAt - b.addedAt)
  return {
    id,
    url,
    title: text(doc.title, 300),
    subject: text(doc.subject, 100),
    grade: text(doc.grade, 100),
    template: doc.template ?? 'blank',
    myRole: myRole(doc.members, myDevices),
    myDeviceId,
    members: memberList(doc.members, myDeviceId),
    tasks,
    resources,
    createdAt: typeof doc.createdAt === 'number' ? doc.createdAt : 0,
    archivedAt: typeof doc.archivedAt === 'number' ? doc.archivedAt : null,
    readOnlyReason: isFromNewerApp(doc) ? 'This project was saved by a newer version of Staffroom. Update Staffroom to edit it; until then it is read-only here.' : null,
  }
}
