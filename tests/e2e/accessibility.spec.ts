import { createNote, noteBody } from './support/app'
import { expectNoAxeViolationsInLightAndDark } from './support/axe'
import { expect, test } from './support/fixtures'

test.describe('accessibility of the notes screens', () => {
  test('every notes screen passes axe in light and dark', async ({ page, serve }) => {
    // Five screens, each checked in light and dark: ten axe runs, longer than the default 90 s on a busy two-core machine.
    test.setTimeout(180_000)
    await page.goto(serve.url)
    await expect(page.getByText('No notes yet')).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'the empty notes list')

    await createNote(page, 'Behaviour policy')
    await noteBody(page).click()
    await page.keyboard.type('# Routines')
    await page.keyboard.press('Enter')
    await page.keyboard.type('[ ] line up quietly')
    await expectNoAxeViolationsInLightAndDark(page, 'an open note')

    await page.getByRole('button', { name: 'Add link' }).click()
    await expect(page.getByRole('textbox', { name: 'Link address' })).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'the link dialog')
    await page.keyboard.press('Escape')

    await page.getByTestId('open-palette').click()
    await page.getByTestId('palette-input').fill('routines')
    await expect(page.getByTestId('palette-hit').first()).toBeVisible()
    await expectNoAxeViolationsInLightAndDark(page, 'the command palette')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Move to trash' }).click()
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Trash' }).click()
    await expect(page.getByTestId('note-list-item')).toHaveCount(1)
    await expectNoAxeViolationsInLightAndDark(page, 'the trash')
  })

  test('the notes screen works from the keyboard alone', async ({ page, serve }) => {
    await page.goto(serve.url)
    await expect(page.getByText('No notes yet')).toBeVisible()
    // Tab to "New note" and press Enter: a keyboard user can start writing without a mouse.
    const newNote = page.getByRole('button', { name: 'New note' }).first()
    for (let i = 0; i < 30 && !(await newNote.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
    await expect(newNote).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('textbox', { name: 'Note title' })).toBeVisible()
  })
})
