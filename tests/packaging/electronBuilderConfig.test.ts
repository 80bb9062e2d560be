// Issue 9: the packaging configuration, read and validated the way electron-builder itself reads
// and validates it, then checked for what the installers must do (targets, the staffroom://
// protocol, .staffroom files, fuses, native modules outside the asar archive, icons, signing and
// the update feed). Nothing here runs electron-builder's build: that needs the Electron zip.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Configuration } from 'electron-builder'
import { describe, expect, it } from 'vitest'
import builderConfig, { bundleFileAssociation, defaultUpdateFeedUrl, macNotarizeFromEnv, releaseNotesFile, updateFeedUrl } from '../../electron-builder'
import { macSigningSummary } from '../../scripts/lib/macNotarize.mjs'
import { bundleExtension, bundleMimeType } from '../../src/main/core/bundles/bundleFormat'
import { inviteLinkPrefix } from '../../src/main/core/sync/inviteCode'
import { builderPatternMatcher, loadBuilderConfig, repoRoot, validateWithBuilderSchema } from './support/builderInternals'
import { nativeFiles, productionPackages } from './support/productionTree'

const loaded = await loadBuilderConfig()
const config: Configuration = loaded.result

type TargetList = Array<{ target: string; arch?: string[] }>
const targetsOf = (platform: 'win' | 'mac' | 'linux') => ((config[platform]?.target ?? []) as TargetList).map(({ target, arch }) => ({ target, arch: [...(arch ?? [])].sort() }))

describe('the packaging configuration', () => {
  it('is the one electron-builder finds, and passes electron-builder’s own schema validation', async () => {
    expect(path.relative(repoRoot, loaded.configFile ?? '')).toBe('electron-builder.ts')
    await validateWithBuilderSchema(config)
  })

  it('the schema validation used above rejects a misspelt option (so the check above can fail)', async () => {
    const broken = { ...config, nsis: { ...config.nsis, perUserInstall: true } } as Configuration
    await expect(validateWithBuilderSchema(broken)).rejects.toThrow(/configuration\.nsis/)
  })

  it('builds an NSIS installer for Windows x64 and arm64, per user, never deleting the teacher’s data', () => {
    expect(targetsOf('win')).toEqual([{ target: 'nsis', arch: ['arm64', 'x64'] }])
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      deleteAppDataOnUninstall: false,
    })
  })

  it('builds dmg (and the zip electron-updater needs) for Intel and Apple silicon Macs, hardened', () => {
    expect(targetsOf('mac')).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ])
    expect(config.mac).toMatchObject({ category: 'public.app-category.education', hardenedRuntime: true })
  })

  it('asks only for the runtime exceptions Electron’s JIT needs', () => {
    const entitlements = config.mac?.entitlements ?? ''
    expect(config.mac?.entitlementsInherit).toBe(entitlements)
    const plist = readFileSync(path.join(repoRoot, entitlements), 'utf8')
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])
    expect(keys.sort()).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.cs.allow-unsigned-executable-memory'])
  })

  it('builds AppImage and deb for Linux, in the Education category, with what Electron and safeStorage need', () => {
    expect(targetsOf('linux')).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ])
    expect(config.linux?.category).toBe('Education')
    // A deb without a maintainer is refused by electron-builder (package.json has no author).
    expect(config.linux?.maintainer).toMatch(/^[^<]+ <[^@\s]+@[^>\s]+>$/)
    expect(config.deb?.depends).toEqual(expect.arrayContaining(['libsecret-1-0', 'libnss3', 'xdg-utils', 'libnotify4']))
  })

  it('registers the staffroom:// scheme the invite links use', () => {
    expect(config.protocols).toEqual([expect.objectContaining({ name: 'Staffroom invite', schemes: ['staffroom'] })])
    const scheme = inviteLinkPrefix.slice(0, inviteLinkPrefix.indexOf('://'))
    expect((config.protocols as Array<{ schemes: string[] }>)[0]?.schemes).toContain(scheme)
  })

  it('opens .staffroom bundle files, with the extension and mime type the bundle format defines', () => {
    expect(config.fileAssociations).toEqual([bundleFileAssociation])
    expect(`.${bundleFileAssociation.ext}`).toBe(bundleExtension)
    expect(bundleFileAssociation.mimeType).toBe(bundleMimeType)
    expect(bundleFileAssociation).toMatchObject({ role: 'Editor', name: expect.any(String), description: expect.any(String) })
  })

  it('flips the fuses to their safe side', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    })
    expect(config.asar).toBe(true)
  })

  it('rebuilds native modules for Electron and unpacks every one of the production tree from the asar', () => {
    expect(config.npmRebuild).toBe(true)
    const unpacked = builderPatternMatcher(config.asarUnpack as string[])
    const native = productionPackages(repoRoot)
      .map((dir) => ({ name: path.relative(path.join(repoRoot, 'node_modules'), dir), dir, files: nativeFiles(dir) }))
      .filter(({ files }) => files.length > 0)
    // The walk must find the database module, or it found nothing at all.
    expect(native.map(({ name }) => name)).toContain('better-sqlite3')
    for (const { dir, files } of native) {
      const relative = path.relative(repoRoot, dir).split(path.sep).join('/')
      for (const file of ['package.json', ...files]) expect(unpacked(`${relative}/${file}`), `${relative}/${file} must be in app.asar.unpacked`).toBe(true)
    }
    // And the unpack patterns are not so wide that the app's own code leaves the archive.
    expect(unpacked('out/main/index.js')).toBe(false)
    expect(unpacked('node_modules/react/index.js')).toBe(false)
  })

  it('packs electron-vite’s output and package.json, and nothing from the sources, tests, docs or native builds', () => {
    const packed = builderPatternMatcher(config.files as string[])
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']) expect(packed(file), file).toBe(true)
    const devOnly = ['src/main/index.ts', 'native/better-sqlite3/build.log', 'tests/packaging/electronBuilderConfig.test.ts', 'docs/RELEASING.md', 'scripts/dist.mjs', 'bench/run.mjs', 'resources/icon-source.png', 'electron-builder.ts', '.env']
    for (const file of devOnly) expect(packed(file), file).toBe(false)
  })

  it('has every icon and resource it names', () => {
    const resources = path.join(repoRoot, config.directories?.buildResources ?? '')
    expect(path.relative(repoRoot, resources)).toBe('resources')
    const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
    const wanted = [config.win?.icon, config.mac?.icon, 'icon.png', ...sizes.map((size) => `${config.linux?.icon}/${size}x${size}.png`)]
    const missing = wanted.filter((file) => !file || !existsSync(path.join(resources, file)))
    expect(missing, 'run `npm run icons` to make them from resources/icon-source.png').toEqual([])
  })

  it('ships the due badge the Windows taskbar overlay reads from the resources folder', () => {
    const extra = (config.extraResources ?? []) as Array<{ from: string; to: string }>
    expect(extra).toEqual(expect.arrayContaining([{ from: 'resources/badge-due.png', to: 'badge-due.png' }]))
    for (const { from } of extra) expect(existsSync(path.join(repoRoot, from)), from).toBe(true)
    const shell = readFileSync(path.join(repoRoot, 'src/main/electron/index.ts'), 'utf8')
    expect(shell).toContain("path.join(process.resourcesPath, 'badge-due.png')")
  })

  it('installs its .desktop file under the name Electron gives the Linux launcher for the badge count', () => {
    // app.setBadgeCount on Linux addresses the launcher entry named by package.json's desktopName.
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { desktopName?: string }
    expect(manifest.desktopName).toBe(`${config.linux?.executableName}.desktop`)
  })

  it('publishes a generic update feed over https, with this version’s release notes in it', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: updateFeedUrl(process.env), channel: 'latest' }])
    expect(config.releaseInfo).toEqual({ releaseNotesFile })
    const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version
    expect(releaseNotesFile).toBe(`docs/release-notes/${version}.md`)
    expect(readFileSync(path.join(repoRoot, releaseNotesFile), 'utf8').trim().length, 'write the release notes before building').toBeGreaterThan(0)
  })

  it('takes the update feed from STAFFROOM_UPDATE_URL, and refuses one that is not https', () => {
    expect(updateFeedUrl({})).toBe(defaultUpdateFeedUrl)
    expect(updateFeedUrl({ STAFFROOM_UPDATE_URL: ' https://example.org/staffroom ' })).toBe('https://example.org/staffroom')
    expect(() => updateFeedUrl({ STAFFROOM_UPDATE_URL: 'http://example.org/staffroom' })).toThrow(/https/)
    expect(() => updateFeedUrl({ STAFFROOM_UPDATE_URL: 'not a url' })).toThrow(/https/)
  })
})

