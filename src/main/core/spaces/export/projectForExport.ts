import * as A from '@automerge/automerge'
import type { ProjectView } from '@shared/api/projects'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { toProjectView } from '../projectView'

/** What an export shows of a project, read defensively through the same view the screens use. */
export interface ProjectForExport {
  title: string
  subject: string
  grade: string
  members: ProjectView['members']
  tasks: ProjectView['tasks']
  resources: ProjectView['resources']
  /** Task assignee (device id) to member name. */
  memberName(deviceId: string | null): string | null
  body: A.Span[]
}

export function projectForExport(doc: A.Doc<ProjectDoc>): ProjectForExport {
  const view = toProjectView('', '', doc, '')
  const names = new Map(view.members.map((m) => [m.deviceId, m.name]))
  return {
    title: view.title.trim() || 'Untitled project',
    subject: view.subject.trim(),
    grade: view.grade.trim(),
    members: view.members,
    tasks: view.tasks,
    resources: view.resources,
    memberName: (deviceId) => (deviceId ? (names.get(deviceId) ?? null) : null),
    body: bodySpans(doc),
  }
}

/** A peer may have written a body that is not text; an export then has no body rather than failing. */
function bodySpans(doc: A.Doc<ProjectDoc>): A.Span[] {
  try {
    return A.spans(doc, ['body'])
  } catch {
    return []
  }
}

/** A file name from the title: no path or reserved characters, not empty, not too long. */
export function exportFileName(title: string, extension: string): string {
  const base = title
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\u0000-\u001F\u007F<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 100)
    .trim()
  const safe = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base) ? `${base} project` : base
  return `${safe || 'Project'}.${extension}`
}
