import { mayOpenExternally } from '@shared/links'
import type { AppOrigin } from './AppOrigin'
import type { ShellPort, WebContentsPort } from './ports'

export type ShellLog = (message: string) => void

/**
 * Keeps a web contents on the app: navigation away is prevented, window.open is always denied,
 * and links to https:// or mailto: go to the OS instead; everything else is refused and logged.
 * Applied to every web contents the app creates, not only the main window.
 */
export function guardWebContents(contents: WebContentsPort, appOrigin: AppOrigin, shell: ShellPort, log: ShellLog): void {
  const leave = (url: string) => {
    // The OS gets the parser's serialisation, never the page's raw string: the URL parser drops
    // leading spaces and control characters and escapes quotes, which an OS handler could otherwise
    // read as a file path or as more than one argument. The rule is checked on what is handed over.
    const href = URL.canParse(url) ? new URL(url).href : undefined
    if (href === undefined || !mayOpenExternally(href)) return log(`Refused to open ${truncate(url)}`)
    void shell.openExternal(href).catch((error: unknown) => log(`Could not open ${truncate(href)}: ${String(error)}`))
  }
  const stayOnApp = (event: { preventDefault(): void }, url: string) => {
    if (appOrigin.isOwnUrl(url)) return
    event.preventDefault()
    leave(url)
  }
  contents.on('will-navigate', stayOnApp)
  contents.on('will-redirect', stayOnApp)
  contents.setWindowOpenHandler(({ url }) => {
    leave(url)
    return { action: 'deny' }
  })
  // <webview> is disabled in webPreferences; this also refuses one that a compromised page builds.
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

function truncate(url: string): string {
  return url.length > 200 ? url.slice(0, 200) + '…' : url
}
