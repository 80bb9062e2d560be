import type { Browser, Page } from '@playwright/test'
import { expectNoAxeViolations, expectNoAxeViolationsInLightAndDark } from './support/axe'
import { expect, test } from './support/fixtures'
import { makeDataDir, removeDataDir, ServeProcess } from './support/ServeProcess'

/** How long a change may take to travel between the two serves (two cores on a shared machine). */
const syncWait = 30_000
const projectTitle = 'Year 5 seeds lesson'

async function openTeacher(browser: Browser, serve: ServeProcess): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(serve.url)
  return page
}

async function openSpaces(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Shared spaces' }).click()
  await expect(page.getByRole('heading', { name: 'Shared spaces', level: 1 })).toBeVisible()
}

/** A pairs with B through an invite that shares no note (the project is shared from its page). */
async function pair(a: Page, b: Page): Promise<void> {
  await a.getByRole('link', { name: 'Devices and sharing' }).click()
  await expect(a.getByTestId('accepting-badge')).toHaveText('Accepting other devices')
  await a.getByRole('button', { name: 'Invite a colleague' }).click()
  const dialog = a.getByRole('dialog', { name: 'Invite a colleague' })
  await dialog.getByRole('button', { name: 'Create invite' }).click()
  const code = (await dialog.getByTestId('invite-code').textContent()) ?? ''
  await dialog.getByRole('button', { name: 'Done' }).click()
  await b.getByRole('link', { name: 'Devices and sharing' }).click()
  await b.getByRole('textbox', { name: 'Invite code or link' }).fill(code)
  await b.getByRole('button', { name: 'Accept invite' }).click()
  await expect(b.getByTestId('accept-success')).toContainText('Paired with', { timeout: syncWait })
}

function projectBody(page: Page) {
  return page.getByRole('textbox', { name: 'Project body' })
}

/** Types a new paragraph at the end of the project body. */
async function typeParagraph(page: Page, text: string): Promise<void> {
  await projectBody(page).click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.press('Enter')
  await page.keyboard.type(text)
}

/** Opens a project from the Shared spaces list, as a teacher would after starting Staffroom. */
async function openProjectFromList(page: Page, title: string): Promise<void> {
  await openSpaces(page)
  const row = page.getByTestId('space-row').filter({ hasText: title })
  await row.getByRole('link').click()
  await expect(projectBody(page)).toBeVisible()
}

function panelTab(page: Page, name: string) {
  return page.getByRole('complementary', { name: 'Project panels' }).getByRole('tab', { name })
}

