import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Configuration } from 'electron-builder'

export const repoRoot = path.resolve(import.meta.dirname, '../../..')

/**
 * The code that ships in the app (src/, without tests and test helpers), for the checklist
 * items that are about what the code never does (a switch it never sets, an API it never calls).
 */
export function shippedSources(): Array<{ file: string; text: string }> {
  cachedSources ??= readShippedSources()
  return cachedSources
}

let cachedSources: Array<{ file: string; text: string }> | undefined

function readShippedSources(): Array<{ file: string; text: string }> {
  const found: Array<{ file: string; text: string }> = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'testing' && entry.name !== 'test') walk(full)
      } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$|\.bench-test\.ts$|[Tt]est[A-Z]\w*\.ts$|\.fixture\.ts$/.test(entry.name)) {
        found.push({ file: path.relative(repoRoot, full), text: readFileSync(full, 'utf8') })
      }
    }
  }
  walk(path.join(repoRoot, 'src'))
  return found
}

/** The shipped files (under `folder`, if given) whose code matches `pattern`, so a failure names them. */
export function filesMatching(pattern: RegExp, folder = 'src/'): string[] {
  return shippedSources()
    .filter(({ file, text }) => file.startsWith(folder) && pattern.test(text))
    .map(({ file }) => file)
}

/** A Content-Security-Policy as directive → sources. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) directives.set(name.toLowerCase(), sources)
  }
  return directives
}

/** The permission names Electron's own typings list for setPermissionRequestHandler. */
export function electronPermissionNames(): string[] {
  const typings = readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'electron.d.ts'), 'utf8')
  const declaration = typings.match(/setPermissionRequestHandler\(handler: \(\(webContents: WebContents, permission: ([^,]+?), callback/)
  if (!declaration?.[1]) throw new Error('electron.d.ts no longer declares setPermissionRequestHandler as expected')
  return [...declaration[1].matchAll(/'([^']+)'/g)].map((match) => match[1] as string)
}

export function installedElectronVersion(): string {
  return (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version
}

export function declaredElectronRange(): string {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> }
  const range = pkg.devDependencies?.electron ?? pkg.dependencies?.electron
  if (!range) throw new Error('package.json does not declare electron')
  return range
}

/**
 * The newest Electron major expected by `now`: 39.0.0 came out on 2025-10-28 and a major
 * follows every 8 weeks (Electron's release cadence). Electron supports the latest three.
 */
export function expectedLatestElectronMajor(now: Date): number {
  const eightWeeks = 8 * 7 * 24 * 3600 * 1000
  return 39 + Math.max(0, Math.floor((now.getTime() - Date.UTC(2025, 9, 28)) / eightWeeks))
}

/**
 * The packaging config as electron-builder 26 finds and reads it when run without --config
 * (its own loader: package.json "build", then electron-builder.{yml,…,ts} at the root).
 */
export async function builderOwnConfig(): Promise<{ configFile: string | null; result: Configuration }> {
  const require = createRequire(path.join(repoRoot, 'package.json'))
  const { loadConfig } = require('app-builder-lib/out/util/config/load') as {
    loadConfig(request: { packageKey: string; configFilename: string; projectDir: string }): Promise<{ configFile: string | null; result: Configuration } | null>
  }
  const loaded = await loadConfig({ packageKey: 'build', configFilename: 'electron-builder', projectDir: repoRoot })
  if (!loaded) throw new Error('electron-builder finds no configuration in the repository')
  return loaded
}
