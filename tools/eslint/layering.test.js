import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import path from 'node:path'
import { classify, layerOfFile, violation } from './layering.js'

const root = path.resolve(import.meta.dirname, '../..')
const at = (rel) => path.join(root, rel)

describe('layering rule', () => {
  it('knows the layer of each folder', () => {
    expect(layerOfFile(at('src/shared/api/index.ts'), root)).toBe('shared')
    expect(layerOfFile(at('src/main/core/createCore.ts'), root)).toBe('core')
    expect(layerOfFile(at('src/main/electron/index.ts'), root)).toBe('electron')
    expect(layerOfFile(at('src/main/serve/cli.ts'), root)).toBe('serve')
    expect(layerOfFile(at('src/preload/index.ts'), root)).toBe('preload')
    expect(layerOfFile(at('src/renderer/src/main.tsx'), root)).toBe('renderer')
    expect(layerOfFile(at('scripts/start.mjs'), root)).toBeUndefined()
  })

  it('classifies specifiers', () => {
    const from = at('src/renderer/src/app/App.tsx')
    expect(classify('node:fs', from, root)).toEqual({ kind: 'node' })
    expect(classify('path', from, root)).toEqual({ kind: 'node' })
    expect(classify('electron', from, root)).toEqual({ kind: 'electron' })
    expect(classify('better-sqlite3', from, root)).toEqual({ kind: 'node-package' })
    expect(classify('electron-updater', from, root)).toEqual({ kind: 'electron-main-package' })
    expect(classify('@mantine/core', from, root)).toEqual({ kind: 'package' })
    expect(classify('@shared/api', from, root)).toEqual({ kind: 'layer', layer: 'shared' })
    expect(classify('../../../main/core/Core', from, root)).toEqual({ kind: 'layer', layer: 'core' })
  })

  it.each([
    ['src/renderer/src/x.ts', 'node:fs', /renderer code must not import Node built-ins/],
    ['src/renderer/src/x.ts', '../../main/core/Core', /renderer code must not import core code/],
    ['src/renderer/src/x.ts', 'electron', /renderer code must not import electron/],
    ['src/shared/x.ts', '../main/core/Core', /shared code must not import core code/],
    ['src/shared/x.ts', 'node:path', /shared code must not import Node built-ins/],
    ['src/main/core/x.ts', 'electron', /core code must not import electron/],
    ['src/main/core/x.ts', '../serve/cli', /core code must not import serve code/],
    ['src/main/serve/x.ts', 'electron', /serve code must not import electron/],
    ['src/preload/x.ts', '../main/core/Core', /preload code must not import core code/],
    ['src/preload/x.ts', 'better-sqlite3', /preload code must not import the Node-only package/],
    ['src/preload/x.ts', 'electron-updater', /preload code must not import 'electron-updater'/],
    ['src/main/core/x.ts', 'electron-updater', /core code must not import 'electron-updater'/],
    ['src/renderer/src/x.ts', 'electron-updater', /renderer code must not import 'electron-updater'/],
  ])('refuses %s importing %s', (file, spec, message) => {
    expect(violation(spec, at(file), root)).toMatch(message)
  })

  it.each([
    ['src/renderer/src/x.ts', '@shared/api'],
    ['src/renderer/src/x.ts', '@automerge/automerge-repo'],
    ['src/main/core/x.ts', 'node:fs'],
    ['src/main/core/x.ts', 'better-sqlite3'],
    ['src/main/electron/x.ts', 'electron'],
    ['src/main/electron/x.ts', 'electron-updater'],
    ['src/main/electron/x.ts', '../core/Core'],
    ['src/main/serve/x.ts', '../core/Core'],
    ['src/preload/x.ts', 'electron'],
  ])('allows %s importing %s', (file, spec) => {
    expect(violation(spec, at(file), root)).toBeUndefined()
  })

  // The rule is wired into the real lint config: a planted violation fails `npm run lint`.
  it('fails the project lint on a planted violation', async () => {
    const eslint = new ESLint({ cwd: root })
    const [result] = await eslint.lintText("import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n", {
      filePath: at('src/renderer/src/planted-violation.ts'),
    })
    const messages = result.messages.filter((m) => m.ruleId === 'local/layering')
    expect(messages).toHaveLength(1)
    expect(messages[0].message).toMatch(/renderer code must not import Node built-ins/)
    expect(result.errorCount).toBeGreaterThan(0)
  }, 60_000)
})
