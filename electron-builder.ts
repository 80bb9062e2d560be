import type { Configuration } from 'electron-builder'
import packageJson from './package.json'
import { macNotarizeFromEnv } from './scripts/lib/macNotarize.mjs'

/**
 * Packaging settings (electron-builder finds this file by its name; `npm run dist` runs it through
 * scripts/dist.mjs). tests/packaging/electronBuilderConfig.test.ts validates it against
 * electron-builder's own schema and checks targets, associations, fuses and asarUnpack;
 * tests/hostile/electronChecklist.test.ts checks every fuse against @electron/fuses' list.
 * Release steps: docs/RELEASING.md.
 */

export { macNotarizeFromEnv }

/** Where electron-updater looks for latest*.yml; fixed into the app at build time (DECISIONS). */
export const defaultUpdateFeedUrl = 'https://updates.staffroom.org/desktop'

export function updateFeedUrl(env: Record<string, string | undefined>): string {
  const url = env.STAFFROOM_UPDATE_URL?.trim() || defaultUpdateFeedUrl
  const protocol = URL.canParse(url) ? new URL(url).protocol : ''
  // electron-updater verifies the download's hash from the feed, so the feed itself must not be tamperable in transit.
  if (protocol !== 'https:') throw new Error(`STAFFROOM_UPDATE_URL must be an https:// URL, not "${url}"`)
  return url
}

/** The notes electron-builder copies into latest*.yml, which the app shows before updating. */
export const releaseNotesFile = `docs/release-notes/${packageJson.version}.md`

export const bundleFileAssociation = {
  ext: 'staffroom',
  name: 'Staffroom bundle',
  description: 'A Staffroom document shared as a file',
  mimeType: 'application/vnd.staffroom.bundle',
  role: 'Editor',
  rank: 'Owner',
} as const

/** Native modules of the production tree (better-sqlite3; cbor-extract under automerge-repo's cbor-x). */
export const nativeModuleUnpack = ['node_modules/better-sqlite3/**/*', 'node_modules/cbor-extract/**/*', 'node_modules/@cbor-extract/**/*']

const notarization = macNotarizeFromEnv(process.env)

const config: Configuration = {
  appId: 'org.staffroom.app',
  productName: 'Staffroom',
  copyright: 'Copyright © Staffroom contributors',
  directories: { buildResources: 'resources', output: 'dist' },
  // electron-vite's output only; production node_modules are added by electron-builder itself.
  files: ['out/**/*', 'package.json'],
  asar: true,
  // A native module cannot be loaded from inside the archive.
  asarUnpack: nativeModuleUnpack,
  // better-sqlite3 (and cbor-extract) rebuilt for the packaged Electron's ABI, per target arch,
  // from their Electron prebuilds where those exist (faster, and works across arches).
  npmRebuild: true,
  buildDependenciesFromSource: false,
  // Same cache as `npm install`'s Electron download and as scripts/dist.mjs' preflight.
  ...(process.env.electron_config_cache ? { electronDownload: { cache: process.env.electron_config_cache } } : {}),
  // The Windows taskbar overlay for due follow-ups; index.ts reads it from process.resourcesPath.
  extraResources: [
    { from: 'resources/badge-due.png', to: 'badge-due.png' },
    { from: 'resources/badge-due@2x.png', to: 'badge-due@2x.png' },
  ],
  fileAssociations: [bundleFileAssociation],
  protocols: [{ name: 'Staffroom invite', schemes: ['staffroom'], role: 'Viewer' }],
  publish: [{ provider: 'generic', url: updateFeedUrl(process.env), channel: 'latest' }],
  releaseInfo: { releaseNotesFile },
  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    icon: 'icon.ico',
  },
  nsis: {
    // Per-user: no administrator needed to install or to update, which school laptops rarely grant.
    oneClick: false,
    perMachine: false,
    selectPerMachineByDefault: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Staffroom',
    runAfterFinish: true,
    // The teacher's notes live in the user data folder: an uninstall (or a reinstall) never deletes them.
    deleteAppDataOnUninstall: false,
  },
  mac: {
    // Two dmgs rather than one universal: each half the size, and native modules rebuilt per arch
    // without lipo. zip is what electron-updater installs from on macOS (Squirrel.Mac).
    target: [
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ],
    category: 'public.app-category.education',
    icon: 'icon.icns',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'resources/entitlements.mac.plist',
    entitlementsInherit: 'resources/entitlements.mac.plist',
    // Signing identity: CSC_LINK / CSC_KEY_PASSWORD (read by electron-builder itself). Without
    // credentials the app is built unsigned / un-notarized and scripts/dist.mjs says so.
    notarize: notarization.notarize,
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Education',
    icon: 'icons',
    executableName: 'staffroom',
    synopsis: 'A local-first app for teachers’ professional learning network',
    maintainer: 'Staffroom maintainers <maintainers@staffroom.org>',
    vendor: 'Staffroom',
    desktop: { entry: { Keywords: 'teacher;school;notes;learning;network;', StartupNotify: 'true' } },
  },
  deb: {
    // Electron's own runtime needs, plus libsecret for safeStorage (the keys kept in the OS keyring).
    // The t64 alternatives are Ubuntu 24.04's names for the same libraries.
    depends: [
      'libgtk-3-0 | libgtk-3-0t64',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0 | libatspi2.0-0t64',
      'libuuid1',
      'libsecret-1-0',
      'libgbm1',
      'libasound2 | libasound2t64',
    ],
    priority: 'optional',
  },
  electronFuses: {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node.js interpreter.
    runAsNode: false,
    // NODE_OPTIONS / NODE_EXTRA_CA_CERTS and --inspect would let anyone who can start the app inject code or certificates.
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    // Only the app's own, integrity-checked app.asar is loaded (both fuses are needed for that).
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The app is served from app://; the one file:// page (the hidden PDF window) needs no extra powers.
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
  },
}

export default config
