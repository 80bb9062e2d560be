import { apiArgs } from '@shared/api'
import type { ProjectExportFile, ProjectPdfFile } from '@shared/api/projectExport'
import type { RpcResult } from '@shared/errors'
import type { RpcTarget } from '../serve/RpcEndpoint'
import type { ShellLog } from './navigationGuard'
import { printPageToPdf } from './printPageToPdf'

/**
 * 'projects.exportPdf' as the desktop shell answers it: the core's HTML export of the project,
 * printed to PDF by Chromium. The core alone cannot (it has no browser engine) and refuses.
 */
export async function exportProjectPdf(core: Pick<RpcTarget, 'dispatch'>, printer: { print(html: string): Promise<Uint8Array> }, args: unknown, log: ShellLog): Promise<RpcResult<ProjectPdfFile>> {
  const parsed = apiArgs['projects.exportPdf'].safeParse(args ?? {})
  if (!parsed.success) return { ok: false, error: { code: 'bad-request', message: 'Say which project to save as PDF.' } }
  const exported = await core.dispatch('projects.exportHtml', parsed.data)
  if (!exported.ok) return exported
  const file = exported.value as ProjectExportFile
  return printPageToPdf(printer, { fileName: file.fileName, html: file.text }, { what: 'a project', instead: 'Save the project as HTML and print that from your browser instead.' }, log)
}
