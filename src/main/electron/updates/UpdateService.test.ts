import type { UpdateStatus } from '@shared/api/desktop'
import { ApiError } from '@shared/errors'
import { beforeEach, describe, expect, it } from 'vitest'
import { ManualTimers } from '../desktop/testing/ManualTimers'
import { FakeUpdater, updateInfo, updaterError } from './testing/FakeUpdater'
import { updateMessages } from './updateErrorMessage'
import { cannotUpdateReason, developmentBuildReason, restartFailedMessage, UpdateService, type UpdateServiceOptions } from './UpdateService'

const sixHours = 6 * 60 * 60_000
const notes = '<h2>New</h2><ul><li>Dark mode</li><li>Faster &amp; calmer</li></ul><script>alert(1)</script>'
const offline = () => updaterError('net::ERR_INTERNET_DISCONNECTED')

/** Lets promise callbacks (the updater's answers reaching the service) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

let updater: FakeUpdater
let timers: ManualTimers
let statuses: UpdateStatus[]
let logged: string[]
let steps: string[]
let created: number

beforeEach(() => {
  updater = new FakeUpdater()
  timers = new ManualTimers()
  statuses = []
  logged = []
  steps = []
  created = 0
})

function service(overrides: Partial<UpdateServiceOptions> = {}): UpdateService {
  return new UpdateService({
    isPackaged: true,
    createUpdater: () => {
      created++
      return updater
    },
    onStatus: (status) => statuses.push(status),
    beforeRestart: async () => {
      steps.push('flushed')
    },
    onRestartFailed: () => steps.push('quit after failed install'),
    log: (line) => logged.push(line),
    timers,
    now: () => 1_764_000_000_000,
    firstCheckAfterMs: 30_000,
    ...overrides,
  })
}

/** A service that has found version 1.1.0 (nothing downloaded). */
async function withUpdateFound(): Promise<UpdateService> {
  const updates = service()
  const checked = updates.check()
  updater.answerNewVersion(updateInfo('1.1.0', { releaseNotes: notes, releaseName: 'Autumn <b>release</b>' }))
  await checked
  return updates
}

