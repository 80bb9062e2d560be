import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { OpenTarget } from '@shared/api/events'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../core/Core'
import { createCore } from '../core/createCore'
import { call } from '../core/testing/coreHarness'
import { makeTempDir } from '../core/testing/tempDir'
import type { NotificationPort } from './ports'
import { shownRemindersFile } from './shownRemindersFile'
import { ManualTimers } from './desktop/testing/ManualTimers'
import { localDayOf, ReminderNotifier, type ReminderNotifierOptions } from './ReminderNotifier'

class FakeNotifications implements NotificationPort {
  supported = true
  readonly shown: Array<{ title: string; body: string; onClick: () => void }> = []
  isSupported(): boolean {
    return this.supported
  }
  show(notification: { title: string; body: string; onClick: () => void }): void {
    this.shown.push(notification)
  }
  get titles(): string[] {
    return this.shown.map((notification) => notification.title)
  }
}

describe('ReminderNotifier with a real core', () => {
  let temp: ReturnType<typeof makeTempDir>
  let core: Core
  let notifications: FakeNotifications
  let timers: ManualTimers
  let opened: OpenTarget[]
  let logged: string[]
  let now: Date

  beforeEach(async () => {
    temp = makeTempDir()
    core = await createCore({ dataDir: join(temp.dir, 'profile') })
    notifications = new FakeNotifications()
    timers = new ManualTimers()
    opened = []
    logged = []
    now = new Date()
  })
  afterEach(async () => {
    await core.shutdown()
    temp.remove()
  })

  function notifier(overrides: Partial<ReminderNotifierOptions> = {}) {
    return new ReminderNotifier({
      dispatch: (method, args) => core.dispatch(method, args),
      notifications,
      open: (target) => opened.push(target),
      log: (message) => logged.push(message),
      now: () => now,
      timers,
      firstCheckAfterMs: 5_000,
      intervalMs: 60_000,
      ...overrides,
    })
  }

  /** A contact whose 30-day cadence ran out long ago. */
  async function losingTouch(name: string) {
    const { contact } = await call(core, 'contacts.create', { fields: { name, cadenceDays: 30 } })
    await call(core, 'interactions.log', { fields: { date: '2020-01-01', contactIds: [contact.id], mode: 'online' } })
    return contact
  }

  it('shows each due reminder once a day, and a click opens it', async () => {
    const ada = await losingTouch('Ada Lovelace')
    const { interaction } = await call(core, 'interactions.log', {
      fields: { date: '2020-02-01', contactIds: [ada.id], mode: 'in-person', summary: 'Lend her the fractions kit', followUpOn: '2020-02-08' },
    })
    const reminders = notifier()
    await reminders.check()
    expect(notifications.titles).toEqual(['Follow up with Ada Lovelace', 'Keep in touch with Ada Lovelace'])
    expect(notifications.shown[0]!.body).toMatch(/^Lend her the fractions kit · \d+ days overdue$/)
    expect(notifications.shown[1]!.body).toMatch(/^Last contact .*2020 · \d+ days overdue$/)
    notifications.shown[1]!.onClick()
    notifications.shown[0]!.onClick()
    expect(opened).toEqual([{ section: 'contacts', recordId: ada.id }, { section: 'keep-in-touch' }])

    await reminders.check()
    expect(notifications.shown).toHaveLength(2)
    await call(core, 'interactions.setFollowUpDone', { id: interaction.id, done: true })
    const bea = await losingTouch('Bea Okafor')
    await reminders.check()
    expect(notifications.titles.slice(2)).toEqual(['Keep in touch with Bea Okafor'])

    now = new Date(now.getTime() + 24 * 3600_000)
    await reminders.check()
    expect(notifications.titles.slice(3).sort()).toEqual(['Keep in touch with Ada Lovelace', 'Keep in touch with Bea Okafor'])
    expect(bea.id).not.toBe(ada.id)
  })

  it('leaves out snoozed reminders until the snooze ends', async () => {
    const ada = await losingTouch('Ada Lovelace')
    const today = localDayOf(now)
    await call(core, 'keepingInTouch.snooze', { contactId: ada.id, until: '2999-01-01' })
    const reminders = notifier()
    await reminders.check()
    expect(notifications.shown).toEqual([])
    await call(core, 'keepingInTouch.snooze', { contactId: ada.id, until: today })
    await reminders.check()
    expect(notifications.titles).toEqual(['Keep in touch with Ada Lovelace'])
  })

  it('turns more than three new reminders into one summary that opens Keep in touch', async () => {
    for (const name of ['Ada', 'Bea', 'Chen', 'Dev', 'Emile']) await losingTouch(name)
    const reminders = notifier()
    await reminders.check()
    expect(notifications.shown).toHaveLength(1)
    expect(notifications.shown[0]).toMatchObject({ title: '5 reminders due', body: 'Ada, Bea, Chen and 2 more. Open Keep in touch to act on them.' })
    notifications.shown[0]!.onClick()
    expect(opened).toEqual([{ section: 'keep-in-touch' }])
    await reminders.check()
    expect(notifications.shown).toHaveLength(1)
  })

  it('checks after start and then on its interval, until stopped', async () => {
    await losingTouch('Ada Lovelace')
    const reminders = notifier()
    reminders.start()
    expect(timers.pending.map((timer) => timer.ms)).toEqual([5_000])
    expect(notifications.shown).toEqual([])
    timers.fireNext()
    await reminders.check()
    await new Promise((resolve) => setImmediate(resolve))
    expect(notifications.titles).toEqual(['Keep in touch with Ada Lovelace'])
    expect(timers.pending.map((timer) => timer.ms)).toEqual([60_000])
    reminders.stop()
    expect(timers.pending).toEqual([])
  })

  it('remembers what it showed today across a restart (in its file), and starts afresh on a new day', async () => {
    await losingTouch('Ada Lovelace')
    const memory = shownRemindersFile(join(temp.dir, 'electron', 'reminders-shown.json'))
    await notifier({ memory }).check()
    expect(notifications.shown).toHaveLength(1)
    await notifier({ memory }).check()
    expect(notifications.shown).toHaveLength(1)
    now = new Date(now.getTime() + 24 * 3600_000)
    await notifier({ memory }).check()
    expect(notifications.shown).toHaveLength(2)
    writeFileSync(join(temp.dir, 'electron', 'reminders-shown.json'), 'not json')
    await notifier({ memory }).check()
    expect(notifications.shown).toHaveLength(3)
  })

  it('does nothing where the OS has no notifications, and logs a failed check', async () => {
    notifications.supported = false
    notifier().start()
    expect(timers.pending).toEqual([])
    expect(logged).toEqual(['OS notifications are not supported here; reminders stay in the Keep in touch screen.'])
    notifications.supported = true
    await notifier({ dispatch: async () => ({ ok: false, error: { code: 'internal', message: 'disk full' } }) }).check()
    expect(logged.at(-1)).toBe('Could not check reminders: disk full')
    expect(notifications.shown).toEqual([])
  })
})
