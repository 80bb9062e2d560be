import type { Page } from '@playwright/test'
import { createCommunity, createContact } from './support/app'
import { expectNoAxeViolations } from './support/axe'
import { expect, test } from './support/fixtures'

/** Picks Current or Deleted above a network list (the radio itself is visually hidden; its label is the segment). */
async function show(page: Page, which: 'Current' | 'Deleted'): Promise<void> {
  await page.locator('label').filter({ hasText: new RegExp(`^${which}$`) }).click()
  await expect(page.getByRole('radio', { name: which })).toBeChecked()
}

function row(page: Page, name: string) {
  return page.getByTestId('contact-list-row').filter({ hasText: name })
}

test.describe('bulk edits and the trash of the learning network', () => {
  test('tag two contacts at once, undo it, delete two at once, restore one from Deleted', async ({ page, serve }) => {
    test.setTimeout(120_000)
    await page.goto(serve.url)
    for (const name of ['Ada Lovelace', 'Bea Okafor', 'Chen Wei']) await createContact(page, name)
    await page.getByRole('link', { name: 'Contacts', exact: true }).click()
    await expect(page.getByTestId('contact-list-row')).toHaveCount(3)

    // Tick Ada with the mouse and Bea from the keyboard.
    await page.getByRole('checkbox', { name: 'Select Ada Lovelace' }).check()
    await page.getByRole('checkbox', { name: 'Select Bea Okafor' }).focus()
    await page.keyboard.press('Space')
    await expect(page.getByRole('status').filter({ hasText: 'selected' })).toHaveText('2 selected')
    await expectNoAxeViolations(page, 'the contacts list with a selection')

    await page.getByRole('button', { name: 'Edit selected' }).click()
    await page.getByRole('menuitem', { name: 'Add a tag…' }).click()
    const dialog = page.getByRole('dialog', { name: /Add a tag · 2 contacts/ })
    await dialog.getByRole('combobox', { name: 'Tag' }).fill('Mentor')
    await dialog.getByRole('button', { name: 'Add tag' }).click()
    await expect(page.getByText('Added “mentor” to 2 contacts.')).toBeVisible()
    const tagFilter = page.getByRole('combobox', { name: 'Tag' })
    await expect(tagFilter.locator('option', { hasText: 'mentor (2)' })).toHaveCount(1)
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(page.getByText('Undone.')).toBeVisible()
    await expect(tagFilter.locator('option', { hasText: 'mentor' })).toHaveCount(0)

    // Select all, then untick Chen: delete Ada and Bea.
    // Select all asks the core for every matching id, so the box ticks a moment after the click.
    await page.getByRole('checkbox', { name: 'Select all 3' }).click()
    await expect(page.getByRole('checkbox', { name: 'Select all 3' })).toBeChecked()
    await expect(page.getByRole('status').filter({ hasText: 'selected' })).toHaveText('3 selected')
    await page.getByRole('checkbox', { name: 'Select Chen Wei' }).uncheck()
    await page.getByRole('button', { name: 'Edit selected' }).click()
    await page.getByRole('menuitem', { name: 'Delete 2 contacts' }).click()
    await expect(page.getByText('Deleted 2 contacts.')).toBeVisible()
    await expect(page.getByTestId('contact-list-row')).toHaveCount(1)
    await expect(row(page, 'Chen Wei')).toBeVisible()

    await show(page, 'Deleted')
    const trash = page.getByRole('list', { name: 'Deleted contacts' })
    await expect(trash.getByRole('listitem')).toHaveCount(2)
    await expect(trash.getByRole('link')).toHaveCount(0)
    await trash.getByRole('button', { name: 'Restore “Bea Okafor”' }).click()
    await expect(page.getByText('“Bea Okafor” is back.')).toBeVisible()
    await expect(trash.getByRole('listitem')).toHaveCount(1)
    await expect(trash).toContainText('Ada Lovelace')
    await expectNoAxeViolations(page, 'the deleted contacts')

    await show(page, 'Current')
    await expect(page.getByTestId('contact-list-row')).toHaveCount(2)
    await expect(row(page, 'Bea Okafor')).toBeVisible()
  })

  test('a deleted community waits under Deleted and comes back with Restore', async ({ page, serve }) => {
    await page.goto(serve.url)
    await createCommunity(page, 'Maths PLC')
    await page.getByRole('button', { name: 'Delete' }).click()
    await expect(page.getByText('Deleted “Maths PLC”.')).toBeVisible()
    await show(page, 'Deleted')
    const trash = page.getByRole('list', { name: 'Deleted communities' })
    await trash.getByRole('button', { name: 'Restore “Maths PLC”' }).click()
    await expect(page.getByText('Nothing deleted')).toBeVisible()
    await show(page, 'Current')
    await expect(page.getByTestId('communities-list-row').getByRole('link', { name: /Maths PLC/ })).toBeVisible()
  })
})
