import { describe, expect, it } from 'vitest'
import { presenceColours } from './presenceColour'

/** WCAG 2.1 contrast ratio of a #rrggbb colour against white. */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
  return 1.05 / (luminance + 0.05)
}

describe('presence colours', () => {
  it('each carries white initials and labels at WCAG AA (4.5:1)', () => {
    for (const colour of presenceColours) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5)
  })
})
