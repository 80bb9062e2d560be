import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronSqliteBindingPath as scriptPath, explainBuildFailure } from '../../../scripts/lib/electronSqlite.mjs'
import { chooseNativeBinding, electronSqliteBindingPath } from './nativeBinding'

describe('native binding for Electron', () => {
  it('looks where scripts/build-electron-sqlite.mjs writes', () => {
    expect(electronSqliteBindingPath('/repo', '45.5.0')).toBe(scriptPath('/repo', '45.5.0'))
    expect(electronSqliteBindingPath('/repo', '45.5.0')).toBe(path.join('/repo', 'native', 'electron-45.5.0', 'better_sqlite3.node'))
  })

  it('never points at the Node build in node_modules', () => {
    expect(electronSqliteBindingPath('/repo', '45.5.0')).not.toContain('node_modules')
  })

  it('uses the Electron build when present', () => {
    const file = electronSqliteBindingPath('/repo', '45.5.0')
    expect(chooseNativeBinding({ appRoot: '/repo', electronVersion: '45.5.0', isPackaged: false, exists: (f) => f === file })).toEqual({ ok: true, nativeBinding: file })
  })

  it('says what to run when it is missing in development', () => {
    const choice = chooseNativeBinding({ appRoot: '/repo', electronVersion: '45.5.0', isPackaged: false, exists: () => false })
    expect(choice.ok).toBe(false)
    if (!choice.ok) expect(choice.message).toContain('npm run rebuild:electron-sqlite')
  })

  it('lets a packaged app use its rebuilt node_modules', () => {
    expect(chooseNativeBinding({ appRoot: '/app.asar', electronVersion: '45.5.0', isPackaged: true, exists: () => false })).toEqual({ ok: true })
  })

  it('explains a failed headers download in one sentence', () => {
    const log = 'gyp http GET https://electronjs.org/headers/v45.5.0/node-v45.5.0-headers.tar.gz\ngyp ERR! stack is related to network connectivity.'
    expect(explainBuildFailure(log, '45.5.0')).toMatch(/^Electron 45\.5\.0's headers could not be downloaded/)
    expect(explainBuildFailure('gyp ERR! stack Error: getaddrinfo ENOTFOUND electronjs.org', '45.5.0')).toMatch(/headers could not be downloaded/)
    expect(explainBuildFailure('make: g++: error: oops', '45.5.0')).toBe('make: g++: error: oops')
  })
})
