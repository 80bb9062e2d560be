import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/** Runs axe (WCAG 2.1 A and AA, and best practice) on the page as it is and lists every violation it finds. */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  // Measure the page at rest: a toast or dialog halfway through a fade has blended colours that
  // fail contrast for a few frames (seen once in dark mode). Transitions here last a few hundred ms.
  // Endless animations (a spinner) are left alone: only finite ones (transitions, fades) are awaited.
  await page.waitForFunction(
    () => document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
    undefined,
    { timeout: 5_000 },
  )
  // Legacy mode runs axe.run() in the page itself. The default opens a blank page for every run to merge
  // per-frame results, which only cross-origin frames need: the app and the term report have none.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .setLegacyMode()
    .analyze()
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`)
  expect(summary, `axe violations on ${screen}`).toEqual([])
}

/**
 * Shows the page in a colour scheme without reloading it: the app's colour scheme is 'auto', and
 * Mantine follows a prefers-color-scheme change live by setting data-mantine-color-scheme on <html>.
 * Returns once the page really shows that scheme, so no check runs against the previous one.
 */
export async function showColorScheme(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme })
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme)
}

/**
 * Runs axe on the page as it is, first in light and then in dark, without rebuilding its state;
 * leaves it in light (Playwright's default), so what the test does next sees what it saw before.
 */
export async function expectNoAxeViolationsInLightAndDark(page: Page, screen: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await showColorScheme(page, colorScheme)
    await expectNoAxeViolations(page, `${screen} (${colorScheme})`)
  }
  await showColorScheme(page, 'light')
}
