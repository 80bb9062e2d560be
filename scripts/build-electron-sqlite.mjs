#!/usr/bin/env node
// `npm run rebuild:electron-sqlite`: builds better-sqlite3 for Electron's ABI into
// native/electron-<version>/better_sqlite3.node, beside (never over) the Node build in
// node_modules/better-sqlite3/build, which tests and `serve` keep using. The Electron shell passes
// the result to better-sqlite3 as `nativeBinding`. Needs Electron's headers from the internet.
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { electronSqliteBindingPath, electronSqliteDir, explainBuildFailure } from './lib/electronSqlite.mjs'
import { runBounded } from './lib/runProcess.mjs'

const root = path.resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const sqliteSource = path.join(root, 'node_modules', 'better-sqlite3')
const nodeBuild = path.join(sqliteSource, 'build', 'Release', 'better_sqlite3.node')
const outDir = electronSqliteDir(root, electronVersion)
const target = electronSqliteBindingPath(root, electronVersion)
const workDir = path.join(root, 'native', `.build-electron-${electronVersion}`)
const logFile = path.join(outDir, 'build.log')

function fail(reason) {
  rmSync(workDir, { recursive: true, force: true })
  process.stderr.write(`staffroom: could not build better-sqlite3 for Electron ${electronVersion}: ${reason} (log: ${path.relative(root, logFile)}); the Node build is untouched.\n`)
  process.exit(1)
}

function fingerprint(file) {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'missing'
}

/** npm tells its scripts where its own node-gyp is; otherwise look for an installed one. */
function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ]
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'))
  } catch {
    // not installed locally; the candidates above may still have it
  }
  return candidates.find((candidate) => candidate && existsSync(candidate))
}

mkdirSync(outDir, { recursive: true })
const nodeBuildBefore = fingerprint(nodeBuild)
const nodeGyp = findNodeGyp()
if (!nodeGyp) {
  writeFileSync(logFile, 'node-gyp not found\n')
  fail('node-gyp was not found (it ships with npm; run this through `npm run rebuild:electron-sqlite`)')
}

// Build in a scratch copy: node-gyp writes to <package>/build, which must stay the Node build.
rmSync(workDir, { recursive: true, force: true })
const skipped = new Set(['build', 'node_modules'])
cpSync(sqliteSource, workDir, { recursive: true, filter: (source) => !skipped.has(path.relative(sqliteSource, source).split(path.sep)[0] ?? '') })
process.stdout.write(`Building better-sqlite3 for Electron ${electronVersion} (this takes a few minutes)…\n`)
const result = await runBounded(
  process.execPath,
  [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron', `--arch=${process.arch}`],
  { cwd: workDir, timeoutMs: 20 * 60_000 },
)
writeFileSync(logFile, result.output)
const built = path.join(workDir, 'build', 'Release', 'better_sqlite3.node')
if (fingerprint(nodeBuild) !== nodeBuildBefore) fail('the Node build in node_modules/better-sqlite3 changed, which must not happen; run `npm rebuild better-sqlite3`')
if (result.timedOut) fail('node-gyp took longer than 20 minutes and was stopped')
if (result.code !== 0 || !existsSync(built)) fail(explainBuildFailure(result.output, electronVersion))
copyFileSync(built, target)
rmSync(workDir, { recursive: true, force: true })
process.stdout.write(`Built ${path.relative(root, target)}; the Electron app will use it.\n`)
