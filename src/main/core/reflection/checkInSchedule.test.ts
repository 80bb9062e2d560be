import { describe, expect, it } from 'vitest'
import type { ReflectionSchedule } from '@shared/api/reflection'
import { addMonths, checkInDue, type LastCheckIn } from './checkInSchedule'

const schedule = (cadence: ReflectionSchedule['cadence'], termEnds: string[] = []): ReflectionSchedule => ({ cadence, termEnds })
const last = (periodEnd: string, periodStart = '2026-01-01'): LastCheckIn => ({ id: 'c1', date: periodEnd, periodStart, periodEnd })

describe('checkInDue', () => {
  it('adds months clamped to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-03-15', -1)).toBe('2026-02-15')
    expect(addMonths('2026-01-10', -1)).toBe('2025-12-10')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
  })

  it('off: never due', () => {
    expect(checkInDue(schedule('off'), null, '2026-05-01')).toMatchObject({ due: false, period: null, nextDueOn: null })
  })

  it('weekly: due at once for the past week with no check-in, then a week after the last period ends', () => {
    expect(checkInDue(schedule('weekly'), null, '2026-05-10')).toMatchObject({ due: true, period: { start: '2026-05-04', end: '2026-05-10' } })
    expect(checkInDue(schedule('weekly'), last('2026-05-10'), '2026-05-16')).toMatchObject({ due: false, period: null, nextDueOn: '2026-05-17' })
    expect(checkInDue(schedule('weekly'), last('2026-05-10'), '2026-05-17')).toMatchObject({ due: true, period: { start: '2026-05-11', end: '2026-05-17' } })
    // Three weeks late: the period runs from the last check-in to today.
    expect(checkInDue(schedule('weekly'), last('2026-05-10'), '2026-05-31')).toMatchObject({ due: true, period: { start: '2026-05-11', end: '2026-05-31' } })
  })

  it('monthly: a calendar month after the last period ends', () => {
    expect(checkInDue(schedule('monthly'), null, '2026-03-31')).toMatchObject({ due: true, period: { start: '2026-03-01', end: '2026-03-31' } })
    expect(checkInDue(schedule('monthly'), last('2026-01-31'), '2026-02-27')).toMatchObject({ due: false, nextDueOn: '2026-02-28' })
    expect(checkInDue(schedule('monthly'), last('2026-01-31'), '2026-02-28')).toMatchObject({ due: true, period: { start: '2026-02-01', end: '2026-02-28' } })
  })

  it('end of term: due from a week before a term end the last check-in does not cover, for the time since', () => {
    const terms = schedule('term', ['2026-07-17', '2026-04-02', '2026-12-18'])
    // Nothing yet, more than a week before the first term end.
    expect(checkInDue(terms, null, '2026-03-26')).toMatchObject({ due: false, nextDueOn: '2026-03-27' })
    // In the last week of term: covers about a term up to the term end.
    expect(checkInDue(terms, null, '2026-03-27')).toMatchObject({ due: true, period: { start: '2026-01-02', end: '2026-04-02' } })
    // The spring term's check-in was skipped: after the summer term end it covers from the previous term end.
    expect(checkInDue(terms, null, '2026-07-20')).toMatchObject({ due: true, period: { start: '2026-04-03', end: '2026-07-17' } })
    // With a check-in covering spring: the summer one is due from 11 July and covers since that check-in.
    expect(checkInDue(terms, last('2026-04-02'), '2026-07-10')).toMatchObject({ due: false, nextDueOn: '2026-07-11' })
    expect(checkInDue(terms, last('2026-04-02'), '2026-07-11')).toMatchObject({ due: true, period: { start: '2026-04-03', end: '2026-07-17' } })
    // Every term end covered: nothing due and no next date known.
    expect(checkInDue(terms, last('2026-12-18'), '2027-01-10')).toMatchObject({ due: false, period: null, nextDueOn: null })
  })
})
