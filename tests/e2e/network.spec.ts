import { createContact, pickContacts } from './support/app'
import { expectNoAxeViolationsInLightAndDark } from './support/axe'
import { expect, test } from './support/fixtures'

function localDay(offsetDays = 0): string {
  const date = new Date()
  date.setDate(date.getDate() + offsetDays)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

test.describe('the learning network', () => {
  test('add a contact, fall out of touch, log an in-person interaction from the palette, leave the losing-touch list', async ({ page, serve }) => {
    await page.goto(serve.url)
    await createContact(page, 'Ada Lovelace', { cadenceDays: 14 })

    // A conversation a month ago: longer ago than the 14-day cadence.
    await page.keyboard.press('Alt+L')
    const dialog = page.getByRole('dialog', { name: 'Log interaction' })
    await expect(dialog).toBeVisible()
    await pickContacts(page, ['Ada Lovelace'])
    await dialog.getByLabel('Date').fill(localDay(-30))
    await dialog.getByLabel('Summary').fill('Swapped fraction games')
    await dialog.getByLabel('Summary').press('Enter')
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('interaction-item')).toHaveCount(1)

    await page.getByRole('link', { name: /Keeping in touch/ }).click()
    const losing = page.getByRole('list', { name: 'Losing touch' })
    await expect(losing.getByRole('link', { name: 'Ada Lovelace' })).toBeVisible()
    await expect(losing).toContainText('16 days overdue')
    await expect(page.getByTestId('keep-in-touch-count')).toHaveText('1')

    // Mod+K, "log", Enter: the palette's Log interaction command.
    await page.keyboard.press('ControlOrMeta+K')
    await page.getByTestId('palette-input').fill('log')
    await page.keyboard.press('Enter')
    await expect(dialog).toBeVisible()
    await pickContacts(page, ['Ada Lovelace'])
    await dialog.getByLabel('Mode').selectOption('in-person')
    await dialog.getByLabel('Channel').selectOption('school-visit')
    await dialog.getByLabel('Summary').fill('Watched her maths lesson')
    await dialog.getByLabel('Summary').press('Enter')
    await expect(dialog).toBeHidden()

    await expect(page.getByText('Nobody is slipping away')).toBeVisible()
    await expect(page.getByTestId('keep-in-touch-count')).toHaveCount(0)
    await page.getByRole('link', { name: 'Contacts', exact: true }).click()
    await page.getByTestId('contact-list-row').filter({ hasText: 'Ada Lovelace' }).getByRole('link').click()
    await expect(page.getByTestId('interaction-item')).toHaveCount(2)
    await expect(page.getByTestId('interaction-item').first()).toContainText('School visit · In person')
  })

  test('a deleted contact comes back with Undo', async ({ page, serve }) => {
    await page.goto(serve.url)
    await createContact(page, 'Grace Hopper')
    await page.getByRole('button', { name: 'Delete' }).click()
    await expect(page.getByText('Deleted “Grace Hopper”.')).toBeVisible()
    await expect(page.getByText('No contacts yet')).toBeVisible()
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(page.getByTestId('contact-list-row').filter({ hasText: 'Grace Hopper' })).toBeVisible()
  })

  test('every network screen passes axe in light and dark', async ({ page, serve }) => {
    // Fourteen screens, each checked in light and dark: 28 axe runs, far longer than the default 90 s on a busy two-core machine.
    test.setTimeout(480_000)
    await page.goto(serve.url)
    await page.getByRole('link', { name: 'Contacts', exact: true }).click()
    await expect(page.getByText('No contacts yet')).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'the empty contacts list')

    await page.getByRole('link', { name: 'New contact' }).click()
    await page.getByRole('button', { name: 'Add channel' }).click()
    await page.getByRole('button', { name: 'Add contact' }).click()
    await expect(page.getByText('A contact needs a name')).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'the contact form with an error')

    await page.getByRole('button', { name: 'Cancel' }).click()
    await createContact(page, 'Ada Lovelace', { cadenceDays: 7 })
    await expectNoAxeViolationsInLightAndDark(page, 'a contact')

    await page.keyboard.press('Alt+L')
    await pickContacts(page, ['Ada Lovelace'])
    await expectNoAxeViolationsInLightAndDark(page, 'the quick-log dialog')
    await page.getByRole('dialog', { name: 'Log interaction' }).getByLabel('Follow up on').fill(localDay(-1))
    await page.getByRole('dialog', { name: 'Log interaction' }).getByRole('button', { name: 'Save' }).click()
    await expect(page.getByTestId('interaction-item')).toHaveCount(1)

    await page.getByRole('link', { name: /Keeping in touch/ }).click()
    await expect(page.getByRole('list', { name: 'Follow-ups due' })).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'keeping in touch')

    for (const [section, singular] of [['Communities', 'community'], ['Events', 'event'], ['Goals', 'goal'], ['Journal', 'entry']] as const) {
      await page.getByRole('link', { name: section, exact: true }).click()
      await expect(page.getByRole('heading', { name: section, exact: true })).toBeVisible()
      await expectNoAxeViolationsInLightAndDark(page, `the ${section} list`)
      await page.getByRole('link', { name: `New ${singular}` }).click()
      await expect(page.getByRole('form', { name: `New ${singular}` })).toBeVisible()
      await expectNoAxeViolationsInLightAndDark(page, `the new ${singular} form`)
    }

    await page.keyboard.press('ControlOrMeta+K')
    await page.getByTestId('palette-input').fill('ada')
    await expect(page.getByTestId('palette-hit').first()).toContainText('Ada Lovelace')
    await expectNoAxeViolationsInLightAndDark(page, 'the palette with a contact hit')
  })
})
