import { dashboardArgs } from './dashboard'
import type { ProjectPdfFile } from './projectExport'

/**
 * The term report: the dashboard and the check-ins of a period as one standalone printable HTML
 * page (no script, nothing external) a teacher can bring to an appraisal, and as a PDF in the
 * desktop shell.
 */

/** The page to save or print, with a file name made from the period. */
export interface TermReportFile {
  fileName: string
  html: string
}

/** The same range as the dashboard: from–to inclusive, `today` is the UI's local day. */
const period = dashboardArgs['dashboard.summary']

export const termReportLimits = {
  /** Check-ins on one report, newest kept; a weekly habit over two school years stays under it. */
  checkIns: 120,
} as const

export const termReportArgs = {
  'termReport.html': period,
  /**
   * Made by the desktop shell, which prints the report's page to PDF; the core alone (the browser
   * shell) cannot, and says to print the page instead.
   */
  'termReport.pdf': period,
}

export interface TermReportResults {
  'termReport.html': TermReportFile
  'termReport.pdf': ProjectPdfFile
}
