import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../core/testing/tempDir'
import { FakeTrackedWindow } from './testing/FakeTrackedWindow'
import { ManualTimers } from './testing/ManualTimers'
import type { Rectangle } from './windowPlacement'
import { WindowStateKeeper } from './WindowStateKeeper'

const laptop: Rectangle = { x: 0, y: 0, width: 1440, height: 875 }
const monitorOnTheRight: Rectangle = { x: 1440, y: -200, width: 2560, height: 1400 }
const sizes = { width: 1200, height: 800, minWidth: 640, minHeight: 480 }

let temp: ReturnType<typeof makeTempDir>
let file: string
let timers: ManualTimers
let logged: string[]
let workAreas: Rectangle[]

beforeEach(() => {
  temp = makeTempDir()
  file = path.join(temp.dir, 'electron', 'window-state.json')
  timers = new ManualTimers()
  logged = []
  workAreas = [laptop, monitorOnTheRight]
})
afterEach(() => temp.remove())

function keeper() {
  return new WindowStateKeeper({ file, sizes, displays: { workAreas: () => workAreas, primaryWorkArea: () => workAreas[0] ?? laptop }, log: (line) => logged.push(line), timers, saveAfterMs: 400 })
}

function saveFile(value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value))
}

function saved(): unknown {
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** A window opened where the keeper says, shown, then used. */
function opened(stateKeeper = keeper()) {
  const window = new FakeTrackedWindow(stateKeeper.bounds() as Rectangle)
  stateKeeper.manage(window)
  stateKeeper.restore()
  return window
}

describe('WindowStateKeeper', () => {
  it('opens at the default size, centred on the primary screen, the first time', () => {
    expect(keeper().bounds()).toEqual({ x: 120, y: 38, width: 1200, height: 800 })
    expect(logged).toEqual([])
  })

  it('saves the normal bounds once the window has stayed put, and at once on close', () => {
    const window = opened()
    window.moveTo({ x: 1500, y: 0, width: 1000, height: 700 })
    window.moveTo({ x: 1600, y: 10, width: 1000, height: 700 })
    expect(existsSync(file)).toBe(false)
    expect(timers.pending.map((timer) => timer.ms)).toEqual([400])
    timers.fireAll()
    expect(saved()).toEqual({ bounds: { x: 1600, y: 10, width: 1000, height: 700 }, maximized: false, fullScreen: false })

    window.normalBounds = { x: 1700, y: 20, width: 900, height: 600 }
    window.maximized = true
    window.emit('close')
    expect(saved()).toEqual({ bounds: { x: 1700, y: 20, width: 900, height: 600 }, maximized: true, fullScreen: false })
    expect(timers.pending).toEqual([])
    expect(readdirSync(path.dirname(file))).toEqual(['window-state.json'])
  })

  it('reopens where it was, maximized again, with the un-maximized size kept for later', () => {
    saveFile({ bounds: { x: 1600, y: 10, width: 1000, height: 700 }, maximized: true, fullScreen: false })
    const stateKeeper = keeper()
    expect(stateKeeper.bounds()).toEqual({ x: 1600, y: 10, width: 1000, height: 700 })
    const window = new FakeTrackedWindow({ x: 1600, y: 10, width: 1000, height: 700 })
    stateKeeper.manage(window)
    expect(window.maximized).toBe(false)
    stateKeeper.restore()
    stateKeeper.restore()
    expect(window.maximized).toBe(true)
    window.emit('close')
    expect(saved()).toEqual({ bounds: { x: 1600, y: 10, width: 1000, height: 700 }, maximized: true, fullScreen: false })
  })

  it('restores full screen', () => {
    saveFile({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: false, fullScreen: true })
    const window = opened()
    expect(window.fullScreen).toBe(true)
    expect(window.maximized).toBe(false)
  })

  it('opens at the default size, centred, when the saved place is on a monitor no longer connected', () => {
    saveFile({ bounds: { x: 1600, y: 10, width: 1000, height: 700 }, maximized: false, fullScreen: false })
    workAreas = [laptop]
    expect(keeper().bounds()).toEqual({ x: 120, y: 38, width: 1200, height: 800 })
  })

  it('keeps a window that is mostly on one screen, and drops one that is mostly off every screen', () => {
    saveFile({ bounds: { x: 1000, y: 100, width: 1000, height: 700 }, maximized: false, fullScreen: false })
    expect(keeper().bounds()).toEqual({ x: 1000, y: 100, width: 1000, height: 700 })
    saveFile({ bounds: { x: -900, y: 100, width: 1000, height: 700 }, maximized: false, fullScreen: false })
    expect(keeper().bounds()).toEqual({ x: 120, y: 38, width: 1200, height: 800 })
  })

  it('never opens below the minimum size, nor the default larger than a small screen', () => {
    saveFile({ bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false, fullScreen: false })
    expect(keeper().bounds()).toEqual({ x: 10, y: 10, width: 640, height: 480 })
    workAreas = [{ x: 0, y: 0, width: 1024, height: 700 }]
    saveFile('')
    expect(keeper().bounds()).toEqual({ x: 0, y: 0, width: 1024, height: 700 })
  })

  it.each([
    ['not JSON', '{"bounds":'],
    ['wrong types', { bounds: { x: '10', y: 10, width: 1000, height: 700 }, maximized: false, fullScreen: false }],
    ['a huge number', { bounds: { x: 1e300, y: 10, width: 1000, height: 700 }, maximized: false, fullScreen: false }],
    ['a negative size', { bounds: { x: 10, y: 10, width: -1000, height: 700 }, maximized: false, fullScreen: false }],
    ['NaN (as null in JSON)', { bounds: { x: null, y: 10, width: 1000, height: 700 }, maximized: false, fullScreen: false }],
    ['a string flag', { bounds: { x: 10, y: 10, width: 1000, height: 700 }, maximized: 'yes', fullScreen: false }],
    ['an array', [1, 2, 3]],
    ['a very large file', `{"bounds":{"x":10,"y":10,"width":1000,"height":700},"maximized":false,"fullScreen":false,"pad":"${'x'.repeat(100_000)}"}`],
  ])('ignores a saved file with %s, and says so in the log', (_what, content) => {
    saveFile(content)
    const window = opened()
    expect(window.normalBounds).toEqual({ x: 120, y: 38, width: 1200, height: 800 })
    expect(window.maximized).toBe(false)
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/^Ignoring the saved window position: /)
    window.emit('close')
    expect(saved()).toMatchObject({ bounds: { x: 120, y: 38, width: 1200, height: 800 } })
  })

  it('saves nothing for a window that was never shown (started hidden at login, then quit)', () => {
    saveFile({ bounds: { x: 1600, y: 10, width: 1000, height: 700 }, maximized: true, fullScreen: false })
    const stateKeeper = keeper()
    const window = new FakeTrackedWindow({ x: 1600, y: 10, width: 1000, height: 700 })
    stateKeeper.manage(window)
    window.moveTo({ x: 0, y: 0, width: 800, height: 600 })
    window.emit('close')
    expect(timers.pending).toEqual([])
    expect(saved()).toMatchObject({ maximized: true })
  })

  it('writes a pending change when stopped, and logs (not throws) when the file cannot be written', () => {
    const window = opened()
    window.moveTo({ x: 1500, y: 0, width: 1000, height: 700 })
    const stateKeeper = keeper()
    stateKeeper.manage(window)
    stateKeeper.restore()
    window.moveTo({ x: 1510, y: 0, width: 1000, height: 700 })
    stateKeeper.stop()
    expect(saved()).toMatchObject({ bounds: { x: 1510 } })

    const blocked = new WindowStateKeeper({ file: path.join(file, 'inside-a-file.json'), sizes, displays: { workAreas: () => workAreas, primaryWorkArea: () => laptop }, log: (line) => logged.push(line), timers })
    const other = new FakeTrackedWindow(laptop)
    blocked.manage(other)
    blocked.restore()
    expect(() => other.emit('close')).not.toThrow()
    expect(logged.at(-1)).toMatch(/^Could not save the window position: /)
  })
})
