import type { ExportFile } from '@shared/api/io'

/** Saves an export from the core as a file through the browser's download. */
export function downloadFile(file: ExportFile) {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
