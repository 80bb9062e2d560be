import type { DashboardSummary, GoalStatusRow } from '@shared/api/dashboard'
import { weekChartSvg } from './weekChartSvg'
import { count, counted, day, facts, paragraph, section, share, shownOf, table, trendTable } from './reportFormat'

/** The dashboard's figures as the report's sections, in the dashboard's order. */
export function dashboardSections(summary: DashboardSummary): string[] {
  return [goals(summary.goals), engagement(summary.engagement), balance(summary.balance), reciprocity(summary.reciprocity), breadth(summary.breadth), keepingInTouch(summary.keepingInTouch), learning(summary.learning)]
}

const targetNouns: Record<NonNullable<GoalStatusRow['targetKind']>, string> = {
  interactions: 'interactions',
  'meaningful-conversations': 'meaningful conversations',
  'in-person-interactions': 'in-person interactions',
  'events-attended': 'events attended',
  'resources-shared': 'resources shared',
  'journal-entries': 'journal entries',
  custom: 'done',
}

function goalProgress(goal: GoalStatusRow): string {
  if (!goal.progress) return 'No target'
  const noun = goal.targetKind ? ` ${targetNouns[goal.targetKind]}` : ''
  return `${count(goal.progress.current)} of ${count(goal.progress.target)}${noun} (${goal.progress.percent}%)`
}

function goalDeadline(goal: GoalStatusRow): string {
  if (!goal.deadline) return 'None'
  if (goal.daysLeft === null) return day(goal.deadline)
  const left = goal.daysLeft >= 0 ? `${counted(goal.daysLeft, 'day', 'days')} left` : `${counted(-goal.daysLeft, 'day', 'days')} past`
  return `${day(goal.deadline)} (${left})`
}

function goals(summary: DashboardSummary['goals']): string {
  if (summary.rows.length === 0) return section('goals', 'Goals', [paragraph('No goals were set.', 'note')])
  // At risk first, as on the dashboard; otherwise in the order the dashboard gave.
  const rows = [...summary.rows].sort((a, b) => Number(b.atRisk) - Number(a.atRisk))
  return section('goals', 'Goals', [
    paragraph(`${count(summary.atRisk)} at risk · ${count(summary.onTrack)} on track · ${count(summary.achieved)} achieved`, 'summary'),
    table(
      'Progress on each goal against its target and deadline',
      ['Goal', 'Status', 'Progress', 'Expected by now', 'Deadline', 'At risk'],
      rows.map((goal) => [
        goal.title,
        goal.status,
        goalProgress(goal),
        goal.expectedPercent === null ? '—' : `${Math.round(goal.expectedPercent)}%`,
        goalDeadline(goal),
        goal.atRisk ? 'At risk' : 'No',
      ]),
    ),
  ])
}

function engagement(summary: DashboardSummary['engagement']): string {
  const body = [
    trendTable('Interactions in the period', [
      ['Interactions', summary.interactions],
      ['Meaningful conversations', summary.meaningful],
    ]),
  ]
  if (summary.perWeek.length > 0) {
    body.push(`<figure>\n${weekChartSvg(summary.perWeek, 'engagement-chart')}\n</figure>`)
    body.push(
      table(
        'Interactions per week',
        ['Week of', 'Interactions', 'Meaningful', 'In person', 'Online'],
        summary.perWeek.map((w) => [day(w.weekStart), count(w.interactions), count(w.meaningful), count(w.inPerson), count(w.online)]),
        1,
      ),
    )
  }
  return section('engagement', 'Engagement', body)
}

function balance(summary: DashboardSummary['balance']): string {
  const { current, previous } = summary.inPersonShare
  const shareText =
    current === null ? 'No interactions in this period.' : `${share(current)} of interactions were in person${previous === null ? '' : ` (period before: ${share(previous)})`}.`
  return section('balance', 'In person and online', [
    paragraph(shareText, 'summary'),
    trendTable('In-person and online interactions', [
      ['In person', summary.inPerson],
      ['Online', summary.online],
    ]),
  ])
}

