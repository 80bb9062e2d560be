import { apiArgs } from '@shared/api'
import type { ProjectPdfFile } from '@shared/api/projectExport'
import type { TermReportFile } from '@shared/api/termReport'
import type { RpcResult } from '@shared/errors'
import type { RpcTarget } from '../serve/RpcEndpoint'
import type { ShellLog } from './navigationGuard'
import { printPageToPdf } from './printPageToPdf'

/**
 * 'termReport.pdf' as the desktop shell answers it: the core's term report page printed to PDF
 * by Chromium, as project exports are. The core alone refuses it.
 */
export async function exportTermReportPdf(core: Pick<RpcTarget, 'dispatch'>, printer: { print(html: string): Promise<Uint8Array> }, args: unknown, log: ShellLog): Promise<RpcResult<ProjectPdfFile>> {
  const parsed = apiArgs['termReport.pdf'].safeParse(args ?? {})
  if (!parsed.success)
    return { ok: false, error: { code: 'bad-request', message: 'Say which period the report covers: from, to and today as YYYY-MM-DD dates, from not after to.' } }
  const report = await core.dispatch('termReport.html', parsed.data)
  if (!report.ok) return report
  const file = report.value as TermReportFile
  return printPageToPdf(printer, file, { what: 'the term report', instead: 'Save the report as HTML and print that from your browser instead.' }, log)
}
