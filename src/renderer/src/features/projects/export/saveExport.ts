import type { ProjectExportFile, ProjectPdfFile } from '@shared/api/projectExport'
import { downloadBlob } from '../../network/kinds/downloadFile'

const mimeTypes: Record<string, string> = { md: 'text/markdown;charset=utf-8', html: 'text/html;charset=utf-8' }

/** Saves a Markdown or HTML export through the browser's download. */
export function saveTextExport(file: ProjectExportFile): void {
  const extension = file.fileName.split('.').pop()?.toLowerCase() ?? ''
  downloadBlob(new Blob([file.text], { type: mimeTypes[extension] ?? 'text/plain;charset=utf-8' }), file.fileName)
}

/** Saves a PDF from the desktop shell (its bytes come as base64). */
export function savePdf(file: ProjectPdfFile): void {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  downloadBlob(new Blob([bytes], { type: 'application/pdf' }), file.fileName)
}
