import { screen, waitFor } from '@testing-library/react'
import type { CheckInDue } from '@shared/api/reflection'
import { describe, expect, it } from 'vitest'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { formatDay } from '../network/dates'
import { CheckInDueCard } from './CheckInDueCard'

const schedule = { cadence: 'monthly' as const, termEnds: [] }

function render(due: CheckInDue) {
  const api = createFakeApi({ 'reflection.due': () => ({ ok: true, value: due }) })
  renderWithProviders(<CheckInDueCard today="2027-03-31" />, { platform: createFakePlatform(api) })
  return api
}

describe('CheckInDueCard', () => {
  it('says a check-in is due for the period and links to a new one', async () => {
    const api = render({ schedule, due: true, period: { start: '2027-03-01', end: '2027-03-31' }, nextDueOn: null, lastCheckIn: null })
    const card = await screen.findByRole('region', { name: 'Check-in due' })
    expect(card.textContent).toContain(`a check-in is due for ${formatDay('2027-03-01')} – ${formatDay('2027-03-31')}`)
    expect(screen.getByRole('link', { name: 'Start check-in' }).getAttribute('href')).toBe('#/check-ins?id=new')
    expect(api.calls[0]).toEqual({ method: 'reflection.due', args: { today: '2027-03-31' } })
  })

  it('shows nothing when no check-in is due', async () => {
    const api = render({ schedule, due: false, period: null, nextDueOn: '2027-04-30', lastCheckIn: { id: 'c1', date: '2027-03-31', periodStart: '2027-03-01', periodEnd: '2027-03-31' } })
    await waitFor(() => expect(api.calls).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(screen.queryByTestId('check-in-due-card')).toBeNull()
  })
})
