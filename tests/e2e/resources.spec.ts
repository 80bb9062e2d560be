import type { Page } from '@playwright/test'
import { createContact, pickRecord } from './support/app'
import { expectNoAxeViolationsInLightAndDark } from './support/axe'
import { expect, test } from './support/fixtures'

async function openLibrary(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Resources', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Resources library', level: 1 })).toBeVisible()
}

/** Adds an entry through the library's form and closes the dialog it opens on. */
async function addResource(page: Page, entry: { title: string; direction: 'Given' | 'Received'; type: string; person: string; usedIn?: string }): Promise<void> {
  await page.getByRole('link', { name: 'Add resource' }).click()
  const form = page.getByRole('form', { name: 'Add a resource' })
  await form.getByRole('textbox', { name: 'Title' }).fill(entry.title)
  await form.getByLabel('Direction').selectOption({ label: entry.direction })
  await form.getByLabel('Type').selectOption({ label: entry.type })
  await pickRecord(form, 'People', entry.person)
  if (entry.usedIn) {
    await form.getByLabel('Used in').fill(entry.usedIn)
    await form.getByLabel('Used in').press('Enter')
  }
  await form.getByRole('button', { name: 'Add resource' }).click()
  const dialog = page.getByRole('dialog', { name: 'Resource' })
  await expect(dialog.getByTestId('resource-detail')).toContainText(entry.title)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
}

async function createProject(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Shared spaces' }).click()
  await page.getByRole('button', { name: 'New project' }).click()
  const create = page.getByRole('dialog', { name: 'New project' })
  await create.getByRole('textbox', { name: 'Title' }).fill(title)
  await create.getByRole('button', { name: 'Create project' }).click()
  await expect(page).toHaveURL(/#\/projects\/[\w-]+$/)
}

function rows(page: Page) {
  return page.getByRole('table', { name: 'Resources' }).getByTestId('resource-row')
}

test.describe('the resources library', () => {
  test('received and given entries, a person filter, and a link shared into a project', async ({ page, serve }) => {
    test.setTimeout(180_000)
    await page.goto(serve.url)
    await createContact(page, 'Ada Lovelace')
    await createContact(page, 'Bea Okafor')

    await createProject(page, 'Volcanoes unit')

    await openLibrary(page)
    await expect(page.getByText('No resources yet')).toBeVisible()
    await addResource(page, { title: 'Fractions card sort', direction: 'Received', type: 'Lesson plan', person: 'Ada Lovelace', usedIn: 'Year 7 fractions' })
    await addResource(page, { title: 'Retrieval practice guide', direction: 'Given', type: 'Article', person: 'Bea Okafor' })
    await expect(rows(page)).toHaveCount(2)
    const received = rows(page).filter({ hasText: 'Fractions card sort' })
    await expect(received).toContainText('Received')
    await expect(received).toContainText('Year 7 fractions')
    await expect(received.getByRole('link', { name: 'Ada Lovelace' })).toHaveAttribute('href', /#\/contacts\?id=/)

    // The person filter lists who the ledger names, with what went each way.
    await page.getByLabel('Person').selectOption({ label: 'Ada Lovelace (gave you 1, you gave 0)' })
    await expect(rows(page)).toHaveCount(1)
    await expect(rows(page).first()).toContainText('Fractions card sort')
    await page.getByLabel('Person').selectOption({ label: 'Anyone' })
    await expect(rows(page)).toHaveCount(2)

    // Delete an entry, and bring it back with Undo.
    await rows(page).getByRole('link', { name: 'Retrieval practice guide' }).click()
    await page.getByRole('dialog', { name: 'Resource' }).getByRole('button', { name: 'Delete' }).click()
    await expect(page.getByText('Deleted “Retrieval practice guide”.')).toBeVisible()
    await expect(rows(page)).toHaveCount(1)
    await page.getByRole('button', { name: 'Undo' }).click()
    await expect(rows(page)).toHaveCount(2)

    await page.getByRole('button', { name: 'Share to a space' }).click()
    const share = page.getByRole('dialog', { name: 'Share to a project or circle' })
    await expect(share.getByLabel(/Project or circle/)).toHaveValue(/^project:/)
    await share.getByRole('textbox', { name: 'Title' }).fill('Eruption timelapse')
    await share.getByRole('textbox', { name: 'Link' }).fill('https://example.org/eruption')
    await share.getByRole('textbox', { name: /Note/ }).fill('For the starter')
    await share.getByRole('button', { name: 'Share', exact: true }).click()
    await expect(page.getByText('Shared “Eruption timelapse” to Volcanoes unit.', { exact: false })).toBeVisible()
    await expect(share).toBeHidden()

    const given = rows(page).filter({ hasText: 'Eruption timelapse' })
    await expect(given).toContainText('Given')
    await given.getByRole('link', { name: 'Volcanoes unit' }).click()
    await expect(page).toHaveURL(/#\/projects\/[\w-]+$/)
    await page.getByRole('complementary', { name: 'Project panels' }).getByRole('tab', { name: 'Resources' }).click()
    await expect(page.getByTestId('project-resource')).toContainText('Eruption timelapse')
    await expect(page.getByTestId('project-resource')).toContainText('For the starter')
  })

  test('the library, an open entry and the share dialog pass axe in light and dark', async ({ page, serve }) => {
    // Five screens, each checked in light and dark: ten axe runs.
    test.setTimeout(240_000)
    await page.goto(serve.url)
    await createContact(page, 'Ada Lovelace')
    await openLibrary(page)
    await expectNoAxeViolationsInLightAndDark(page, 'the empty resources library')
    await addResource(page, { title: 'Fractions card sort', direction: 'Received', type: 'Lesson plan', person: 'Ada Lovelace', usedIn: 'Year 7 fractions' })
    await expect(rows(page)).toHaveCount(1)
    await expectNoAxeViolationsInLightAndDark(page, 'the resources library')

    await rows(page).getByRole('link', { name: 'Fractions card sort' }).click()
    await expect(page.getByRole('dialog', { name: 'Resource' }).getByTestId('resource-detail')).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'an open resource')
    await page.getByRole('dialog', { name: 'Resource' }).getByRole('link', { name: 'Edit' }).click()
    await expect(page.getByRole('form', { name: /^Edit / })).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'the resource form')
    await page.getByRole('button', { name: 'Cancel' }).click()

    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click()
    await createProject(page, 'Volcanoes unit')
    await openLibrary(page)
    await page.getByRole('button', { name: 'Share to a space' }).click()
    const share = page.getByRole('dialog', { name: 'Share to a project or circle' })
    await expect(share.getByLabel(/Project or circle/)).toHaveValue(/^project:/)
    await share.getByRole('button', { name: 'Share', exact: true }).click()
    await expect(share.getByText('A link starts with http:// or https://.')).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'the share dialog with an error')
  })
})