test.describe('shared lesson projects between two teachers', () => {
  test('a project made by one teacher is co-written by both', async ({ browser, profile }) => {
    test.setTimeout(300_000)
    const serveA = await profile.start({ deviceName: 'Ms Diallo' })
    const dataDirB = makeDataDir()
    let serveB = await ServeProcess.start(dataDirB, undefined, { deviceName: 'Mr Okafor' })
    try {
      const a = await openTeacher(browser, serveA)
      const b = await openTeacher(browser, serveB)
      await pair(a, b)

      // A makes a lesson plan from the template and opens it.
      await openSpaces(a)
      await expect(a.getByText('No open shared spaces')).toBeVisible()
      await a.getByRole('button', { name: 'New project' }).click()
      const create = a.getByRole('dialog', { name: 'New project' })
      await create.getByRole('textbox', { name: 'Title' }).fill(projectTitle)
      await expect(create.getByRole('radio', { name: 'Lesson plan' })).toBeChecked()
      await create.getByRole('textbox', { name: 'Subject' }).fill('Science')
      await create.getByRole('textbox', { name: 'Grade' }).fill('Year 5')
      await create.getByRole('button', { name: 'Create project' }).click()
      await expect(a).toHaveURL(/#\/projects\/[\w-]+$/)
      await expect(a.getByRole('textbox', { name: 'Project title' })).toHaveValue(projectTitle)
      await expect(a.getByTestId('project-role')).toHaveText('Owner')

      // A adds B's device as an editor.
      await panelTab(a, 'Members').click()
      const addMember = a.getByRole('form', { name: 'Add a member' })
      await addMember.getByRole('combobox', { name: 'Colleague’s device' }).click()
      await a.getByRole('option').first().click()
      await addMember.getByRole('button', { name: 'Add member' }).click()
      await expect(a.getByTestId('project-member')).toHaveCount(2)
      await expect(a.getByTestId('project-member').nth(1).getByRole('combobox', { name: /^Role of / })).toHaveValue('Can edit')
      const nameOfB = ((await a.getByTestId('project-member').nth(1).locator('p').first().textContent()) ?? '').trim()
      expect(nameOfB.length).toBeGreaterThan(0)
      await expectNoAxeViolationsInLightAndDark(a, 'the project page')

      // B finds it in Shared spaces, marked new, with both members, and opens it as an editor.
      await openSpaces(b)
      const row = b.getByTestId('space-row').filter({ hasText: projectTitle })
      await expect(row).toBeVisible({ timeout: syncWait })
      await expect(row.getByTestId('space-unread')).toHaveText('New')
      await expect(row).toContainText('Lesson project · You: can edit · Science · Year 5')
      await expectNoAxeViolationsInLightAndDark(b, 'the shared spaces list')
      await row.getByRole('link').click()
      await expect(b.getByRole('textbox', { name: 'Project title' })).toHaveValue(projectTitle)
      await expect(b.getByTestId('project-role')).toHaveText('Can edit')
      await expect(b.getByTestId('project-read-only')).toHaveCount(0)

      // The title is live text: B's addition reaches A's open page.
      await b.getByRole('textbox', { name: 'Project title' }).press('End')
      await b.keyboard.type(' (draft)')
      await expect(a.getByRole('textbox', { name: 'Project title' })).toHaveValue(`${projectTitle} (draft)`, { timeout: syncWait })

      // A task A adds, assigned to B, shows on B's page.
      await panelTab(a, 'Tasks').click()
      const addTask = a.getByRole('form', { name: 'Add a task' })
      await addTask.getByRole('textbox', { name: 'New task' }).fill('Print the seed diagrams')
      await addTask.getByRole('button', { name: 'Add task' }).click()
      await expect(b.getByTestId('project-task')).toContainText('Print the seed diagrams', { timeout: syncWait })

      // Both type into the body and see each other's text, presence and caret.
      await typeParagraph(a, 'Starter: seeds in jars on the windowsill.')
      await expect(projectBody(b)).toContainText('Starter: seeds in jars on the windowsill.', { timeout: syncWait })
      await typeParagraph(b, 'Plenary: a five-question quiz.')
      await expect(projectBody(a)).toContainText('Plenary: a five-question quiz.', { timeout: syncWait })
      await expect(a.getByTestId('presence-peer')).toHaveCount(1, { timeout: syncWait })
      await expect(b.getByTestId('presence-peer')).toHaveCount(1, { timeout: syncWait })
      await expect(a.getByTestId('presence-peer')).toContainText(nameOfB)
      await expect(b.getByTestId('presence-me')).toContainText(`${nameOfB} (you)`)
      await expect(a.locator('[data-remote-caret]')).toHaveCount(1, { timeout: syncWait })
      await expect(b.locator('[data-remote-caret]')).toHaveCount(1, { timeout: syncWait })

      // A comments on B's sentence; the thread appears on B's page.
      await projectBody(a).click()
      await a.keyboard.press('ControlOrMeta+End')
      await a.keyboard.press('Shift+Home')
      await panelTab(a, 'Comments').click()
      await a.getByRole('button', { name: 'Comment on selection' }).click()
      await a.getByRole('textbox', { name: 'Your comment' }).fill('Could the quiz be on mini whiteboards?')
      await a.getByRole('button', { name: 'Comment', exact: true }).click()
      await expect(a.getByRole('article', { name: /^Comment by / })).toContainText('Could the quiz be on mini whiteboards?')
      await panelTab(b, 'Comments').click()
      await expect(b.getByRole('article', { name: /^Comment by / })).toContainText('Could the quiz be on mini whiteboards?', { timeout: syncWait })
      await expect(b.getByRole('article', { name: /^Comment by / })).toContainText('Plenary: a five-question quiz.')
      await expectNoAxeViolationsInLightAndDark(b, 'the project page with a colleague and a comment')

      // Apart: B's serve stops, then runs with sync off; both edit; then B comes back with sync on.
      const projectUrlPath = new URL(a.url()).hash
      await serveB.stop()
      await typeParagraph(a, 'Written by A while apart.')
      serveB = await ServeProcess.start(dataDirB, undefined, { sync: false, deviceName: 'Mr Okafor' })
      await b.goto(serveB.url)
      await openProjectFromList(b, projectTitle)
      expect(new URL(b.url()).hash).toBe(projectUrlPath)
      await expect(projectBody(b)).not.toContainText('Written by A while apart.')
      await typeParagraph(b, 'Written by B while apart.')
      await expect(projectBody(b)).toContainText('Written by B while apart.')
      // Long enough for the core to have saved the renderer's edit before it stops.
      await b.waitForTimeout(2_000)
      await serveB.stop()
      serveB = await ServeProcess.start(dataDirB, undefined, { deviceName: 'Mr Okafor' })
      await b.goto(serveB.url)
      await openProjectFromList(b, projectTitle)
      for (const page of [a, b]) {
        await expect(projectBody(page)).toContainText('Written by A while apart.', { timeout: syncWait })
        await expect(projectBody(page)).toContainText('Written by B while apart.', { timeout: syncWait })
        await expect(projectBody(page)).toContainText('Plenary: a five-question quiz.')
      }

      // History names who wrote each group of changes; the first version is restored for both.
      await panelTab(a, 'History').click()
      const history = a.getByRole('list', { name: 'Project history' })
      await expect(history.getByRole('listitem').filter({ hasText: /in the text/ })).not.toHaveCount(0)
      await expect(history.getByRole('listitem').first()).toContainText(nameOfB)
      // Both teachers appear as authors, each under their own name.
      expect(nameOfB).toBe('Mr Okafor')
      await expect(history.getByRole('listitem').filter({ hasText: 'Ms Diallo' })).not.toHaveCount(0)
      await expect(history.getByRole('listitem').filter({ hasText: 'Mr Okafor' })).not.toHaveCount(0)
      const groups = await history.getByRole('listitem').count()
      expect(groups).toBeGreaterThanOrEqual(3)
      await history.getByRole('listitem').last().getByRole('button').click()
      await a.getByRole('button', { name: 'Restore this version' }).click()
      await a.getByRole('dialog', { name: 'Restore this version?' }).getByRole('button', { name: 'Restore', exact: true }).click()
      for (const page of [a, b]) {
        await expect(projectBody(page)).not.toContainText('Written by B while apart.', { timeout: syncWait })
        await expect(projectBody(page)).not.toContainText('Starter: seeds in jars')
        await expect(projectBody(page)).toContainText('Objectives')
      }
      await expectNoAxeViolationsInLightAndDark(a, 'the project page with its history')

      // B leaves the page; A's next sentence shows on B's list as unread.
      await openSpaces(b)
      const rowOnB = b.getByTestId('space-row').filter({ hasText: projectTitle })
      await expect(rowOnB.getByTestId('space-unread')).toHaveCount(0)
      await typeParagraph(a, 'One more idea from A.')
      await expect(rowOnB.getByTestId('space-unread')).toHaveText(/^\d+ new changes?$/, { timeout: syncWait })
      await expect(rowOnB.getByTestId('space-sync')).toContainText('Synced with', { timeout: syncWait })

      // A makes B a viewer: B's page says so and its editor is read-only.
      await panelTab(a, 'Members').click()
      await a.getByTestId('project-member').nth(1).getByRole('combobox', { name: /^Role of / }).click()
      await a.getByRole('option', { name: 'Can view' }).click()
      await expect(a.getByTestId('project-member').nth(1).getByRole('combobox', { name: /^Role of / })).toHaveValue('Can view')
      await expect(rowOnB).toContainText('You: can view', { timeout: syncWait })
      await rowOnB.getByRole('link').click()
      await expect(b.getByTestId('project-read-only')).toContainText('added you as a viewer')
      await expect(projectBody(b)).toHaveAttribute('aria-readonly', 'true')
      await expect(projectBody(b)).toHaveAttribute('contenteditable', 'false')
      await expect(b.getByRole('textbox', { name: 'Project title' })).toHaveAttribute('readonly', '')
      await expectNoAxeViolations(b, 'a viewer’s project page')
    } finally {
      await serveB.stop()
      removeDataDir(dataDirB)
    }
  })
})
