// electron-builder's own loader, schema validation and file matching, reached the way its CLI does
// (app-builder-lib's compiled modules), so the tests judge the config by electron-builder's rules.
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Configuration } from 'electron-builder'

export const repoRoot = path.resolve(import.meta.dirname, '../../..')
const require = createRequire(path.join(repoRoot, 'package.json'))

interface Loader {
  loadConfig(request: { packageKey: string; configFilename: string; projectDir: string; packageMetadata: null }): Promise<{ configFile: string | null; result: Configuration } | null>
}
interface ConfigModule {
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>
}
interface DebugLoggerModule {
  DebugLogger: new (isEnabled?: boolean) => unknown
}
interface FileMatcherModule {
  FileMatcher: new (from: string, to: string, macroExpander: (pattern: string) => string, patterns?: string[] | string) => {
    createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean
  }
}

/** The config as electron-builder finds and reads it when run without --config. */
export async function loadBuilderConfig(): Promise<{ configFile: string | null; result: Configuration }> {
  const { loadConfig } = require('app-builder-lib/out/util/config/load') as Loader
  const loaded = await loadConfig({ packageKey: 'build', configFilename: 'electron-builder', projectDir: repoRoot, packageMetadata: null })
  if (!loaded) throw new Error('electron-builder finds no configuration in the repository')
  return loaded
}

/** electron-builder's own check (its JSON schema plus its deprecation rules); throws on an invalid config. */
export async function validateWithBuilderSchema(config: Configuration): Promise<void> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as ConfigModule
  const { DebugLogger } = require('builder-util/out/DebugLogger') as DebugLoggerModule
  await validateConfiguration(structuredClone(config), new DebugLogger(false))
}

/**
 * Does a set of patterns (files, asarUnpack) match a file of the app directory? The same
 * FileMatcher + minimatch({ dot: true }) electron-builder applies while packing.
 */
export function builderPatternMatcher(patterns: string[]): (relativeFile: string) => boolean {
  const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as FileMatcherModule
  const filter = new FileMatcher(repoRoot, '/app', (pattern) => pattern, patterns).createFilter()
  return (relativeFile) => filter(path.join(repoRoot, relativeFile), { isDirectory: () => false })
}
