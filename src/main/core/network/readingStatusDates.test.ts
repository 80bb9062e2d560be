import { describe, expect, it } from 'vitest'
import { readingStatusDates } from './readingStatusDates'

const none = { readOn: null, appliedOn: null }
const today = '2026-05-10'

describe('readingStatusDates', () => {
  it('gives no days to items not read yet, whatever they had', () => {
    expect(readingStatusDates('to-read', { readOn: '2026-05-01', appliedOn: '2026-05-02' }, {}, today)).toEqual(none)
    expect(readingStatusDates('reading', { readOn: '2026-05-01', appliedOn: null }, {}, today)).toEqual(none)
  })

  it('stamps read today, or keeps the day it was read', () => {
    expect(readingStatusDates('read', none, {}, today)).toEqual({ readOn: today, appliedOn: null })
    expect(readingStatusDates('read', { readOn: '2026-05-01', appliedOn: '2026-05-03' }, {}, today)).toEqual({ readOn: '2026-05-01', appliedOn: null })
  })

  it('stamps applied (and read, when it skipped read) today, or keeps the days it had', () => {
    expect(readingStatusDates('applied', none, {}, today)).toEqual({ readOn: today, appliedOn: today })
    expect(readingStatusDates('applied', { readOn: '2026-05-01', appliedOn: null }, {}, today)).toEqual({ readOn: '2026-05-01', appliedOn: today })
    expect(readingStatusDates('applied', { readOn: '2026-05-01', appliedOn: '2026-05-04' }, {}, today)).toEqual({ readOn: '2026-05-01', appliedOn: '2026-05-04' })
  })

  it('takes days the caller names when the status allows them; null means not named', () => {
    expect(readingStatusDates('applied', none, { readOn: '2026-04-01', appliedOn: '2026-04-20' }, today)).toEqual({ readOn: '2026-04-01', appliedOn: '2026-04-20' })
    expect(readingStatusDates('read', { readOn: '2026-05-01', appliedOn: null }, { readOn: null }, today)).toEqual({ readOn: '2026-05-01', appliedOn: null })
  })

  it('refuses a day the status does not allow, and applied before read', () => {
    expect(() => readingStatusDates('reading', none, { readOn: '2026-04-01' }, today)).toThrow('Only an item that has been read can have a read date.')
    expect(() => readingStatusDates('read', none, { appliedOn: '2026-04-01' }, today)).toThrow('Only an item applied in class can have an applied date.')
    expect(() => readingStatusDates('applied', none, { readOn: '2026-04-02', appliedOn: '2026-04-01' }, today)).toThrow(/before the day it was read/)
  })
})
