import path from 'node:path'
import { bundleLimits, type BundleImportResult } from '@shared/api/bundles'
import type { OpenTarget } from '@shared/api/events'
import type { RpcResult } from '@shared/errors'
import type { AppPort, DialogPort, WebContentsPort } from '../ports'
import { describeForLog, inviteCodeOf, openRequestsFromArgv, type OpenRequest } from './launchArgs'
import { readBundleFile } from './readBundleFile'

export const protocolScheme = 'staffroom'

export interface OpenRequestsOptions {
  app: AppPort
  dialog: DialogPort
  fileExists(file: string): boolean
  /** The core's dispatch; called only once the page is up, so the core is open by then. */
  dispatch(method: string, args: unknown): Promise<RpcResult<unknown>>
  /** Brings the window forward and sends the page there ('shell.open'). */
  show(target: OpenTarget): void
  log(message: string): void
  maxBytes?: number
}

/**
 * Deep links and bundle files, from wherever the OS hands them over: the launch's arguments,
 * another launch's ('second-instance'), macOS's 'open-url' and 'open-file' (which can come before
 * the app is ready), and File › Open Bundle…. They wait until the page is up, then each is
 * handled in turn: an invite link opens the page's Accept invite screen with the code filled in
 * (never accepted on its own), a bundle file is read and imported, and the page says what came of it.
 */
export class OpenRequests {
  private pending: OpenRequest[] = []
  /**
   * 'listening' once the loaded page says so (`desktop.pageReady`). 'did-finish-load' alone is too
   * early: the app subscribes to 'shell.open' only after it has connected, and an event sent
   * before that is lost.
   */
  private page: 'none' | 'loaded' | 'listening' = 'none'
  private handling: Promise<void> = Promise.resolve()

  constructor(private readonly options: OpenRequestsOptions) {}

  /** Call before the app is ready: macOS delivers a launch's link or file as an event, early. */
  listen(): void {
    const { app } = this.options
    app.on('open-url', (event, url) => {
      event.preventDefault()
      this.add({ kind: 'link', url })
    })
    app.on('open-file', (event, file) => {
      event.preventDefault()
      this.add({ kind: 'file', path: file })
    })
  }

  /** staffroom:// links open this app: the installed one, or in development this checkout. */
  registerProtocolClient(): void {
    const { app } = this.options
    const registered = app.isPackaged
      ? app.setAsDefaultProtocolClient(protocolScheme)
      : app.setAsDefaultProtocolClient(protocolScheme, app.getExecutablePath(), [path.resolve(app.getAppPath())])
    if (!registered) this.options.log(`could not register as the handler of ${protocolScheme}:// links`)
  }

  /** The links and bundle files among a launch's arguments. */
  addFromArgv(argv: readonly string[], cwd: string): void {
    for (const request of openRequestsFromArgv(argv, { isPackaged: this.options.app.isPackaged, cwd, fileExists: this.options.fileExists })) this.add(request)
  }

  /** Requests wait for the page of this web contents; a reload or a new window waits again. */
  attach(contents: WebContentsPort): void {
    contents.on('did-finish-load', () => (this.page = 'loaded'))
    contents.on('destroyed', () => (this.page = 'none'))
  }

  /** The app's page has subscribed to 'shell.open' (`desktop.pageReady`). */
  pageIsListening(): void {
    if (this.page !== 'loaded') return
    this.page = 'listening'
    this.flush()
  }

  add(request: OpenRequest): void {
    this.pending.push(request)
    this.flush()
  }

  /** File › Open Bundle…: a native picker, then the same path as a file the OS opened. */
  async chooseBundle(): Promise<void> {
    try {
      const { canceled, filePaths } = await this.options.dialog.showOpenDialog({
        title: 'Open a Staffroom bundle',
        buttonLabel: 'Open',
        properties: ['openFile'],
        filters: [{ name: 'Staffroom bundles', extensions: [protocolScheme] }],
      })
      if (!canceled) for (const file of filePaths) this.add({ kind: 'file', path: file })
    } catch (error) {
      this.options.log(`could not show the Open dialog: ${String(error)}`)
    }
  }

  /** Settles once every request so far has been handled (for tests and for a clean quit). */
  idle(): Promise<void> {
    return this.handling
  }

  private flush(): void {
    if (this.page !== 'listening') return
    for (const request of this.pending.splice(0)) this.handling = this.handling.then(() => this.handle(request))
  }

  private async handle(request: OpenRequest): Promise<void> {
    try {
      if (request.kind === 'link') return this.openLink(request.url)
      this.options.show(await this.importBundle(request.path))
    } catch (error) {
      this.options.log(`could not open ${describeForLog(request.kind === 'link' ? request.url : request.path)}: ${String(error)}`)
    }
  }

  private openLink(url: string): void {
    const invite = inviteCodeOf(url)
    if (!invite.ok) return this.options.log(`ignored the link ${describeForLog(url)}: ${invite.reason}`)
    this.options.show({ section: 'accept-invite', code: invite.code })
  }

  private async importBundle(file: string): Promise<OpenTarget> {
    const fileName = path.basename(file)
    const refused = (message: string): OpenTarget => ({ section: 'bundle-refused', fileName, message })
    const read = await readBundleFile(file, this.options.maxBytes ?? bundleLimits.maxBytes)
    if (!read.ok) return refused(read.message)
    const result = await this.options.dispatch('bundles.import', { base64: read.bytes.toString('base64') })
    if (!result.ok) return refused(result.error.message)
    return { section: 'bundle-opened', fileName, result: result.value as BundleImportResult }
  }
}
