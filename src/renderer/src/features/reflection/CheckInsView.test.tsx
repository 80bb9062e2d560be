import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { CheckInDue, CheckInRatingPoint, CheckInRow, ReflectionSchedule } from '@shared/api/reflection'
import type { CheckIn } from '@shared/network/records'
import { describe, expect, it } from 'vitest'
import type { Route } from '../../app/route'
import { createFakeApi, createFakePlatform } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { formatDay, localDay } from '../network/dates'
import { CheckInsView } from './CheckInsView'
import { ratingsSummary } from './RatingsChart'

const period = { start: '2027-03-01', end: '2027-03-31' }

function checkIn(id: string, date: string, ratings: Partial<CheckInRow['ratings']> = {}): { checkIn: CheckIn; row: CheckInRow } {
  const full = { goals: null, conversations: null, learning: null, adjust: null, ...ratings }
  return {
    checkIn: {
      id,
      date,
      cadence: 'monthly',
      periodStart: `${date.slice(0, 7)}-01`,
      periodEnd: date,
      goalsRating: full.goals,
      goalsText: 'Two goals moved.',
      conversationsRating: full.conversations,
      conversationsText: '',
      learningRating: full.learning,
      learningText: '',
      adjustRating: full.adjust,
      adjustText: 'More meetups.',
      figures: { interactions: 12, inPersonSharePercent: 25 },
      createdAt: 1,
      updatedAt: 1,
      deletedAt: null,
    },
    row: { id, date, cadence: 'monthly', periodStart: `${date.slice(0, 7)}-01`, periodEnd: date, ratings: full, figures: { interactions: 12 }, deleted: false, createdAt: 1, updatedAt: 1 },
  }
}

const feb = checkIn('feb', '2027-02-28', { goals: 2, learning: 3 })
const march = checkIn('mar', '2027-03-31', { goals: 4, learning: 3, adjust: 5 })
const point = (c: ReturnType<typeof checkIn>): CheckInRatingPoint => ({ id: c.row.id, date: c.row.date, periodEnd: c.row.periodEnd, ...c.row.ratings })

function setup(route: Route, options: { rows?: Array<ReturnType<typeof checkIn>>; schedule?: ReflectionSchedule } = {}) {
  let schedule: ReflectionSchedule = options.schedule ?? { cadence: 'monthly', termEnds: [] }
  const rows = options.rows ?? [march, feb]
  const due = (): CheckInDue => ({ schedule, due: true, period, nextDueOn: null, lastCheckIn: null })
  const api = createFakeApi({
    'reflection.settings': () => ({ ok: true, value: { schedule, dismissed: [] } }),
    'reflection.setSchedule': (args) => {
      schedule = args as ReflectionSchedule
      return { ok: true, value: { schedule, dismissed: [] } }
    },
    'reflection.due': () => ({ ok: true, value: due() }),
    'reflection.prefill': () => ({ ok: true, value: { figures: { interactions: 7, meaningfulConversations: 3, inPersonSharePercent: 40, goalsAtRisk: 1 } } }),
    'checkIns.list': () => ({ ok: true, value: { rows: rows.map((r) => r.row), total: rows.length, ratings: [...rows].reverse().map(point) } }),
    'checkIns.get': (args) => {
      const found = rows.find((r) => r.row.id === (args as { id: string }).id)
      return found ? { ok: true, value: found } : { ok: false, error: { code: 'not-found', message: 'No such check-in' } }
    },
    'checkIns.create': () => ({ ok: true, value: checkIn('new1', localDay()) }),
    'checkIns.update': () => ({ ok: true, value: march }),
    'checkIns.delete': () => ({ ok: true, value: { undoToken: 't1', changed: 1 } }),
  })
  renderWithProviders(<CheckInsView route={route} />, { platform: createFakePlatform(api) })
  return api
}

