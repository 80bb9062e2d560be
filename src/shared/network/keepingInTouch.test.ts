import { expect, it } from 'vitest'
import { addDays, daysBetween, dueOn, effectiveCadence, touchState } from './keepingInTouch'

it('the own cadence wins, then the shortest tag cadence, then the default', () => {
  expect(effectiveCadence(30, [7], 90)).toBe(30)
  expect(effectiveCadence(null, [60, 14], 90)).toBe(14)
  expect(effectiveCadence(null, [], 90)).toBe(90)
  expect(effectiveCadence(null, [], null)).toBeNull()
})

it('the cadence resets on each interaction, and counts from the day added before the first', () => {
  expect(dueOn('2026-01-31', '2025-01-01', 30)).toBe('2026-03-02')
  expect(dueOn(null, '2026-02-01', 7)).toBe('2026-02-08')
  expect(dueOn('2026-01-31', '2025-01-01', null)).toBeNull()
})

it('losing touch from the due day on, unless snoozed past today', () => {
  expect(touchState(null, null, '2026-03-01')).toBe('no-cadence')
  expect(touchState('2026-03-02', null, '2026-03-01')).toBe('ok')
  expect(touchState('2026-03-01', null, '2026-03-01')).toBe('losing-touch')
  expect(touchState('2026-02-01', '2026-03-05', '2026-03-01')).toBe('snoozed')
  expect(touchState('2026-02-01', '2026-03-01', '2026-03-01')).toBe('losing-touch')
})

it('counts days across month ends and leap days', () => {
  expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2)
  expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
})
