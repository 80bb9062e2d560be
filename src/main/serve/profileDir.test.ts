import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultProfileDir } from './profileDir'

describe('defaultProfileDir', () => {
  it('prefers STAFFROOM_DATA_DIR on every platform, made absolute', () => {
    const env = { STAFFROOM_DATA_DIR: 'rel/profile', APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }
    expect(defaultProfileDir({ env, platform: 'linux', homedir: '/home/a' })).toBe(path.resolve('rel/profile'))
    expect(defaultProfileDir({ env, platform: 'win32', homedir: 'C:\\Users\\a' })).toBe(path.resolve('rel/profile'))
  })

  it('uses ~/.config/Staffroom on Linux, or XDG_CONFIG_HOME when it is absolute', () => {
    expect(defaultProfileDir({ env: {}, platform: 'linux', homedir: '/home/a' })).toBe('/home/a/.config/Staffroom')
    expect(defaultProfileDir({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', homedir: '/home/a' })).toBe('/xdg/Staffroom')
    // The XDG spec says a relative value is invalid and must be ignored.
    expect(defaultProfileDir({ env: { XDG_CONFIG_HOME: 'xdg' }, platform: 'linux', homedir: '/home/a' })).toBe('/home/a/.config/Staffroom')
  })

  it('uses Application Support on macOS', () => {
    expect(defaultProfileDir({ env: {}, platform: 'darwin', homedir: '/Users/a' })).toBe('/Users/a/Library/Application Support/Staffroom')
  })

  it('uses %APPDATA% on Windows, or its usual place when unset', () => {
    expect(defaultProfileDir({ env: { APPDATA: 'D:\\Roaming' }, platform: 'win32', homedir: 'C:\\Users\\a' })).toBe('D:\\Roaming\\Staffroom')
    expect(defaultProfileDir({ env: {}, platform: 'win32', homedir: 'C:\\Users\\a' })).toBe('C:\\Users\\a\\AppData\\Roaming\\Staffroom')
  })
})
