import type { DashboardSummary } from '@shared/api/dashboard'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { useRoute } from '../../app/route'
import { createFakeApi, createFakePlatform, type FakeApi } from '../../test/fakePlatform'
import { renderWithProviders } from '../../test/render'
import { addDays, localDay } from '../network/dates'
import { DashboardView } from './DashboardView'
import { busySummary, emptySummary } from './testSummary'

function RoutedDashboard() {
  const [route] = useRoute()
  return <DashboardView route={route} />
}

/** The other screens' pieces on the dashboard (check-in card, suggestions) with nothing to say. */
function quietSlots(termEnds: string[] = []) {
  const schedule = { cadence: 'term' as const, termEnds }
  return {
    'reflection.settings': () => ({ ok: true as const, value: { schedule, dismissed: [] } }),
    'reflection.due': () => ({ ok: true as const, value: { schedule, due: false, period: null, nextDueOn: null, lastCheckIn: null } }),
    'suggestions.list': () => ({ ok: true as const, value: { suggestions: [], dismissedCount: 0 } }),
  }
}

function renderDashboard(summary: (args: { from: string; to: string; today: string }) => DashboardSummary, termEnds: string[] = []) {
  const api = createFakeApi({ ...quietSlots(termEnds), 'dashboard.summary': (args) => ({ ok: true, value: summary(args as { from: string; to: string; today: string }) }) })
  renderWithProviders(<RoutedDashboard />, { platform: createFakePlatform(api) })
  return api
}

function summaryCalls(api: FakeApi) {
  return api.calls.filter((call) => call.method === 'dashboard.summary').map((call) => call.args)
}

const today = localDay()

// jsdom lays nothing out, so recharts warns that every chart is 0×0; the charts' numbers are
// checked through their tables here, and their drawing in the browser by the E2E.
const warn = console.warn
beforeAll(() => {
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('The width(0) and height(0) of chart')) return
    warn(...args)
  })
})
afterAll(() => vi.restoreAllMocks())

