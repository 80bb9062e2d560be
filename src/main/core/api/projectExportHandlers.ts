import type * as A from '@automerge/automerge'
import { randomUUID } from 'node:crypto'
import type { HandlersFor } from '@shared/api'
import { projectLimits } from '@shared/api/projects'
import { projectExportLimits, type projectExportArgs } from '@shared/api/projectExport'
import { ApiError } from '@shared/errors'
import { createProject } from '../spaces/createProject'
import { exportFileName } from '../spaces/export/projectForExport'
import { projectToMarkdown, readProjectMarkdown } from '../spaces/export/projectMarkdown'
import { projectToHtml } from '../spaces/export/projectToHtml'
import { toProjectView } from '../spaces/projectView'
import { findSpaceDocument } from '../spaces/spaceDocuments'
import type { CoreContext } from './CoreContext'

type ProjectExportMethod = keyof typeof projectExportArgs

/** Projects to Markdown and HTML (anyone who can read the project may export it), Markdown to a new project. */
export function projectExportHandlers(ctx: CoreContext) {
  const exported = async (projectId: string, extension: string, write: typeof projectToMarkdown) => {
    const doc = (await findSpaceDocument(ctx, 'project', projectId)).doc()
    const text = write(doc)
    return { fileName: exportFileName(typeof doc.title === 'string' ? doc.title : '', extension), text }
  }
  return {
    'projects.exportMarkdown': ({ projectId }) => exported(projectId, 'md', projectToMarkdown),
    'projects.exportHtml': ({ projectId }) => exported(projectId, 'html', projectToHtml),
    'projects.exportPdf': () => {
      throw new ApiError('bad-request', 'Saving as PDF works in the desktop app. Here, use Print and choose “Save as PDF” as the printer.')
    },
    'projects.importMarkdown': ({ fileName, text }) => {
      checkImportable(text)
      // Parsed and checked in full before anything is created: a refused file changes nothing.
      const parsed = readProjectMarkdown(text)
      checkStructure(parsed.body)
      const title = (parsed.title ?? titleFromFileName(fileName)).slice(0, projectLimits.titleChars).trim() || 'Imported project'
      const handle = createProject(ctx, {
        title,
        template: 'blank',
        subject: parsed.subject,
        grade: parsed.grade,
        body: parsed.body,
        fill: (doc, author) => {
          const now = Date.now()
          for (const task of parsed.tasks) {
            const id = randomUUID()
            doc.tasks[id] = { id, title: task.title, assignee: null, due: task.due, done: task.done, createdAt: now }
          }
          for (const resource of parsed.resources) {
            const id = randomUUID()
            const url = resource.url && resource.url.length <= 2_000 ? resource.url : null
            doc.resources[id] = { id, title: resource.title, url, note: resource.note, addedBy: author.deviceId, addedAt: now }
          }
        },
      })
      return { project: toProjectView(handle.documentId, handle.url, handle.doc(), ctx.sync.identity.deviceId) }
    },
  } satisfies HandlersFor<ProjectExportMethod>
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

function checkImportable(text: string): void {
  const max = projectExportLimits.importBytes
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > max)
    throw new ApiError('too-large', `This file is ${megabytes(bytes)}; Staffroom imports Markdown files up to ${megabytes(max)}. Split it into smaller files and import each one. Nothing was created.`)
  if (text.includes('\u0000')) throw new ApiError('bad-request', 'This file is not a Markdown text file (it holds binary data). Nothing was created.')
}

function checkStructure(body: readonly A.Span[]): void {
  const blocks = body.filter((span) => span.type === 'block').length
  if (blocks > projectExportLimits.importBlocks)
    throw new ApiError('too-large', `This file has ${blocks.toLocaleString('en')} paragraphs, headings, list items and table cells; a project holds up to ${projectExportLimits.importBlocks.toLocaleString('en')}. Split it into smaller files and import each one. Nothing was created.`)
  const runs = body.length - blocks
  if (runs > projectExportLimits.importRuns)
    throw new ApiError('too-large', `This file has ${runs.toLocaleString('en')} separately formatted pieces of text (bold, italic, links); a project holds up to ${projectExportLimits.importRuns.toLocaleString('en')}. Split it into smaller files and import each one. Nothing was created.`)
}

function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  return base.replace(/\.(md|markdown|txt)$/i, '').trim()
}
