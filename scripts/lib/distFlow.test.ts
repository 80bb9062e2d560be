import { describe, expect, it } from 'vitest'
import {
  builderFailureMessage,
  configArches,
  distStaffroom,
  electronZipsNeeded,
  parseDistArgs,
  requiredNode,
  versionAtLeast,
  whatWorksInstead,
  type DistPlan,
  type DistSteps,
} from './distFlow.mjs'

const plan = (overrides: Partial<DistPlan> = {}): DistPlan => ({
  nodeVersion: '22.12.0',
  nodeRequired: { version: '22.12.0', declaredBy: '@electron/rebuild 4.2.1' },
  electronVersion: '45.5.0',
  zips: [{ platform: 'linux', arch: 'x64' }],
  builderArgs: ['--linux', '--publish', 'never'],
  platforms: ['linux'],
  ...overrides,
})

function steps(overrides: Partial<DistSteps> = {}) {
  const log: string[] = []
  const all: DistSteps = {
    checkElectronZip: async (zip) => (log.push(`check ${zip.platform}-${zip.arch}`), { ok: true }),
    checkIcons: async () => (log.push('check icons'), { ok: true }),
    macSigningSummary: () => 'macOS app: unsigned.',
    buildApp: async () => (log.push('build'), 0),
    runBuilder: async (args) => (log.push(`builder ${args.join(' ')}`), { code: 0, output: '' }),
    say: (line) => log.push(`say: ${line}`),
    ...overrides,
  }
  return { all, log }
}

describe('npm run dist', () => {
  it('checks, builds the app, then runs electron-builder with the arguments', async () => {
    const { all, log } = steps()
    expect(await distStaffroom(plan(), all)).toBe(0)
    expect(log).toEqual(['check linux-x64', 'check icons', 'build', 'builder --linux --publish never'])
  })

  it('builds nothing when Electron cannot be downloaded, and says what, why and what works instead in one message', async () => {
    const { all, log } = steps({
      checkElectronZip: async () => ({ ok: false, from: 'http://127.0.0.1:9/45.5.0/electron-45.5.0-linux-x64.zip', reason: 'connect ECONNREFUSED 127.0.0.1:9' }),
    })
    expect(await distStaffroom(plan(), all)).toBe(1)
    expect(log.filter((line) => line.startsWith('say: '))).toHaveLength(1)
    expect(log).not.toContain('build')
    const message = log.find((line) => line.startsWith('say: ')) ?? ''
    expect(message).toContain('nothing was built')
    expect(message).toContain('this machine cannot download Electron 45.5.0 for linux-x64 from http://127.0.0.1:9/45.5.0/electron-45.5.0-linux-x64.zip: connect ECONNREFUSED 127.0.0.1:9')
    expect(message).toContain(whatWorksInstead)
  })

  it('names every failed check in that one message: an old Node.js, each missing zip, stale icons', async () => {
    const { all, log } = steps({
      checkElectronZip: async (zip) => (zip.arch === 'arm64' ? { ok: false, from: 'https://mirror/x', reason: 'HTTPError: Response code 404' } : { ok: true }),
      checkIcons: async () => ({ ok: false, reason: 'icon.ico differs from icon-source.png' }),
    })
    const zips = [
      { platform: 'win32', arch: 'x64' },
      { platform: 'win32', arch: 'arm64' },
    ]
    expect(await distStaffroom(plan({ nodeVersion: '20.20.2', zips }), all)).toBe(1)
    const message = log.find((line) => line.startsWith('say: ')) ?? ''
    expect(message).toContain('Node.js 22.12.0 or newer is needed, and this machine runs 20.20.2: electron-builder rebuilds better-sqlite3 for Electron with @electron/rebuild 4.2.1')
    expect(message).toContain('for win32-arm64 from https://mirror/x: HTTPError: Response code 404')
    expect(message).not.toContain('win32-x64')
    expect(message).toContain('icon.ico differs from icon-source.png (run `npm run icons`)')
    expect(log).not.toContain('build')
  })

  it('says how the macOS app will be signed before a mac build', async () => {
    const { all, log } = steps()
    await distStaffroom(plan({ platforms: ['mac'] }), all)
    expect(log).toContain('say: macOS app: unsigned.')
    const { all: linuxAll, log: linuxLog } = steps()
    await distStaffroom(plan(), linuxAll)
    expect(linuxLog.some((line) => line.includes('macOS'))).toBe(false)
  })

  it('stops when the app build fails, without running electron-builder', async () => {
    const { all, log } = steps({ buildApp: async () => 2 })
    expect(await distStaffroom(plan(), all)).toBe(2)
    expect(log.some((line) => line.startsWith('builder'))).toBe(false)
    expect(log.at(-1)).toMatch(/electron-vite build\) failed .* nothing was packaged/)
  })

  it('says plainly when electron-builder itself fails', async () => {
    const output = '  • downloading url=https://github.com/electron-userland/electron-builder-binaries/releases/download/nsis-3.0.4.1/nsis-3.0.4.1.7z\n  ⨯ Get "https://github.com/...": dial tcp: lookup github.com: getaddrinfo ENOTFOUND github.com\n'
    const { all, log } = steps({ runBuilder: async () => ({ code: 1, output }) })
    expect(await distStaffroom(plan(), all)).toBe(1)
    expect(log.at(-1)).toContain('electron-builder could not download a packaging tool it needs')
    expect(log.at(-1)).toContain('The installers were not built')
  })
})

