import { expect, test } from '@playwright/test'
import { createNote, noteBody } from './support/app'
import { makeDataDir, removeDataDir, ServeProcess } from './support/ServeProcess'

test.describe('notes, end to end', () => {
  let dataDir: string
  const running: ServeProcess[] = []

  test.beforeEach(() => {
    dataDir = makeDataDir()
  })
  test.afterEach(async () => {
    for (const serve of running.splice(0)) await serve.stop()
    removeDataDir(dataDir)
  })

  async function startServe(): Promise<ServeProcess> {
    const serve = await ServeProcess.start(dataDir)
    running.push(serve)
    return serve
  }

  test('a formatted note survives a restart of serve, and search finds it', async ({ page }) => {
    let serve = await startServe()
    await page.goto(serve.url)
    await expect(page.getByText('No notes yet')).toBeVisible()

    await createNote(page, 'Fractions with pizza')
    const body = noteBody(page)
    await body.click()
    await page.keyboard.type('# Lesson plan')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Bring ')
    await page.keyboard.press('ControlOrMeta+b')
    await page.keyboard.type('two pizzas')
    await page.keyboard.press('ControlOrMeta+b')
    await page.keyboard.type(' and ')
    await page.keyboard.press('ControlOrMeta+i')
    await page.keyboard.type('a knife')
    await page.keyboard.press('ControlOrMeta+i')
    await page.keyboard.press('Enter')
    await page.keyboard.type('- halves')
    await page.keyboard.press('Enter')
    await page.keyboard.type('quarters')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.type('[ ] print worksheets')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Reading')
    await page.keyboard.press('Shift+Home')
    await page.getByRole('button', { name: 'Add link' }).click()
    await page.getByRole('textbox', { name: 'Link address' }).fill('https://example.org/fractions')
    await page.getByRole('button', { name: 'Apply' }).click()

    await expect(body.locator('h1')).toHaveText('Lesson plan')
    await expect(body.locator('strong')).toHaveText('two pizzas')
    await expect(body.locator('em')).toHaveText('a knife')
    await expect(body.getByRole('list').first().getByRole('listitem')).toHaveText(['halves', 'quarters'])
    await expect(body.getByRole('checkbox', { name: 'Done' })).toHaveCount(1)
    await expect(body.locator('a[href="https://example.org/fractions"]')).toHaveText('Reading')
    // The list's excerpt comes from the core's index: the core has the text before we stop it.
    await expect(page.getByTestId('note-list-item').filter({ hasText: 'print worksheets' })).toBeVisible()

    expect(await serve.stop()).toBe(0)
    serve = await startServe()
    await page.goto(serve.url)
    await page.getByTestId('note-list-item').filter({ hasText: 'Fractions with pizza' }).getByRole('link').click()
    const reopened = noteBody(page)
    await expect(reopened.locator('h1')).toHaveText('Lesson plan')
    await expect(reopened.locator('strong')).toHaveText('two pizzas')
    await expect(reopened.locator('em')).toHaveText('a knife')
    await expect(reopened.getByRole('list').first().getByRole('listitem')).toHaveText(['halves', 'quarters'])
    await expect(reopened.getByRole('checkbox', { name: 'Done' })).toHaveCount(1)
    await expect(reopened.locator('a[href="https://example.org/fractions"]')).toHaveText('Reading')

    // Search from the command palette: a highlighted snippet, Enter opens the note.
    await page.getByRole('link', { name: 'All notes' }).click()
    await createNote(page, 'Another note')
    await page.getByTestId('open-palette').click()
    await page.getByTestId('palette-input').fill('pizzas')
    const hit = page.getByTestId('palette-hit').first()
    await expect(hit).toContainText('Fractions with pizza')
    await expect(hit.locator('mark').first()).toHaveText(/pizza/i)
    await page.keyboard.press('Enter')
    await expect(page.getByRole('textbox', { name: 'Note title' })).toHaveValue('Fractions with pizza')
  })

  test('two tabs on one serve edit one note and each sees the other live', async ({ context }) => {
    const serve = await startServe()
    const first = await context.newPage()
    await first.goto(serve.url)
    await createNote(first, 'Shared unit plan')

    const second = await context.newPage()
    await second.goto(serve.url)
    await second.getByTestId('note-list-item').filter({ hasText: 'Shared unit plan' }).getByRole('link').click()
    await expect(noteBody(second)).toBeVisible()

    await noteBody(first).click()
    await first.keyboard.type('Hello from the first tab.')
    await expect(noteBody(second)).toContainText('Hello from the first tab.')

    await noteBody(second).click()
    await second.keyboard.press('ControlOrMeta+End')
    await second.keyboard.type(' And from the second.')
    await expect(noteBody(first)).toContainText('Hello from the first tab. And from the second.')
    await expect(noteBody(second)).toContainText('Hello from the first tab. And from the second.')
  })

  test('tags, pin, trash and restore', async ({ page }) => {
    const serve = await startServe()
    await page.goto(serve.url)
    await createNote(page, 'Assessment ideas')
    await createNote(page, 'Exit tickets')

    await page.getByRole('button', { name: 'Pin note' }).click()
    await expect(page.getByRole('button', { name: 'Pin note' })).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('note-list-item').first()).toContainText('Exit tickets')

    const tags = page.getByRole('combobox', { name: 'Tags' })
    await tags.fill('formative')
    await tags.press('Enter')
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /formative/ })).toBeVisible()

    await page.getByRole('button', { name: 'Move to trash' }).click()
    await expect(page.getByTestId('note-list-item').filter({ hasText: 'Exit tickets' })).toHaveCount(0)
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Trash' }).click()
    await expect(page.getByTestId('note-list-item').filter({ hasText: 'Exit tickets' })).toBeVisible()
    await page.getByRole('button', { name: /Restore “Exit tickets”/ }).click()
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'All notes' }).click()
    await expect(page.getByTestId('note-list-item').filter({ hasText: 'Exit tickets' })).toBeVisible()
  })
})
