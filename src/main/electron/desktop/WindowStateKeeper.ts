import { readJsonFile, writeJsonFileAtomic } from './jsonFile'
import { unrefTimers, type DesktopTimers } from './timers'
import { chooseBounds, parseWindowState, type Rectangle, type SavedWindowState, type WindowSizes } from './windowPlacement'

/** Electron's screen module, as far as placing a window needs it. */
export interface DisplaysPort {
  /** The work area (screen minus taskbar, dock and menu bar) of every display connected now. */
  workAreas(): Rectangle[]
  primaryWorkArea(): Rectangle
}

export type TrackedWindowEvent = 'resize' | 'move' | 'maximize' | 'unmaximize' | 'enter-full-screen' | 'leave-full-screen' | 'close'

/** The BrowserWindow calls the keeper makes. */
export interface TrackedWindowPort {
  /** The bounds in the normal state, whether the window is maximized, minimized or full screen now. */
  getNormalBounds(): Rectangle
  isMaximized(): boolean
  isFullScreen(): boolean
  maximize(): void
  setFullScreen(flag: boolean): void
  isDestroyed(): boolean
  on(event: TrackedWindowEvent, listener: () => void): void
}

export interface WindowStateKeeperOptions {
  /** <profile>/electron/window-state.json */
  file: string
  /** The default and minimum sizes (createMainWindowOptions). */
  sizes: WindowSizes
  displays: DisplaysPort
  log(message: string): void
  timers?: DesktopTimers
  /** Moving or resizing saves once the window has stayed put this long. */
  saveAfterMs?: number
}

const stateChanges: TrackedWindowEvent[] = ['resize', 'move', 'maximize', 'unmaximize', 'enter-full-screen', 'leave-full-screen']

/**
 * Remembers where the main window was, how big, and whether it was maximized or full screen, and
 * opens it there next time, unless that place is no longer on any screen (a monitor was
 * unplugged): then it opens at the default size, centred. The file is outside our control, so a
 * damaged one is ignored (and logged), never trusted.
 */
export class WindowStateKeeper {
  private readonly saved: SavedWindowState | undefined
  private readonly timers: DesktopTimers
  private window: TrackedWindowPort | undefined
  private pending: unknown
  private restored = false
  private lastWritten = ''

  constructor(private readonly options: WindowStateKeeperOptions) {
    this.timers = options.timers ?? unrefTimers
    this.saved = this.load()
  }

  /** x, y, width and height for the BrowserWindow options (spread over createMainWindowOptions). */
  bounds(): Pick<Rectangle, 'width' | 'height'> & Partial<Pick<Rectangle, 'x' | 'y'>> {
    const { displays, sizes } = this.options
    try {
      return chooseBounds(this.saved, sizes, displays.workAreas(), displays.primaryWorkArea())
    } catch (error) {
      this.options.log(`Could not read the screen layout, opening the window at its default size: ${String(error)}`)
      // Without x and y Electron centres the window itself.
      return { width: sizes.width, height: sizes.height }
    }
  }

  /** Follows the window's moves and resizes from now on. */
  manage(window: TrackedWindowPort): void {
    this.window = window
    for (const event of stateChanges) window.on(event, () => this.saveSoon())
    window.on('close', () => this.saveNow())
  }

  /**
   * Maximizes (or makes full screen) as it was last time. Call just before the window is first
   * shown: on Windows maximize() shows a hidden window, which a launch at login must not do.
   * Only once; until then nothing is saved (an unseen window must not overwrite the saved state).
   */
  restore(): void {
    const window = this.window
    if (this.restored || !window || window.isDestroyed()) return
    this.restored = true
    if (this.saved?.fullScreen) window.setFullScreen(true)
    else if (this.saved?.maximized) window.maximize()
  }

  /** Saves a pending change now and stops following the window. */
  stop(): void {
    if (this.pending !== undefined) this.saveNow()
    this.window = undefined
  }

  private load(): SavedWindowState | undefined {
    const read = readJsonFile(this.options.file)
    if (read.kind === 'missing') return undefined
    if (read.kind === 'unreadable') {
      this.options.log(`Ignoring the saved window position: ${read.reason}`)
      return undefined
    }
    const parsed = parseWindowState(read.value)
    if (!parsed.ok) this.options.log(`Ignoring the saved window position: ${parsed.reason}`)
    return parsed.ok ? parsed.state : undefined
  }

  private saveSoon(): void {
    if (!this.restored) return
    if (this.pending !== undefined) this.timers.clearTimeout(this.pending)
    this.pending = this.timers.setTimeout(() => this.saveNow(), this.options.saveAfterMs ?? 500)
  }

  private saveNow(): void {
    if (this.pending !== undefined) this.timers.clearTimeout(this.pending)
    this.pending = undefined
    const window = this.window
    if (!this.restored || !window || window.isDestroyed()) return
    try {
      const state: SavedWindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized(), fullScreen: window.isFullScreen() }
      const text = JSON.stringify(state)
      if (text === this.lastWritten) return
      writeJsonFileAtomic(this.options.file, state)
      this.lastWritten = text
    } catch (error) {
      this.options.log(`Could not save the window position: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}
