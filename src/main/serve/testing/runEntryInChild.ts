import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'rolldown'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..')

/**
 * Bundles our TypeScript entry (our code only) and runs it with Node in a child process. Every
 * package stays external and loads from the repo's node_modules, as in the built out/main/cli.js,
 * so packages that find files next to themselves (Automerge's wasm) work unchanged. The bundle is
 * written under node_modules/.cache so those imports resolve; `cleanup` removes it.
 */
export async function runEntryInChild(entry: string, args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; cleanup: () => void }> {
  const cacheDir = join(repoRoot, 'node_modules', '.cache', 'staffroom-tests')
  mkdirSync(cacheDir, { recursive: true })
  const outDir = mkdtempSync(join(cacheDir, 'child-'))
  const outFile = join(outDir, 'entry.mjs')
  await build({
    input: entry,
    platform: 'node',
    external: (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('@shared'),
    resolve: { alias: { '@shared': join(repoRoot, 'src/shared') } },
    output: { file: outFile, format: 'esm' },
    logLevel: 'silent',
  })
  const child = spawn(process.execPath, [outFile, ...args], { stdio: 'pipe' })
  return { child, cleanup: () => rmSync(outDir, { recursive: true, force: true }) }
}
