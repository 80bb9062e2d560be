// The packages the built app loads at runtime: every bare import reachable from the main-process
// and preload entry points (electron.vite.config.ts), following our own modules through relative
// and @shared imports. electron-vite externalises `dependencies` for these bundles, and
// electron-builder ships exactly `dependencies`, so this set is what must be there.
import { existsSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'

/** The bundles' entry points, as electron.vite.config.ts names them. */
export const shippedEntryPoints = ['src/main/electron/index.ts', 'src/main/serve/cli.ts', 'src/preload/index.ts']

// `import x from 'y'`, `import 'y'`, `export { x } from 'y'`, `import('y')`; `import type` and
// `export type` are erased by the compiler and load nothing.
const staticImport = /^\s*(import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm
const dynamicImport = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

function resolveOwnModule(fromFile: string, spec: string, root: string): string | undefined {
  const base = spec.startsWith('@shared') ? path.join(root, 'src/shared', spec.slice('@shared'.length)) : path.resolve(path.dirname(fromFile), spec)
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((candidate) => existsSync(candidate) && !candidate.endsWith(path.sep) && /\.(ts|tsx|json)$/.test(candidate))
}

export function packageOf(spec: string): string {
  const parts = spec.split('/')
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec)
}

const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(packageOf(spec))

/** Package name → the first of our files that imports it. */
export function shippedPackageImports(root: string): Map<string, string> {
  const packages = new Map<string, string>()
  const seen = new Set<string>()
  const queue = shippedEntryPoints.map((entry) => path.join(root, entry))
  while (queue.length > 0) {
    const file = queue.pop() as string
    if (seen.has(file)) continue
    seen.add(file)
    if (!file.endsWith('.ts') && !file.endsWith('.tsx')) continue
    const source = readFileSync(file, 'utf8')
    const specs = [...source.matchAll(staticImport)].map((match) => match[2] as string).concat([...source.matchAll(dynamicImport)].map((match) => match[1] as string))
    for (const spec of specs) {
      if (spec.startsWith('.') || spec.startsWith('@shared')) {
        const target = resolveOwnModule(file, spec, root)
        if (!target) throw new Error(`${path.relative(root, file)} imports '${spec}', which does not resolve to a file`)
        queue.push(target)
      } else if (!isBuiltin(spec) && !packages.has(packageOf(spec))) {
        packages.set(packageOf(spec), path.relative(root, file))
      }
    }
  }
  return packages
}
