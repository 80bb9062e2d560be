import { expect, type Locator, type Page } from '@playwright/test'

/** Creates a note from the list pane and gives it a title; returns when the core has it listed. */
export async function createNote(page: Page, title: string): Promise<void> {
  const before = page.url()
  await page.getByRole('button', { name: 'New note' }).first().click()
  // Wait for the new note to open: the previous note's title box stays on screen until then.
  await expect(page).not.toHaveURL(before)
  const titleBox = page.getByRole('textbox', { name: 'Note title' })
  await expect(titleBox).toHaveValue('')
  await expect(titleBox).toBeFocused()
  await titleBox.fill(title)
  await expect(page.getByTestId('note-list-item').filter({ hasText: title })).toBeVisible()
}

export function noteBody(page: Page) {
  return page.getByRole('textbox', { name: 'Note body' })
}

/** Dispatches a paste of plain text, as the OS clipboard would deliver it. */
export async function pasteText(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).evaluate((element, pasted) => {
    const target = element instanceof HTMLInputElement ? element : (element.querySelector('input, [contenteditable]') ?? element)
    const data = new DataTransfer()
    data.setData('text/plain', pasted)
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)
}

/** Adds a contact through the New contact form; returns when its page is open. */
export async function createContact(page: Page, name: string, options: { cadenceDays?: number } = {}): Promise<void> {
  await page.getByRole('link', { name: 'Contacts', exact: true }).click()
  await page.getByRole('link', { name: 'New contact' }).click()
  const form = page.getByRole('form', { name: 'New contact' })
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  if (options.cadenceDays) await form.getByLabel('Keep in touch every (days)').fill(String(options.cadenceDays))
  await form.getByRole('button', { name: 'Add contact' }).click()
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible()
}

/** Adds a community through the New community form; returns when its page is open. */
export async function createCommunity(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: 'Communities', exact: true }).click()
  await page.getByRole('link', { name: 'New community' }).click()
  const form = page.getByRole('form', { name: 'New community' })
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(name)
  await form.getByRole('button', { name: 'Add community' }).click()
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible()
}

/** In a form or dialog: picks a record in the type-ahead picker labelled `label` by typing its name. */
export async function pickRecord(scope: Locator, label: string, name: string): Promise<void> {
  await scope.getByLabel(label).first().fill(name)
  await scope.getByRole('option', { name, exact: true }).click()
}

/** In the open Log interaction dialog: picks contacts by typing their names (type-ahead). */
export async function pickContacts(page: Page, names: string[]): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Log interaction' })
  for (const name of names) await pickRecord(dialog, 'With', name)
}
