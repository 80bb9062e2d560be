import { expect, type Browser, type Page } from '@playwright/test'
import type { ServeProcess } from '../../../e2e/support/ServeProcess'
import { auditRenderedDom } from './domAudit'
import type { HostilePayload } from './hostilePayloads'
import type { LocalSite } from './LocalSite'
import { NodeRpc } from './NodeRpc'
import { PageWatch } from './PageWatch'

/** Running totals across the spec, for recordHostileResult. */
export interface PageTally {
  payloadScreens: number
  screens: number
  linksClicked: number
  problems: string[]
  /** CSP violations (all blocked) by the screen on which they were reported. */
  blockedByScreen: Record<string, string[]>
}

/**
 * One teacher's tab on the serve app, watched for anything hostile content might do, with the RPC
 * socket for putting content in quickly. `checkScreen` is the one assertion every screen goes through.
 */
export class HostileSession {
  private violationsSeen = 0

  private constructor(
    readonly page: Page,
    readonly watch: PageWatch,
    readonly rpc: NodeRpc,
    private readonly serve: ServeProcess,
    private readonly sites: { canary: LocalSite; imageHost: LocalSite },
    private readonly tally: PageTally,
  ) {}

  static async open(browser: Browser, serve: ServeProcess, sites: { canary: LocalSite; imageHost: LocalSite }, tally: PageTally): Promise<HostileSession> {
    const context = await browser.newContext()
    const page = await context.newPage()
    const watch = await PageWatch.attach(context, page)
    await page.goto(serve.url)
    await expect(page.getByRole('button', { name: 'New note' }).first()).toBeVisible()
    watch.trackAppWindow(page)
    const rpc = await NodeRpc.open(serve, context)
    return new HostileSession(page, watch, rpc, serve, sites, tally)
  }

  /** Goes to an app route by its hash, as a link inside the app would. */
  async go(hash: string): Promise<void> {
    await this.page.evaluate((target) => (window.location.hash = target), hash)
  }

  /**
   * The screen shows `payloads` hostile items: nothing in the DOM is live, nothing ran, nothing reached
   * the canary (nor the image host, unless the teacher allowed images), no dialog, no navigation.
   */
  async checkScreen(name: string, payloads: number, options: { imagesAllowed?: boolean } = {}): Promise<void> {
    // Enough for an onerror or a fetch to fire; anything slower is caught by the spec's last, settled check.
    await this.page.waitForTimeout(100)
    const { canary } = this.sites
    const problems = await auditRenderedDom(this.page, {
      forbiddenOrigins: [canary.origin, canary.httpsOrigin],
      // With consent any https image may load (relative ones resolve against the item's address); http never.
      allowedImageOrigins: options.imagesAllowed ? ['https://'] : [],
    })
    problems.push(...this.signsOfExecution(options))
    const newViolations = this.watch.violations.slice(this.violationsSeen)
    this.violationsSeen = this.watch.violations.length
    if (newViolations.length) this.tally.blockedByScreen[name] = newViolations.map((v) => `${v.directive} ${v.blockedURI} ${v.sample}`.trim())
    this.tally.screens++
    this.tally.payloadScreens += payloads
    this.tally.problems.push(...problems.map((problem) => `${name}: ${problem}`))
    expect(problems, `hostile content on ${name}`).toEqual([])
  }

  /**
   * Clicks (plainly and with Ctrl/⌘, which opens links in the editors) everything a payload made
   * to look clickable. Nothing may run, navigate the app away or open anything but a web page.
   */
  async clickEverything(name: string, payloads: HostilePayload[], scope = this.page.locator('body'), options: { imagesAllowed?: boolean } = {}): Promise<void> {
    for (const payload of payloads) {
      if (!payload.clickable) continue
      const targets = await scope.getByText(payload.clickable).all()
      for (const target of targets.slice(0, 2)) {
        if (!(await target.isVisible())) continue
        await target.click({ timeout: 2_000 }).catch(() => undefined)
        // Ctrl/⌘ on an in-app link would only open the app again in a new tab: slow, and proves nothing.
        const inAppLink = await target.evaluate((element) => element.closest('a')?.getAttribute('href')?.startsWith('#') ?? false).catch(() => true)
        if (!inAppLink) await target.click({ modifiers: ['ControlOrMeta'], timeout: 2_000 }).catch(() => undefined)
        this.tally.linksClicked++
      }
    }
    await this.checkScreen(`${name} after clicking its links`, 0, options)
  }

  private signsOfExecution(options: { imagesAllowed?: boolean }): string[] {
    const { canary, imageHost } = this.sites
    const signs: string[] = []
    if (this.watch.ran.length) signs.push(`payload code ran: ${this.watch.ran.join(', ')}`)
    if (this.watch.dialogs.length) signs.push(`dialogs opened: ${this.watch.dialogs.join(' | ')}`)
    if (canary.connections) signs.push(`the canary was reached ${canary.connections} times: ${canary.requests.join(', ')}`)
    if (!options.imagesAllowed && imageHost.connections) signs.push(`remote images fetched without consent (${imageHost.connections} connections)`)
    if (imageHost.requests.length) signs.push(`an http (not https) image was fetched: ${imageHost.requests.join(', ')}`)
    const away = this.watch.appNavigations.filter((url) => !url.startsWith(this.serve.origin))
    if (away.length) signs.push(`the app window navigated away: ${away.join(', ')}`)
    // chrome-error is where a failed web navigation lands (the machine is offline), not a script or data page.
    const badPopups = this.watch.popupUrls.filter((url) => !/^(https?:|about:blank$|chrome-error:\/\/chromewebdata\/$)/.test(url))
    if (badPopups.length) signs.push(`a link opened a non-web page: ${badPopups.join(', ')}`)
    const executed = this.watch.violationsThatRan()
    if (executed.length) signs.push(`CSP violations that were not blocked: ${JSON.stringify(executed)}`)
    return signs
  }

  async close(): Promise<void> {
    this.rpc.close()
    await this.page.context().close()
  }
}
