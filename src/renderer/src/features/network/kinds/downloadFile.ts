import type { ExportFile } from '@shared/api/io'

/** Saves bytes or text as a file through the browser's download. */
export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Saves an export from the core as a file through the browser's download. */
export function downloadFile(file: ExportFile) {
  downloadBlob(new Blob([file.text], { type: file.mimeType }), file.fileName)
}
