#!/usr/bin/env node
/**
 * Makes one upgrade fixture from an earlier commit (tests/hostile/fixtures/upgrades/README.md):
 *   node scripts/upgrade-fixtures/makeFixture.mjs <commit> [--keep]
 * 1. a detached worktree of <commit> in /tmp/staffroom-old-<sha> (this checkout is not touched),
 *    with this checkout's node_modules linked in (the libraries are the same versions throughout);
 * 2. seedProfile.ts and its helpers copied into it and bundled by rolldown against THAT commit's src/;
 * 3. run: the old core creates the profile, bundles and manifest.json in a temp folder;
 * 4. the database checkpointed into one file, copied with bundles and manifest to
 *    tests/hostile/fixtures/upgrades/<schemaVersion>-<sha>/; the worktree removed (unless --keep).
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'rolldown'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const require = createRequire(import.meta.url)
const BetterSqlite3 = require('better-sqlite3')
const [commitArg, ...flags] = process.argv.slice(2)
if (!commitArg) {
  console.error('usage: node scripts/upgrade-fixtures/makeFixture.mjs <commit> [--keep]')
  process.exit(2)
}
const git = (...args) => execFileSync('git', ['-C', repoRoot, ...args], { encoding: 'utf8' }).trim()
const sha = git('rev-parse', '--short=7', `${commitArg}^{commit}`)
const commitDate = git('log', '-1', '--format=%cI', sha)
const worktree = `/tmp/staffroom-old-${sha}`

if (!existsSync(worktree)) {
  git('worktree', 'add', '--detach', worktree, sha)
  symlinkSync(join(repoRoot, 'node_modules'), join(worktree, 'node_modules'))
}
try {
  const scriptDir = join(worktree, 'scripts/upgrade-fixtures')
  mkdirSync(scriptDir, { recursive: true })
  for (const file of ['seedProfile.ts', 'richBodies.ts', 'upgradeManifest.ts']) copyFileSync(join(repoRoot, 'scripts/upgrade-fixtures', file), join(scriptDir, file))
  const outFile = join(worktree, '.upgrade-fixture-build', 'seed.mjs')
  await build({
    input: join(scriptDir, 'seedProfile.ts'),
    platform: 'node',
    // Packages stay external and resolve from the worktree's (linked) node_modules.
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('@shared') && !id.startsWith('\0'),
    resolve: { alias: { '@shared': join(worktree, 'src/shared') } },
    output: { file: outFile, format: 'esm' },
    logLevel: 'warn',
  })
  const out = mkdtempSync(join(tmpdir(), `staffroom-fixture-${sha}-`))
  execFileSync(process.execPath, [outFile, out, sha, commitDate], { stdio: 'inherit', cwd: worktree })

  // One self-contained file: fold the WAL in and make sure nothing is left beside it.
  const dbFile = join(out, 'profile', 'staffroom.sqlite')
  const db = new BetterSqlite3(dbFile)
  db.pragma('wal_checkpoint(TRUNCATE)')
  const schemaVersion = db.pragma('user_version', { simple: true })
  db.close()
  const leftovers = readdirSync(join(out, 'profile')).filter((name) => name !== 'staffroom.sqlite')
  if (leftovers.length) throw new Error(`unexpected files beside the database: ${leftovers.join(', ')}`)

  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
  manifest.schemaVersion = schemaVersion
  const target = join(repoRoot, 'tests/hostile/fixtures/upgrades', `${String(schemaVersion).padStart(4, '0')}-${sha}`)
  rmSync(target, { recursive: true, force: true })
  mkdirSync(join(target, 'bundles'), { recursive: true })
  copyFileSync(dbFile, join(target, 'staffroom.sqlite'))
  for (const name of readdirSync(join(out, 'bundles'))) copyFileSync(join(out, 'bundles', name), join(target, 'bundles', name))
  if (manifest.backup) copyFileSync(join(out, manifest.backup), join(target, manifest.backup))
  if (!readdirSync(join(target, 'bundles')).length) rmSync(join(target, 'bundles'), { recursive: true })
  writeFileSync(join(target, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  rmSync(out, { recursive: true, force: true })
  console.log(`${target}: schema ${schemaVersion}, ${manifest.notes.length} notes, ${manifest.records.length} records, ${manifest.spaces.length} spaces, ${manifest.bundles.length} bundles`)
} finally {
  if (!flags.includes('--keep')) git('worktree', 'remove', '--force', worktree)
}
