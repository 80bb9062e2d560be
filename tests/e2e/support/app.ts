import { expect, type Page } from '@playwright/test'

/** Creates a note from the list pane and gives it a title; returns when the core has it listed. */
export async function createNote(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'New note' }).first().click()
  const titleBox = page.getByRole('textbox', { name: 'Note title' })
  await expect(titleBox).toBeVisible()
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
