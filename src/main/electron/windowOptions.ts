import type { BrowserWindowConstructorOptions } from 'electron'
import type { Rectangle, WindowSizes } from './desktop/windowPlacement'

/** The main window's default and smallest sizes (a remembered place and size replace the default). */
export const mainWindowSizes: WindowSizes = { width: 1200, height: 800, minWidth: 640, minHeight: 480 }

/**
 * The main window: every web preference that matters for security is spelled out, not left to
 * defaults. `bounds` is where the window was last time (desktop/WindowStateKeeper), or the default.
 */
export function createMainWindowOptions(preloadPath: string, bounds: Partial<Rectangle> = {}): BrowserWindowConstructorOptions {
  return {
    title: 'Staffroom',
    ...mainWindowSizes,
    ...bounds,
    // Shown on 'ready-to-show', so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  }
}

/**
 * The hidden window that prints an exported page to PDF: JavaScript off, no preload, sandboxed,
 * no images (the page has none; a hostile one would load nothing). The page's own CSP forbids
 * every request as well.
 */
export function createPdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      javascript: false,
      images: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  }
}
