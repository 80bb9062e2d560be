// What `npm run dist` does, as functions over injected steps so its decisions are testable:
// check what the build needs first, then build the app, then let electron-builder package it.

export const whatWorksInstead =
  'What works on this machine instead: `npm start` (the Electron app where its binary can be installed, otherwise Staffroom in your browser) and `npm run serve` (Staffroom in your browser).'

const platformFlags = new Map([
  ['--win', 'win'],
  ['--windows', 'win'],
  ['-w', 'win'],
  ['--mac', 'mac'],
  ['--macos', 'mac'],
  ['-m', 'mac'],
  ['-o', 'mac'],
  ['--linux', 'linux'],
  ['-l', 'linux'],
])
const archFlags = new Map([
  ['--x64', ['x64']],
  ['--ia32', ['ia32']],
  ['--armv7l', ['armv7l']],
  ['--arm64', ['arm64']],
  // A universal mac app is made from both builds, so both zips are needed.
  ['--universal', ['x64', 'arm64']],
])
const hostPlatforms = { win32: 'win', darwin: 'mac', linux: 'linux' }
/** electron-builder's platform key → the platform name in Electron's zip file names. */
export const electronPlatformName = { win: 'win32', mac: 'darwin', linux: 'linux' }

/**
 * Reads electron-builder's command line as far as the preflight needs it; every argument is passed on.
 * @param {string[]} args
 * @param {string} hostPlatform process.platform
 */
export function parseDistArgs(args, hostPlatform) {
  const platforms = [...new Set(args.flatMap((arg) => (platformFlags.has(arg) ? [platformFlags.get(arg)] : [])))]
  const arches = [...new Set(args.flatMap((arg) => archFlags.get(arg) ?? []))]
  const publishAsked = args.some((arg) => arg === '--publish' || arg === '-p' || arg.startsWith('--publish='))
  const host = hostPlatforms[hostPlatform]
  if (platforms.length === 0 && !host) throw new Error(`npm run dist does not know how to build on ${hostPlatform}; pass --win, --mac or --linux`)
  return {
    platforms: platforms.length > 0 ? platforms : [host],
    arches,
    builderArgs: publishAsked ? [...args] : [...args, '--publish', 'never'],
  }
}

/**
 * The Electron zips electron-builder will need: each platform's arches from the command line, or else
 * from its targets in the config (`configArches.win` = every arch its targets name).
 * @returns {Array<{ platform: string, arch: string }>} with Electron's platform names (win32, darwin, linux)
 */
export function electronZipsNeeded(platforms, explicitArches, configArches, hostArch) {
  const needed = []
  for (const platform of platforms) {
    const arches = explicitArches.length > 0 ? explicitArches : configArches[platform]?.length ? configArches[platform] : [hostArch]
    for (const arch of arches) needed.push({ platform: electronPlatformName[platform], arch })
  }
  return needed
}

/** The arches each platform's targets ask for, from an electron-builder config. */
export function configArches(config) {
  const result = {}
  for (const platform of ['win', 'mac', 'linux']) {
    const targets = config[platform]?.target
    const list = Array.isArray(targets) ? targets : targets ? [targets] : []
    const arches = list.flatMap((target) => (typeof target === 'object' && target?.arch ? [].concat(target.arch) : []))
    result[platform] = [...new Set(arches.flatMap((arch) => (arch === 'universal' ? ['x64', 'arm64'] : [arch])))]
  }
  return result
}

const parseVersion = (text) => (/(\d+)\.(\d+)\.(\d+)/.exec(text) ?? []).slice(1).map(Number)

/** a >= b for x.y.z versions. */
export function versionAtLeast(a, b) {
  const [x, y] = [parseVersion(a), parseVersion(b)]
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0)
  return true
}

/**
 * The newest Node.js minimum among packages' `engines.node` (">=22.12.0" style), with who declares it.
 * @param {Array<{ name: string, version: string, engines?: { node?: string } }>} manifests
 * @returns {{ version: string, declaredBy: string } | null}
 */
export function requiredNode(manifests) {
  let found = null
  for (const manifest of manifests) {
    const minimum = /^\s*>=?\s*v?(\d+\.\d+\.\d+)\s*$/.exec(manifest.engines?.node ?? '')?.[1]
    if (minimum && (!found || !versionAtLeast(found.version, minimum))) found = { version: minimum, declaredBy: `${manifest.name} ${manifest.version}` }
  }
  return found
}

