import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig({
  test: {
    // Vitest's default is one worker per core minus one: a single worker on the 2-core build
    // machines, idle while tests wait on sockets, timers and child processes.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/shared/**/*.test.ts', 'src/main/**/*.test.ts', 'src/preload/**/*.test.ts', 'tools/**/*.test.js', 'scripts/**/*.test.ts', 'tests/integration/**/*.test.ts', 'bench/**/*.test.ts'],
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
