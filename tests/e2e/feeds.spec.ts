import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expectNoAxeViolationsInLightAndDark } from './support/axe'
import { expect, test } from './support/fixtures'

/** A local site with one good RSS 2.0 feed (one item hostile), an address that is not XML, and a counted tracking image. */
class FeedSite {
  readonly requests: string[] = []
  private readonly server: Server = createServer((request, response) => {
    this.requests.push(request.url ?? '')
    const body = this.respond(request.url ?? '')
    if (body) response.writeHead(200, { 'content-type': body.type }).end(body.text)
    else response.writeHead(404).end()
  })
  origin = ''

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  count(path: string): number {
    return this.requests.filter((url) => url === path).length
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()))
  }

  private respond(path: string): { type: string; text: string } | null {
    if (path === '/good.xml') return { type: 'application/rss+xml', text: this.goodFeed() }
    if (path === '/other.xml') return { type: 'application/rss+xml', text: this.goodFeed() }
    if (path === '/bad') return { type: 'application/rss+xml', text: 'not xml' }
    if (path === '/tracker.png') return { type: 'image/png', text: '' }
    return null
  }

  private goodFeed(): string {
    const hostile = [
      '<p>Before the study.<script>alert("script ran"); window.__pwned = 1</script></p>',
      `<p><img src="${this.origin}/tracker.png" alt="Tracking pixel" onerror="alert('onerror ran'); window.__pwned = 2"></p>`,
      '<p><img src="https://127.0.0.1:9/class-photo.png" alt="A class photo"></p>',
      '<p>Read <a href="https://example.org/study">the study</a> or <a href="javascript:alert(\'link ran\')">click me</a>.</p>',
    ].join('')
    return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
  <title>Retrieval Practice Blog</title>
  <link>${this.origin}/</link>
  <description>Sample feed for the feeds E2E</description>
  <item>
    <title>Spacing in Year 9</title>
    <link>https://example.org/spacing</link>
    <guid>spacing</guid>
    <pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate>
    <description>Spread practice over weeks.</description>
  </item>
  <item>
    <title>A hostile item</title>
    <link>https://example.org/hostile</link>
    <guid>hostile</guid>
    <pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate>
    <description><![CDATA[${hostile}]]></description>
  </item>
</channel></rss>`
  }
}

async function openFeeds(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Feeds', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Feeds', level: 1 })).toBeVisible()
}

async function follow(page: Page, url: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Follow a feed' })
  await form.getByRole('textbox', { name: 'Feed address' }).fill(url)
  await form.getByRole('button', { name: 'Follow' }).click()
  await expect(form.getByRole('textbox', { name: 'Feed address' })).toHaveValue('')
}

const goodRow = (page: Page) => page.getByTestId('feed-row').filter({ hasText: 'Retrieval Practice Blog' })

let site: FeedSite
test.beforeEach(async () => {
  site = await new FeedSite().start()
})
test.afterEach(async () => {
  await site.stop()
})

test.describe('feeds', () => {
  test('follow a good feed and a broken one, read a hostile item safely, load its images only on consent, and pass axe in light and dark', async ({ page, serve }) => {
    // Four axe runs besides the flow: on a busy two-core machine that can take longer than 90 s.
    test.setTimeout(150_000)
    const dialogs: string[] = []
    const consoleMessages: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })

    await page.goto(serve.url)
    await openFeeds(page)
    await follow(page, `${site.origin}/good.xml`)
    await follow(page, `${site.origin}/bad`)

    // Each feed says how its last fetch went; the broken one does not stop the good one.
    await expect(goodRow(page)).toContainText('2 items')
    await expect(goodRow(page).getByTestId('feed-status')).toContainText('Updated')
    const badRow = page.getByTestId('feed-row').filter({ has: page.getByRole('button', { name: `${site.origin}/bad` }) })
    await expect(badRow).toHaveAttribute('data-status', 'error')
    await expect(badRow.getByTestId('feed-error')).toBeVisible()
    expect(((await badRow.getByTestId('feed-error').textContent()) ?? '').length).toBeGreaterThan(10)

    // Every feed's items, newest first.
    await page.getByRole('button', { name: 'All feeds' }).click()
    const items = page.getByTestId('feed-item-row')
    await expect(items).toHaveCount(2)
    await expect(items.nth(0)).toContainText('A hostile item')
    await expect(items.nth(1)).toContainText('Spacing in Year 9')
    // The list with a feed error, then the open item below (before its images are allowed), pass axe.
    await expectNoAxeViolationsInLightAndDark(page, 'the feeds list')

    // From here on nothing the item holds may reach the console (the app's own start-up messages came before).
    page.on('console', (message) => consoleMessages.push(`${message.type()}: ${message.text()}`))
    await items.nth(0).getByRole('button', { name: 'A hostile item' }).click()
    const article = page.getByRole('article', { name: 'A hostile item' })
    await expect(article.getByText('Before the study.')).toBeVisible()
    await expect(article.getByRole('link', { name: 'the study' })).toHaveAttribute('href', 'https://example.org/study')
    await expect(article.getByText('click me')).toBeVisible()
    await expect(article.getByRole('link', { name: 'click me' })).toHaveCount(0)
    await expect(article.locator('img')).toHaveCount(0)
    await expect(article.getByText('Images are not loaded')).toBeVisible()
    await page.waitForTimeout(500)
    expect(site.count('/tracker.png')).toBe(0)
    expect(dialogs).toEqual([])
    expect(consoleMessages).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    await expectNoAxeViolationsInLightAndDark(page, 'a feed item')

    // Consent: the https image loads without a referrer; the http tracker is still never requested.
    await article.getByRole('button', { name: 'Load images from this feed' }).click()
    await expect(article.locator('img')).toHaveCount(1)
    await expect(article.locator('img')).toHaveAttribute('src', 'https://127.0.0.1:9/class-photo.png')
    await expect(article.locator('img')).toHaveAttribute('referrerpolicy', 'no-referrer')
    await expect(article.getByText('Image: Tracking pixel')).toBeVisible()
    await expect(article.getByText(/not secure/)).toBeVisible()
    await page.waitForTimeout(500)
    expect(site.count('/tracker.png')).toBe(0)
    expect(dialogs).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()

    await page.getByRole('button', { name: 'Back to items' }).click()
    await expect(items).toHaveCount(2)
  })

  test('import feeds from an OPML file and export them again', async ({ page, serve }) => {
    test.setTimeout(90_000)
    await page.goto(serve.url)
    await openFeeds(page)
    await follow(page, `${site.origin}/good.xml`)
    await expect(goodRow(page)).toContainText('2 items')

    const opml = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>From my old reader</title></head><body>
  <outline text="Research">
    <outline type="rss" text="Another blog" xmlUrl="${site.origin}/other.xml"/>
    <outline type="rss" text="Same blog again" xmlUrl="${site.origin}/good.xml"/>
  </outline>
  <outline type="rss" text="An FTP feed" xmlUrl="ftp://files.example.org/feed.xml"/>
</body></opml>`
    await page.getByTestId('opml-file-input').setInputFiles({ name: 'reader.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) })
    const result = page.getByTestId('opml-import-result')
    await expect(result).toContainText('Added 1 feed. 1 feed already followed. 1 skipped:')
    await expect(result).toContainText('not an http or https address')
    await expect(page.getByRole('heading', { name: 'Research', level: 3 })).toBeVisible()
    await expect(page.getByTestId('feed-row').filter({ hasText: 'Another blog' })).toContainText('Not fetched yet')

    // A file that is not OPML adds nothing and says why.
    await page.getByTestId('opml-file-input').setInputFiles({ name: 'notes.opml', mimeType: 'text/x-opml', buffer: Buffer.from('not xml at all') })
    await expect(result).toHaveAttribute('role', 'alert')
    await expect(result).toContainText('No feeds were added.')
    await expect(page.getByTestId('feed-row')).toHaveCount(2)

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export OPML' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^staffroom-feeds.*\.opml$/)
    const exported = readFileSync(await download.path(), 'utf8')
    expect(exported).toContain(`xmlUrl="${site.origin}/good.xml"`)
    expect(exported).toContain(`xmlUrl="${site.origin}/other.xml"`)
  })
})
