import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { termReportLimits } from '@shared/api/termReport'
import { checkInFields, type CheckInFields } from '@shared/network/records'
import type { Core } from '../Core'
import type { CoreContext } from '../api/CoreContext'
import { openCore } from '../createCore'
import { softDelete } from '../network/recordOps'
import { call } from '../testing/coreHarness'
import { makeTempDir } from '../testing/tempDir'

let temp: ReturnType<typeof makeTempDir>
let core: Core
let ctx: CoreContext
beforeEach(async () => {
  temp = makeTempDir()
  const opened = await openCore({ dataDir: join(temp.dir, 'a'), deviceName: 'Ms Diallo' })
  core = opened.core
  ctx = opened.internals.ctx
})
afterEach(async () => {
  await core.shutdown()
  temp.remove()
})

const period = { from: '2026-09-01', to: '2026-09-30', today: '2026-09-30' }

const checkIn = (fields: Partial<CheckInFields>) =>
  ctx.network.store.create('checkin', checkInFields.parse({ date: '2026-09-14', cadence: 'weekly', periodStart: '2026-09-07', periodEnd: '2026-09-13', ...fields }))

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ')
}

describe('termReport through the core', () => {
  it('makes the page from the dashboard’s summary and the check-ins written in or about the period', async () => {
    const { contact: ana } = await call(core, 'contacts.create', { fields: { name: 'Ana <b>Ruiz</b>', subjects: ['Maths'] } })
    await call(core, 'goals.create', { fields: { title: 'Talk shop monthly', target: { kind: 'meaningful-conversations', count: 4 }, startsOn: '2026-09-01', deadline: '2026-12-18' } })
    for (const [date, mode, meaningful, followUpOn] of [
      ['2026-09-02', 'in-person', 3, null],
      ['2026-09-09', 'online', 2, '2026-09-15'],
      ['2026-09-10', 'online', 0, null],
      ['2026-08-20', 'online', 0, null],
    ] as const)
      await call(core, 'interactions.log', { fields: { date, contactIds: [ana.id], mode, meaningful, followUpOn, summary: `Chat on ${date}` } })
    await checkIn({ goalsRating: 4, goalsText: 'Two good talks </script><script>alert(1)</script>', conversationsRating: 5, conversationsText: 'Ana’s <img src=x onerror=alert(1)> idea' })
    // Written the day after the term it is about: still this period's.
    await checkIn({ date: '2026-10-01', cadence: 'monthly', periodStart: '2026-09-01', periodEnd: '2026-09-30', learningRating: 3, learningText: 'Read two papers on feedback' })
    await checkIn({ date: '2026-08-30', periodStart: '2026-08-24', periodEnd: '2026-08-30', adjustText: 'Last term’s check-in' })
    await checkIn({ date: '2026-10-05', cadence: 'monthly', periodStart: '2026-09-05', periodEnd: '2026-10-04', adjustText: 'Mostly next month' })
    const deleted = await checkIn({ date: '2026-09-21', adjustText: 'Thrown away' })
    await softDelete(ctx.network, 'checkin', [deleted.id])

    const summary = await call(core, 'dashboard.summary', period)
    expect(summary.engagement.interactions.current).toBe(3)
    const report = await call(core, 'termReport.html', period)
    expect(report.fileName).toBe('Term report 2026-09-01 to 2026-09-30.html')
    const text = textOf(report.html)
    expect(text).toContain('Prepared by Ms Diallo')
    // The figures are the dashboard's.
    expect(text).toContain(`Interactions 3 ${summary.engagement.interactions.previous} `)
    expect(text).toContain(`Meaningful conversations ${summary.engagement.meaningful.current} `)
    expect(text).toContain(`${Math.round(summary.balance.inPersonShare.current! * 100)}% of interactions were in person`)
    expect(text).toContain(`Talk shop monthly active ${summary.goals.rows[0]!.progress!.current} of 4 meaningful conversations`)
    expect(text).toContain(`Chat on 2026-09-09 9 Sep 2026 Ana <b>Ruiz</b> ${summary.keepingInTouch.followUpsDue[0]!.daysOverdue}`)
    // The check-ins of the period, oldest first, in full; not the earlier, later or deleted ones.
    expect([...text.matchAll(/Check-in of ([^(]+)\(/g)].map((m) => m[1]!.trim())).toEqual(['14 Sep 2026', '1 Oct 2026'])
    expect(text).toContain(`Are you achieving your goals? Rating: 4 / 5 ${'Two good talks </script><script>alert(1)</script>'}`)
    expect(text).toContain('Read two papers on feedback')
    expect(text).not.toMatch(/Last term’s check-in|Mostly next month|Thrown away/)
    expect(report.html).not.toMatch(/<script|<img/i)
  })

  it('refuses a backwards period, and PDF outside the desktop app, with what to do instead', async () => {
    expect(await core.dispatch('termReport.html', { ...period, from: '2026-10-01' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/from is after to/) } })
    expect(await core.dispatch('termReport.html', { from: 'September', to: '2026-09-30', today: '2026-09-30' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await core.dispatch('termReport.pdf', period)).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/desktop app.*Print/) } })
  })

  it('keeps the newest check-ins when a period has more than a report lists, and says how many are left out', async () => {
    const days = termReportLimits.checkIns + 2
    for (let i = 0; i < days; i++) {
      const date = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)
      await checkIn({ date, cadence: 'weekly', periodStart: date, periodEnd: date, goalsText: `Note ${i}` })
    }
    const report = await call(core, 'termReport.html', { from: '2026-01-01', to: '2026-12-31', today: '2026-12-31' })
    const text = textOf(report.html)
    expect(text).toContain('The 2 oldest check-ins of the period are left out')
    expect(text).not.toMatch(/Note 0 |Note 1 /)
    expect(text).toContain('Note 2 ')
    expect(text).toContain(`Note ${days - 1} `)
    expect(text.match(/Check-in of /g)).toHaveLength(termReportLimits.checkIns)
  })
})
