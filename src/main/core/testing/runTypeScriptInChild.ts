import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'rolldown'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')
const require = createRequire(import.meta.url)

/**
 * Bundles a TypeScript entry and runs it in a separate Node process, so tests can exercise what
 * only a second process shows (file locks are per process). better-sqlite3 stays external and is
 * imported by absolute path so the bundle runs from a temp folder. `externalPackages` (name
 * prefixes, e.g. a package that loads a .wasm file beside itself) are left to Node to resolve,
 * so `outDir` must then be inside the repository (see `childBundleDir`).
 */
export async function runTypeScriptInChild(
  entry: string,
  outDir: string,
  args: string[],
  { prefix = [], externalPackages = [] }: { prefix?: string[]; externalPackages?: string[] } = {},
): Promise<ChildProcessWithoutNullStreams> {
  const betterSqlite = require.resolve('better-sqlite3')
  const outFile = join(outDir, 'child-entry.mjs')
  await build({
    input: entry,
    platform: 'node',
    external: (id) => id.startsWith('node:') || id === betterSqlite || externalPackages.some((name) => id.startsWith(name)),
    resolve: { alias: { '@shared': join(repoRoot, 'src/shared'), 'better-sqlite3': betterSqlite } },
    output: { file: outFile, format: 'esm' },
    logLevel: 'silent',
  })
  // `prefix` runs Node through another command, e.g. ['ip', 'netns', 'exec', name].
  const [command, ...rest] = [...prefix, process.execPath, outFile, ...args]
  return spawn(command!, rest, { stdio: 'pipe' })
}

/** A fresh folder inside the repository's node_modules/.cache, from which external packages resolve. */
export function childBundleDir(name: string): string {
  const dir = join(repoRoot, 'node_modules', '.cache', 'staffroom-test-children', `${name}-${process.pid}-${Date.now()}`)
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Resolves with the first stdout line of a child (or rejects if it exits first). */
export function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let buffered = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const end = buffered.indexOf('\n')
      if (end >= 0) resolvePromise(buffered.slice(0, end))
    })
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before writing a line: ${stderr}`)))
  })
}

export function waitForExit(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolvePromise) => child.on('exit', (code) => resolvePromise(code)))
}
