import type { ProjectPdfFile } from '@shared/api/projectExport'
import type { RpcResult } from '@shared/errors'
import type { ShellLog } from './navigationGuard'

/**
 * One of the core's standalone HTML exports printed to PDF, as the envelope the renderer gets: a
 * failure is logged for the shell and answered with what to do instead.
 */
export async function printPageToPdf(
  printer: { print(html: string): Promise<Uint8Array> },
  page: { fileName: string; html: string },
  failure: { what: string; instead: string },
  log: ShellLog,
): Promise<RpcResult<ProjectPdfFile>> {
  try {
    const bytes = await printer.print(page.html)
    return { ok: true, value: { fileName: page.fileName.replace(/\.html$/i, '') + '.pdf', base64: Buffer.from(bytes).toString('base64'), bytes: bytes.length } }
  } catch (error) {
    log(`Could not print ${failure.what} to PDF: ${error instanceof Error ? error.message : String(error)}`)
    return { ok: false, error: { code: 'internal', message: `The PDF could not be made. ${failure.instead}` } }
  }
}
