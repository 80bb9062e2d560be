import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ipcChannels } from '@shared/api/wire'
import type { RpcResult } from '@shared/errors'
import { FakeCore } from '../serve/testing/FakeCore'
import { ElectronShell } from './ElectronShell'
import { electronSqliteBindingPath } from './nativeBinding'
import { PdfPrinter } from './PdfPrinter'
import { exportProjectPdf } from './projectPdf'
import { FakeElectron } from './testing/FakeElectron'

let workDir: string
let electron: FakeElectron
beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'staffroom-pdf-test-'))
  electron = new FakeElectron()
})
afterEach(() => rmSync(workDir, { recursive: true, force: true }))

const page = '<!doctype html><title>Poems</title><p>Hello</p>'

/** A core whose HTML export answers with a fixed page, as the real one does for a known project. */
class ExportingCore extends FakeCore {
  override async dispatch(method: string, args: unknown): Promise<RpcResult<unknown>> {
    await super.dispatch(method, args)
    if (method === 'projects.exportHtml') return (args as { projectId: string }).projectId === 'p1' ? { ok: true, value: { fileName: 'Poems.html', text: page } } : { ok: false, error: { code: 'not-found', message: 'This project does not exist here.' } }
    return { ok: false, error: { code: 'unknown-method', message: method } }
  }
}

describe('PDF in the desktop shell', () => {
  it('prints the page in a hidden window with JavaScript off, through a private temp file removed afterwards', async () => {
    const printer = new PdfPrinter(electron.pdfWindows, workDir)
    const bytes = await printer.print(page)
    expect(new TextDecoder().decode(bytes)).toBe(`%PDF-fake ${page.length}`)
    const [window] = electron.pdfWindowsCreated
    expect(window?.options).toMatchObject({ show: false, webPreferences: { javascript: false, images: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true } })
    expect(window?.options.webPreferences?.preload).toBeUndefined()
    expect(window?.loadedHtml).toEqual([page])
    expect(window?.printOptions).toEqual([{ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }])
    expect(window?.destroyed).toBe(true)
    expect(existsSync(window!.loadedFiles[0]!)).toBe(false)
    expect(readdirSync(workDir)).toEqual([])
  })

  it('closes the window and removes the file when printing fails', async () => {
    electron.failNextPdf = true
    await expect(new PdfPrinter(electron.pdfWindows, workDir).print(page)).rejects.toThrow('printing failed')
    expect(electron.pdfWindowsCreated[0]?.destroyed).toBe(true)
    expect(readdirSync(workDir)).toEqual([])
  })

  it('answers projects.exportPdf from the core’s HTML export; refusals and failures come back as envelopes', async () => {
    const core = new ExportingCore(workDir)
    const logged: string[] = []
    const printer = new PdfPrinter(electron.pdfWindows, workDir)
    const result = await exportProjectPdf(core, printer, { projectId: 'p1' }, (line) => logged.push(line))
    expect(result).toEqual({ ok: true, value: { fileName: 'Poems.pdf', base64: Buffer.from(`%PDF-fake ${page.length}`).toString('base64'), bytes: `%PDF-fake ${page.length}`.length } })
    expect(await exportProjectPdf(core, printer, { projectId: 'gone' }, () => {})).toEqual({ ok: false, error: { code: 'not-found', message: 'This project does not exist here.' } })
    expect(await exportProjectPdf(core, printer, {}, () => {})).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    electron.failNextPdf = true
    expect(await exportProjectPdf(core, printer, { projectId: 'p1' }, (line) => logged.push(line))).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/print that from your browser/) } })
    expect(logged).toEqual(['Could not print a project to PDF: printing failed'])
    await core.shutdown()
  })

  it('is wired into the shell: the app window asks over IPC, other senders are refused', async () => {
    let core: ExportingCore | undefined
    const shell = new ElectronShell(electron, {
      env: { STAFFROOM_DATA_DIR: path.join(workDir, 'profile') },
      platform: 'linux',
      homedir: '/home/teacher',
      electronVersion: '45.5.0',
      preloadPath: '/repo/out/preload/index.cjs',
      rendererDir: workDir,
      openCore: async (options) => (core = new ExportingCore(options.dataDir)),
      fileExists: (file) => file === electronSqliteBindingPath('/repo', '45.5.0'),
      log: () => {},
    })
    expect(await shell.start()).toBe('running')
    const contents = electron.createdWindows[0]!.webContents
    const result = await electron.invoke(ipcChannels.invoke, contents, 'app://staffroom/index.html', 'projects.exportPdf', { projectId: 'p1' })
    expect(result).toMatchObject({ ok: true, value: { fileName: 'Poems.pdf' } })
    // The shell itself asks for the due badge's count at start; the rest is the export.
    expect(core?.calls.map((c) => c.method).filter((method) => method !== 'keepingInTouch.overview')).toEqual(['projects.exportHtml'])
    expect(await electron.invoke(ipcChannels.invoke, { id: 9999 }, 'app://staffroom/index.html', 'projects.exportPdf', { projectId: 'p1' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    expect(electron.pdfWindowsCreated).toHaveLength(1)
    await shell.stop()
  })
})
