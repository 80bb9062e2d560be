import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../core/testing/tempDir'
import { DesktopPreferencesStore } from './DesktopPreferencesStore'
import type { LoginItems } from './LoginItems'

/** The OS's login item, in memory; can be made to refuse. */
class FakeLoginItems implements LoginItems {
  enabled = false
  refuse: string | undefined
  constructor(readonly supported = true) {}
  async isEnabled(): Promise<boolean> {
    return this.enabled
  }
  async setEnabled(enabled: boolean): Promise<void> {
    if (this.refuse) throw new Error(this.refuse)
    this.enabled = enabled
  }
}

let temp: ReturnType<typeof makeTempDir>
let file: string
let loginItems: FakeLoginItems
let logged: string[]

beforeEach(() => {
  temp = makeTempDir()
  file = path.join(temp.dir, 'electron', 'desktop-preferences.json')
  loginItems = new FakeLoginItems()
  logged = []
})
afterEach(() => temp.remove())

function store(overrides: { updatesSupported?: boolean; loginItems?: LoginItems } = {}) {
  return new DesktopPreferencesStore({ file, loginItems: overrides.loginItems ?? loginItems, updatesSupported: overrides.updatesSupported ?? true, log: (line) => logged.push(line) })
}

function writeFile(text: string): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
}

describe('DesktopPreferencesStore', () => {
  it('starts with automatic update checks off (opt-in) and opening at login as the OS has it', async () => {
    loginItems.enabled = true
    expect(await store({ updatesSupported: false }).preferences()).toEqual({ openAtLogin: true, openAtLoginSupported: true, automaticUpdateChecks: false, updatesSupported: false })
    expect(logged).toEqual([])
  })

  it('turns update checks on in its file, tells the listener once, and the next run reads it back', async () => {
    const preferences = store()
    const heard: boolean[] = []
    preferences.onAutomaticUpdateChecksChange((on) => heard.push(on))
    expect(await preferences.setPreferences({ automaticUpdateChecks: true })).toMatchObject({ automaticUpdateChecks: true })
    await preferences.setPreferences({ automaticUpdateChecks: true })
    expect(heard).toEqual([true])
    expect(preferences.automaticUpdateChecks).toBe(true)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ automaticUpdateChecks: true })
    expect(store().automaticUpdateChecks).toBe(true)
    await preferences.setPreferences({ automaticUpdateChecks: false })
    expect(heard).toEqual([true, false])
  })

  it('stops telling a listener that unsubscribed, and survives a listener that throws', async () => {
    const preferences = store()
    const heard: boolean[] = []
    const unsubscribe = preferences.onAutomaticUpdateChecksChange((on) => heard.push(on))
    preferences.onAutomaticUpdateChecksChange(() => {
      throw new Error('updater broke')
    })
    await preferences.setPreferences({ automaticUpdateChecks: true })
    unsubscribe()
    await preferences.setPreferences({ automaticUpdateChecks: false })
    expect(heard).toEqual([true])
    expect(logged).toEqual(['A desktop preferences listener failed: updater broke', 'A desktop preferences listener failed: updater broke'])
  })

  it('writes opening at login to the OS, not the file, and reads it back from the OS', async () => {
    const preferences = store()
    expect(await preferences.setPreferences({ openAtLogin: true })).toMatchObject({ openAtLogin: true, automaticUpdateChecks: false })
    expect(loginItems.enabled).toBe(true)
    loginItems.enabled = false // the teacher turned it off in the OS settings
    expect(await preferences.preferences()).toMatchObject({ openAtLogin: false })
    expect(() => readFileSync(file)).toThrow()
  })

  it.each([['not JSON', '{"automaticUpdateChecks":'], ['a wrong type', '{"automaticUpdateChecks":"yes"}'], ['an array', '[true]']])(
    'falls back to the defaults on a file with %s, and writes it whole on the next change',
    async (_what, text) => {
      writeFile(text)
      const preferences = store()
      expect(preferences.automaticUpdateChecks).toBe(false)
      expect(logged).toHaveLength(1)
      expect(logged[0]).toMatch(/^Ignoring the desktop preferences file: /)
      await preferences.setPreferences({ openAtLogin: true })
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ automaticUpdateChecks: false })
    },
  )

  it('answers the shell methods, checking the arguments itself', async () => {
    const methods = store().shellMethods()
    expect(await methods['desktop.preferences']({})).toEqual({ ok: true, value: { openAtLogin: false, openAtLoginSupported: true, automaticUpdateChecks: false, updatesSupported: true } })
    expect(await methods['desktop.setPreferences']({ automaticUpdateChecks: true, openAtLogin: true })).toEqual({
      ok: true,
      value: { openAtLogin: true, openAtLoginSupported: true, automaticUpdateChecks: true, updatesSupported: true },
    })
    for (const hostile of [{ automaticUpdateChecks: 'true' }, { openAtLogin: 1 }, 'x', [true]]) {
      expect(await methods['desktop.setPreferences'](hostile)).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    }
    expect(await methods['desktop.setPreferences'](undefined)).toMatchObject({ ok: true })
  })

  it('refuses opening at login where it is not supported, and reports an OS refusal', async () => {
    const unsupported = store({ loginItems: new FakeLoginItems(false) }).shellMethods()
    expect(await unsupported['desktop.preferences']({})).toMatchObject({ ok: true, value: { openAtLogin: false, openAtLoginSupported: false } })
    expect(await unsupported['desktop.setPreferences']({ openAtLogin: true })).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'Opening at login is not available in this build of Staffroom.' },
    })
    loginItems.refuse = 'access denied'
    expect(await store().shellMethods()['desktop.setPreferences']({ openAtLogin: true })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Could not turn on opening at login: access denied' },
    })
    expect(logged).toEqual(['Could not change opening at login: access denied'])
  })

  it('reports a preferences file it cannot write, and keeps the old value', async () => {
    writeFile('{"automaticUpdateChecks":false}')
    const blocked = new DesktopPreferencesStore({ file: path.join(file, 'inside-a-file.json'), loginItems, updatesSupported: true, log: (line) => logged.push(line) })
    const heard: boolean[] = []
    blocked.onAutomaticUpdateChecksChange((on) => heard.push(on))
    expect(await blocked.shellMethods()['desktop.setPreferences']({ automaticUpdateChecks: true })).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(blocked.automaticUpdateChecks).toBe(false)
    expect(heard).toEqual([])
  })

  it('says opening at login is off when the OS cannot be asked', async () => {
    loginItems.isEnabled = async () => {
      throw new Error('registry unavailable')
    }
    expect(await store().preferences()).toMatchObject({ openAtLogin: false })
    expect(logged).toEqual(['Could not ask the OS whether Staffroom opens at login: registry unavailable'])
  })
})
