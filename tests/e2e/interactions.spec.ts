import { createCommunity, createContact, pickRecord } from './support/app'
import { expectNoAxeViolationsInLightAndDark } from './support/axe'
import { expect, test } from './support/fixtures'

test.describe('interactions', () => {
  test('log one in a community, edit it from the contact’s timeline, delete it and bring it back with Undo', async ({ page, serve }) => {
    await page.goto(serve.url)
    await createCommunity(page, 'Maths Chat')
    await createContact(page, 'Ada Lovelace')

    // Logged from Ada's page: she is already chosen; the community is picked by typing.
    await page.getByRole('button', { name: 'Log interaction' }).click()
    const logDialog = page.getByRole('dialog', { name: 'Log interaction' })
    await expect(logDialog.getByText('Ada Lovelace')).toBeVisible()
    await pickRecord(logDialog, 'Community', 'Maths Chat')
    await logDialog.getByLabel('Summary').fill('Swapped fraction games')
    await logDialog.getByRole('button', { name: 'Save' }).click()
    await expect(logDialog).toBeHidden()

    const entry = page.getByTestId('interaction-item')
    await expect(entry).toHaveCount(1)
    await expect(entry).toContainText('In Maths Chat')
    const lastContact = page.getByText('Last contact', { exact: true })
    await expect(lastContact).toBeVisible()

    // Edit from the keyboard: the same form, filled in, in a dialog.
    const edit = entry.getByRole('button', { name: /^Edit the interaction on/ })
    await edit.focus()
    await page.keyboard.press('Enter')
    const editDialog = page.getByRole('dialog', { name: 'Edit interaction' })
    const summary = editDialog.getByLabel('Summary')
    await expect(summary).toHaveValue('Swapped fraction games')
    await expect(editDialog.getByText('Maths Chat')).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'the edit interaction dialog')
    await summary.fill('Swapped fraction games and a card sort')
    await summary.press('Enter')
    await expect(editDialog).toBeHidden()
    await expect(entry).toContainText('Swapped fraction games and a card sort')
    await expect(edit).toBeFocused()

    await entry.getByRole('button', { name: /^Delete the interaction on/ }).click()
    await expect(page.getByText(/^Deleted the interaction with Ada Lovelace on/)).toBeVisible()
    await expect(entry).toHaveCount(0)
    await expect(page.getByText(/Nothing logged yet/)).toBeVisible()
    await expect(lastContact).toBeHidden()

    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(entry).toHaveCount(1)
    await expect(entry).toContainText('Swapped fraction games and a card sort')
    await expect(entry).toContainText('In Maths Chat')
    await expect(lastContact).toBeVisible()
  })
})