function reciprocity(summary: DashboardSummary['reciprocity']): string {
  const body = [
    trendTable('Help and resources given and received', [
      ['Given', summary.given],
      ['Received', summary.received],
    ]),
  ]
  if (summary.people.length > 0)
    body.push(table('Given and received, per person (most exchanges first)', ['Person', 'Given', 'Received'], summary.people.map((p) => [p.contact.name, count(p.given), count(p.received)]), 1))
  return section('reciprocity', 'Giving and receiving', body)
}

const dimensionNames = { subjects: 'Subjects', roles: 'Roles', schools: 'Schools', regions: 'Regions', communities: 'Communities' } as const

function breadth(summary: DashboardSummary['breadth']): string {
  const body = [trendTable('New connections', [['New connections', summary.newConnections]])]
  if (summary.diversity.length > 0)
    body.push(
      table(
        'Diversity of the network (evenness: 0 all one value, 1 evenly spread)',
        ['Dimension', 'Distinct', 'Evenness', 'Most common', 'Unknown'],
        summary.diversity.map((d) => [
          dimensionNames[d.dimension],
          count(d.distinct),
          d.evenness === null ? '—' : d.evenness.toFixed(2),
          d.top.map((t) => `${t.value} (${count(t.count)})`).join(', ') || '—',
          count(d.unknown),
        ]),
      ),
    )
  body.push(paragraph(`Communities: ${count(summary.communitiesActive)} active, ${count(summary.communitiesDormant)} dormant in this period.`, 'summary'))
  if (summary.communities.length > 0)
    body.push(
      table(
        'Communities, active and dormant',
        ['Community', 'In this period', 'Last activity', 'Interactions'],
        summary.communities.map((c) => [c.name, c.active ? 'Active' : 'Dormant', c.lastActivityOn ? day(c.lastActivityOn) : 'Never', count(c.interactions)]),
      ),
    )
  return section('breadth', 'Breadth of the network', body)
}

function keepingInTouch(summary: DashboardSummary['keepingInTouch']): string {
  const body = [paragraph(`${counted(summary.losingTouchTotal, 'person', 'people')} you are losing touch with · ${counted(summary.followUpsDueTotal, 'follow-up', 'follow-ups')} due`, 'summary')]
  if (summary.losingTouch.length > 0) {
    body.push(
      table(
        'Losing touch',
        ['Person', 'Last interaction', 'Days overdue'],
        summary.losingTouch.map((p) => [p.contact.name, p.lastInteractionOn ? day(p.lastInteractionOn) : 'Never', count(p.daysOverdue)]),
      ),
    )
    body.push(shownOf(summary.losingTouch.length, summary.losingTouchTotal, 'people') ?? '')
  }
  if (summary.followUpsDue.length > 0) {
    body.push(
      table(
        'Follow-ups due',
        ['Interaction', 'On', 'With', 'Days overdue'],
        summary.followUpsDue.map((f) => [f.summary, day(f.date), f.contacts.map((c) => c.name).join(', ') || '—', count(f.daysOverdue)]),
      ),
    )
    body.push(shownOf(summary.followUpsDue.length, summary.followUpsDueTotal, 'follow-ups') ?? '')
  }
  return section('keeping-in-touch', 'Keeping in touch', body.filter(Boolean))
}

function learning(summary: DashboardSummary['learning']): string {
  return section('learning', 'Learning', [
    facts([
      ['Reading list: to read', count(summary.readingToRead)],
      ['Reading list: reading', count(summary.readingInProgress)],
      ['Setbacks written about', count(summary.setbacks)],
      ['Setbacks with a lesson learned', count(summary.setbacksWithLesson)],
      ['Lessons learned', count(summary.lessonsLearned)],
      ['Lesson projects in all', count(summary.projectsTotal)],
    ]),
    trendTable('Reading, journal and lesson projects', [
      ['Read', summary.readingRead],
      ['Applied in class', summary.readingApplied],
      ['Journal entries', summary.journalEntries],
      ['Lesson projects active', summary.projectsActive],
    ]),
  ])
}