describe('reading the dist command line', () => {
  it('builds for the host platform by default, and never publishes unless asked', () => {
    expect(parseDistArgs([], 'linux')).toEqual({ platforms: ['linux'], arches: [], builderArgs: ['--publish', 'never'] })
    expect(parseDistArgs([], 'win32').platforms).toEqual(['win'])
    expect(parseDistArgs(['--publish', 'always'], 'darwin').builderArgs).toEqual(['--publish', 'always'])
    expect(parseDistArgs(['-p', 'onTagOrDraft'], 'darwin').builderArgs).toEqual(['-p', 'onTagOrDraft'])
  })

  it('reads electron-builder’s platform and arch flags and passes everything on', () => {
    const parsed = parseDistArgs(['-w', '--linux', 'deb', '--arm64', '--dir'], 'darwin')
    expect(parsed.platforms).toEqual(['win', 'linux'])
    expect(parsed.arches).toEqual(['arm64'])
    expect(parsed.builderArgs).toEqual(['-w', '--linux', 'deb', '--arm64', '--dir', '--publish', 'never'])
    expect(parseDistArgs(['--mac', '--universal'], 'linux').arches).toEqual(['x64', 'arm64'])
  })

  it('refuses a host it cannot name instead of guessing', () => {
    expect(() => parseDistArgs([], 'aix')).toThrow(/pass --win, --mac or --linux/)
    expect(parseDistArgs(['--linux'], 'aix').platforms).toEqual(['linux'])
  })

  it('needs the Electron zip of every platform and arch the targets build', () => {
    const arches = configArches({
      win: { target: [{ target: 'nsis', arch: ['x64', 'arm64'] }] },
      mac: { target: [{ target: 'dmg', arch: ['universal'] }, { target: 'zip', arch: 'x64' }] },
      linux: { target: ['AppImage'] },
    })
    expect(arches).toEqual({ win: ['x64', 'arm64'], mac: ['x64', 'arm64'], linux: [] })
    expect(electronZipsNeeded(['win', 'linux'], [], arches, 'x64')).toEqual([
      { platform: 'win32', arch: 'x64' },
      { platform: 'win32', arch: 'arm64' },
      { platform: 'linux', arch: 'x64' },
    ])
    expect(electronZipsNeeded(['mac'], ['arm64'], arches, 'x64')).toEqual([{ platform: 'darwin', arch: 'arm64' }])
  })
})

describe('the Node.js version electron-builder needs', () => {
  it('is the newest engines minimum among its packages', () => {
    const manifests = [
      { name: 'app-builder-lib', version: '26.17.0', engines: { node: '>=14.0.0' } },
      { name: '@electron/rebuild', version: '4.2.1', engines: { node: '>=22.12.0' } },
      { name: 'node-abi', version: '4.40.0', engines: { node: '>=22.12.0' } },
      { name: 'odd', version: '1.0.0', engines: { node: '^18 || >=20' } },
      { name: 'none', version: '1.0.0' },
    ]
    expect(requiredNode(manifests)).toEqual({ version: '22.12.0', declaredBy: '@electron/rebuild 4.2.1' })
    expect(requiredNode([{ name: 'none', version: '1.0.0' }])).toBeNull()
  })

  it('compares versions numerically', () => {
    expect(versionAtLeast('20.20.2', '22.12.0')).toBe(false)
    expect(versionAtLeast('22.12.0', '22.12.0')).toBe(true)
    expect(versionAtLeast('22.9.0', '22.12.0')).toBe(false)
    expect(versionAtLeast('24.1.0', '22.12.0')).toBe(true)
  })
})

describe('electron-builder failures', () => {
  it('tells a failed native rebuild from a failed tool download and from anything else', () => {
    expect(builderFailureMessage(1, '  • executing @electron/rebuild\n  ⨯ node-gyp failed to rebuild better-sqlite3\n')).toContain("could not rebuild Staffroom's native modules")
    expect(builderFailureMessage(1, '  • executing @electron/rebuild\n  • building target=AppImage\n  ⨯ cannot find valid icon\n')).toContain('electron-builder failed (exit status 1): ⨯ cannot find valid icon')
    expect(builderFailureMessage(7, '')).toContain('electron-builder failed (exit status 7). The installers were not built')
  })
})
