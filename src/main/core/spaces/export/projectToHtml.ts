import type * as A from '@automerge/automerge'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { safeLink } from '../../io/markdown/safeLink'
import { projectForExport } from './projectForExport'
import { escapeHtml, spansToHtml } from './spansToHtml'

/**
 * The page's own policy: no scripts, no requests of any kind (images, fonts, frames), only its
 * inline styles. It holds even when the file is opened from disk in any browser.
 */
export const exportPageContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'"

/** The start of a standalone exported page up to </head>: no scripts, no requests, no referrer, inline styles only. */
export function exportPageHead(title: string, styles: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${exportPageContentSecurityPolicy}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${styles}</style>`,
    '</head>',
  ].join('\n')
}

const printStyles = `
@page { size: A4; margin: 20mm 18mm; }
:root { color-scheme: light; }
body { font: 11pt/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 20pt; margin: 0 0 .25rem; }
h2 { font-size: 15pt; margin: 1.5rem 0 .5rem; }
h3 { font-size: 13pt; margin: 1.25rem 0 .4rem; }
h4, h5, h6 { font-size: 11.5pt; margin: 1rem 0 .3rem; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; }
p, li { orphans: 3; widows: 3; overflow-wrap: anywhere; }
.facts { color: #4a4a4a; margin: 0 0 1.5rem; }
ul.checklist { list-style: none; padding-left: 1.25rem; }
.box { display: inline-block; width: 1.1em; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; break-inside: auto; }
tr { break-inside: avoid; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; }
a { color: #0b57a4; }
.extras { margin-top: 2rem; border-top: 1px solid #999; }
.due, .note { color: #4a4a4a; }
@media print { body { margin: 0; max-width: none; padding: 0; } a { color: inherit; } }
`

/**
 * A project as one standalone, printable HTML page (A4): no script, nothing external, every text
 * escaped, links only to web and mail addresses. The same page is saved as .html, printed in the
 * browser shell and turned into a PDF by the desktop shell.
 */
export function projectToHtml(doc: A.Doc<ProjectDoc>): string {
  const project = projectForExport(doc)
  const facts: string[] = []
  if (project.subject) facts.push(`Subject: ${escapeHtml(project.subject)}`)
  if (project.grade) facts.push(`Grade: ${escapeHtml(project.grade)}`)
  if (project.members.length > 0) facts.push(`Members: ${project.members.map((m) => `${escapeHtml(m.name)} (${m.role})`).join(', ')}`)
  const sections: string[] = []
  if (project.tasks.length > 0) {
    const items = project.tasks.map((task) => {
      const details = [project.memberName(task.assignee), task.due ? `due ${task.due}` : null].filter((d): d is string => Boolean(d))
      const aside = details.length > 0 ? ` <span class="due">(${escapeHtml(details.join(', '))})</span>` : ''
      return `<li aria-label="${task.done ? 'Done' : 'To do'}"><span class="box" aria-hidden="true">${task.done ? '☑' : '☐'}</span> ${escapeHtml(task.title)}${aside}</li>`
    })
    sections.push(`<section>\n<h2>Tasks</h2>\n<ul class="checklist">\n${items.join('\n')}\n</ul>\n</section>`)
  }
  if (project.resources.length > 0) {
    const items = project.resources.map((resource) => {
      const href = resource.url ? safeLink(resource.url) : null
      const title = href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(resource.title)}</a>` : escapeHtml(resource.title)
      const note = resource.note.trim() ? ` — <span class="note">${escapeHtml(resource.note.trim())}</span>` : ''
      return `<li>${title}${note}</li>`
    })
    sections.push(`<section>\n<h2>Resources</h2>\n<ul>\n${items.join('\n')}\n</ul>\n</section>`)
  }
  return [
    exportPageHead(project.title, printStyles),
    '<body>',
    '<header>',
    `<h1>${escapeHtml(project.title)}</h1>`,
    facts.length > 0 ? `<p class="facts">${facts.join(' · ')}</p>` : '',
    '</header>',
    '<main>',
    spansToHtml(project.body),
    '</main>',
    sections.length > 0 ? `<div class="extras">\n${sections.join('\n')}\n</div>` : '',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line, i, all) => line !== '' || i === all.length - 1)
    .join('\n')
}
