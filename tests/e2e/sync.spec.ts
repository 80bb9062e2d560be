import type { Browser, Page } from '@playwright/test'
import { createNote, noteBody } from './support/app'
import { expectNoAxeViolations, expectNoAxeViolationsInLightAndDark } from './support/axe'
import { expect, test } from './support/fixtures'
import { makeDataDir, removeDataDir, ServeProcess } from './support/ServeProcess'

/** How long a change may take to travel between the two serves (two cores on a shared machine). */
const syncWait = 30_000

async function openDevices(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Devices and sharing' }).click()
  await expect(page.getByRole('heading', { name: 'Devices and sharing', level: 1 })).toBeVisible()
}

async function openTeacher(browser: Browser, serve: ServeProcess): Promise<Page> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(serve.url)
  return page
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await noteBody(page).click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(text)
}

test.describe('peer-to-peer sync between two teachers', () => {
  test('a shared note syncs both ways until the colleague is removed', async ({ browser, profile }) => {
    test.setTimeout(180_000)
    const serveA = await profile.start()
    const dataDirB = makeDataDir()
    let serveB: ServeProcess | undefined
    try {
      serveB = await ServeProcess.start(dataDirB)
      const a = await openTeacher(browser, serveA)
      const b = await openTeacher(browser, serveB)

      // Teacher A writes a note and invites a colleague to it.
      await createNote(a, 'Year 5 science plan')
      await typeAtEnd(a, 'Week one: seeds and light.')
      await openDevices(a)
      await expect(a.getByTestId('accepting-badge')).toHaveText('Accepting other devices')
      await a.getByRole('button', { name: 'Invite a colleague' }).click()
      const dialog = a.getByRole('dialog', { name: 'Invite a colleague' })
      await dialog.getByPlaceholder('Type to find notes').fill('Year 5')
      await a.getByRole('option', { name: 'Year 5 science plan' }).click()
      await dialog.getByRole('button', { name: 'Create invite' }).click()
      const code = (await dialog.getByTestId('invite-code').textContent()) ?? ''
      expect(code.length).toBeGreaterThan(20)
      await expect(dialog.getByRole('img', { name: /QR code of the invite link/ })).toBeVisible()
      await expect(dialog.getByRole('list', { name: 'Shared notes' })).toHaveText('Year 5 science plan')
      await expectNoAxeViolationsInLightAndDark(a, 'Devices with an invite open')
      await dialog.getByRole('button', { name: 'Done' }).click()

      // Teacher B pastes the code, accepts, and opens the shared note.
      await openDevices(b)
      await b.getByRole('textbox', { name: 'Invite code or link' }).fill(code)
      await b.getByRole('button', { name: 'Accept invite' }).click()
      const accepted = b.getByTestId('accept-success')
      await expect(accepted).toContainText('Paired with', { timeout: syncWait })
      await accepted.getByRole('link', { name: 'Year 5 science plan' }).click()
      await expect(noteBody(b)).toContainText('Week one: seeds and light.', { timeout: syncWait })
      await b.getByRole('button', { name: 'Share', exact: true }).click()
      const shareOnB = b.getByRole('dialog', { name: 'Share “Year 5 science plan”' })
      await expect(shareOnB).toContainText('shared this note with you')
      await b.keyboard.press('Escape')
      await expect(shareOnB).toBeHidden()

      // A sees B as an online colleague.
      const bOnA = a.getByTestId('paired-device')
      await expect(bOnA).toHaveCount(1)
      await expect(bOnA.getByTestId('device-connection')).toHaveText('Online now', { timeout: syncWait })

      // B's sentence reaches A.
      await typeAtEnd(b, ' Week two: roots.')
      await a.getByRole('link', { name: 'All notes' }).click()
      await a.getByTestId('note-list-item').filter({ hasText: 'Year 5 science plan' }).click()
      await expect(noteBody(a)).toContainText('Week two: roots.', { timeout: syncWait })
      // The shared note's header says it is synced with B, and can be reached by keyboard.
      const syncState = a.getByTestId('note-sync-state')
      await expect(syncState).toContainText('Synced with', { timeout: syncWait })
      await syncState.focus()
      await expect(syncState).toBeFocused()
      await a.getByRole('button', { name: 'Share', exact: true }).click()
      const shareOnA = a.getByRole('dialog', { name: 'Share “Year 5 science plan”' })
      await expect(shareOnA).toContainText('Online now · Synced', { timeout: syncWait })
      await expect(shareOnA.getByRole('list', { name: 'Colleagues' }).getByRole('switch')).toBeChecked()
      await expect(shareOnA.getByRole('radio', { name: 'Can edit' })).toBeChecked()
      await expectNoAxeViolations(a, 'the Share dialog')
      await a.keyboard.press('Escape')
      await expect(shareOnA).toBeHidden()

      // A removes B; B's next sentence does not reach A.
      await openDevices(a)
      await a.getByTestId('paired-device').getByRole('button', { name: /^Remove / }).click()
      await a.getByRole('dialog', { name: /^Remove / }).getByRole('button', { name: 'Remove device' }).click()
      await expect(a.getByTestId('paired-device')).toHaveCount(0)
      await expect(a.getByRole('list', { name: 'Removed devices' })).toBeVisible()
      await typeAtEnd(b, ' Week three: after removal.')
      await expect(noteBody(b)).toContainText('Week three: after removal.')
      await a.getByRole('link', { name: 'All notes' }).click()
      await a.getByTestId('note-list-item').filter({ hasText: 'Year 5 science plan' }).click()
      await expect(noteBody(a)).toContainText('Week two: roots.')
      // Long enough for an edit to have arrived before (it took well under this above).
      await a.waitForTimeout(5_000)
      await expect(noteBody(a)).not.toContainText('Week three')
    } finally {
      await serveB?.stop()
      removeDataDir(dataDirB)
    }
  })
})
