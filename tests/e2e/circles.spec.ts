import { expectNoAxeViolationsInLightAndDark } from './support/axe'
import { expect, test } from './support/fixtures'

test.describe('a circle for a community', () => {
  test('is made from Shared spaces, holds a discussion, an announcement and a meetup, and passes axe in light and dark', async ({ page, serve }) => {
    await page.goto(serve.url)
    await page.getByRole('link', { name: 'Shared spaces' }).click()
    await page.getByRole('button', { name: 'New circle' }).click()
    const create = page.getByRole('dialog', { name: 'New circle' })
    await create.getByRole('textbox', { name: 'Name' }).fill('KS2 science teachers')
    await create.getByRole('textbox', { name: 'What it is for' }).fill('Swapping practical ideas <script>window.hacked = 1</script>')
    await create.getByRole('button', { name: 'Create circle' }).click()
    await expect(page.getByRole('heading', { name: 'KS2 science teachers' })).toBeVisible()
    await expect(page.getByText('Swapping practical ideas <script>window.hacked = 1</script>')).toBeVisible()

    // A thread and a reply; user text stays text.
    await page.getByRole('textbox', { name: 'New thread' }).fill('Cheap microscopes?')
    await page.getByRole('textbox', { name: 'Thread message' }).fill('<img src=x onerror="window.hacked = 2"> Which ones work with Year 4?')
    await page.getByRole('button', { name: 'Start thread' }).click()
    await expect(page.getByRole('heading', { name: 'Cheap microscopes?' })).toBeVisible()
    await page.getByRole('textbox', { name: 'Your reply to “Cheap microscopes?”' }).fill('The clip-on phone ones.')
    await page.getByRole('button', { name: 'Reply', exact: true }).click()
    await expect(page.getByRole('list', { name: 'Replies to “Cheap microscopes?”' })).toContainText('The clip-on phone ones.')

    await page.getByRole('button', { name: 'Pin an announcement' }).click()
    await page.getByRole('textbox', { name: 'Announcement' }).fill('Next meetup: bring one practical that failed.')
    await page.getByRole('button', { name: 'Pin announcement' }).click()
    await expect(page.getByRole('region', { name: 'Announcement' })).toContainText('bring one practical that failed')

    await page.getByRole('tab', { name: /Meetups/ }).click()
    await page.getByRole('button', { name: 'Plan a meetup' }).click()
    const meetup = page.getByRole('form', { name: 'Plan a meetup' })
    await meetup.getByRole('textbox', { name: 'Title' }).fill('Spring meetup')
    await meetup.getByLabel('Starts').fill('2031-03-12T16:00')
    await meetup.getByLabel('Ends').fill('2031-03-12T17:30')
    await meetup.getByRole('textbox', { name: 'Place' }).fill('Library, Hill Road School')
    await meetup.getByRole('button', { name: 'Add meetup' }).click()
    const answers = page.getByRole('group', { name: 'Your answer for Spring meetup' })
    await answers.getByRole('button', { name: /^Going/ }).click()
    await expect(answers.getByRole('button', { name: /^Going \(1\)/ })).toBeVisible()

    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined()
    await page.getByRole('tab', { name: /Discussion/ }).click()
    await expectNoAxeViolationsInLightAndDark(page, 'the circle page')
    await page.getByRole('tab', { name: /Meetups/ }).click()
    await expectNoAxeViolationsInLightAndDark(page, "the circle's meetups")
  })
})
