// The packages the installed app ships (dependencies, transitively, as Node resolves them) and
// which of them are native: a binding.gyp or a compiled .node file.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

interface Manifest {
  name?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
}

const readManifest = (dir: string): Manifest => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest

/** Node's lookup: dir/node_modules/name, then each parent's node_modules up to the root. */
function resolvePackage(fromDir: string, name: string, root: string): string | null {
  let dir = fromDir
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name)
    if (existsSync(path.join(candidate, 'package.json'))) return candidate
    if (dir === root) return null
    dir = path.dirname(dir)
  }
}

/** Every production package directory (absolute), without devDependencies; missing optional ones are skipped. */
export function productionPackages(root: string): string[] {
  const seen = new Set<string>()
  const visit = (dir: string) => {
    const manifest = readManifest(dir)
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
      const found = resolvePackage(dir, name, root)
      if (found && !seen.has(found)) {
        seen.add(found)
        visit(found)
      }
    }
  }
  visit(root)
  return [...seen].sort()
}

/** The files that make a package native, relative to it (nested node_modules are other packages). */
export function nativeFiles(packageDir: string): string[] {
  const found: string[] = []
  const walk = (dir: string, relative: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue
      const rel = relative ? `${relative}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel)
      else if (entry.name.endsWith('.node') || rel === 'binding.gyp') found.push(rel)
    }
  }
  walk(packageDir, '')
  return found
}
