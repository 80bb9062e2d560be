import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../core/Core'
import { createCore } from '../../core/createCore'
import { call } from '../../core/testing/coreHarness'
import { makeTempDir } from '../../core/testing/tempDir'
import { badgeFor, WindowsOverlayBadge, type OverlayWindowApi } from './badges'
import { DueBadge, dueDescription, type BadgePort, type DueBadgeOptions } from './DueBadge'
import { ManualTimers } from './testing/ManualTimers'

class FakeBadge implements BadgePort {
  readonly set: Array<[number, string]> = []
  fail = false
  setCount(count: number, description: string): void {
    if (this.fail) throw new Error('dock gone')
    this.set.push([count, description])
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('DueBadge with a real core', () => {
  let temp: ReturnType<typeof makeTempDir>
  let core: Core
  let badge: FakeBadge
  let timers: ManualTimers
  let logged: string[]

  beforeEach(async () => {
    temp = makeTempDir()
    core = await createCore({ dataDir: join(temp.dir, 'profile') })
    badge = new FakeBadge()
    timers = new ManualTimers()
    logged = []
  })
  afterEach(async () => {
    await core.shutdown()
    temp.remove()
  })

  function dueBadge(overrides: Partial<DueBadgeOptions> = {}) {
    return new DueBadge({ dispatch: (method, args) => core.dispatch(method, args), badge, log: (line) => logged.push(line), timers, intervalMs: 120_000, ...overrides })
  }

  /** A contact whose 30-day cadence ran out long ago. */
  async function losingTouch(name: string) {
    const { contact } = await call(core, 'contacts.create', { fields: { name, cadenceDays: 30 } })
    await call(core, 'interactions.log', { fields: { date: '2020-01-01', contactIds: [contact.id], mode: 'online' } })
    return contact
  }

  it('counts contacts losing touch and follow-ups due, and changes the badge only when the count changes', async () => {
    const due = dueBadge()
    await due.refresh()
    expect(badge.set).toEqual([[0, '']])
    const ada = await losingTouch('Ada')
    await losingTouch('Bea')
    const { interaction } = await call(core, 'interactions.log', { fields: { date: '2020-02-01', contactIds: [ada.id], mode: 'in-person', summary: 'Fractions kit', followUpOn: '2020-02-08' } })
    await due.refresh()
    await due.refresh()
    expect(badge.set).toEqual([[0, ''], [3, '1 follow-up due and 2 contacts to get back in touch with']])
    expect(due.count).toBe(3)
    await call(core, 'interactions.setFollowUpDone', { id: interaction.id, done: true })
    await call(core, 'keepingInTouch.snooze', { contactId: ada.id, until: '2999-01-01' })
    await due.refresh()
    expect(badge.set.at(-1)).toEqual([1, '1 contact to get back in touch with'])
  })

  it('counts every item, not only the first rows of the overview', async () => {
    for (let i = 0; i < 4; i++) await losingTouch(`Contact ${i}`)
    await dueBadge().refresh()
    expect(badge.set).toEqual([[4, '4 contacts to get back in touch with']])
  })

  it('refreshes at start and then on its interval, until stopped; the timers are the injected ones', async () => {
    const due = dueBadge()
    due.start()
    await settle()
    expect(badge.set).toEqual([[0, '']])
    expect(timers.pending.map((timer) => timer.ms)).toEqual([120_000])
    await losingTouch('Ada')
    timers.fireAll()
    await due.refresh()
    await settle()
    expect(badge.set.at(-1)).toEqual([1, '1 contact to get back in touch with'])
    expect(timers.pending.map((timer) => timer.ms)).toEqual([120_000])
    due.stop()
    expect(timers.pending).toEqual([])
  })

  it('refreshes on index changes to contacts, interactions or settings, and runs once more if asked while counting', async () => {
    const asked: string[] = []
    const due = dueBadge({
      dispatch: (method, args) => {
        asked.push(method)
        return core.dispatch(method, args)
      },
    })
    due.onCoreEvent({ event: 'index.changed', payload: { kinds: ['notes'], ids: [] } })
    due.onCoreEvent({ event: 'progress', payload: { kinds: ['contacts'] } })
    due.onCoreEvent({ event: 'index.changed', payload: null })
    expect(asked).toEqual([])
    await losingTouch('Ada')
    due.onCoreEvent({ event: 'index.changed', payload: { kinds: ['contacts'], ids: [] } })
    due.onCoreEvent({ event: 'index.changed', payload: { kinds: ['settings'], ids: [] } })
    await due.refresh()
    expect(asked).toEqual(['keepingInTouch.overview', 'keepingInTouch.overview'])
    expect(badge.set).toEqual([[1, '1 contact to get back in touch with']])
  })

  it('logs, never throws, when the core or the badge fails, and tries the badge again next time', async () => {
    await dueBadge({ dispatch: async () => ({ ok: false, error: { code: 'internal', message: 'disk full' } }) }).refresh()
    await dueBadge({ dispatch: async () => ({ ok: true, value: { losingTouchTotal: -1, followUpsDueTotal: 0 } }) }).refresh()
    await dueBadge({ dispatch: () => Promise.reject(new Error('core closed')) }).refresh()
    expect(logged).toEqual(['Could not count the reminders due: disk full', 'Could not count the reminders due: unexpected answer', 'Could not count the reminders due: core closed'])
    expect(badge.set).toEqual([])
    const due = dueBadge()
    badge.fail = true
    await due.refresh()
    expect(logged.at(-1)).toBe('Could not update the badge: dock gone')
    badge.fail = false
    await due.refresh()
    expect(badge.set).toEqual([[0, '']])
  })
})

describe('badge adapters', () => {
  class FakeOverlayWindow implements OverlayWindowApi<string> {
    readonly overlays: Array<[string | null, string]> = []
    destroyed = false
    setOverlayIcon(overlay: string | null, description: string): void {
      this.overlays.push([overlay, description])
    }
    isDestroyed(): boolean {
      return this.destroyed
    }
  }

  it('words the description in the singular and plural', () => {
    expect(dueDescription(0, 0)).toBe('')
    expect(dueDescription(2, 0)).toBe('2 follow-ups due')
    expect(dueDescription(1, 1)).toBe('1 follow-up due and 1 contact to get back in touch with')
  })

  it('puts the count on the dock or launcher icon on macOS and Linux, and says once when the desktop shows none', () => {
    const counts: number[] = []
    const logged: string[] = []
    let supported = true
    const app = { setBadgeCount: (count: number) => (counts.push(count), supported) }
    for (const platform of ['darwin', 'linux'] as const) {
      const badge = badgeFor(platform, { app, window: () => undefined, overlayImage: () => 'badge.png', log: (line) => logged.push(line) })
      badge.setCount(3, '3 follow-ups due')
      badge.setCount(0, '')
    }
    expect(counts).toEqual([3, 0, 3, 0])
    supported = false
    const badge = badgeFor('linux', { app, window: () => undefined, overlayImage: () => 'badge.png', log: (line) => logged.push(line) })
    badge.setCount(2, '')
    badge.setCount(1, '')
    expect(logged).toHaveLength(1)
    badgeFor('freebsd', { app, window: () => undefined, overlayImage: () => 'badge.png', log: (line) => logged.push(line) }).setCount(5, '')
    expect(counts).toEqual([3, 0, 3, 0, 2, 1])
  })

  it('shows an overlay icon with the count as its description on Windows, and clears it at 0', () => {
    const window = new FakeOverlayWindow()
    const badge = badgeFor('win32', { app: { setBadgeCount: () => false }, window: () => window, overlayImage: () => 'badge.png', log: () => {} })
    expect(badge).toBeInstanceOf(WindowsOverlayBadge)
    badge.setCount(3, '3 follow-ups due')
    badge.setCount(0, '')
    expect(window.overlays).toEqual([['badge.png', '3 follow-ups due'], [null, '']])
  })

  it('sets the overlay again once a window hidden at start (no taskbar button) is shown, and skips a closed window', () => {
    let current: FakeOverlayWindow | undefined = undefined
    const badge = new WindowsOverlayBadge(() => current, () => 'badge.png')
    badge.reapply()
    badge.setCount(2, '2 follow-ups due')
    current = new FakeOverlayWindow()
    badge.reapply()
    expect(current.overlays).toEqual([['badge.png', '2 follow-ups due']])
    current.destroyed = true
    badge.setCount(1, '1 follow-up due')
    expect(current.overlays).toHaveLength(1)
  })
})
