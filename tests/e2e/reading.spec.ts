import type { Locator, Page } from '@playwright/test'
import { expectNoAxeViolationsInLightAndDark } from './support/axe'
import { expect, test } from './support/fixtures'

/** Adds an item through the Add item form; returns when its page is open. */
async function addItem(page: Page, fields: { title: string; url?: string; author?: string; source?: string }): Promise<void> {
  await page.getByRole('link', { name: 'Add item' }).click()
  const form = page.getByRole('form', { name: 'Add to the reading list' })
  await form.getByRole('textbox', { name: /^Title/ }).fill(fields.title)
  if (fields.url) await form.getByRole('textbox', { name: 'Link' }).fill(fields.url)
  if (fields.author) await form.getByRole('textbox', { name: 'Author' }).fill(fields.author)
  if (fields.source) await form.getByRole('textbox', { name: /^Source/ }).fill(fields.source)
  await form.getByRole('button', { name: 'Add item' }).click()
  await expect(page.getByRole('heading', { name: fields.title, level: 2 })).toBeVisible()
}

/** Picks a segment of a segmented control (the radio itself is visually hidden; its label is the segment). */
async function pick(group: Locator, name: string | RegExp): Promise<void> {
  const label = typeof name === 'string' ? new RegExp(`^${name.replace(/[()]/g, '\\$&')}$`) : name
  await group.locator('label').filter({ hasText: label }).click()
  await expect(group.getByRole('radio', { name, exact: true })).toBeChecked()
}

test.describe('the reading list', () => {
  test('add an item, take it through reading, read and applied in class with a note, find it by search', async ({ page, serve }) => {
    test.setTimeout(120_000)
    await page.goto(serve.url)
    await page.getByRole('link', { name: 'Reading list', exact: true }).click()
    await expect(page.getByText('Nothing to read yet')).toBeVisible()
    await addItem(page, { title: 'Cognitive load theory', author: 'John Sweller' })
    await addItem(page, { title: 'Retrieval practice', url: 'https://example.org/retrieval', author: 'Pooja Agarwal', source: 'Powerful Teaching' })
    await expect(page.getByRole('link', { name: /example\.org\/retrieval/ })).toHaveAttribute('href', 'https://example.org/retrieval')

    const item = page.getByRole('region', { name: 'Open reading item' })
    const status = item.getByRole('radiogroup', { name: 'Status' })
    const dates = item.getByTestId('reading-dates')
    await expect(status.getByRole('radio', { name: 'To read', exact: true })).toBeChecked()
    await pick(status, 'Reading')
    await pick(status, 'Read')
    await expect(dates).toContainText(/· read /)
    await pick(status, 'Applied in class')
    await expect(dates).toContainText(/· applied in class /)

    const note = 'Started every lesson with a three-question quiz on last week’s work.\nYear 8 remembered far more by the end of term.'
    await item.getByRole('textbox', { name: /^Notes/ }).fill(note)
    await item.getByRole('button', { name: 'Save notes' }).click()
    await expect(item.getByRole('button', { name: 'Save notes' })).toBeDisabled()

    // The status filter counts each status; Applied in class lists only this item.
    const list = page.getByRole('region', { name: 'Reading list' })
    const filter = list.getByRole('radiogroup', { name: 'Status' })
    await expect(filter.getByRole('radio', { name: 'Applied in class (1)' })).toBeAttached()
    await expect(filter.getByRole('radio', { name: 'To read (1)' })).toBeAttached()
    await pick(filter, 'Applied in class (1)')
    await expect(page.getByTestId('reading-list-row')).toHaveCount(1)
    await expect(page.getByTestId('reading-list-row')).toContainText('Retrieval practice')
    await pick(filter, 'All (2)')

    // Search reads titles, authors, sources and notes.
    const search = list.getByRole('textbox', { name: 'Search reading items' })
    await search.fill('year 8 remembered')
    await expect(page.getByTestId('reading-list-row')).toHaveCount(1)
    await expect(page.getByTestId('reading-list-row')).toContainText('Retrieval practice')
    await search.fill('sweller')
    await expect(page.getByTestId('reading-list-row')).toHaveCount(1)
    await expect(page.getByTestId('reading-list-row')).toContainText('Cognitive load theory')
    await search.fill('')

    // After a reload the item opens from its address, note and status kept.
    await page.reload()
    await expect(item.getByRole('heading', { name: 'Retrieval practice', level: 2 })).toBeVisible()
    await expect(status.getByRole('radio', { name: 'Applied in class' })).toBeChecked()
    await expect(item.getByRole('textbox', { name: /^Notes/ })).toHaveValue(note)
    expect(page.url()).toMatch(/#\/reading\?id=/)

    await expectNoAxeViolationsInLightAndDark(page, 'the reading list with an item open')

    // Delete, then Undo puts it back.
    await item.getByRole('button', { name: 'Delete' }).click()
    await expect(page.getByText('Deleted “Retrieval practice”.')).toBeVisible()
    await expect(page.getByTestId('reading-list-row')).toHaveCount(1)
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(page.getByTestId('reading-list-row')).toHaveCount(2)
  })

  test('the add form refuses an item without a title, and passes axe in light and dark', async ({ page, serve }) => {
    await page.goto(serve.url)
    await page.getByRole('link', { name: 'Reading list', exact: true }).click()
    await page.getByRole('link', { name: 'Add item' }).click()
    const form = page.getByRole('form', { name: 'Add to the reading list' })
    await form.getByRole('textbox', { name: 'Link' }).fill('example.org')
    await form.getByRole('button', { name: 'Add item' }).click()
    await expect(form.getByText('A reading needs a title')).toBeVisible()
    await expect(form.getByText('Expected an http(s) address')).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'the add reading item form with errors')
  })
})
