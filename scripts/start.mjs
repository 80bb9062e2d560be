#!/usr/bin/env node
// `npm start`: the Electron app when its binary is (or can be) installed, else `serve` in the browser.
// Arguments after `--` go to serve (e.g. npm start -- --port 5000); STAFFROOM_DATA_DIR works for both.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { electronBinaryStatus } from './lib/electronBinary.mjs'
import { electronSqliteBindingPath } from './lib/electronSqlite.mjs'
import { runBounded, runForeground } from './lib/runProcess.mjs'
import { startStaffroom } from './lib/startFlow.mjs'

const root = path.resolve(import.meta.dirname, '..')
const electronDir = path.join(root, 'node_modules', 'electron')
const electronVersion = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version
// `node scripts/start.mjs -- --port 5000` passes the `--` through; npm start strips it.
const forwarded = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'))
const downloadTimeoutMs = 60_000
// Delete this file to make `npm start` try the Electron download again at once.
const downloadFailureMarker = path.join(root, 'node_modules', '.cache', 'staffroom', 'electron-download-failed')
const dayMs = 24 * 60 * 60 * 1000
const sqliteBuildTimeoutMs = 20 * 60_000

async function build() {
  const code = await runForeground(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root })
  if (code !== 0) {
    process.stderr.write('staffroom: the build failed (see above)\n')
    process.exit(code || 1)
  }
}

const exitCode = await startStaffroom({
  binaryStatus: () => electronBinaryStatus(electronDir),
  downloadElectron: async () => {
    process.stdout.write(`Downloading Electron ${electronVersion} (giving up after ${downloadTimeoutMs / 1000} s)…\n`)
    const result = await runBounded(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, timeoutMs: downloadTimeoutMs })
    return result.code === 0
  },
  downloadFailedRecently: () => existsSync(downloadFailureMarker) && Date.now() - statSync(downloadFailureMarker).mtimeMs < dayMs,
  rememberDownloadFailure: () => {
    mkdirSync(path.dirname(downloadFailureMarker), { recursive: true })
    writeFileSync(downloadFailureMarker, `${new Date().toISOString()}\n`)
  },
  electronSqliteBuilt: () => existsSync(electronSqliteBindingPath(root, electronVersion)),
  buildElectronSqlite: async () => {
    const script = path.join(root, 'scripts', 'build-electron-sqlite.mjs')
    return (await runBounded(process.execPath, [script], { cwd: root, timeoutMs: sqliteBuildTimeoutMs })).code === 0
  },
  launchElectron: async (executable) => {
    await build()
    return runForeground(executable, [root], { cwd: root })
  },
  runServe: async () => {
    await build()
    return runForeground(process.execPath, [path.join(root, 'out', 'main', 'cli.js'), 'serve', ...forwarded], { cwd: root })
  },
  say: (line) => process.stdout.write(line + '\n'),
})
process.exit(exitCode)
