import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { createContact, createNote } from './support/app'
import { expectNoAxeViolations } from './support/axe'
import { expect, test } from './support/fixtures'
import { makeDataDir, removeDataDir, ServeProcess } from './support/ServeProcess'

const threeCards = [
  ['Ada Lovelace', 'Lovelace;Ada;;;', 'ada@example.org', 'Analytical School'],
  ['Alan Turing', 'Turing;Alan;;;', 'alan@example.org', 'Bletchley Park Academy'],
  ['Grace Hopper', 'Hopper;Grace;;;', 'grace@example.org', 'Harvard Maths Dept'],
]
  .map(([fn, n, email, org]) => ['BEGIN:VCARD', 'VERSION:3.0', `FN:${fn}`, `N:${n}`, `EMAIL;TYPE=INTERNET:${email}`, `ORG:${org}`, 'END:VCARD'].join('\r\n'))
  .join('\r\n')

async function openImportExport(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Import and export' }).click()
  await expect(page.getByRole('heading', { name: 'Import and export', level: 1 })).toBeVisible()
}

test.describe('import and export', () => {
  test('import a vCard file with several contacts', async ({ page, serve }) => {
    await page.goto(serve.url)
    await openImportExport(page)
    await page.getByTestId('import-file-input').setInputFiles({ name: 'colleagues.vcf', mimeType: 'text/vcard', buffer: Buffer.from(threeCards) })
    await expect(page.getByTestId('import-counts')).toContainText('Will add 3 contacts.')
    await expect(page.getByLabel('Format')).toHaveValue('vcard')
    await expect(page.getByTestId('import-sample').getByRole('cell', { name: 'Grace Hopper' })).toBeVisible()
    await page.getByRole('button', { name: 'Import 3 contacts' }).click()
    await expect(page.getByText('Imported 3 contacts.')).toBeVisible()

    await page.getByRole('link', { name: 'Contacts', exact: true }).click()
    for (const name of ['Ada Lovelace', 'Alan Turing', 'Grace Hopper']) {
      await expect(page.getByTestId('contact-list-row').filter({ hasText: name })).toBeVisible()
    }
  })

  test('export a backup and restore it into a fresh profile', async ({ page, profile }) => {
    test.setTimeout(120_000)
    const serveA = await profile.start()
    await page.goto(serveA.url)
    await createContact(page, 'Maria Montessori')
    await page.getByRole('link', { name: 'All notes' }).click()
    await createNote(page, 'Prepared environment ideas')

    await openImportExport(page)
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Full backup (JSON)' }).click()
    const download = await downloading
    const backupPath = await download.path()
    const backup = readFileSync(backupPath)
    expect(download.suggestedFilename()).toMatch(/\.json$/)

    const dataDirB = makeDataDir()
    let serveB: ServeProcess | undefined
    try {
      serveB = await ServeProcess.start(dataDirB)
      await page.goto(serveB.url)
      await openImportExport(page)
      await page.getByTestId('import-file-input').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: backup })
      await expect(page.getByLabel('Format')).toHaveValue('backup')
      await expect(page.getByTestId('import-counts')).toContainText('1 contact')
      await expect(page.getByTestId('import-counts')).toContainText('1 note')
      await page.getByRole('button', { name: /^Import \d+ records?$/ }).click()
      await expect(page.getByText(/^Imported .*1 contact.*1 note/)).toBeVisible()

      await page.getByRole('link', { name: 'Contacts', exact: true }).click()
      await expect(page.getByTestId('contact-list-row').filter({ hasText: 'Maria Montessori' })).toBeVisible()
      await page.getByRole('link', { name: 'All notes' }).click()
      await expect(page.getByTestId('note-list-item').filter({ hasText: 'Prepared environment ideas' })).toBeVisible()
    } finally {
      await serveB?.stop()
      removeDataDir(dataDirB)
    }
  })

  test('the Import and export screen passes axe, with a preview open', async ({ page, serve }) => {
    await page.goto(serve.url)
    await openImportExport(page)
    await expectNoAxeViolations(page, 'the empty Import and export screen')
    await page.getByTestId('import-file-input').setInputFiles({ name: 'colleagues.vcf', mimeType: 'text/vcard', buffer: Buffer.from(threeCards) })
    await expect(page.getByTestId('import-counts')).toContainText('Will add 3 contacts.')
    await expectNoAxeViolations(page, 'the import preview')
  })
})
