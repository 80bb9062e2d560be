import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import type { Core, CoreOptions } from '../Core'
import { createCore } from '../createCore'
import { makeTempDir } from './tempDir'

/**
 * Real cores on temporary profiles for multi-device tests: `open('a')` opens (or reopens) the
 * profile named 'a'; every core opened is shut down and every profile removed after each test.
 */
export function coreCluster() {
  let temp: ReturnType<typeof makeTempDir>
  const cores: Core[] = []
  beforeEach(() => {
    temp = makeTempDir()
  })
  afterEach(async () => {
    // shutdown is idempotent, so cores a test already shut down are fine here.
    for (const core of cores.splice(0)) await core.shutdown()
    temp.remove()
  })
  return {
    dir: (name: string) => join(temp.dir, name),
    async open(name: string, options: Omit<CoreOptions, 'dataDir'> = {}): Promise<Core> {
      const core = await createCore({ dataDir: join(temp.dir, name), ...options })
      cores.push(core)
      return core
    },
  }
}
