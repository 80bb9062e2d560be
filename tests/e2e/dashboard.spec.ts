import type { Locator, Page } from '@playwright/test'
import { generateNetwork, type GeneratedNetwork } from '../../src/shared/network/generateNetwork'
import { expectNoAxeViolationsInLightAndDark } from './support/axe'
import { expect, test } from './support/fixtures'

/** The browser and this process run on one machine, so they share the local day. */
function localDay(date = new Date()): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return localDay(new Date(year, month - 1, date + days))
}

/** A full backup as the Import screen reads it (the format of src/main/core/io/backup/backupFormat.ts). */
function backupOf(network: GeneratedNetwork): string {
  return JSON.stringify({
    format: 'staffroom-backup',
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    app: { name: 'Staffroom', version: 'e2e' },
    records: {
      contact: network.contacts,
      interaction: network.interactions,
      community: network.communities,
      event: network.events,
      goal: network.goals,
      journal: network.journal,
      resource: network.resources,
      reading: network.readings,
    },
    notes: [],
  })
}

/** The number a dashboard figure shows (its trend follows it in the same cell). */
function figureValue(page: Page, testId: string): Locator {
  return page.getByTestId(testId).locator('dd > span').first()
}

/** Bars the chart drew with a height (a week with none draws an empty one). */
async function drawnBars(chart: Locator): Promise<number> {
  await expect(chart.locator('svg.recharts-surface')).toBeVisible()
  return chart.locator('.recharts-bar-rectangle').evaluateAll((bars) => bars.filter((bar) => bar.getBoundingClientRect().height > 0).length)
}

async function importBackup(page: Page, backup: string): Promise<void> {
  await page.getByRole('link', { name: 'Import and export' }).click()
  await page.getByTestId('import-file-input').setInputFiles({ name: 'network.json', mimeType: 'application/json', buffer: Buffer.from(backup) })
  await expect(page.getByLabel('Format')).toHaveValue('backup')
  await page.getByRole('button', { name: /^Import \d+ records?$/ }).click()
  await expect(page.getByText(/^Imported /)).toBeVisible({ timeout: 30_000 })
}

function countIn(network: GeneratedNetwork, from: string, to: string) {
  const inRange = network.interactions.filter((interaction) => interaction.deletedAt === null && interaction.date >= from && interaction.date <= to)
  return { interactions: inRange.length, meaningful: inRange.filter((interaction) => interaction.meaningful >= 2).length }
}

test.describe('dashboard', () => {
  test('a new profile shows where to start, then a generated network shows its figures and charts for the chosen range; both pass axe in light and dark', async ({ page, serve }) => {
    test.setTimeout(210_000)
    // A new profile: the dashboard says where to start.
    await page.goto(serve.homeUrl)
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
    await expect(page.getByText(/^No goals yet/)).toBeVisible()
    await expect(page.getByText(/^No interactions logged in this period/)).toBeVisible()
    await expect(page.getByText(/^No contacts or communities yet/)).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'the empty dashboard')

    // The same profile with a generated network imported.
    const today = localDay()
    const network = generateNetwork({ seed: 6, contacts: 40, interactions: 400, today })
    await importBackup(page, backupOf(network))

    await page.goto(serve.homeUrl)
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
    const last30 = countIn(network, addDays(today, -29), today)
    expect(last30.interactions, 'the seed puts interactions in the last 30 days').toBeGreaterThan(0)
    await expect(figureValue(page, 'figure-interactions')).toHaveText(String(last30.interactions))
    await expect(figureValue(page, 'figure-meaningful')).toHaveText(String(last30.meaningful))
    // The trend compares with the 30 days before, which the figure names on hover.
    const previous30 = countIn(network, addDays(today, -59), addDays(today, -30))
    await expect(page.getByTestId('figure-interactions').locator('[data-trend]')).toHaveAttribute('title', `${previous30.interactions} in the previous 30 days`)

    // The charts drew bars from the data, and their numbers are in the tables too.
    const engagement = page.getByTestId('chart-engagement')
    await expect(engagement.getByRole('img', { name: 'Interactions and meaningful conversations per week' })).toBeVisible()
    await expect.poll(() => drawnBars(engagement)).toBeGreaterThan(0)
    const weeks = engagement.getByRole('table').getByRole('row')
    const weekCounts = await weeks.evaluateAll((rows) => rows.slice(1).map((row) => Number(row.querySelector('td')?.textContent)))
    expect(weekCounts.reduce((sum, n) => sum + n, 0)).toBe(last30.interactions)
    await expect.poll(() => drawnBars(page.getByTestId('chart-balance'))).toBeGreaterThan(0)

    // The radio is visually hidden behind its segment: click the segment as a person would.
    await page.getByRole('radiogroup', { name: 'Date range' }).getByText('Last 90 days', { exact: true }).click()
    const last90 = countIn(network, addDays(today, -89), today)
    await expect(page).toHaveURL(new RegExp(`#/dashboard\\?from=${addDays(today, -89)}&to=${today}$`))
    await expect(figureValue(page, 'figure-interactions')).toHaveText(String(last90.interactions))
    await page.reload()
    await expect(page.getByRole('radio', { name: 'Last 90 days' })).toBeChecked()
    await expect(figureValue(page, 'figure-interactions')).toHaveText(String(last90.interactions))

    const goalLinks = page.getByRole('list', { name: 'Goals by urgency' }).getByRole('link')
    await expect(goalLinks).toHaveCount(network.goals.length)
    const hrefs = await goalLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    expect(hrefs.sort()).toEqual(network.goals.map((goal) => `#/goals?id=${goal.id}`).sort())

    await expectNoAxeViolationsInLightAndDark(page, 'the dashboard with a generated network')
  })
})
