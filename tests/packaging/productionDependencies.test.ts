// The installers ship `dependencies` (and nothing from devDependencies) in app.asar. A package the
// main process or the preload loads at runtime but that sits in devDependencies would crash the
// installed app on start; a renderer-only package in `dependencies` would be shipped twice (once
// bundled into out/renderer, once as node_modules), making every installer larger for nothing.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from './support/builderInternals'
import { packageOf, shippedPackageImports } from './support/shippedImports'

const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }
const shipped = shippedPackageImports(repoRoot)
// The Electron runtime provides it; electron-builder refuses it in `dependencies`.
const providedByRuntime = new Set(['electron'])

describe('the production dependencies', () => {
  it('list every package the main process and the preload load at runtime', () => {
    const missing = [...shipped].filter(([name]) => !providedByRuntime.has(name) && !(name in manifest.dependencies)).map(([name, file]) => `${name} (imported by ${file})`)
    expect(missing).toEqual([])
  })

  it('hold nothing else: renderer-only packages are bundled by vite and belong in devDependencies', () => {
    const unused = Object.keys(manifest.dependencies).filter((name) => !shipped.has(name))
    expect(unused).toEqual([])
  })

  it('the import scan finds what the shells are known to load (so the checks above can fail)', () => {
    for (const name of ['better-sqlite3', '@automerge/automerge-repo', 'ws', 'electron']) expect(shipped.has(name), name).toBe(true)
    expect(shipped.has('react')).toBe(false)
    expect(packageOf('@automerge/automerge-repo/slim')).toBe('@automerge/automerge-repo')
    expect(packageOf('ws/lib/sender')).toBe('ws')
  })
})
