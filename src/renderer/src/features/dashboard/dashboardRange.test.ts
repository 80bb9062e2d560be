import { describe, expect, it } from 'vitest'
import { choiceOf, presetRange, previousPeriodLabel, rangeDays, resolveRange, termStart } from './dashboardRange'
import { describeShareChange, describeTrend } from './trend'

describe('dashboard ranges', () => {
  it('starts terms on 1 September, 1 January and 1 April', () => {
    expect(termStart('2026-12-01')).toBe('2026-09-01')
    expect(termStart('2026-09-01')).toBe('2026-09-01')
    expect(termStart('2026-08-31')).toBe('2026-04-01')
    expect(termStart('2026-03-31')).toBe('2026-01-01')
  })

  it("starts the term the day after the teacher's last term end, unless that end is from another year", () => {
    const termEnds = ['2026-12-18', '2026-07-22', '2026-04-02']
    expect(termStart('2026-12-01', termEnds)).toBe('2026-07-23')
    expect(termStart('2026-07-22', termEnds)).toBe('2026-04-03')
    expect(termStart('2027-01-10', termEnds)).toBe('2026-12-19')
    expect(termStart('2027-09-10', termEnds)).toBe('2027-09-01')
    expect(presetRange('term', '2026-12-01', termEnds)).toEqual({ from: '2026-07-23', to: '2026-12-01' })
    expect(choiceOf({ from: '2026-07-23', to: '2026-12-01' }, '2026-12-01', termEnds)).toBe('term')
  })

  it('ends every preset today and counts both ends', () => {
    expect(presetRange('last-30', '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' })
    expect(rangeDays(presetRange('last-30', '2026-03-01'))).toBe(30)
    expect(rangeDays(presetRange('last-90', '2026-03-29'))).toBe(90)
    expect(presetRange('year', '2026-03-01')).toEqual({ from: '2026-01-01', to: '2026-03-01' })
    expect(presetRange('term', '2026-05-10')).toEqual({ from: '2026-04-01', to: '2026-05-10' })
  })

  it('reads the range from the URL, the last 30 days without one, and names the preset it matches', () => {
    expect(resolveRange({}, '2026-12-01')).toEqual({ from: '2026-11-02', to: '2026-12-01' })
    expect(resolveRange({ from: '2026-02-01', to: '2026-02-28' }, '2026-12-01')).toEqual({ from: '2026-02-01', to: '2026-02-28' })
    expect(choiceOf({ from: '2026-09-01', to: '2026-12-01' }, '2026-12-01')).toBe('term')
    expect(choiceOf({ from: '2026-09-02', to: '2026-12-01' }, '2026-12-01')).toBe('custom')
    expect(previousPeriodLabel(1)).toBe('the previous day')
    expect(previousPeriodLabel(91)).toBe('the previous 91 days')
  })
})

describe('trend words', () => {
  const period = 'the previous 30 days'
  it('says up, down, the same, new or none', () => {
    expect(describeTrend({ current: 12, previous: 10, change: 0.2 }, period)).toEqual({ direction: 'up', short: '20%', spoken: 'up 20% on the previous 30 days' })
    expect(describeTrend({ current: 1, previous: 4, change: -0.75 }, period)).toEqual({ direction: 'down', short: '75%', spoken: 'down 75% on the previous 30 days' })
    expect(describeTrend({ current: 3, previous: 3, change: 0 }, period).spoken).toBe('the same as the previous 30 days')
    expect(describeTrend({ current: 3, previous: 0, change: null }, period)).toEqual({ direction: 'up', short: 'new', spoken: 'up from none in the previous 30 days' })
    expect(describeTrend({ current: 0, previous: 0, change: null }, period).spoken).toBe('none in this period or the previous 30 days')
    expect(describeTrend({ current: 1001, previous: 1000, change: 0.001 }, period)).toEqual({ direction: 'up', short: '<1%', spoken: 'up less than 1% on the previous 30 days' })
  })

  it('moves a share in percentage points', () => {
    expect(describeShareChange(0.5, 0.8, period).spoken).toBe('down 30 points on the previous 30 days')
    expect(describeShareChange(0.41, 0.4, period).spoken).toBe('up 1 point on the previous 30 days')
    expect(describeShareChange(0.5, null, period).spoken).toBe('no interactions in the previous 30 days to compare with')
  })
})
