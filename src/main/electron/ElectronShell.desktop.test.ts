import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ManualTimers } from './desktop/testing/ManualTimers'
import { FakeElectron } from './testing/FakeElectron'
import { ShellRig } from './testing/ShellRig'
import { FakeUpdater, updateInfo } from './updates/testing/FakeUpdater'

const exe = '/repo/node_modules/electron/dist/electron'
const overview = (due: number) => ({ losingTouch: [], losingTouchTotal: due, followUpsDue: [], followUpsDueTotal: 0 })

let rig: ShellRig
let updater: FakeUpdater
beforeEach(() => {
  rig = new ShellRig()
  updater = new FakeUpdater()
})
afterEach(() => rig.cleanup())

/** A packaged app on Windows: login items and updates are supported there, with fakes at the ports. */
function packaged() {
  ;(rig.electron.app as { isPackaged: boolean }).isPackaged = true
  return { platform: 'win32' as const, createUpdater: () => updater }
}

describe('Electron shell: desktop preferences and opening at login', () => {
  it('answers desktop.preferences itself; a development build supports neither login items nor updates', async () => {
    const { window } = await rig.start({ createUpdater: () => expect.fail('no updater in a development build') })
    expect(await rig.invoke(window, 'desktop.preferences')).toEqual({
      ok: true,
      value: { openAtLogin: false, openAtLoginSupported: false, automaticUpdateChecks: false, updatesSupported: false },
    })
    expect(await rig.invoke(window, 'updates.status')).toMatchObject({ ok: true, value: { state: 'unsupported' } })
    expect(rig.core.calls.map((call) => call.method)).not.toContain('desktop.preferences')
  })

  it('turns opening at login on in the OS (starting hidden) and keeps the update opt-in for the next start', async () => {
    const { window, shell } = await rig.start(packaged())
    expect(await rig.invoke(window, 'desktop.setPreferences', { openAtLogin: true, automaticUpdateChecks: true })).toEqual({
      ok: true,
      value: { openAtLogin: true, openAtLoginSupported: true, automaticUpdateChecks: true, updatesSupported: true },
    })
    expect(rig.electron.desktop.loginItemSettings.registered).toEqual({ path: exe, args: ['--hidden'] })
    expect(await rig.invoke(window, 'desktop.setPreferences', { openAtLogin: 'yes' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    await shell.stop()

    const again = await rig.start(packaged())
    expect(await rig.invoke(again.window, 'desktop.preferences')).toMatchObject({ ok: true, value: { openAtLogin: true, automaticUpdateChecks: true } })
  })

  it('keeps the window hidden when the login item started the app, and shows it on the next launch or Dock click', async () => {
    const { window } = await rig.start({ argv: [exe, '/repo', '--hidden'] })
    if (!window) throw new Error('no window')
    window.emit('ready-to-show')
    expect(window.shown).toBe(0)
    rig.electron.emitSecondInstance([exe, '/repo', '--hidden'])
    expect(window.shown).toBe(0)
    rig.electron.emitSecondInstance([exe, '/repo'])
    expect(window.shown).toBe(1)
    rig.electron.emitApp('activate')
    expect(window.shown).toBe(2)
  })
})

describe('Electron shell: window place and size', () => {
  it('opens the window where it was closed last time', async () => {
    const first = await rig.start()
    if (!first.window) throw new Error('no window')
    expect(first.window.options).toMatchObject({ width: 1200, height: 800, minWidth: 640, minHeight: 480 })
    first.window.emit('ready-to-show')
    first.window.moveTo({ x: 100, y: 120, width: 1000, height: 700 })
    first.window.close()
    await first.shell.stop()

    rig.electron = new FakeElectron()
    const second = await rig.start()
    expect(second.window?.options).toMatchObject({ x: 100, y: 120, width: 1000, height: 700, show: false, webPreferences: { sandbox: true, contextIsolation: true } })
  })

  it('opens maximized if it was, once shown', async () => {
    const first = await rig.start()
    first.window?.emit('ready-to-show')
    first.window?.maximize()
    first.window?.close()
    await first.shell.stop()

    rig.electron = new FakeElectron()
    const { window } = await rig.start()
    expect(window?.maximized).toBe(false)
    window?.emit('ready-to-show')
    expect(window).toMatchObject({ maximized: true, shown: 1 })
  })
})

describe('Electron shell: updates', () => {
  it('sends every update status to the page, and refuses to restart before a version is downloaded', async () => {
    const { window } = await rig.start(packaged())
    expect(await rig.invoke(window, 'updates.restartAndInstall')).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    const checking = rig.invoke(window, 'updates.check')
    updater.answerNewVersion(updateInfo('1.1.0', { releaseNotes: '<p>New <b>term</b> planner</p>' }))
    expect(await checking).toMatchObject({ ok: true, value: { state: 'available', version: '1.1.0' } })
    expect(rig.pageEvents(window, 'updates.status').map(([, status]) => (status as { state: string }).state)).toEqual(['checking', 'available'])
    expect(JSON.stringify(rig.pageEvents(window, 'updates.status'))).not.toContain('<b>')

    expect(await rig.invoke(window, 'updates.download')).toMatchObject({ ok: true, value: { state: 'downloading' } })
    expect(await rig.invoke(window, 'updates.restartAndInstall')).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(updater.installs).toBe(0)
    expect(rig.core.shutdownCalls).toBe(0)
  })

  it('restarts only when asked, after the core has been flushed and closed, and lets the updater’s quit through', async () => {
    const { window } = await rig.start(packaged())
    const checking = rig.invoke(window, 'updates.check')
    updater.answerNewVersion(updateInfo('1.1.0'))
    await checking
    await rig.invoke(window, 'updates.download')
    updater.finishDownload()
    await vi.waitFor(() => expect(rig.pageEvents(window, 'updates.status').at(-1)?.[1]).toMatchObject({ state: 'downloaded' }))
    expect(updater.installs).toBe(0)

    let shutdownsAtInstall = -1
    updater.quitAndInstall = () => {
      shutdownsAtInstall = rig.core.shutdownCalls
      updater.installs++
    }
    expect(await rig.invoke(window, 'updates.restartAndInstall')).toEqual({ ok: true, value: { restarting: true } })
    expect(shutdownsAtInstall).toBe(1)
    // The quit quitAndInstall starts is not held up by the shell.
    expect(rig.electron.emitApp('before-quit')).toBe(false)
  })

  it('checks on its own only once the teacher opts in', async () => {
    const timers = new ManualTimers()
    const { window } = await rig.start({ ...packaged(), updates: { timers, firstCheckAfterMs: 1 } })
    expect(timers.pending).toHaveLength(0)
    await rig.invoke(window, 'desktop.setPreferences', { automaticUpdateChecks: true })
    expect(timers.pending).toHaveLength(1)
    timers.fireAll()
    expect(updater.checks).toBe(1)
  })
})

describe('Electron shell: due badge', () => {
  it('counts what is due at start and again when contacts change, on the dock or launcher icon', async () => {
    let due = 2
    // A getter: the core answers with what is due at the time it is asked.
    await rig.start({ openCore: rig.coreAnswering({ get 'keepingInTouch.overview'() { return overview(due) } }) })
    await vi.waitFor(() => expect(rig.electron.desktop.badgeCounts).toEqual([2]))
    due = 3
    rig.core.emit({ event: 'index.changed', payload: { kinds: ['notes'], ids: ['n'] } })
    rig.core.emit({ event: 'index.changed', payload: { kinds: ['contacts'], ids: ['c'] } })
    await vi.waitFor(() => expect(rig.electron.desktop.badgeCounts).toEqual([2, 3]))
  })

  it('puts an overlay on the Windows taskbar button instead', async () => {
    const { window } = await rig.start({ platform: 'win32', openCore: rig.coreAnswering({ 'keepingInTouch.overview': overview(4) }) })
    await vi.waitFor(() => expect(window?.overlays).toHaveLength(1))
    expect(window?.overlays[0]).toEqual([rig.electron.desktop.image, expect.stringContaining('4')])
  })
})
