import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@shared': resolve(__dirname, 'src/shared') }

/**
 * Component tests share one module graph per worker (`isolate: false`): importing Mantine, React
 * and ProseMirror again for each of 70 files was two thirds of their time (172 s → 55 s here).
 * A file that replaces a module with vi.mock would leak its replacement into the files after it,
 * so those run isolated, in their own project, found by reading the files.
 */
const rendererTests = readdirSync('src/renderer', { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.test\.tsx?$/.test(file))
  .map((file) => join('src/renderer', file))
const replacesModules = (file: string) => /\bvi\.(mock|doMock)\(/.test(readFileSync(file, 'utf8'))
const rendererProject = (name: string, include: string[], isolate: boolean) => ({
  resolve: { alias },
  test: {
    name,
    environment: 'jsdom',
    include,
    isolate,
    setupFiles: ['src/renderer/src/test/setup.ts'],
    testTimeout: 15_000,
  },
})

/**
 * `npm run bench` (STAFFROOM_BENCH=1) tolerates what the shells tolerate (tolerateSyncTimeouts):
 * automerge-repo's unhandled 60 s document-request timeouts during a long initial sync, where
 * the document arrives and is checked anyway. Tests never set it: there, any unhandled error fails.
 */
const isAutomergeRepoTimeout = (error: { name?: string; message?: string }) => error.name === 'TimeoutError' && /withTimeout: timed out/.test(error.message ?? '')

export default defineConfig({
  test: {
    onUnhandledError: process.env.STAFFROOM_BENCH === '1' ? (error) => !isAutomergeRepoTimeout(error) : undefined,
    // Vitest's default is one worker per core minus one: a single worker on the 2-core build
    // machines, idle while tests wait on sockets, timers and child processes.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/shared/**/*.test.ts', 'src/main/**/*.test.ts', 'src/preload/**/*.test.ts', 'tools/**/*.test.js', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/packaging/**/*.test.ts', 'bench/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // Measurements, not checks: run by `npm run bench` and the bench:* scripts, never by `npm test`.
          name: 'bench',
          environment: 'node',
          include: ['src/**/*.bench-test.ts', 'bench/**/*.bench-test.ts'],
          testTimeout: 60 * 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // The hostile-world suite (docs/RELIABILITY.md): run by `npm run test:hostile`, part of `npm test`.
          name: 'hostile',
          environment: 'node',
          include: ['tests/hostile/**/*.test.ts'],
          testTimeout: 15 * 60_000,
          hookTimeout: 120_000,
        },
      },
      rendererProject('renderer', rendererTests.filter((file) => !replacesModules(file)), false),
      rendererProject('renderer-isolated', rendererTests.filter(replacesModules), true),
    ],
  },
})
