import type { OpenTarget } from '@shared/api/events'
import type { KeepingInTouchResults } from '@shared/api/keepingInTouch'
import type { RpcResult } from '@shared/errors'
import { unrefTimers, type DesktopTimers } from './desktop/timers'
import type { NotificationPort } from './ports'

type Overview = KeepingInTouchResults['keepingInTouch.overview']

/** One due reminder, as the notifier words it. */
export interface DueReminder {
  /** Stable per item and kind: "contact:<id>" or "follow-up:<id>". */
  key: string
  title: string
  body: string
  target: OpenTarget
}

export type ReminderTimers = DesktopTimers

/** The reminders already shown on a day, kept across restarts so reopening the app does not repeat them. */
export interface ShownReminders {
  day: string
  keys: string[]
}

export interface ReminderNotifierOptions {
  /** The core's in-process dispatch. */
  dispatch(method: string, args: unknown): Promise<RpcResult<unknown>>
  notifications: NotificationPort
  /** Focuses the window and shows this place in it. */
  open(target: OpenTarget): void
  log(message: string): void
  /** Now, for the local day the reminders are due on (injectable for tests). */
  now?: () => Date
  timers?: ReminderTimers
  /** The first check, after start (the window has loaded by then, so a click can open something). */
  firstCheckAfterMs?: number
  /** Then every this often (new reminders appear as days pass and cadences run out). */
  intervalMs?: number
  /** More newly due reminders than this at once become one summary notification. */
  maxSeparate?: number
  /** Where the day's shown reminders are kept between runs (none: in memory only). */
  memory?: { load(): ShownReminders | undefined; save(shown: ShownReminders): void }
}

/** YYYY-MM-DD of `date` in the computer's time zone: reminders fall due on the teacher's day. */
export function localDayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** "1 Feb 2020", in the computer's language. */
function formatDay(day: string): string {
  return new Date(`${day}T00:00:00`).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
}

function overdue(days: number): string {
  return days <= 0 ? 'due today' : `${days} day${days === 1 ? '' : 's'} overdue`
}

/** The overview's rows as notifications (snoozed contacts and follow-ups are already left out by the core). */
export function remindersOf(overview: Overview): DueReminder[] {
  const losing = overview.losingTouch.map(({ contact, daysOverdue }) => ({
    key: `contact:${contact.id}`,
    title: `Keep in touch with ${contact.name}`,
    body: [contact.lastInteractionOn ? `Last contact ${formatDay(contact.lastInteractionOn)}` : 'No interactions yet', overdue(daysOverdue)].join(' · '),
    target: { section: 'contacts', recordId: contact.id } as const,
  }))
  const followUps = overview.followUpsDue.map(({ interaction, daysOverdue }) => {
    const names = interaction.contacts.map((contact) => contact.name).join(', ')
    return {
      key: `follow-up:${interaction.id}`,
      title: names ? `Follow up with ${names}` : 'Follow-up due',
      body: [interaction.summary, overdue(daysOverdue)].filter(Boolean).join(' · '),
      target: { section: 'keep-in-touch' } as const,
    }
  })
  return [...followUps, ...losing]
}

/**
 * Shows an OS notification for each reminder that falls due: contacts losing touch and follow-ups
 * due, as `keepingInTouch.overview` reports them on the local day. Checks soon after start and then
 * periodically; an item is shown once a day at most, snoozed items not at all (the core leaves them
 * out), and more than `maxSeparate` new ones at once become a single summary. Clicking a
 * notification opens the contact (or the Keep in touch screen) in the window.
 */
export class ReminderNotifier {
  private readonly timers: ReminderTimers
  private readonly now: () => Date
  private handle: unknown
  private stopped = false
  private running: Promise<void> | undefined
  /** Keys shown on `day`; a new day starts afresh, so a reminder still due is shown again. */
  private shown = { day: '', keys: new Set<string>() }

  constructor(private readonly options: ReminderNotifierOptions) {
    this.timers = options.timers ?? unrefTimers
    this.now = options.now ?? (() => new Date())
    const saved = options.memory?.load()
    if (saved) this.shown = { day: saved.day, keys: new Set(saved.keys) }
  }

  start(): void {
    if (!this.options.notifications.isSupported()) {
      this.options.log('OS notifications are not supported here; reminders stay in the Keep in touch screen.')
      return
    }
    this.schedule(this.options.firstCheckAfterMs ?? 10_000)
  }

  stop(): void {
    this.stopped = true
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle)
    this.handle = undefined
  }

  /** Asks the core what is due and notifies what is new today. One check at a time. */
  check(): Promise<void> {
    this.running ??= this.checkOnce().finally(() => (this.running = undefined))
    return this.running
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    this.handle = this.timers.setTimeout(() => {
      void this.check().finally(() => this.schedule(this.options.intervalMs ?? 15 * 60_000))
    }, ms)
  }

  private async checkOnce(): Promise<void> {
    const today = localDayOf(this.now())
    const result = await this.options.dispatch('keepingInTouch.overview', { today, limit: 100 })
    if (this.stopped) return
    if (!result.ok) return this.options.log(`Could not check reminders: ${result.error.message}`)
    const overview = result.value as Partial<Overview>
    if (!Array.isArray(overview.losingTouch) || !Array.isArray(overview.followUpsDue)) return this.options.log('Could not check reminders: unexpected answer')
    if (this.shown.day !== today) this.shown = { day: today, keys: new Set() }
    const fresh = remindersOf(overview as Overview).filter((reminder) => !this.shown.keys.has(reminder.key))
    for (const reminder of fresh) this.shown.keys.add(reminder.key)
    if (fresh.length > 0) this.remember()
    this.notify(fresh)
  }

  private remember(): void {
    try {
      this.options.memory?.save({ day: this.shown.day, keys: [...this.shown.keys] })
    } catch (error) {
      this.options.log(`Could not remember the reminders shown today: ${String(error)}`)
    }
  }

  private notify(fresh: DueReminder[]): void {
    const { notifications, open } = this.options
    if (fresh.length === 0) return
    if (fresh.length <= (this.options.maxSeparate ?? 3)) {
      for (const reminder of fresh) notifications.show({ title: reminder.title, body: reminder.body, onClick: () => open(reminder.target) })
      return
    }
    const names = fresh.slice(0, 3).map((reminder) => reminder.title.replace(/^(Keep in touch|Follow up) with /, ''))
    notifications.show({
      title: `${fresh.length} reminders due`,
      body: `${names.join(', ')}${fresh.length > 3 ? ` and ${fresh.length - 3} more` : ''}. Open Keep in touch to act on them.`,
      onClick: () => open({ section: 'keep-in-touch' }),
    })
  }
}
