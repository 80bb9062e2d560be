import { describe, expect, it } from 'vitest'
import { parseFeedDate } from './parseFeedDate'

describe('parseFeedDate', () => {
  it('reads RFC 822 dates as real feeds write them', () => {
    expect(parseFeedDate('Mon, 30 Nov 2026 19:02:11 +0000')).toBe(Date.UTC(2026, 10, 30, 19, 2, 11))
    expect(parseFeedDate('Mon, 30 Nov 2026 19:02:11 GMT')).toBe(Date.UTC(2026, 10, 30, 19, 2, 11))
    expect(parseFeedDate('30 Nov 2026 14:02 EST')).toBe(Date.UTC(2026, 10, 30, 19, 2))
    expect(parseFeedDate('Monday, 30 November 26 21:02:11 +0200')).toBe(Date.UTC(2026, 10, 30, 19, 2, 11))
    expect(parseFeedDate('Sat, 1 Jan 99 00:00:00 -0130')).toBe(Date.UTC(1999, 0, 1, 1, 30))
  })

  it('reads RFC 3339 / W3CDTF dates, including bare dates and fractions', () => {
    expect(parseFeedDate('2026-11-20T16:45:30.123-05:00')).toBe(Date.UTC(2026, 10, 20, 21, 45, 30, 123))
    expect(parseFeedDate('2026-11-20T16:45:30Z')).toBe(Date.UTC(2026, 10, 20, 16, 45, 30))
    expect(parseFeedDate('2026-11-20T16:45+0100')).toBe(Date.UTC(2026, 10, 20, 15, 45))
    expect(parseFeedDate('2026-11-15')).toBe(Date.UTC(2026, 10, 15))
  })

  it('gives null rather than guessing', () => {
    for (const value of [undefined, null, '', 'yesterday', '2026-13-01', '32 Nov 2026 10:00 GMT', 'Mon, 30 Foo 2026 10:00 GMT']) {
      expect(parseFeedDate(value)).toBeNull()
    }
  })
})
