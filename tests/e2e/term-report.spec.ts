import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import WebSocket from 'ws'
import { expectNoAxeViolations, expectNoAxeViolationsInLightAndDark } from './support/axe'
import { expect, test } from './support/fixtures'
import type { ServeProcess } from './support/ServeProcess'

/** The browser and this process run on one machine, so they share the local day. */
function localDay(date = new Date()): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return localDay(new Date(year, month - 1, date + days))
}

/** Calls the core over the app's own RPC socket, with the session the page signed in with. */
async function callCore<T>(page: Page, serve: ServeProcess, method: string, args: unknown): Promise<T> {
  const cookie = (await page.context().cookies(serve.origin)).map((c) => `${c.name}=${c.value}`).join('; ')
  const socket = new WebSocket(`ws://127.0.0.1:${serve.port}/rpc`, { headers: { Cookie: cookie, Origin: serve.origin } })
  try {
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    const reply = new Promise<{ ok: boolean; value?: T; error?: { message: string } }>((resolve) =>
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { id?: number; result?: { ok: boolean; value?: T } }
        if (message.id === 1 && message.result) resolve(message.result)
      }),
    )
    socket.send(JSON.stringify({ id: 1, method, args }))
    const result = await reply
    if (!result.ok) throw new Error(`${method}: ${result.error?.message}`)
    return result.value as T
  } finally {
    socket.close()
  }
}

test.describe('term report', () => {
  test('the dashboard’s range and its check-ins saved as a standalone page with the figures and texts, no script', async ({ page, serve, context }) => {
    const today = localDay()
    await page.goto(serve.homeUrl)
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()

    const { contact } = await callCore<{ contact: { id: string } }>(page, serve, 'contacts.create', { fields: { name: 'Ana Ruiz' } })
    for (const [date, mode, meaningful] of [
      [today, 'in-person', 3],
      [addDays(today, -3), 'online', 2],
      [addDays(today, -10), 'online', 0],
    ] as const)
      await callCore(page, serve, 'interactions.log', { fields: { date, contactIds: [contact.id], mode, meaningful, summary: 'Talked assessment' } })
    await callCore(page, serve, 'checkIns.create', {
      fields: {
        date: today,
        cadence: 'weekly',
        periodStart: addDays(today, -6),
        periodEnd: today,
        goalsRating: 4,
        goalsText: 'Mentoring is on track </script><script>alert("report")</script>',
        conversationsRating: 5,
        conversationsText: 'Ana shared her <img src=x onerror=alert(1)> rubric',
      },
    })

    await page.reload()
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
    // By keyboard: the button opens the menu, whose items are reached with the arrow keys.
    await page.getByRole('button', { name: 'Term report' }).focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('menuitem', { name: 'Save as web page (.html)' })).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'the dashboard with the term report menu open')
    const downloading = page.waitForEvent('download')
    // Opened by keyboard, the menu puts focus on its first item (the menu button pattern).
    await expect(page.getByRole('menuitem', { name: 'Save as web page (.html)' })).toBeFocused()
    await page.keyboard.press('ArrowDown')
    await expect(page.getByRole('menuitem', { name: 'Print or save as PDF…' })).toBeFocused()
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Enter')
    const download = await downloading
    const from = addDays(today, -29)
    expect(download.suggestedFilename()).toBe(`Term report ${from} to ${today}.html`)
    const html = readFileSync(await download.path(), 'utf8')

    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`)
    expect(html).not.toMatch(/<script|<img|<iframe|<link/i)
    expect(html).toContain('Mentoring is on track &#60;/script&#62;&#60;script&#62;alert(&#34;report&#34;)&#60;/script&#62;')
    expect(html).toContain('Ana shared her &#60;img src=x onerror=alert(1)&#62; rubric')
    expect(html).toMatch(/<tr><td>Interactions<\/td><td class="num">3<\/td>/)
    expect(html).toMatch(/<tr><td>Meaningful conversations<\/td><td class="num">2<\/td>/)
    expect(html).toContain('33% of interactions were in person')

    // Opened on its own, the page shows the report, runs nothing and passes axe.
    const report = await context.newPage()
    const dialogs: string[] = []
    report.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await report.setContent(html)
    await expect(report.getByRole('heading', { name: /^Term report: /, level: 1 })).toBeVisible()
    await expect(report.getByRole('heading', { name: 'Check-ins', level: 2 })).toBeVisible()
    await expect(report.getByText('Mentoring is on track </script><script>alert("report")</script>')).toBeVisible()
    await expect(report.getByRole('img', { name: 'Interactions and meaningful conversations per week' })).toBeVisible()
    await expectNoAxeViolations(report, 'the term report page')
    expect(dialogs).toEqual([])
  })
})