async function withUpdateDownloaded(): Promise<UpdateService> {
  const updates = await withUpdateFound()
  await updates.download()
  updater.finishDownload()
  await settle()
  expect(updates.status().state).toBe('downloaded')
  return updates
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('UpdateService in a development build', () => {
  it('answers unsupported to everything and never creates the updater', async () => {
    const updates = service({ isPackaged: false })
    const unsupported = { state: 'unsupported', reason: developmentBuildReason }
    expect(updates.supported).toBe(false)
    expect(updates.status()).toEqual(unsupported)
    expect(await updates.check()).toEqual(unsupported)
    expect(await updates.download()).toEqual(unsupported)
    expect((await refusal(updates.restartAndInstall())).message).toBe(developmentBuildReason)
    updates.setAutomaticChecks(true)
    expect(timers.pending).toEqual([])
    expect(created).toBe(0)
    expect(statuses).toEqual([])
  })
})

describe('UpdateService where this copy cannot update itself', () => {
  it('is unsupported when the updater is not active (a Linux build that is not an AppImage)', async () => {
    updater.active = false
    const updates = service()
    expect(updates.supported).toBe(false)
    expect(await updates.check()).toEqual({ state: 'unsupported', reason: cannotUpdateReason })
    expect(updater.checks).toBe(0)
  })

  it('is unsupported, and says why in the log, when the updater cannot be created', async () => {
    const updates = service({
      createUpdater: () => {
        throw new Error('ENOENT: app-update.yml')
      },
    })
    expect(updates.status()).toEqual({ state: 'unsupported', reason: cannotUpdateReason })
    expect(logged).toEqual(['Updates are off: the updater could not start: Error: ENOENT: app-update.yml'])
  })

  it('becomes unsupported when the updater turns out to be inactive at the check', async () => {
    const updates = service()
    updater.active = false
    expect(await updates.check()).toEqual({ state: 'unsupported', reason: cannotUpdateReason })
  })
})

describe('UpdateService checks', () => {
  it('turns off downloading and installing behind the teacher’s back', () => {
    service()
    expect(updater.autoDownload).toBe(false)
    expect(updater.autoInstallOnAppQuit).toBe(false)
  })

  it('starts idle, checks only when asked, and reports a new version with its notes as plain text', async () => {
    const updates = service()
    expect(updates.supported).toBe(true)
    expect(updates.status()).toEqual({ state: 'idle' })
    expect(updater.checks).toBe(0)
    const checked = updates.check()
    expect(updates.status()).toEqual({ state: 'checking' })
    updater.answerNewVersion(updateInfo('1.1.0', { releaseNotes: notes, releaseName: 'Autumn <b>release</b>' }))
    const available = { state: 'available', version: '1.1.0', releaseName: 'Autumn release', releaseNotes: 'New\n\n• Dark mode\n• Faster & calmer', releaseDate: '2026-11-30T09:00:00.000Z' }
    expect(await checked).toEqual(available)
    expect(statuses).toEqual([{ state: 'checking' }, available])
    expect(updater.downloads).toBe(0)
  })

  it('says the running version is up to date, and when it looked', async () => {
    const updates = service()
    const checked = updates.check()
    updater.answerUpToDate()
    expect(await checked).toEqual({ state: 'up-to-date', version: '1.0.0', checkedAt: 1_764_000_000_000 })
  })

  it('runs one check at a time: a second request joins the running one', async () => {
    const updates = service()
    const first = updates.check()
    const second = updates.check()
    updater.answerUpToDate()
    expect(await second).toEqual(await first)
    expect(updater.checks).toBe(1)
    updates.check()
    expect(updater.checks).toBe(2)
  })

  it('turns an offline failure into a readable message, logged once with the raw error', async () => {
    const updates = service()
    const checked = updates.check()
    updater.failCheck(offline())
    expect(await checked).toEqual({ state: 'error', message: updateMessages.offline })
    expect(statuses.at(-1)).toEqual({ state: 'error', message: 'Could not reach the update server; check the connection and try again.' })
    expect(logged).toEqual(['Update check failed: Error: net::ERR_INTERNET_DISCONNECTED'])
  })

  it('can check again after a failure, and again while a found version waits', async () => {
    const updates = service()
    const failed = updates.check()
    updater.failCheck(offline())
    await failed
    const found = updates.check()
    updater.answerNewVersion(updateInfo('1.1.0'))
    expect((await found).state).toBe('available')
    const again = updates.check()
    updater.answerNewVersion(updateInfo('1.2.0'))
    expect(await again).toMatchObject({ state: 'available', version: '1.2.0' })
  })

  it('reports an error the updater raises on its own', () => {
    service()
    updater.emit('error', updaterError('HttpError: 503', 'HTTP_ERROR_503'))
    expect(statuses).toEqual([{ state: 'error', message: updateMessages.serverTrouble }])
    expect(logged).toEqual(['Updater error: Error: HttpError: 503 (HTTP_ERROR_503)'])
  })
})

describe('UpdateService downloads', () => {
  it('refuses to download before a check has found a version', async () => {
    const updates = service()
    expect((await refusal(updates.download())).code).toBe('bad-request')
    expect(updater.downloads).toBe(0)
  })

  it('downloads only when asked, reports whole percents once each, then waits downloaded', async () => {
    const updates = await withUpdateFound()
    statuses.length = 0
    const releaseNotes = 'New\n\n• Dark mode\n• Faster & calmer'
    expect(await updates.download()).toEqual({ state: 'downloading', version: '1.1.0', releaseNotes, percent: 0 })
    updater.progress(12.3)
    updater.progress(12.9)
    updater.progress(57)
    updater.progress(Number.NaN)
    updater.progress(140)
    updater.finishDownload()
    await settle()
    expect(statuses.map((status) => (status.state === 'downloading' ? status.percent : status.state))).toEqual([0, 12, 57, 0, 100, 'downloaded'])
    expect(updates.status()).toEqual({ state: 'downloaded', version: '1.1.0', releaseNotes })
    expect(updater.installs).toBe(0)
  })

  it('does not start a second download, nor check, while one runs or once it is done', async () => {
    const updates = await withUpdateFound()
    await updates.download()
    expect((await updates.download()).state).toBe('downloading')
    expect((await updates.check()).state).toBe('downloading')
    updater.finishDownload()
    await settle()
    expect((await updates.download()).state).toBe('downloaded')
    expect((await updates.check()).state).toBe('downloaded')
    expect(updater.downloads).toBe(1)
    expect(updater.checks).toBe(1)
  })

  it('turns a bad signature into a readable message and logs the raw error once', async () => {
    const updates = await withUpdateFound()
    await updates.download()
    updater.failDownload(updaterError('New version 1.1.0 is not signed by the application owner: publisherNames: Staffroom', 'ERR_UPDATER_INVALID_SIGNATURE'))
    await settle()
    expect(updates.status()).toEqual({ state: 'error', message: updateMessages.badSignature })
    expect(logged).toEqual(['Update download failed: Error: New version 1.1.0 is not signed by the application owner: publisherNames: Staffroom (ERR_UPDATER_INVALID_SIGNATURE)'])
  })
})

describe('UpdateService restarts', () => {
  it('refuses to restart until a version is downloaded, saying why', async () => {
    const updates = service()
    expect((await refusal(updates.restartAndInstall())).message).toBe('There is no downloaded update to install; check for updates first.')
    const found = await withUpdateFound()
    const early = await refusal(found.restartAndInstall())
    expect(early).toMatchObject({ code: 'bad-request', message: 'Download the new version first; Staffroom restarts into it once it is downloaded.' })
    await found.download()
    expect((await refusal(found.restartAndInstall())).message).toBe('The new version is still downloading; restart once it has finished.')
    expect(updater.installs).toBe(0)
    expect(steps).toEqual([])
  })

  it('lets the core flush first, then quits and installs, once', async () => {
    const updates = await withUpdateDownloaded()
    updater.on('error', () => steps.push('unexpected error'))
    const beforeInstall = updater.installs
    const restart = updates.restartAndInstall()
    expect(updater.installs).toBe(beforeInstall)
    expect(await restart).toEqual({ restarting: true })
    expect(await updates.restartAndInstall()).toEqual({ restarting: true })
    expect(updater.installs).toBe(1)
    expect(steps).toEqual(['flushed'])
    expect(logged).toEqual(['Restarting to install version 1.1.0'])
  })

  it('quits when installing fails after the core has closed, and logs why', async () => {
    updater.installError = updaterError("No update filepath provided, can't quit and install")
    const updates = await withUpdateDownloaded()
    await updates.restartAndInstall()
    expect(steps).toEqual(['flushed', 'quit after failed install'])
    expect(updates.status()).toEqual({ state: 'error', message: restartFailedMessage })
    expect(logged.at(-1)).toBe("Could not install the update: Error: No update filepath provided, can't quit and install")
  })

  it('does not restart when saving first fails, and can be asked again', async () => {
    let saves = 0
    const updates = await (async () => {
      const flaky = service({
        beforeRestart: async () => {
          if (++saves === 1) throw new Error('disk I/O error')
        },
      })
      const checked = flaky.check()
      updater.answerNewVersion(updateInfo('1.1.0'))
      await checked
      await flaky.download()
      updater.finishDownload()
      await settle()
      return flaky
    })()
    expect(await refusal(updates.restartAndInstall())).toMatchObject({ code: 'internal' })
    expect(updater.installs).toBe(0)
    expect(logged).toEqual(['Did not restart for the update: saving first failed: Error: disk I/O error'])
    expect(await updates.restartAndInstall()).toEqual({ restarting: true })
    expect(updater.installs).toBe(1)
  })
})

describe('UpdateService automatic checks', () => {
  it('are off until the teacher opts in', () => {
    service()
    expect(timers.pending).toEqual([])
    expect(updater.checks).toBe(0)
  })

  it('check shortly after being turned on, then every 6 hours', async () => {
    const updates = service()
    updates.setAutomaticChecks(true)
    updates.setAutomaticChecks(true)
    expect(timers.pending.map((timer) => timer.ms)).toEqual([30_000])
    timers.fireAll()
    expect(updater.checks).toBe(1)
    updater.answerUpToDate()
    await settle()
    expect(timers.pending.map((timer) => timer.ms)).toEqual([sixHours])
    timers.fireAll()
    expect(updater.checks).toBe(2)
    updater.answerUpToDate()
    await settle()
    expect(timers.pending.map((timer) => timer.ms)).toEqual([sixHours])
  })

  it('stop when turned off, even with a check running', async () => {
    const updates = service()
    updates.setAutomaticChecks(true)
    updates.setAutomaticChecks(false)
    expect(timers.pending).toEqual([])
    updates.setAutomaticChecks(true)
    timers.fireAll()
    updates.setAutomaticChecks(false)
    updater.answerUpToDate()
    await settle()
    expect(timers.pending).toEqual([])
  })

  it('stay quiet when they fail: only the status changes, and they go on', async () => {
    const updates = service()
    updates.setAutomaticChecks(true)
    timers.fireAll()
    updater.failCheck(offline())
    await settle()
    expect(updates.status()).toEqual({ state: 'error', message: updateMessages.offline })
    expect(timers.pending.map((timer) => timer.ms)).toEqual([sixHours])
    timers.fireAll()
    expect(updater.checks).toBe(2)
  })

  it('leave a found or downloaded version alone, and never download it', async () => {
    const updates = await withUpdateFound()
    updates.setAutomaticChecks(true)
    timers.fireAll()
    await settle()
    expect(updater.checks).toBe(1)
    expect(updater.downloads).toBe(0)
    expect(updates.status().state).toBe('available')
    expect(timers.pending.map((timer) => timer.ms)).toEqual([sixHours])
  })

  it('join a check the teacher started', async () => {
    const updates = service()
    updates.setAutomaticChecks(true)
    const manual = updates.check()
    timers.fireAll()
    updater.answerUpToDate()
    await manual
    await settle()
    expect(updater.checks).toBe(1)
    expect(timers.pending.map((timer) => timer.ms)).toEqual([sixHours])
  })
})

describe('UpdateService.stop', () => {
  it('cancels automatic checks and reports nothing more', async () => {
    const updates = service()
    updates.setAutomaticChecks(true)
    const checked = updates.check()
    updates.stop()
    expect(timers.pending).toEqual([])
    updater.answerNewVersion(updateInfo('1.1.0'))
    await checked
    expect(statuses).toEqual([{ state: 'checking' }])
    updates.setAutomaticChecks(true)
    expect(timers.pending).toEqual([])
    expect(await updates.check()).toEqual({ state: 'checking' })
    expect(updater.checks).toBe(1)
  })
})

describe('UpdateService.shellMethods', () => {
  it('answers the four update methods in envelopes, refusals as their ApiError', async () => {
    const updates = service()
    const methods = updates.shellMethods()
    expect(await methods['updates.status']({})).toEqual({ ok: true, value: { state: 'idle' } })
    expect(await methods['updates.download'](undefined)).toEqual({ ok: false, error: { code: 'bad-request', message: 'There is no new version to download; check for updates first.' } })
    expect(await methods['updates.restartAndInstall']({})).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    const checked = methods['updates.check']({})
    updater.answerNewVersion(updateInfo('1.1.0'))
    expect(await checked).toMatchObject({ ok: true, value: { state: 'available', version: '1.1.0' } })
    expect(await methods['updates.download']({})).toMatchObject({ ok: true, value: { state: 'downloading', percent: 0 } })
  })

  it('refuses arguments that are not an object, without touching the updater', async () => {
    const methods = service().shellMethods()
    expect(await methods['updates.check']('now')).toEqual({ ok: false, error: { code: 'bad-request', message: 'updates.check takes no arguments.' } })
    expect(updater.checks).toBe(0)
  })

  it('keeps going when telling the page fails', async () => {
    const updates = service({
      onStatus: () => {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
    })
    const checked = updates.shellMethods()['updates.check']({})
    updater.answerUpToDate()
    expect(await checked).toMatchObject({ ok: true, value: { state: 'up-to-date' } })
    expect(logged[0]).toBe('Could not report the update status: Error: Render frame was disposed before WebFrameMain could be accessed')
  })
})
