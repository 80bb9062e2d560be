import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ipcChannels } from '@shared/api/wire'
import type { RpcResult } from '@shared/errors'
import { FakeCore } from '../serve/testing/FakeCore'
import { ElectronShell } from './ElectronShell'
import { electronSqliteBindingPath } from './nativeBinding'
import { PdfPrinter } from './PdfPrinter'
import { exportTermReportPdf } from './termReportPdf'
import { FakeElectron } from './testing/FakeElectron'

let workDir: string
let electron: FakeElectron
beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'staffroom-report-pdf-test-'))
  electron = new FakeElectron()
})
afterEach(() => rmSync(workDir, { recursive: true, force: true }))

const page = '<!doctype html><title>Term report</title><p>Goals</p>'
const period = { from: '2026-09-01', to: '2026-12-18', today: '2026-12-18' }
const fakePdf = `%PDF-fake ${page.length}`

/** A core whose term report answers with a fixed page, and refuses a period with nothing indexed. */
class ReportingCore extends FakeCore {
  override async dispatch(method: string, args: unknown): Promise<RpcResult<unknown>> {
    await super.dispatch(method, args)
    if (method !== 'termReport.html') return { ok: false, error: { code: 'unknown-method', message: method } }
    return (args as { from: string }).from === '2026-09-01'
      ? { ok: true, value: { fileName: 'Term report 2026-09-01 to 2026-12-18.html', html: page } }
      : { ok: false, error: { code: 'internal', message: 'The dashboard could not be computed.' } }
  }
}

describe('term report PDF in the desktop shell', () => {
  it('prints the core’s report page; bad periods, refusals and print failures come back as envelopes', async () => {
    const core = new ReportingCore(workDir)
    const logged: string[] = []
    const printer = new PdfPrinter(electron.pdfWindows, workDir)
    expect(await exportTermReportPdf(core, printer, period, (line) => logged.push(line))).toEqual({
      ok: true,
      value: { fileName: 'Term report 2026-09-01 to 2026-12-18.pdf', base64: Buffer.from(fakePdf).toString('base64'), bytes: fakePdf.length },
    })
    expect(electron.pdfWindowsCreated[0]?.loadedHtml).toEqual([page])
    expect(core.calls).toEqual([{ method: 'termReport.html', args: period }])

    expect(await exportTermReportPdf(core, printer, { ...period, from: '2026-01-01' }, () => {})).toEqual({ ok: false, error: { code: 'internal', message: 'The dashboard could not be computed.' } })
    for (const bad of [{}, { ...period, from: '1 Sep' }, { ...period, from: '2027-01-01' }])
      expect(await exportTermReportPdf(core, printer, bad, () => {})).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/from, to and today/) } })
    expect(core.calls).toHaveLength(2)

    electron.failNextPdf = true
    expect(await exportTermReportPdf(core, printer, period, (line) => logged.push(line))).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/Save the report as HTML/) } })
    expect(logged).toEqual(['Could not print the term report to PDF: printing failed'])
    await core.shutdown()
  })

  it('is answered by the shell over IPC for the app window only', async () => {
    let core: ReportingCore | undefined
    const shell = new ElectronShell(electron, {
      env: { STAFFROOM_DATA_DIR: path.join(workDir, 'profile') },
      platform: 'linux',
      homedir: '/home/teacher',
      electronVersion: '45.5.0',
      preloadPath: '/repo/out/preload/index.cjs',
      rendererDir: workDir,
      openCore: async (options) => (core = new ReportingCore(options.dataDir)),
      fileExists: (file) => file === electronSqliteBindingPath('/repo', '45.5.0'),
      log: () => {},
    })
    expect(await shell.start()).toBe('running')
    const contents = electron.createdWindows[0]!.webContents
    expect(await electron.invoke(ipcChannels.invoke, contents, 'app://staffroom/index.html', 'termReport.pdf', period)).toMatchObject({ ok: true, value: { fileName: 'Term report 2026-09-01 to 2026-12-18.pdf' } })
    // The shell itself asks for the due badge's count at start; the rest is the export.
    expect(core?.calls.map((c) => c.method).filter((method) => method !== 'keepingInTouch.overview')).toEqual(['termReport.html'])
    expect(await electron.invoke(ipcChannels.invoke, { id: 9999 }, 'app://staffroom/index.html', 'termReport.pdf', period)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(electron.pdfWindowsCreated).toHaveLength(1)
    await shell.stop()
  })
})
