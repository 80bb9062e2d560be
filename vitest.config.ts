import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@shared': resolve(__dirname, 'src/shared') }

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
      {
        resolve: { alias },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['src/renderer/src/test/setup.ts'],
          testTimeout: 15_000,
        },
      },
    ],
  },
})