describe('macOS notarization from the environment', () => {
  it('is off without credentials, so such a build is un-notarized rather than failed, and says so', () => {
    expect(macNotarizeFromEnv({})).toEqual({ notarize: false, method: null, missing: [] })
    expect(macNotarizeFromEnv({ APPLE_KEYCHAIN: 'build.keychain' })).toEqual({ notarize: false, method: null, missing: [] })
    expect(macSigningSummary({})).toMatch(/unsigned unless .*CSC_LINK is not set.*not notarized/)
  })

  it('maps each of electron-builder’s three credential sets, in its order', () => {
    const appleId = { APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'pw', APPLE_TEAM_ID: 'T' }
    const apiKey = { APPLE_API_KEY: '/k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' }
    expect(macNotarizeFromEnv(appleId)).toEqual({ notarize: true, method: 'apple-id', missing: [] })
    expect(macNotarizeFromEnv(apiKey)).toEqual({ notarize: true, method: 'api-key', missing: [] })
    expect(macNotarizeFromEnv({ APPLE_KEYCHAIN_PROFILE: 'staffroom' })).toEqual({ notarize: true, method: 'keychain-profile', missing: [] })
    expect(macNotarizeFromEnv({ ...apiKey, ...appleId }).method).toBe('apple-id')
    expect(macSigningSummary({ ...apiKey, CSC_LINK: '/cert.p12' })).toBe('macOS app: signed with the certificate in CSC_LINK; notarized with api-key credentials.')
  })

  it('keeps notarization on when a set is incomplete, so electron-builder stops instead of shipping it un-notarized', () => {
    expect(macNotarizeFromEnv({ APPLE_ID: 'a@b.c', APPLE_TEAM_ID: ' ' })).toEqual({ notarize: true, method: 'apple-id', missing: ['APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] })
    expect(macSigningSummary({ APPLE_API_KEY_ID: 'K' })).toMatch(/incomplete \(api-key: APPLE_API_KEY, APPLE_API_ISSUER missing\)/)
  })

  it('is what the loaded config carries for this environment', () => {
    expect(config.mac?.notarize).toBe(macNotarizeFromEnv(process.env).notarize)
    expect(builderConfig.mac?.notarize).toBe(config.mac?.notarize)
  })
})
