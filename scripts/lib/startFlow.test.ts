import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronBinaryStatus } from './electronBinary.mjs'
import { fallbackSentences, startStaffroom, type StartSteps } from './startFlow.mjs'

function steps(overrides: Partial<StartSteps> & { present?: boolean[] } = {}) {
  const log: string[] = []
  const present = overrides.present ?? [true]
  let checks = 0
  const all: StartSteps = {
    binaryStatus: () => (present[Math.min(checks++, present.length - 1)] ? { present: true, executable: '/e/electron' } : { present: false }),
    downloadElectron: async () => (log.push('download'), false),
    downloadFailedRecently: () => false,
    rememberDownloadFailure: () => log.push('remember failure'),
    electronSqliteBuilt: () => true,
    buildElectronSqlite: async () => (log.push('build-sqlite'), false),
    launchElectron: async (exe) => (log.push(`electron ${exe}`), 0),
    runServe: async () => (log.push('serve'), 0),
    say: (line) => log.push(`say: ${line}`),
    ...overrides,
  }
  return { all, log }
}

describe('npm start', () => {
  it('launches Electron when the binary and its sqlite build are there', async () => {
    const { all, log } = steps()
    expect(await startStaffroom(all)).toBe(0)
    expect(log).toEqual(['electron /e/electron'])
  })

  it('tries one download, then says one sentence and serves when it fails', async () => {
    const { all, log } = steps({ present: [false] })
    await startStaffroom(all)
    expect(log).toEqual(['download', 'remember failure', `say: ${fallbackSentences.noBinary}`, 'serve'])
    expect(fallbackSentences.noBinary).toBe(
      'The Electron app cannot run here because its binary could not be downloaded; starting Staffroom in your browser instead.',
    )
  })

  it('does not wait for the download again within a day of a failure', async () => {
    const { all, log } = steps({ present: [false], downloadFailedRecently: () => true })
    await startStaffroom(all)
    expect(log).toEqual([`say: ${fallbackSentences.noBinary}`, 'serve'])
  })

  it('launches Electron when the download works', async () => {
    const { all, log } = steps({ present: [false, true] })
    await startStaffroom(all)
    expect(log).toEqual(['download', 'electron /e/electron'])
  })

  it('builds better-sqlite3 for Electron when missing, and serves if that fails', async () => {
    const { all, log } = steps({ electronSqliteBuilt: () => false })
    await startStaffroom(all)
    expect(log).toEqual(['build-sqlite', `say: ${fallbackSentences.noSqlite}`, 'serve'])
  })

  it('passes on the exit status of what it ran', async () => {
    const { all } = steps({ present: [false], runServe: async () => 3 })
    expect(await startStaffroom(all)).toBe(3)
  })
})

describe('electronBinaryStatus', () => {
  const dir = path.join('/nm', 'electron')
  const fsWith = (files: Record<string, string>) => ({
    existsSync: (file: string) => file in files,
    readFileSync: (file: string) => files[file] ?? '',
  })

  it('is absent without path.txt (the state after a blocked download)', () => {
    expect(electronBinaryStatus(dir, fsWith({}))).toEqual({ present: false })
  })

  it('is absent when path.txt names a missing executable', () => {
    expect(electronBinaryStatus(dir, fsWith({ [path.join(dir, 'path.txt')]: 'electron' }))).toEqual({ present: false })
  })

  it('finds dist/<path.txt>', () => {
    const exe = path.join(dir, 'dist', 'electron')
    expect(electronBinaryStatus(dir, fsWith({ [path.join(dir, 'path.txt')]: 'electron\n', [exe]: '' }))).toEqual({ present: true, executable: exe })
  })

  it('reports the real state of this checkout without downloading anything', () => {
    const status = electronBinaryStatus(path.resolve(import.meta.dirname, '../../node_modules/electron'))
    expect(typeof status.present).toBe('boolean')
  })
})