describe('CheckInsView', () => {
  it('shows what is due, the history newest first and the ratings over time with a text alternative', async () => {
    setup({ section: 'check-ins' })
    expect(await screen.findByText(`A check-in is due for ${formatDay('2027-03-01')} – ${formatDay('2027-03-31')}.`)).toBeTruthy()
    const history = await screen.findByRole('list', { name: 'Check-in history' })
    const links = within(history).getAllByRole('link')
    expect(links.map((l) => l.textContent)).toEqual([`Check-in of ${formatDay('2027-03-31')}`, `Check-in of ${formatDay('2027-02-28')}`])
    expect(links[0]!.getAttribute('href')).toBe('#/check-ins?id=mar')
    expect(within(history).getByText(/Goals 4 · Conversations – · Learning 3 · Network fit 5/)).toBeTruthy()
    expect(screen.getByRole('img', { name: 'Ratings over time, 1 to 5, one line per question' })).toBeTruthy()
    expect(screen.getByText('Over 2 check-ins: Goals went from 2 to 4; Learning stayed at 3; Network fit 5.')).toBeTruthy()
    const table = screen.getByRole('table', { name: 'Ratings of each check-in' })
    expect(within(table).getAllByRole('row')).toHaveLength(3)
    expect(within(table).getByRole('rowheader', { name: formatDay('2027-02-28') })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Start check-in' }))
    expect(window.location.hash).toBe('#/check-ins?id=new')
  })

  it('the form: pre-filled figures for the due period, four rated questions, saved as a new check-in', async () => {
    const api = setup({ section: 'check-ins', recordId: 'new' })
    const form = await screen.findByRole('form', { name: 'New check-in' })
    expect((within(form).getByLabelText('Period from') as HTMLInputElement).value).toBe('2027-03-01')
    expect((within(form).getByLabelText('Period to') as HTMLInputElement).value).toBe('2027-03-31')
    const figures = await within(form).findByTestId('check-in-figures')
    expect(figures.textContent).toContain('Interactions7')
    expect(figures.textContent).toContain('In person (%)40%')
    expect(api.calls.find((c) => c.method === 'reflection.prefill')!.args).toEqual({ periodStart: '2027-03-01', periodEnd: '2027-03-31', today: localDay() })

    // Nothing answered: refused in the form, nothing sent.
    fireEvent.click(within(form).getByRole('button', { name: 'Save check-in' }))
    expect((await screen.findByRole('alert')).textContent).toContain('Answer at least one question')
    expect(api.calls.some((c) => c.method === 'checkIns.create')).toBe(false)

    expect(within(form).getAllByRole('group')).toHaveLength(4)
    const goals = within(form).getByRole('group', { name: 'Are you achieving your goals?' })
    fireEvent.click(within(goals).getByRole('radio', { name: '4, Mostly' }))
    expect(within(goals).getByText(/4 · Mostly/)).toBeTruthy()
    fireEvent.change(within(form).getByLabelText('Notes on your goals'), { target: { value: 'Two goals moved.' } })
    const adjust = within(form).getByRole('group', { name: 'What will you adjust?' })
    fireEvent.click(within(adjust).getByRole('radio', { name: '2, A little' }))
    fireEvent.change(within(form).getByLabelText('What you will change'), { target: { value: 'One meetup a month.' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save check-in' }))

    await waitFor(() => expect(api.calls.some((c) => c.method === 'checkIns.create')).toBe(true))
    expect(api.calls.find((c) => c.method === 'checkIns.create')!.args).toEqual({
      fields: {
        date: localDay(),
        cadence: 'monthly',
        periodStart: '2027-03-01',
        periodEnd: '2027-03-31',
        goalsRating: 4,
        goalsText: 'Two goals moved.',
        conversationsRating: null,
        conversationsText: '',
        learningRating: null,
        learningText: '',
        adjustRating: 2,
        adjustText: 'One meetup a month.',
        figures: { interactions: 7, meaningfulConversations: 3, inPersonSharePercent: 40, goalsAtRisk: 1 },
      },
    })
    await waitFor(() => expect(window.location.hash).toBe('#/check-ins?id=new1'))
    expect(await screen.findByText('Check-in saved.')).toBeTruthy()
  }, 20_000)

  it('opens one check-in with its figures and answers; Edit opens its form', async () => {
    setup({ section: 'check-ins', recordId: 'mar' })
    const detail = await screen.findByRole('article', { name: `Check-in of ${formatDay('2027-03-31')}` })
    expect(within(detail).getByText('Two goals moved.')).toBeTruthy()
    expect(within(detail).getByText('4 of 5 · Mostly')).toBeTruthy()
    expect(within(detail).getByTestId('check-in-figures').textContent).toContain('In person (%)25%')
    fireEvent.click(within(detail).getByRole('button', { name: 'Edit' }))
    expect(window.location.hash).toBe('#/check-ins?id=mar&edit=1')
  })

  it('edits a check-in: the snapshot stays, the answers change', async () => {
    const api = setup({ section: 'check-ins', recordId: 'mar', editing: true })
    const form = await screen.findByRole('form', { name: `Check-in of ${formatDay('2027-03-31')}` })
    expect(within(form).queryByLabelText('Period from')).toBeNull()
    fireEvent.change(within(form).getByLabelText('Notes on your learning'), { target: { value: 'Retrieval practice.' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(api.calls.some((c) => c.method === 'checkIns.update')).toBe(true))
    expect(api.calls.find((c) => c.method === 'checkIns.update')!.args).toMatchObject({ id: 'mar', patch: { learningText: 'Retrieval practice.', goalsRating: 4, adjustRating: 5 } })
    expect(api.calls.some((c) => c.method === 'reflection.prefill')).toBe(false)
  }, 20_000)

  it('the schedule: picks weekly at once; end of term waits for a date', async () => {
    const api = setup({ section: 'check-ins' }, { rows: [] })
    expect(await screen.findByText('No check-ins yet')).toBeTruthy()
    const picker = await screen.findByRole('radiogroup', { name: 'Schedule' })
    fireEvent.click(within(picker).getByRole('radio', { name: 'Weekly' }))
    await waitFor(() => expect(api.calls.find((c) => c.method === 'reflection.setSchedule')?.args).toEqual({ cadence: 'weekly', termEnds: [] }))

    fireEvent.click(within(picker).getByRole('radio', { name: 'End of term' }))
    expect(await screen.findByText(/Add the last day of each term/)).toBeTruthy()
    expect(api.calls.filter((c) => c.method === 'reflection.setSchedule')).toHaveLength(1)
    fireEvent.change(screen.getByLabelText('Term ends on'), { target: { value: '2027-07-16' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add term end' }))
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'reflection.setSchedule').at(-1)?.args).toEqual({ cadence: 'term', termEnds: ['2027-07-16'] }))
    expect(await screen.findByRole('list', { name: 'Term end dates' })).toBeTruthy()
  })

  it('summarises the ratings in words', () => {
    expect(ratingsSummary([])).toBe('No ratings yet.')
    expect(ratingsSummary([point(march)])).toBe('Over 1 check-in: Goals 4; Learning 3; Network fit 5.')
  })
})
