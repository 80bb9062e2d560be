import { defineConfig } from '@playwright/test'

// Debian's Chromium: Playwright's own browser download does not work on the build machines.
export const chromiumPath = process.env.STAFFROOM_CHROMIUM ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'tests',
  // `npm run test:e2e` runs the app's flows; `npm run test:hostile` runs the hostile pages (docs/RELIABILITY.md).
  projects: [
    { name: 'app', testDir: 'tests/e2e' },
    // Its own output folder: Playwright empties a project's outputDir at the start of a run, and the
    // default one (test-results) holds test-results/hostile, the figures the node tests recorded just before.
    { name: 'hostile', testDir: 'tests/hostile/e2e', outputDir: 'test-results/playwright-hostile' },
  ],
  // Each test starts its own serve process(es); two cores on this machine, so one worker.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
})
