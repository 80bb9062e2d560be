import { z } from 'zod'
import type { ProjectResource, ProjectTask, ProjectTemplateId } from '../spaces/ProjectDoc'
import type { SpaceRole } from '../spaces/SpaceCommon'

const id = z.string().min(1).max(64)
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is YYYY-MM-DD.')
const httpUrl = z
  .string()
  .trim()
  .max(2_000)
  .regex(/^https?:\/\/\S+$/i, 'A link starts with http:// or https://.')

export const projectLimits = { titleChars: 300, fieldChars: 100, taskChars: 500, noteChars: 4_000 } as const

/** A project as the screens show it; the title and body are read live from the document itself. */
export interface ProjectView {
  id: string
  url: string
  title: string
  subject: string
  grade: string
  template: ProjectTemplateId
  /** This device's role; 'owner' for projects made here. */
  myRole: SpaceRole
  myDeviceId: string
  members: Array<{ deviceId: string; name: string; role: SpaceRole; isMe: boolean }>
  tasks: ProjectTask[]
  resources: ProjectResource[]
  createdAt: number
  archivedAt: number | null
  /** Saved by a newer Staffroom: shown read-only. */
  readOnlyReason: string | null
}

export const projectsArgs = {
  /** A new project from a template, listed in the workspace; this device is its owner. */
  'projects.create': z.object({
    title: z.string().trim().min(1, 'Give the project a title.').max(projectLimits.titleChars),
    template: z.enum(['blank', 'lesson-plan', 'unit-plan', 'workshop']).default('lesson-plan'),
    subject: z.string().trim().max(projectLimits.fieldChars).default(''),
    grade: z.string().trim().max(projectLimits.fieldChars).default(''),
  }),
  'projects.get': z.object({ projectId: id }),
  /** Scalar fields (the title is edited live as text in the page). */
  'projects.update': z.object({
    projectId: id,
    subject: z.string().trim().max(projectLimits.fieldChars).optional(),
    grade: z.string().trim().max(projectLimits.fieldChars).optional(),
    archived: z.boolean().optional(),
  }),
  'projects.addTask': z.object({ projectId: id, title: z.string().trim().min(1, 'Say what the task is.').max(projectLimits.taskChars), assignee: z.string().max(64).nullable().default(null), due: day.nullable().default(null) }),
  'projects.updateTask': z.object({ projectId: id, taskId: id, title: z.string().trim().min(1).max(projectLimits.taskChars).optional(), assignee: z.string().max(64).nullable().optional(), due: day.nullable().optional(), done: z.boolean().optional() }),
  'projects.removeTask': z.object({ projectId: id, taskId: id }),
  'projects.addResource': z.object({ projectId: id, title: z.string().trim().min(1, 'Give the resource a title.').max(projectLimits.titleChars), url: httpUrl.nullable().default(null), note: z.string().max(projectLimits.noteChars).default('') }),
  'projects.removeResource': z.object({ projectId: id, resourceId: id }),
}

export interface ProjectsResults {
  'projects.create': { project: ProjectView }
  'projects.get': { project: ProjectView }
  'projects.update': { project: ProjectView }
  'projects.addTask': { project: ProjectView; taskId: string }
  'projects.updateTask': { project: ProjectView }
  'projects.removeTask': { project: ProjectView }
  'projects.addResource': { project: ProjectView; resourceId: string }
  'projects.removeResource': { project: ProjectView }
}
