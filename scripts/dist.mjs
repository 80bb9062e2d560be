#!/usr/bin/env node
// `npm run dist`: the installers, through electron-builder (electron-builder.ts), after checking
// that this machine can build them at all. Arguments go to electron-builder (npm run dist -- --win
// --arm64); `--publish never` unless the caller asks to publish. docs/RELEASING.md says what each
// target needs.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { configArches, distStaffroom, electronZipsNeeded, parseDistArgs, requiredNode } from './lib/distFlow.mjs'
import { macSigningSummary } from './lib/macNotarize.mjs'
import { runBounded, runForeground } from './lib/runProcess.mjs'

const root = path.resolve(import.meta.dirname, '..')
const builderLib = path.join(root, 'node_modules', 'app-builder-lib')
// electron-builder's own copies of its dependencies, as it resolves them.
const requireFromBuilder = createRequire(path.join(builderLib, 'package.json'))
const readManifest = (dir) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))
const electronVersion = readManifest(path.join(root, 'node_modules', 'electron')).version
const iconsScript = path.join(root, 'scripts', 'icons', 'make-icons.mjs')
// A stalled connection fails the check within a minute; a slow but moving download may take its time.
const downloadTimeouts = { lookup: 15_000, connect: 15_000, socket: 60_000 }
const downloadCeilingMs = 20 * 60_000
const iconsTimeoutMs = 120_000

/** Node's lookup of a package directory from a directory, without loading it. */
function packageDir(fromDir, name) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name)
    if (existsSync(path.join(candidate, 'package.json'))) return candidate
    if (dir === root || dir === path.dirname(dir)) return null
  }
}

/** The packages electron-builder runs while packaging, whose `engines.node` bound the Node version. */
function builderManifests() {
  const rebuild = packageDir(builderLib, '@electron/rebuild')
  const dirs = [path.join(root, 'node_modules', 'electron-builder'), builderLib, rebuild, rebuild && packageDir(rebuild, 'node-abi'), packageDir(builderLib, '@electron/get')]
  return dirs.filter(Boolean).map(readManifest)
}

async function loadBuilderConfig() {
  const { loadConfig } = requireFromBuilder('./out/util/config/load')
  return (await loadConfig({ packageKey: 'build', configFilename: 'electron-builder', projectDir: root, packageMetadata: null }))?.result ?? {}
}

/** The zip through the same @electron/get electron-builder uses, so a success leaves it in the cache the build reads. */
async function checkElectronZip({ platform, arch }) {
  const get = requireFromBuilder('@electron/get')
  const { getArtifactRemoteURL } = requireFromBuilder('@electron/get/dist/cjs/artifact-utils')
  const details = {
    version: electronVersion,
    platform,
    arch,
    artifactName: 'electron',
    cacheRoot: process.env.electron_config_cache || undefined,
    downloadOptions: { timeout: downloadTimeouts, retry: { limit: 1 } },
  }
  const from = await getArtifactRemoteURL(details)
  process.stdout.write(`Checking Electron ${electronVersion} for ${platform}-${arch} (${from}; from the cache if it is there)…\n`)
  let timer
  const ceiling = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no complete download within ${downloadCeilingMs / 60_000} minutes`)), downloadCeilingMs)
  })
  try {
    await Promise.race([get.downloadArtifact(details), ceiling])
    return { ok: true }
  } catch (error) {
    return { ok: false, from, reason: error instanceof Error ? error.message.split('\n')[0] : String(error) }
  } finally {
    clearTimeout(timer)
  }
}

async function checkIcons() {
  if (!existsSync(iconsScript)) return { ok: false, reason: 'scripts/icons/make-icons.mjs, which makes them, is missing' }
  const result = await runBounded(process.execPath, [iconsScript, '--check'], { cwd: root, timeoutMs: iconsTimeoutMs })
  if (result.code === 0) return { ok: true }
  const detail = result.timedOut ? `the check did not finish within ${iconsTimeoutMs / 1000} s` : result.output.trim().split('\n').slice(-3).join(' ')
  return { ok: false, reason: detail || `the check exited with status ${result.code}` }
}

/** electron-builder in the foreground, its output shown as it comes and its end kept for the failure message. */
function runBuilder(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules', 'electron-builder', 'cli.js'), ...args], { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] })
    let output = ''
    const keep = (stream) => (chunk) => {
      stream.write(chunk)
      output = (output + chunk.toString()).slice(-200_000)
    }
    child.stdout.on('data', keep(process.stdout))
    child.stderr.on('data', keep(process.stderr))
    const forward = (signal) => () => child.kill(signal)
    process.on('SIGINT', forward('SIGINT'))
    process.on('SIGTERM', forward('SIGTERM'))
    child.on('error', (error) => resolve({ code: 1, output: output + String(error) }))
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }))
  })
}

let request
try {
  request = parseDistArgs(process.argv.slice(2), process.platform)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
let config
try {
  config = await loadBuilderConfig()
} catch (error) {
  process.stderr.write(`npm run dist: nothing was built, because electron-builder.ts could not be read: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
const exitCode = await distStaffroom(
  {
    nodeVersion: process.versions.node,
    nodeRequired: requiredNode(builderManifests()),
    electronVersion,
    zips: electronZipsNeeded(request.platforms, request.arches, configArches(config), process.arch),
    builderArgs: request.builderArgs,
    platforms: request.platforms,
  },
  {
    checkElectronZip,
    checkIcons,
    macSigningSummary: () => macSigningSummary(process.env),
    buildApp: () => runForeground(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root }),
    runBuilder,
    say: (line) => process.stderr.write(`${line}\n`),
  },
)
process.exit(exitCode)
