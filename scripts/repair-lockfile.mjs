#!/usr/bin/env node
// `npm run lock:repair`: run after `npm install` changes package-lock.json.
// Some optional platform packages (e.g. @cbor-extract/*, napi-windows-process-start-time) are not
// on the registry this project installs from. `npm install` then leaves them out of the lockfile,
// and `npm ci` refuses that lockfile ("Missing: … from lock file"). Recording them as optional
// entries lets `npm ci` try them and skip them when they cannot be fetched, as it does for any
// optional dependency; the packages that are there are untouched.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const lockPath = path.resolve(import.meta.dirname, '..', 'package-lock.json')
const lock = JSON.parse(readFileSync(lockPath, 'utf8'))
const packages = lock.packages

/** Where npm would look for `name` when required from `fromPath` (nested first, then each parent). */
function isResolvable(fromPath, name) {
  let base = fromPath
  for (;;) {
    if (packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true
    if (!base) return false
    const cut = base.lastIndexOf('/node_modules/')
    base = cut === -1 ? '' : base.slice(0, cut)
  }
}

const added = []
for (const [at, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    if (isResolvable(at, name)) continue
    const version = String(range).replace(/^[\^~=]/, '')
    packages[`node_modules/${name}`] = { version, optional: true }
    added.push(`${name}@${version}`)
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : 1)))
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n')
process.stdout.write(added.length ? `Recorded ${added.length} optional packages the registry lacks: ${added.join(', ')}\n` : 'The lockfile needed no repair.\n')
