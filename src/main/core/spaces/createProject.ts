import * as A from '@automerge/automerge'
import type { DocHandle } from '@automerge/automerge-repo'
import { projectSchemaVersion, type ProjectDoc, type ProjectTemplateId } from '@shared/spaces/ProjectDoc'
import type { SpaceAuthor } from '@shared/spaces/SpaceCommon'
import { templateSpans } from '@shared/spaces/templates'
import type { CoreContext } from '../api/CoreContext'
import { currentAuthor, listSpaces } from './spaceDocuments'
import { writeRichText } from './writeRichText'

export interface NewProject {
  title: string
  template: ProjectTemplateId
  subject: string
  grade: string
  /** The starting body; the template's when absent. */
  body?: A.Span[]
  /** More to write in the same first change (an import's tasks and resources). */
  fill?: (doc: ProjectDoc, author: SpaceAuthor) => void
}

/**
 * A new project document with this device as its owner and its actor named in authors, listed in
 * the workspace. Its arguments must already be valid: everything is written in one change.
 */
export function createProject(ctx: CoreContext, project: NewProject): DocHandle<ProjectDoc> {
  const author = currentAuthor(ctx)
  const now = Date.now()
  const initial: ProjectDoc = {
    kind: 'project',
    schemaVersion: projectSchemaVersion,
    title: project.title,
    subject: project.subject,
    grade: project.grade,
    template: project.template,
    body: '',
    tasks: {},
    resources: {},
    members: { [author.deviceId]: { name: author.name, role: 'owner', addedAt: now } },
    authors: {},
    comments: {},
    createdAt: now,
    archivedAt: null,
  }
  const handle = ctx.repo.create<ProjectDoc>(initial)
  handle.change((doc) => {
    doc.authors[A.getActorId(handle.doc())] = author
    writeRichText(doc, ['body'], project.body ?? templateSpans(project.template))
    project.fill?.(doc, author)
  })
  listSpaces(ctx.workspace, 'project', [handle.url])
  return handle
}
