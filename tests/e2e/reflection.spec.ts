import type { Page } from '@playwright/test'
import { createContact } from './support/app'
import { expectNoAxeViolationsInLightAndDark } from './support/axe'
import { expect, test } from './support/fixtures'

/** The browser and this process run on one machine, so they share the local day. */
function localDay(offsetDays = 0): string {
  const date = new Date()
  date.setDate(date.getDate() + offsetDays)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

/** Logs an interaction with the contact whose page is open, on a given day. */
async function logInteraction(page: Page, date: string): Promise<void> {
  await page.getByRole('button', { name: 'Log interaction' }).click()
  const dialog = page.getByRole('dialog', { name: 'Log interaction' })
  await dialog.getByLabel('Date').fill(date)
  await dialog.getByLabel('Summary').fill('Talked about fractions')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('interaction-item')).toHaveCount(1)
}

async function addSetback(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Journal', exact: true }).click()
  await page.getByRole('link', { name: 'New entry' }).click()
  const form = page.getByRole('form', { name: 'New entry' })
  await form.getByLabel('Kind').selectOption('setback')
  await form.getByLabel('Title').fill(title)
  await form.getByLabel('What happened').fill('The lesson fell apart after ten minutes.')
  await form.getByRole('button', { name: 'Add entry' }).click()
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible()
}

/** Writes a check-in from #/check-ins: two ratings and a note; returns when it is open. */
async function saveCheckIn(page: Page, note: string): Promise<void> {
  await page.getByRole('button', { name: 'Start check-in' }).click()
  const form = page.getByRole('form', { name: 'New check-in' })
  await expect(form.getByTestId('check-in-figures')).toBeVisible()
  // The radio is visually hidden behind its segment: click the segment as a person would.
  await form.getByRole('group', { name: 'Are you achieving your goals?' }).getByText('4', { exact: true }).click()
  await form.getByRole('group', { name: 'Are you learning and growing?' }).getByText('3', { exact: true }).click()
  await form.getByLabel('Notes on your goals').fill(note)
  await form.getByRole('button', { name: 'Save check-in' }).click()
  await expect(page.getByRole('article', { name: /^Check-in of / })).toContainText(note)
}

test.describe('reflection', () => {
  test('the dashboard suggests reconnecting and writing a lesson; each opens its data, and Dismiss hides one (Undo brings it back)', async ({ page, serve }) => {
    test.setTimeout(90_000)
    await page.goto(serve.url)
    await createContact(page, 'Ada Okafor', { cadenceDays: 30 })
    await logInteraction(page, localDay(-94))
    await addSetback(page, 'Lost the class on Friday')

    await page.goto(serve.homeUrl)
    const panel = page.getByTestId('suggestions-panel')
    const reconnect = panel.getByTestId('suggestion').filter({ hasText: 'Reconnect with Ada Okafor' })
    await expect(reconnect).toContainText('You last spoke with Ada Okafor 94 days ago; you planned every 30 days.')
    await expect(reconnect).toContainText('64 days')
    const lesson = panel.getByTestId('suggestion').filter({ hasText: 'Write down what a setback taught you' })
    await expect(lesson).toContainText('“Lost the class on Friday”')

    await reconnect.getByRole('link', { name: 'Open Ada Okafor' }).click()
    await expect(page).toHaveURL(/#\/contacts\?id=/)
    await expect(page.getByRole('heading', { name: 'Ada Okafor', level: 2 })).toBeVisible()

    await page.goBack()
    await lesson.getByRole('link', { name: 'Add the lesson' }).click()
    await expect(page).toHaveURL(/#\/journal\?id=.+&edit=1/)
    const edit = page.getByRole('form', { name: 'Edit Lost the class on Friday' })
    await expect(edit.getByLabel('What I learned')).toBeVisible()

    await page.goBack()
    await reconnect.getByRole('button', { name: 'Dismiss “Reconnect with Ada Okafor”' }).click()
    await expect(reconnect).toHaveCount(0)
    await expect(lesson).toBeVisible()
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(reconnect).toBeVisible()
    await reconnect.getByRole('button', { name: /^Dismiss/ }).click()
    await expect(reconnect).toHaveCount(0)
    // Dismissed for good: kept in the workspace, so a reload does not bring it back.
    await page.reload()
    await expect(lesson).toBeVisible()
    await expect(reconnect).toHaveCount(0)

    // Writing the lesson settles the other suggestion by itself.
    await lesson.getByRole('link', { name: 'Add the lesson' }).click()
    await edit.getByLabel('What I learned').fill('Start with a routine they know.')
    await edit.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByRole('heading', { name: 'Lost the class on Friday', level: 2 })).toBeVisible()
    await page.goto(serve.homeUrl)
    await expect(panel.getByText(/Nothing to suggest for this period/)).toBeVisible()
  })

  test('a check-in is saved from #/check-ins with the period’s figures and appears in the history', async ({ page, serve }) => {
    test.setTimeout(90_000)
    await page.goto(`${serve.homeUrl}#/check-ins`)
    await expect(page.getByRole('heading', { name: 'Check-ins', level: 1 })).toBeVisible()
    await expect(page.getByTestId('check-in-due')).toContainText('A check-in is due for')
    await expect(page.getByText('No check-ins yet')).toBeVisible()

    await saveCheckIn(page, 'Two of my goals moved this month.')
    await expect(page).toHaveURL(/#\/check-ins\?id=/)
    const history = page.getByRole('list', { name: 'Check-in history' })
    await expect(history.getByTestId('check-in-history-item')).toHaveCount(1)
    await expect(history).toContainText('Goals 4 · Conversations – · Learning 3 · Network fit –')
    await expect(page.getByTestId('check-in-due')).toContainText('The next check-in is due on')

    // The dashboard no longer says one is due.
    await page.goto(serve.homeUrl)
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
    await expect(page.getByTestId('suggestions-panel')).toBeVisible()
    await expect(page.getByTestId('check-in-due-card')).toHaveCount(0)
  })

  test('#/check-ins passes axe in light and dark: the form, one check-in, the history and the chart', async ({ page, serve }) => {
    // Three screens, each checked in light and dark: six axe runs.
    test.setTimeout(150_000)
    await page.goto(`${serve.homeUrl}#/check-ins`)
    await expect(page.getByText('No check-ins yet')).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'check-ins, empty')
    await saveCheckIn(page, 'First check-in.')
    await saveCheckIn(page, 'Second check-in.')
    await expect(page.getByRole('img', { name: 'Ratings over time, 1 to 5, one line per question' })).toBeVisible()
    await expect(page.getByText('Over 2 check-ins: Goals stayed at 4; Learning stayed at 3.')).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'a check-in with the history and chart')
    await page.getByRole('button', { name: 'Start check-in' }).click()
    await expect(page.getByRole('form', { name: 'New check-in' }).getByTestId('check-in-figures')).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'the check-in form')
  })
})
