import type { BrowserContext, Page } from '@playwright/test'
import { ranBinding } from './hostilePayloads'

/** What a securitypolicyviolation event said: the CSP blocked something (enforced) or only reported it. */
export interface CspViolation {
  directive: string
  blockedURI: string
  sample: string
  disposition: string
}

const violationBinding = '__hostileCspViolation'

/**
 * Watches a browser context for any sign that hostile content did something: the payload binding
 * called (from any frame), dialogs, pages opened, the app's window navigated away, and every CSP
 * violation the page reports (a blocked attempt is counted, not a failure by itself).
 */
export class PageWatch {
  readonly ran: string[] = []
  readonly violations: CspViolation[] = []
  readonly dialogs: string[] = []
  /** Every address a page other than the app's own went to (popups from clicked links). */
  readonly popupUrls: string[] = []
  /** Every address the app's window went to after it loaded. */
  readonly appNavigations: string[] = []

  /** Call before the app page first loads, so the init script and bindings are there from the start. */
  static async attach(context: BrowserContext, appPage: Page): Promise<PageWatch> {
    const watch = new PageWatch()
    watch.watchDialogs(appPage)
    await context.exposeBinding(ranBinding, (_source, id: unknown) => void watch.ran.push(String(id)))
    await context.exposeBinding(violationBinding, (_source, violation: CspViolation) => void watch.violations.push(violation))
    await context.addInitScript((binding) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as Record<string, ((v: unknown) => void) | undefined>)[binding]
        report?.({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sample: event.sample, disposition: event.disposition })
      })
    }, violationBinding)
    context.on('page', (page) => watch.watchPopup(page))
    return watch
  }

  /** Starts counting the app window's navigations from now (after it has loaded at its own address). */
  trackAppWindow(page: Page): void {
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.appNavigations.push(frame.url())
    })
  }

  /** Blocked violations whose blocked address or sample names a payload that also ran: none may exist. */
  violationsThatRan(): CspViolation[] {
    return this.violations.filter((v) => v.disposition !== 'enforce' || this.ran.some((id) => v.sample.includes(id) || v.blockedURI.includes(id)))
  }

  private watchDialogs(page: Page): void {
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message())
      void dialog.dismiss()
    })
  }

  private watchPopup(page: Page): void {
    this.watchDialogs(page)
    this.popupUrls.push(page.url())
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) this.popupUrls.push(frame.url())
    })
    // A popup is only evidence; close it so it cannot load anything further.
    void page.waitForTimeout(300).then(() => page.close().catch(() => undefined))
  }
}
