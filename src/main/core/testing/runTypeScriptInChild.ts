import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'rolldown'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')
const require = createRequire(import.meta.url)

/**
 * Bundles a TypeScript entry and runs it in a separate Node process, so tests can exercise what
 * only a second process shows (file locks are per process). better-sqlite3 stays external and is
 * imported by absolute path so the bundle runs from a temp folder.
 */
export async function runTypeScriptInChild(entry: string, outDir: string, args: string[]): Promise<ChildProcessWithoutNullStreams> {
  const betterSqlite = require.resolve('better-sqlite3')
  const outFile = join(outDir, 'child-entry.mjs')
  await build({
    input: entry,
    platform: 'node',
    external: (id) => id.startsWith('node:') || id === betterSqlite,
    resolve: { alias: { '@shared': join(repoRoot, 'src/shared'), 'better-sqlite3': betterSqlite } },
    output: { file: outFile, format: 'esm' },
    logLevel: 'silent',
  })
  return spawn(process.execPath, [outFile, ...args], { stdio: 'pipe' })
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
