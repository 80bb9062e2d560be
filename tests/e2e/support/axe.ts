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
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`)
  expect(summary, `axe violations on ${screen}`).toEqual([])
}