const networkError = /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|EHOSTUNREACH|ENETUNREACH|socket hang up|getaddrinfo|status code [45]\d\d|HttpError|HTTPError/i
const toolDownload = /electron-builder-binaries|makensis|nsis|appimage|appimagetool|squashfs|fpm|wine|winCodeSign|dmg-builder|rcedit/i
const nativeRebuild = /@electron\/rebuild|node-gyp|prebuild-install|better-sqlite3|better_sqlite3|cbor-extract/i

/** One sentence for an electron-builder run that failed, from its output (its errors are marked ⨯). */
export function builderFailureMessage(code, output) {
  const lines = output.split('\n')
  const errors = lines.filter((line) => /⨯|\berror\b|\bfailed\b|\bcannot\b/i.test(line))
  const text = errors.join('\n')
  // What electron-builder was downloading shows on its progress lines just before the error.
  const recent = lines.slice(-30).join('\n')
  const errorLine = errors.at(-1)?.trim() ?? ''
  let what
  if (networkError.test(text) && toolDownload.test(recent)) {
    what =
      'electron-builder could not download a packaging tool it needs for this target (makensis for Windows, appimagetool/fpm for Linux, dmg tools for macOS; from the electron-builder-binaries releases on GitHub, or ELECTRON_BUILDER_BINARIES_MIRROR)'
  } else if (nativeRebuild.test(text)) {
    what = "electron-builder could not rebuild Staffroom's native modules (better-sqlite3) for the packaged Electron (it needs Electron's headers or a prebuilt binary from the network, or a C++ toolchain)"
  } else if (networkError.test(text)) {
    what = 'electron-builder could not download something it needs'
  } else {
    what = `electron-builder failed (exit status ${code})`
  }
  return `npm run dist: ${what}${errorLine ? `: ${errorLine}` : ''}. The installers were not built (see electron-builder's output above; dist/ may hold partial output). ${whatWorksInstead}`
}

/**
 * @param {{
 *   nodeVersion: string,
 *   nodeRequired: { version: string, declaredBy: string } | null,
 *   electronVersion: string,
 *   zips: Array<{ platform: string, arch: string }>,
 *   builderArgs: string[],
 *   platforms: string[],
 * }} plan
 * @param {{
 *   checkElectronZip(zip: { platform: string, arch: string }): Promise<{ ok: true } | { ok: false, from: string, reason: string }>,
 *   checkIcons(): Promise<{ ok: true } | { ok: false, reason: string }>,
 *   macSigningSummary(): string,
 *   buildApp(): Promise<number>,
 *   runBuilder(args: string[]): Promise<{ code: number, output: string }>,
 *   say(line: string): void,
 * }} steps
 * @returns {Promise<number>} the exit status
 */
export async function distStaffroom(plan, steps) {
  const problems = []
  if (plan.nodeRequired && !versionAtLeast(plan.nodeVersion, plan.nodeRequired.version)) {
    problems.push(
      `Node.js ${plan.nodeRequired.version} or newer is needed, and this machine runs ${plan.nodeVersion}: electron-builder rebuilds better-sqlite3 for Electron with ${plan.nodeRequired.declaredBy}, which requires Node.js >=${plan.nodeRequired.version}.`,
    )
  }
  // The checks are independent (network, disk), so they run together.
  const [zips, icons] = await Promise.all([Promise.all(plan.zips.map((zip) => steps.checkElectronZip(zip).then((result) => ({ zip, result })))), steps.checkIcons()])
  for (const { zip, result } of zips) {
    if (!result.ok) problems.push(`this machine cannot download Electron ${plan.electronVersion} for ${zip.platform}-${zip.arch} from ${result.from}: ${result.reason}`)
  }
  if (!icons.ok) problems.push(`the icons in resources/ are not up to date: ${icons.reason} (run \`npm run icons\`).`)
  if (problems.length > 0) {
    steps.say(`npm run dist: nothing was built, because this machine cannot build Staffroom's installers:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\n${whatWorksInstead}`)
    return 1
  }
  if (plan.platforms.includes('mac')) steps.say(steps.macSigningSummary())
  const buildCode = await steps.buildApp()
  if (buildCode !== 0) {
    steps.say(`npm run dist: the app's own build (electron-vite build) failed (see above), so nothing was packaged. ${whatWorksInstead}`)
    return buildCode || 1
  }
  const builder = await steps.runBuilder(plan.builderArgs)
  if (builder.code !== 0) {
    steps.say(builderFailureMessage(builder.code, builder.output))
    return builder.code || 1
  }
  return 0
}
