import type * as A from '@automerge/automerge'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { projectLimits } from '@shared/api/projects'
import { escapeClosingHashes, escapeMarkdown, spansToMarkdown } from '../../io/markdown/spansToMarkdown'
import { blocksToSpans, markdownBlocks, plainText, takeTitle, type MarkdownBlock, type MarkdownInline } from './markdownToSpans'
import { projectForExport } from './projectForExport'

/**
 * A project as one Markdown file, and back. The file reads well on its own: the title, a line of
 * facts, the body, then (after a rule) the tasks as a checklist and the resources as links. Reading
 * a file back recognises that layout, so exporting and importing a project does not turn its tasks
 * and resources into body text; any other Markdown file is all body.
 */

const factKeys = { subject: 'Subject', grade: 'Grade', members: 'Members' } as const
const roleWords = { owner: 'owner', editor: 'editor', viewer: 'viewer' } as const

export function projectToMarkdown(doc: A.Doc<ProjectDoc>): string {
  const project = projectForExport(doc)
  const parts = [`# ${escapeClosingHashes(escapeMarkdown(project.title))}`, '']
  const facts: string[] = []
  if (project.subject) facts.push(`${factKeys.subject}: ${escapeMarkdown(project.subject)}`)
  if (project.grade) facts.push(`${factKeys.grade}: ${escapeMarkdown(project.grade)}`)
  if (project.members.length > 0) facts.push(`${factKeys.members}: ${project.members.map((m) => `${escapeMarkdown(m.name)} (${roleWords[m.role]})`).join(', ')}`)
  if (facts.length > 0) parts.push(`*${facts.join(' · ')}*`, '')
  const body = spansToMarkdown(project.body).trim()
  if (body) parts.push(body, '')
  if (project.tasks.length > 0 || project.resources.length > 0) parts.push('---', '')
  if (project.tasks.length > 0) {
    parts.push('## Tasks', '')
    for (const task of project.tasks) {
      const details = [project.memberName(task.assignee), task.due ? `due ${task.due}` : null].filter((d): d is string => Boolean(d))
      const suffix = details.length > 0 ? ` *(${escapeMarkdown(details.join(', '))})*` : ''
      parts.push(`- [${task.done ? 'x' : ' '}] ${oneLine(task.title)}${suffix}`)
    }
    parts.push('')
  }
  if (project.resources.length > 0) {
    parts.push('## Resources', '')
    for (const resource of project.resources) {
      const title = oneLine(resource.title)
      const link = resource.url ? `[${title}](<${resource.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : title
      parts.push(`- ${link}${resource.note.trim() ? ` — *${oneLine(resource.note)}*` : ''}`)
    }
    parts.push('')
  }
  return parts.join('\n').trimEnd() + '\n'
}

function oneLine(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim())
}

export interface ImportedTask {
  title: string
  done: boolean
  due: string | null
}

export interface ImportedResource {
  title: string
  url: string | null
  note: string
}

export interface ImportedProject {
  title: string | null
  subject: string
  grade: string
  body: A.Span[]
  tasks: ImportedTask[]
  resources: ImportedResource[]
}

/** A Markdown file as a new project's parts (nothing is created here). */
export function readProjectMarkdown(markdown: string): ImportedProject {
  const blocks = markdownBlocks(markdown)
  const { title, at } = takeTitle(blocks)
  // The facts line is the block right under the title.
  const facts = at >= 0 ? readFacts(blocks[at]) : null
  if (facts) blocks.splice(at, 1)
  const appendix = splitAppendix(blocks)
  return {
    title: title?.slice(0, projectLimits.titleChars) ?? null,
    subject: facts?.subject ?? '',
    grade: facts?.grade ?? '',
    body: blocksToSpans(blocks),
    tasks: appendix.tasks,
    resources: appendix.resources,
  }
}

/** The "Subject: … · Grade: … · Members: …" line under the title, as this export writes it. */
function readFacts(block: MarkdownBlock | undefined): { subject: string; grade: string } | null {
  if (block?.type !== 'paragraph' || block.parents.length > 0 || !block.inlines.every((inline) => inline.em)) return null
  const facts = { subject: '', grade: '' }
  for (const part of plainText(block.inlines).split(' · ')) {
    const match = /^(Subject|Grade|Members): (.*)$/s.exec(part.trim())
    if (!match) return null
    if (match[1] === factKeys.subject) facts.subject = match[2]!.trim().slice(0, projectLimits.fieldChars)
    if (match[1] === factKeys.grade) facts.grade = match[2]!.trim().slice(0, projectLimits.fieldChars)
  }
  return facts
}

/**
 * Takes the tasks and resources sections (a rule, then "## Tasks" and/or "## Resources") off the
 * end of the blocks. A rule elsewhere is dropped: the editor has no such block.
 */
function splitAppendix(blocks: MarkdownBlock[]): { tasks: ImportedTask[]; resources: ImportedResource[] } {
  const tasks: ImportedTask[] = []
  const resources: ImportedResource[] = []
  const start = blocks.findLastIndex((b, i) => b.type === 'rule' && isAppendixHeading(blocks[i + 1]))
  if (start >= 0) {
    const tail = blocks.splice(start)
    // Everything after the rule must belong to the two sections; otherwise it is body after all.
    if (tail.slice(1).every((b) => isAppendixHeading(b) || b.type === 'task-list-item' || b.type === 'unordered-list-item')) {
      let section = ''
      for (const block of tail.slice(1)) {
        if (isAppendixHeading(block)) section = plainText(block.inlines).trim()
        else if (section === 'Tasks' && block.type === 'task-list-item') tasks.push(readTask(block))
        else if (section === 'Resources' && block.type === 'unordered-list-item') resources.push(readResource(block))
        else blocks.push(block)
      }
    } else blocks.push(...tail)
  }
  for (let i = blocks.length - 1; i >= 0; i--) if (blocks[i]!.type === 'rule') blocks.splice(i, 1)
  return { tasks: tasks.filter((t) => t.title), resources: resources.filter((r) => r.title) }
}

function isAppendixHeading(block: MarkdownBlock | undefined): boolean {
  return block?.type === 'heading' && block.attrs.level === 2 && block.parents.length === 0 && /^(Tasks|Resources)$/.test(plainText(block.inlines).trim())
}

/** "[ ] title *(assignee, due 2026-12-10)*": the italic details are not part of the title. */
function readTask(block: MarkdownBlock): ImportedTask {
  const { main, aside } = splitAside(block.inlines)
  const due = /(?:^\(|, )due (\d{4}-\d{2}-\d{2})\)$/.exec(aside.trim())?.[1] ?? null
  return { title: main.trim().slice(0, projectLimits.taskChars), done: block.attrs.checked === true, due }
}

/** "[title](url) — *note*", or "title — *note*" for a resource without a link. */
function readResource(block: MarkdownBlock): ImportedResource {
  const { main, aside } = splitAside(block.inlines)
  const href = block.inlines.find((inline) => inline.link)?.link?.href ?? null
  return {
    title: main.replace(/\s—\s*$/, '').trim().slice(0, projectLimits.titleChars),
    url: href && /^https?:/i.test(href) ? href : null,
    note: aside.trim().slice(0, projectLimits.noteChars),
  }
}

/** The italic text at the end of an item (its details), apart from the rest. */
function splitAside(inlines: readonly MarkdownInline[]): { main: string; aside: string } {
  let cut = inlines.length
  while (cut > 0 && inlines[cut - 1]!.em && !inlines[cut - 1]!.link) cut--
  return { main: plainText(inlines.slice(0, cut)), aside: plainText(inlines.slice(cut)) }
}
