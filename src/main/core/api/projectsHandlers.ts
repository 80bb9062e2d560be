import { randomUUID } from 'node:crypto'
import type { DocHandle } from '@automerge/automerge-repo'
import { ApiError } from '@shared/errors'
import type { HandlersFor } from '@shared/api'
import type { projectsArgs } from '@shared/api/projects'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { createProject } from '../spaces/createProject'
import { toProjectView } from '../spaces/projectView'
import { changeSpace, findSpaceDocument, myDevices } from '../spaces/spaceDocuments'
import { addProjectResource } from '../spaces/spaceResources'
import type { CoreContext } from './CoreContext'

type ProjectsMethod = keyof typeof projectsArgs

export function projectsHandlers(ctx: CoreContext) {
  const view = async (projectId: string) => {
    const handle = await findSpaceDocument(ctx, 'project', projectId)
    return toProjectView(projectId, handle.url, handle.doc(), ctx.sync.identity.deviceId, myDevices(ctx))
  }
  const viewOf = (projectId: string, handle: DocHandle<ProjectDoc>) => toProjectView(projectId, handle.url, handle.doc(), ctx.sync.identity.deviceId, myDevices(ctx))
  const change = async (projectId: string, fn: (doc: ProjectDoc) => void) => viewOf(projectId, await changeSpace(ctx, 'project', projectId, (doc) => fn(doc)))
  const task = (doc: ProjectDoc, taskId: string) => {
    const found = doc.tasks[taskId]
    if (!found) throw new ApiError('not-found', 'This task no longer exists (someone may have removed it).')
    return found
  }

  return {
    'projects.create': async ({ title, template, subject, grade }) => {
      const handle = createProject(ctx, { title, template, subject, grade })
      return { project: toProjectView(handle.documentId, handle.url, handle.doc(), ctx.sync.identity.deviceId) }
    },

    'projects.get': async ({ projectId }) => ({ project: await view(projectId) }),

    'projects.update': async ({ projectId, subject, grade, archived }) => ({
      project: await change(projectId, (doc) => {
        if (subject !== undefined && doc.subject !== subject) doc.subject = subject
        if (grade !== undefined && doc.grade !== grade) doc.grade = grade
        if (archived !== undefined) doc.archivedAt = archived ? (doc.archivedAt ?? Date.now()) : null
      }),
    }),

    'projects.addTask': async ({ projectId, title, assignee, due }) => {
      const taskId = randomUUID()
      const project = await change(projectId, (doc) => {
        doc.tasks[taskId] = { id: taskId, title, assignee, due, done: false, createdAt: Date.now() }
      })
      return { project, taskId }
    },

    'projects.updateTask': async ({ projectId, taskId, title, assignee, due, done }) => ({
      project: await change(projectId, (doc) => {
        const target = task(doc, taskId)
        if (title !== undefined && target.title !== title) target.title = title
        if (assignee !== undefined && target.assignee !== assignee) target.assignee = assignee
        if (due !== undefined && target.due !== due) target.due = due
        if (done !== undefined && target.done !== done) target.done = done
      }),
    }),

    'projects.removeTask': async ({ projectId, taskId }) => ({
      project: await change(projectId, (doc) => {
        task(doc, taskId)
        delete doc.tasks[taskId]
      }),
    }),

    'projects.addResource': async ({ projectId, title, url, note }) => {
      const { handle, resourceId } = await addProjectResource(ctx, projectId, { title, url, note })
      return { project: viewOf(projectId, handle), resourceId }
    },

    'projects.removeResource': async ({ projectId, resourceId }) => ({
      project: await change(projectId, (doc) => {
        if (!doc.resources[resourceId]) throw new ApiError('not-found', 'This resource no longer exists (someone may have removed it).')
        delete doc.resources[resourceId]
      }),
    }),
  } satisfies HandlersFor<ProjectsMethod>
}
