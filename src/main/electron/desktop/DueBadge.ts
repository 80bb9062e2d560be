import type { IndexKind } from '@shared/api/events'
import type { KeepingInTouchResults } from '@shared/api/keepingInTouch'
import type { RpcResult } from '@shared/errors'
import { localDayOf } from '../ReminderNotifier'
import { unrefTimers, type DesktopTimers } from './timers'

type Overview = KeepingInTouchResults['keepingInTouch.overview']

/** Where the count shows: the dock or launcher badge, or the Windows taskbar overlay. */
export interface BadgePort {
  /** 0 clears the badge; `description` is for screen readers ("3 follow-ups due"). */
  setCount(count: number, description: string): void
}

export interface DueBadgeOptions {
  /** The core's in-process dispatch. */
  dispatch(method: string, args: unknown): Promise<RpcResult<unknown>>
  badge: BadgePort
  log(message: string): void
  now?: () => Date
  timers?: DesktopTimers
  /** How often to look again without being told (days pass, cadences run out). */
  intervalMs?: number
}

/** The index kinds that can change what is due. */
const dueKinds: readonly IndexKind[] = ['contacts', 'interactions', 'settings']

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** "2 follow-ups due and 1 contact to get back in touch with". */
export function dueDescription(followUps: number, contacts: number): string {
  const parts = [followUps > 0 ? `${plural(followUps, 'follow-up')} due` : '', contacts > 0 ? `${plural(contacts, 'contact')} to get back in touch with` : '']
  return parts.filter(Boolean).join(' and ')
}

function total(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined
}

/**
 * A badge with the number of keep-in-touch items due today: contacts losing touch and follow-ups
 * due, the same items the reminder notifications come from (`keepingInTouch.overview`, snoozed
 * ones already left out by the core). Its totals count every item, not only the rows listed.
 * Refreshed at start, every few minutes, and when the shell says the data changed. The badge is
 * only touched when the count changes; a failure is logged, never thrown.
 */
export class DueBadge {
  private readonly timers: DesktopTimers
  private readonly now: () => Date
  private handle: unknown
  private stopped = false
  private running: Promise<void> | undefined
  private again = false
  private shown: number | undefined

  constructor(private readonly options: DueBadgeOptions) {
    this.timers = options.timers ?? unrefTimers
    this.now = options.now ?? (() => new Date())
  }

  /** The count on the badge now (undefined before the first refresh). */
  get count(): number | undefined {
    return this.shown
  }

  start(): void {
    void this.refresh()
    this.schedule()
  }

  stop(): void {
    this.stopped = true
    if (this.handle !== undefined) this.timers.clearTimeout(this.handle)
    this.handle = undefined
  }

  /** Counts again; a call while counting runs one more count after it (the data changed meanwhile). */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      do {
        this.again = false
        await this.refreshOnce()
      } while (this.again && !this.stopped)
    })().finally(() => (this.running = undefined))
    return this.running
  }

  /** For core.onEvent: refreshes when contacts, interactions or keep-in-touch settings changed. */
  onCoreEvent(message: { event: string; payload: unknown }): void {
    if (message.event !== 'index.changed') return
    const kinds = (message.payload as { kinds?: unknown } | undefined)?.kinds
    if (Array.isArray(kinds) && kinds.some((kind) => dueKinds.includes(kind as IndexKind))) void this.refresh()
  }

  private schedule(): void {
    if (this.stopped) return
    this.handle = this.timers.setTimeout(() => {
      void this.refresh().finally(() => this.schedule())
    }, this.options.intervalMs ?? 5 * 60_000)
  }

  private async refreshOnce(): Promise<void> {
    if (this.stopped) return
    let result: RpcResult<unknown>
    try {
      // Only the totals are needed; one row of each keeps the answer small.
      result = await this.options.dispatch('keepingInTouch.overview', { today: localDayOf(this.now()), limit: 1 })
    } catch (error) {
      return this.options.log(`Could not count the reminders due: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (this.stopped) return
    if (!result.ok) return this.options.log(`Could not count the reminders due: ${result.error.message}`)
    const overview = result.value as Partial<Overview> | null
    const followUps = total(overview?.followUpsDueTotal)
    const contacts = total(overview?.losingTouchTotal)
    if (followUps === undefined || contacts === undefined) return this.options.log('Could not count the reminders due: unexpected answer')
    this.show(followUps + contacts, dueDescription(followUps, contacts))
  }

  private show(count: number, description: string): void {
    if (count === this.shown) return
    try {
      this.options.badge.setCount(count, description)
      this.shown = count
    } catch (error) {
      this.options.log(`Could not update the badge: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}
