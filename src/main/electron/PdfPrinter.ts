import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { PdfWindowFactory, PdfWindowPort } from './ports'
import { createPdfWindowOptions } from './windowOptions'

/**
 * Prints a standalone HTML page to PDF in a hidden window. The page goes through a private temp
 * file rather than a data: URL, which Chromium caps at 2 MB; the file and the window are removed
 * whatever happens.
 */
export class PdfPrinter {
  constructor(
    private readonly windows: PdfWindowFactory,
    private readonly tempRoot: string = tmpdir(),
  ) {}

  async print(html: string): Promise<Uint8Array> {
    const dir = await mkdtemp(path.join(this.tempRoot, 'staffroom-pdf-'))
    let window: PdfWindowPort | undefined
    try {
      const file = path.join(dir, 'page.html')
      await writeFile(file, html, { encoding: 'utf8', mode: 0o600 })
      window = this.windows.create(createPdfWindowOptions())
      await window.loadFile(file)
      // The page's @page rule sets A4 and its margins.
      return await window.printToPdf({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true })
    } finally {
      window?.destroy()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
