import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RpcResult } from '@shared/errors'
import { makeTempDir } from '../../core/testing/tempDir'
import { DesktopIntegration, type DesktopIntegrationOptions, type DesktopWindowPort } from './DesktopIntegration'
import type { OverlayImage } from './desktopPorts'
import { FakeDesktopPorts } from './testing/FakeDesktopPorts'
import { FakeTrackedWindow } from './testing/FakeTrackedWindow'
import { ManualTimers } from './testing/ManualTimers'

class FakeDesktopWindow extends FakeTrackedWindow implements DesktopWindowPort {
  readonly overlays: Array<[OverlayImage | null, string]> = []
  setOverlayIcon(overlay: OverlayImage | null, description: string): void {
    this.overlays.push([overlay, description])
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))
const dueTwoAndOne = async (): Promise<RpcResult<unknown>> => ({ ok: true, value: { losingTouch: [], losingTouchTotal: 1, followUpsDue: [], followUpsDueTotal: 2 } })

let temp: ReturnType<typeof makeTempDir>
let ports: FakeDesktopPorts
let timers: ManualTimers
let logged: string[]

beforeEach(() => {
  temp = makeTempDir()
  ports = new FakeDesktopPorts()
  timers = new ManualTimers()
  logged = []
})
afterEach(() => temp.remove())

function integration(overrides: Partial<DesktopIntegrationOptions> = {}) {
  return new DesktopIntegration({
    ports,
    platform: 'linux',
    env: { XDG_CONFIG_HOME: path.join(temp.dir, 'config') },
    homedir: temp.dir,
    execPath: '/opt/Staffroom/staffroom',
    argv: ['/opt/Staffroom/staffroom'],
    isPackaged: true,
    electronDir: path.join(temp.dir, 'profile', 'electron'),
    windowSizes: { width: 1200, height: 800, minWidth: 640, minHeight: 480 },
    updatesSupported: true,
    log: (line) => logged.push(line),
    timers,
    ...overrides,
  })
}

describe('DesktopIntegration', () => {
  it('knows a launch by the login item: --hidden on Windows and Linux, wasOpenedAtLogin on macOS', () => {
    expect(integration().startedHidden).toBe(false)
    expect(integration({ argv: ['/opt/Staffroom/staffroom', '--hidden'] }).startedHidden).toBe(true)
    expect(integration({ platform: 'win32', argv: ['Staffroom.exe', '--hidden'] }).startedHidden).toBe(true)
    ports.loginItemSettings.wasOpenedAtLogin = true
    expect(integration({ platform: 'darwin', argv: ['Staffroom'] }).startedHidden).toBe(true)
  })

  it('keeps the window place in the profile and opens there next run, maximized as it was', () => {
    const first = integration()
    expect(first.windowBounds()).toEqual({ x: 360, y: 120, width: 1200, height: 800 })
    const window = new FakeDesktopWindow({ x: 360, y: 120, width: 1200, height: 800 })
    first.attachWindow(window)
    first.beforeShow()
    window.normalBounds = { x: 100, y: 80, width: 1000, height: 700 }
    window.maximized = true
    window.emit('close')
    expect(existsSync(path.join(temp.dir, 'profile', 'electron', 'window-state.json'))).toBe(true)

    const second = integration()
    expect(second.windowBounds()).toEqual({ x: 100, y: 80, width: 1000, height: 700 })
    const next = new FakeDesktopWindow({ x: 100, y: 80, width: 1000, height: 700 })
    second.attachWindow(next)
    expect(next.maximized).toBe(false)
    second.beforeShow()
    expect(next.maximized).toBe(true)
  })

  it('answers the desktop preferences with the XDG autostart entry on Linux, unsupported in a development build', async () => {
    const methods = integration().preferences.shellMethods()
    expect(await methods['desktop.setPreferences']({ openAtLogin: true })).toMatchObject({ ok: true, value: { openAtLogin: true, openAtLoginSupported: true } })
    expect(readFileSync(path.join(temp.dir, 'config', 'autostart', 'org.staffroom.app.desktop'), 'utf8')).toContain('Exec=/opt/Staffroom/staffroom --hidden\n')
    const dev = integration({ isPackaged: false, updatesSupported: false }).preferences.shellMethods()
    expect(await dev['desktop.preferences']({})).toEqual({ ok: true, value: { openAtLogin: false, openAtLoginSupported: false, automaticUpdateChecks: false, updatesSupported: false } })
  })

  it('puts the due count on the app icon on macOS and counts again on core events, until stopped', async () => {
    let due = dueTwoAndOne
    const desktop = integration({ platform: 'darwin', badgeIntervalMs: 60_000 })
    desktop.onCoreEvent({ event: 'index.changed', payload: { kinds: ['contacts'], ids: [] } })
    desktop.startBadge(() => due())
    await settle()
    expect(ports.badgeCounts).toEqual([3])
    due = async () => ({ ok: true, value: { losingTouch: [], losingTouchTotal: 0, followUpsDue: [], followUpsDueTotal: 0 } })
    desktop.onCoreEvent({ event: 'index.changed', payload: { kinds: ['interactions'], ids: ['x'] } })
    await settle()
    expect(ports.badgeCounts).toEqual([3, 0])
    expect(timers.pending.map((timer) => timer.ms)).toEqual([60_000])
    desktop.stop()
    expect(timers.pending).toEqual([])
  })

  it('shows the Windows overlay on the window, again when a window started hidden is first shown', async () => {
    const desktop = integration({ platform: 'win32', execPath: 'C:\\Staffroom\\Staffroom.exe', argv: ['Staffroom.exe', '--hidden'] })
    const window = new FakeDesktopWindow(desktop.windowBounds() as { x: number; y: number; width: number; height: number })
    desktop.attachWindow(window)
    desktop.startBadge(dueTwoAndOne)
    await settle()
    expect(window.overlays).toEqual([[ports.image, '2 follow-ups due and 1 contact to get back in touch with']])
    desktop.beforeShow()
    expect(window.overlays).toHaveLength(2)
    expect(ports.badgeCounts).toEqual([])
  })
})