describe('DashboardView', () => {
  it('shows each figure with its trend against the previous period, in words for screen readers', async () => {
    renderDashboard(() => busySummary())
    const interactions = await screen.findByTestId('figure-interactions')
    expect(interactions.textContent).toContain('12')
    expect(within(interactions).getByText('up 20% on the previous 30 days')).toBeTruthy()
    expect(within(screen.getByTestId('figure-meaningful')).getByText('up from none in the previous 30 days')).toBeTruthy()
    expect(within(screen.getByTestId('figure-given')).getByText('the same as the previous 30 days')).toBeTruthy()
    expect(within(screen.getByTestId('figure-new-connections')).getByText('down 50% on the previous 30 days')).toBeTruthy()
    expect(within(screen.getByTestId('figure-projects-active')).getByText('down 50% on the previous 30 days')).toBeTruthy()
    expect(screen.getByTestId('figure-in-person-share').textContent).toContain('50%')
    expect(within(screen.getByTestId('figure-in-person-share')).getByText('down 30 points on the previous 30 days')).toBeTruthy()
    expect(screen.getByTestId('figure-losing-touch').textContent).toContain('7')
    expect(screen.getByTestId('setback-lessons').textContent).toBe('1 of 3 setbacks with a lesson written down; 2 still without one.')

    const engagementChart = screen.getByRole('img', { name: 'Interactions and meaningful conversations per week' })
    expect(engagementChart).toBeTruthy()
    const table = screen.getByRole('table', { name: 'Interactions and meaningful conversations per week' })
    const lastWeek = within(table).getAllByRole('row').at(-1)!
    expect(within(lastWeek).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['10', '5'])
    expect(screen.getByRole('table', { name: 'In-person and online interactions per week' })).toBeTruthy()
    expect(screen.getByRole('meter', { name: 'Subjects: evenness' }).getAttribute('aria-valuetext')).toBe('90% even, very even')
    expect(within(screen.getByTestId('diversity-roles')).getByText('Only one value: evenness needs at least two.')).toBeTruthy()
  })

  it('lists at-risk goals first with a badge, and links every name to its record', async () => {
    renderDashboard(() => busySummary())
    const goals = await screen.findByRole('list', { name: 'Goals by urgency' })
    const items = within(goals).getAllByTestId('dashboard-goal')
    expect(within(items[0]!).getByRole('link').getAttribute('href')).toBe('#/goals?id=g-risk')
    expect(within(items[0]!).getByText('At risk')).toBeTruthy()
    expect(within(items[1]!).queryByText('At risk')).toBeNull()
    expect(screen.getByRole('progressbar', { name: 'Have 10 meaningful conversations: 2 of 10' }).getAttribute('aria-valuenow')).toBe('20')

    const people = screen.getByRole('table', { name: 'Given and received per person' })
    expect(within(people).getByRole('link', { name: 'Ada Okafor' }).getAttribute('href')).toBe('#/contacts?id=c-ada')
    expect(screen.getByRole('img', { name: 'Given and received per person' }).getAttribute('aria-describedby')).toBe(people.id)
    const dormant = screen.getByRole('list', { name: 'Dormant communities' })
    expect(within(dormant).getByRole('link', { name: 'Oracy forum' }).getAttribute('href')).toBe('#/communities?id=m-oracy')
    expect(within(dormant).queryByText('Maths PLC')).toBeNull()
    expect(within(screen.getByRole('list', { name: 'Losing touch' })).getByRole('link', { name: 'Gus Nguyen' }).getAttribute('href')).toBe('#/contacts?id=c-gus')
    expect(within(screen.getByRole('list', { name: 'Follow-ups due' })).getByRole('link', { name: 'Bea Durand' }).getAttribute('href')).toBe('#/contacts?id=c-bea')
    const keepInTouch = screen.getByRole('region', { name: 'Keeping in touch' })
    expect(within(keepInTouch).getByRole('link', { name: 'See all' }).getAttribute('href')).toBe('#/keep-in-touch')
    const learning = screen.getByRole('region', { name: 'Learning and growing' })
    expect(within(learning).getByRole('link', { name: 'Reading list' }).getAttribute('href')).toBe('#/reading')
    expect(within(learning).getByRole('link', { name: '2 still without one' }).getAttribute('href')).toBe('#/journal')
    expect(within(learning).getByRole('link', { name: 'Spaces' }).getAttribute('href')).toBe('#/spaces')
  })

  it('asks for the last 30 days by default, and for the chosen range, kept in the URL', async () => {
    const api = renderDashboard((args) => emptySummary(args))
    await waitFor(() => expect(summaryCalls(api)).toEqual([{ from: addDays(today, -29), to: today, today }]))
    expect(screen.getByRole('radio', { name: 'Last 30 days' })).toHaveProperty('checked', true)

    fireEvent.click(screen.getByRole('radio', { name: 'Last 90 days' }))
    await waitFor(() => expect(summaryCalls(api).at(-1)).toEqual({ from: addDays(today, -89), to: today, today }))
    expect(window.location.hash).toBe(`#/dashboard?from=${addDays(today, -89)}&to=${today}`)

    fireEvent.click(screen.getByRole('radio', { name: 'This year' }))
    await waitFor(() => expect(summaryCalls(api).at(-1)).toEqual({ from: `${today.slice(0, 4)}-01-01`, to: today, today }))

    fireEvent.click(screen.getByRole('radio', { name: 'Custom' }))
    const calls = summaryCalls(api).length
    fireEvent.change(screen.getByLabelText('From'), { target: { value: addDays(today, 5) } })
    expect(await screen.findByText('From must be on or before To')).toBeTruthy()
    expect(summaryCalls(api)).toHaveLength(calls)
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } })
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-03-31' } })
    await waitFor(() => expect(summaryCalls(api).at(-1)).toEqual({ from: '2026-03-01', to: '2026-03-31', today }))
    expect(window.location.hash).toBe('#/dashboard?from=2026-03-01&to=2026-03-31')
    expect(screen.queryByText('From must be on or before To')).toBeNull()
  })

  it("starts This term the day after the teacher's last term end", async () => {
    const api = renderDashboard((args) => emptySummary(args), [addDays(today, -40), addDays(today, 60)])
    await waitFor(() => expect(summaryCalls(api)).toHaveLength(1))
    // Let the term ends (asked for alongside the summary) arrive before choosing the term.
    await waitFor(() => expect(api.calls.some((call) => call.method === 'reflection.settings')).toBe(true))
    await act(async () => undefined)
    fireEvent.click(screen.getByRole('radio', { name: 'This term' }))
    await waitFor(() => expect(summaryCalls(api).at(-1)).toEqual({ from: addDays(today, -39), to: today, today }))
    expect(screen.getByTestId('range-description').textContent).toContain('from the day after your last term end')
  })

  it('opens on the range in the URL, as after a reload', async () => {
    window.location.hash = '#/dashboard?from=2026-02-01&to=2026-02-28'
    const api = renderDashboard((args) => emptySummary(args))
    await waitFor(() => expect(summaryCalls(api)).toEqual([{ from: '2026-02-01', to: '2026-02-28', today }]))
    expect(screen.getByRole('radio', { name: 'Custom' })).toHaveProperty('checked', true)
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe('2026-02-01')
  })

  it('tells a new profile where to start instead of showing zeros everywhere', async () => {
    renderDashboard(() => emptySummary())
    await screen.findByTestId('dashboard-panels')
    expect(screen.getByText(/^No goals yet/)).toBeTruthy()
    expect(screen.getByRole('link', { name: 'Set a goal' }).getAttribute('href')).toBe('#/goals?id=new')
    expect(screen.getByText(/^No interactions logged in this period/)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Log an interaction' })).toBeTruthy()
    expect(screen.getByText(/^Nothing given or received/)).toBeTruthy()
    expect(screen.getByText(/^Nobody is slipping away/)).toBeTruthy()
    expect(screen.getByText(/^Your reading list is empty/)).toBeTruthy()
    expect(screen.getByText(/^No contacts or communities yet/)).toBeTruthy()
    expect(screen.queryByRole('img')).toBeNull()
    // Only the engagement figures stay (their zero is the news); every other panel explains itself.
    expect(screen.getAllByRole('definition')).toHaveLength(2)
  })

  it('refreshes when something it counts changes, not when a note does', async () => {
    let interactions = 1
    const api = renderDashboard(() => ({ ...busySummary(), engagement: { ...busySummary().engagement, interactions: { current: interactions, previous: 0, change: null } } }))
    await waitFor(() => expect(screen.getByTestId('figure-interactions').textContent).toContain('1'))
    act(() => api.emit('index.changed', { kinds: ['notes'], ids: ['n1'] }))
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(summaryCalls(api)).toHaveLength(1)
    interactions = 42
    act(() => api.emit('index.changed', { kinds: ['interactions'], ids: ['i9'] }))
    await waitFor(() => expect(screen.getByTestId('figure-interactions').textContent).toContain('42'))
    expect(summaryCalls(api)).toHaveLength(2)
  })

  it("shows the core's message when the summary fails, and tries again", async () => {
    let fail = true
    const api = createFakeApi({
      ...quietSlots(),
      'dashboard.summary': () => (fail ? { ok: false, error: { code: 'internal', message: 'The index is being rebuilt.' } } : { ok: true, value: busySummary() }),
    })
    renderWithProviders(<RoutedDashboard />, { platform: createFakePlatform(api) })
    const alert = await screen.findByTestId('dashboard-error')
    expect(within(alert).getByText('The index is being rebuilt.')).toBeTruthy()
    fail = false
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByTestId('figure-interactions')).toBeTruthy()
    expect(screen.queryByText('The dashboard could not be computed')).toBeNull()
  })
})
