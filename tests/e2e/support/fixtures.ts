import { test as base } from '@playwright/test'
import { makeDataDir, removeDataDir, ServeProcess } from './ServeProcess'

/** A fresh profile folder; `start()` runs a real serve on it (again after a stop, to test restarts). */
export interface Profile {
  dataDir: string
  start(options?: { deviceName?: string }): Promise<ServeProcess>
}

/** Each test gets its own profile and, with `serve`, a running serve on it; all stopped and removed after. */
export const test = base.extend<{ profile: Profile; serve: ServeProcess }>({
  // Playwright requires the fixture's first argument to be a destructuring pattern, even an empty one.
  // eslint-disable-next-line no-empty-pattern
  profile: async ({}, use) => {
    const dataDir = makeDataDir()
    const running: ServeProcess[] = []
    await use({
      dataDir,
      start: async (options = {}) => {
        const serve = await ServeProcess.start(dataDir, undefined, options)
        running.push(serve)
        return serve
      },
    })
    for (const serve of running) await serve.stop()
    removeDataDir(dataDir)
  },
  serve: async ({ profile }, use) => {
    await use(await profile.start())
  },
})

export { expect } from '@playwright/test'
