// Enforces the import arrows of docs/ARCHITECTURE.md ("Folders say where code runs"),
// in the manner of VS Code's code-layering rule: a file's folder decides its layer,
// and each layer lists what it may import.
import { builtinModules } from 'node:module'
import path from 'node:path'

const nodeBuiltins = new Set(builtinModules)

/** Layers in the order they are matched; the first matching folder wins. */
export const layers = [
  { name: 'shared', folder: 'src/shared/' },
  { name: 'core', folder: 'src/main/core/' },
  { name: 'electron', folder: 'src/main/electron/' },
  { name: 'serve', folder: 'src/main/serve/' },
  { name: 'preload', folder: 'src/preload/' },
  { name: 'renderer', folder: 'src/renderer/' },
]

/** What each layer may import: our layers, node builtins, electron, and packages. */
export const allowed = {
  shared: { layers: ['shared'], node: false, electron: false, nodeOnlyPackages: false },
  core: { layers: ['shared', 'core'], node: true, electron: false, nodeOnlyPackages: true },
  serve: { layers: ['shared', 'core', 'serve'], node: true, electron: false, nodeOnlyPackages: true },
  electron: { layers: ['shared', 'core', 'serve', 'electron'], node: true, electron: true, nodeOnlyPackages: true },
  preload: { layers: ['shared', 'preload'], node: false, electron: true, nodeOnlyPackages: false },
  renderer: { layers: ['shared', 'renderer'], node: false, electron: false, nodeOnlyPackages: false },
}

/** Packages that load electron's main-process API at runtime: only the Electron shell may use them. */
const electronMainPackages = new Set(['electron-updater'])

/** Packages that only make sense in Node; the browser-side layers must not pull them in. */
const nodeOnlyPackages = new Set(['better-sqlite3', 'ws', 'electron-vite', '@automerge/automerge-repo-sync-server'])

function normalise(file) {
  return file.split(path.sep).join('/')
}

export function layerOfFile(file, root) {
  const rel = normalise(path.relative(root, file))
  return layers.find((l) => rel.startsWith(l.folder))?.name
}

/** Classifies an import specifier as one of our layers, 'node', 'electron', 'electron-main-package', 'node-package' or 'package'. */
export function classify(spec, fromFile, root) {
  if (spec.startsWith('@shared/') || spec === '@shared') return { kind: 'layer', layer: 'shared' }
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = path.resolve(path.dirname(fromFile), spec)
    const layer = layerOfFile(target, root)
    return layer ? { kind: 'layer', layer } : { kind: 'outside' }
  }
  if (spec.startsWith('node:') || nodeBuiltins.has(spec.split('/')[0])) return { kind: 'node' }
  if (spec === 'electron' || spec.startsWith('electron/')) return { kind: 'electron' }
  const pkg = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
  if (electronMainPackages.has(pkg)) return { kind: 'electron-main-package' }
  if (nodeOnlyPackages.has(pkg)) return { kind: 'node-package' }
  return { kind: 'package' }
}

export function violation(spec, fromFile, root) {
  const from = layerOfFile(fromFile, root)
  if (!from) return undefined
  const rules = allowed[from]
  const target = classify(spec, fromFile, root)
  if (target.kind === 'layer' && !rules.layers.includes(target.layer))
    return `${from} code must not import ${target.layer} code ('${spec}')`
  if (target.kind === 'node' && !rules.node) return `${from} code must not import Node built-ins ('${spec}')`
  if (target.kind === 'electron' && !rules.electron) return `${from} code must not import electron ('${spec}')`
  if (target.kind === 'electron-main-package' && from !== 'electron')
    return `${from} code must not import '${spec}' (it loads Electron's main process; only src/main/electron may)`
  if (target.kind === 'node-package' && !rules.nodeOnlyPackages)
    return `${from} code must not import the Node-only package '${spec}'`
  return undefined
}

/** @type {import('eslint').Rule.RuleModule} */
export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import arrows between src/shared, main/core, main/electron, main/serve, preload and renderer' },
    schema: [],
  },
  create(context) {
    const file = context.filename
    const root = context.cwd
    function check(node, source) {
      if (!source || typeof source.value !== 'string') return
      const message = violation(source.value, file, root)
      if (message) context.report({ node, message })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node, node.arguments[0])
      },
    }
  },
}

export default { rules: { layering: layeringRule } }
