import type { DashboardSummary } from '@shared/api/dashboard'
import type { CheckIn } from '@shared/network/records'
import { exportPageHead } from '../spaces/export/projectToHtml'
import { escapeHtml } from '../spaces/export/spansToHtml'
import { checkInsSection } from './checkInsSection'
import { dashboardSections } from './dashboardSections'
import { counted, day } from './reportFormat'

export interface TermReportInput {
  /** Who the report is from: the name this profile introduces itself with. */
  name: string
  /** The day the report was made (the UI's local day). */
  today: string
  summary: DashboardSummary
  /** The period's check-ins, oldest first. */
  checkIns: readonly CheckIn[]
  /** Check-ins of the period not on the report (past the cap). */
  checkInsLeftOut: number
}

const reportStyles = `
@page { size: A4; margin: 18mm 16mm; }
:root { color-scheme: light; }
body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 20pt; margin: 0 0 .25rem; }
h2 { font-size: 14pt; margin: 1.75rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid #999; }
h3 { font-size: 12pt; margin: 1.25rem 0 .3rem; }
h4 { font-size: 10.5pt; margin: .8rem 0 .15rem; }
h1, h2, h3, h4 { break-after: avoid; }
p, li, dd { orphans: 3; widows: 3; overflow-wrap: anywhere; }
.facts, .note { color: #4a4a4a; }
.summary { font-weight: 600; }
.rating { margin: 0; font-weight: 600; }
.answer { white-space: pre-wrap; margin-top: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; break-inside: auto; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
tr { break-inside: avoid; }
th, td { border: 1px solid #999; padding: .25rem .45rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #eee; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.facts-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .25rem 1rem; margin: .5rem 0; }
dl.facts-list div { display: flex; justify-content: space-between; gap: .5rem; border-bottom: 1px dotted #bbb; }
dl.facts-list dd { margin: 0; font-weight: 600; }
figure { margin: .75rem 0; break-inside: avoid; }
svg.chart { width: 100%; height: auto; max-height: 80mm; }
article.check-in { border-top: 1px solid #ccc; margin-top: 1rem; }
@media print { body { margin: 0; max-width: none; padding: 0; } h2 { break-before: auto; } section { break-inside: auto; } }
`

/** "Term report 2026-09-01 to 2026-12-18.html": the period in the name, nothing a file system refuses. */
export function termReportFileName(from: string, to: string, extension: 'html' | 'pdf'): string {
  return `Term report ${from} to ${to}.${extension}`
}

/**
 * The dashboard and check-ins of a period as one standalone, printable HTML page (A4): no script,
 * nothing external (the same policy as project exports), every text escaped. The same page is
 * saved as .html, printed in the browser shell and turned into a PDF by the desktop shell.
 */
export function renderTermReport(input: TermReportInput): string {
  const { range } = input.summary
  const title = `Term report: ${day(range.from)} – ${day(range.to)}`
  const facts = [
    `Prepared by ${input.name}`,
    `${counted(range.days, 'day', 'days')}, compared with ${day(range.previousFrom)} – ${day(range.previousTo)}`,
    `Made on ${day(input.today)} with Staffroom`,
  ]
  return [
    exportPageHead(title, reportStyles),
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="facts">${facts.map(escapeHtml).join(' · ')}</p>`,
    '</header>',
    '<main>',
    ...dashboardSections(input.summary),
    checkInsSection(input.checkIns, input.checkInsLeftOut),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
