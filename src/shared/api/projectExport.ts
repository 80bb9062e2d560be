import { z } from 'zod'
import type { ProjectView } from './projects'

/**
 * Export a project as a Markdown file or a standalone printable HTML page (no script, nothing
 * external), and as a PDF in the desktop shell; import a Markdown file as a new project.
 */

export const projectExportLimits = {
  /** The largest Markdown file imported, in bytes (UTF-8). */
  importBytes: 5 * 1024 * 1024,
  /**
   * Blocks (paragraphs, headings, list items, table cells) and formatted runs in an imported
   * body. Writing rich text grows faster than its size (5,000 paragraphs, each with a bold word
   * and a link, took about 6 s on a busy 2-core machine), and the editor must lay out every block;
   * long plans have hundreds.
   */
  importBlocks: 5_000,
  importRuns: 20_000,
  fileNameChars: 255,
} as const

/** A text file to save, with a name made from the project's title. */
export interface ProjectExportFile {
  fileName: string
  text: string
}

/** A PDF to save; the RPC carries text, so its bytes come as base64. */
export interface ProjectPdfFile {
  fileName: string
  base64: string
  bytes: number
}

const projectId = z.string().min(1).max(64)

export const projectExportArgs = {
  'projects.exportMarkdown': z.object({ projectId }),
  'projects.exportHtml': z.object({ projectId }),
  /**
   * Made by the desktop shell, which renders the exported HTML page to PDF; the core alone (the
   * browser shell) cannot, and says to print the page instead.
   */
  'projects.exportPdf': z.object({ projectId }),
  /** The file's size is checked by the core, with a message that says what is wrong. */
  'projects.importMarkdown': z.object({ fileName: z.string().max(projectExportLimits.fileNameChars).default(''), text: z.string() }),
}

export interface ProjectExportResults {
  'projects.exportMarkdown': ProjectExportFile
  'projects.exportHtml': ProjectExportFile
  'projects.exportPdf': ProjectPdfFile
  'projects.importMarkdown': { project: ProjectView }
}
