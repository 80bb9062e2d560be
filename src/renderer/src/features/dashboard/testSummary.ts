import type { DashboardSummary, Trend } from '@shared/api/dashboard'

/** A trend as the core computes it: the change is null when the previous period had none. */
export function trend(current: number, previous: number): Trend {
  return { current, previous, change: previous === 0 ? null : (current - previous) / previous }
}

const none = trend(0, 0)

/** What the core answers for a profile with nothing in it yet (renderer tests start from here). */
export function emptySummary(range = { from: '2026-11-02', to: '2026-12-01' }): DashboardSummary {
  return {
    range: { ...range, previousFrom: '2026-10-03', previousTo: '2026-11-01', days: 30 },
    goals: { rows: [], atRisk: 0, onTrack: 0, achieved: 0 },
    engagement: {
      interactions: none,
      meaningful: none,
      perWeek: ['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'].map((weekStart) => ({ weekStart, interactions: 0, meaningful: 0, inPerson: 0, online: 0 })),
    },
    balance: { inPerson: none, online: none, inPersonShare: { current: null, previous: null } },
    reciprocity: { given: none, received: none, people: [] },
    breadth: {
      newConnections: none,
      diversity: (['subjects', 'roles', 'schools', 'regions', 'communities'] as const).map((dimension) => ({ dimension, distinct: 0, evenness: null, top: [], unknown: 0 })),
      communities: [],
      communitiesActive: 0,
      communitiesDormant: 0,
    },
    keepingInTouch: { losingTouchTotal: 0, followUpsDueTotal: 0, losingTouch: [], followUpsDue: [] },
    learning: {
      readingToRead: 0,
      readingInProgress: 0,
      readingRead: none,
      readingApplied: none,
      journalEntries: none,
      setbacks: 0,
      setbacksWithLesson: 0,
      lessonsLearned: 0,
      projectsActive: none,
      projectsTotal: 0,
    },
    computedInMs: 3,
  }
}

/** A teacher's month with something in every panel, figures chosen so each trend reads differently. */
export function busySummary(): DashboardSummary {
  const empty = emptySummary()
  return {
    ...empty,
    goals: {
      rows: [
        { id: 'g-on', title: 'Attend 4 local meetups', status: 'active', targetKind: 'events-attended', progress: { current: 3, target: 4, percent: 75, from: '2026-09-01', to: '2026-12-20' }, deadline: '2026-12-20', expectedPercent: 70, atRisk: false, daysLeft: 19 },
        { id: 'g-risk', title: 'Have 10 meaningful conversations', status: 'active', targetKind: 'meaningful-conversations', progress: { current: 2, target: 10, percent: 20, from: '2026-09-01', to: '2026-12-31' }, deadline: '2026-12-31', expectedPercent: 75, atRisk: true, daysLeft: 30 },
      ],
      atRisk: 1,
      onTrack: 1,
      achieved: 0,
    },
    engagement: {
      interactions: trend(12, 10),
      meaningful: trend(5, 0),
      perWeek: empty.engagement.perWeek.map((week, index) => ({ ...week, interactions: index * 2, meaningful: index === 5 ? 5 : 0, inPerson: index, online: index })),
    },
    balance: { inPerson: trend(6, 8), online: trend(6, 2), inPersonShare: { current: 0.5, previous: 0.8 } },
    reciprocity: {
      given: trend(4, 4),
      received: trend(2, 1),
      people: [
        { contact: { id: 'c-ada', name: 'Ada Okafor' }, given: 3, received: 1 },
        { contact: { id: 'c-bea', name: 'Bea Durand' }, given: 1, received: 1 },
      ],
    },
    breadth: {
      newConnections: trend(3, 6),
      diversity: [
        { dimension: 'subjects', distinct: 4, evenness: 0.9, top: [{ value: 'maths', count: 3 }, { value: 'physics', count: 2 }], unknown: 1 },
        { dimension: 'roles', distinct: 1, evenness: null, top: [{ value: 'SENCo', count: 5 }], unknown: 0 },
        { dimension: 'schools', distinct: 2, evenness: 0.3, top: [{ value: 'Riverside Academy', count: 4 }, { value: 'Northfield High', count: 1 }], unknown: 0 },
        { dimension: 'regions', distinct: 0, evenness: null, top: [], unknown: 5 },
        { dimension: 'communities', distinct: 1, evenness: null, top: [{ value: 'Maths PLC', count: 2 }], unknown: 10 },
      ],
      communities: [
        { id: 'm-plc', name: 'Maths PLC', active: true, lastActivityOn: '2026-11-20', interactions: 2, goalIds: [] },
        { id: 'm-oracy', name: 'Oracy forum', active: false, lastActivityOn: '2026-06-03', interactions: 0, goalIds: ['g-risk'] },
      ],
      communitiesActive: 1,
      communitiesDormant: 1,
    },
    keepingInTouch: {
      losingTouchTotal: 7,
      followUpsDueTotal: 1,
      losingTouch: [{ contact: { id: 'c-gus', name: 'Gus Nguyen' }, daysOverdue: 12, lastInteractionOn: '2026-09-01' }],
      followUpsDue: [{ interactionId: 'i-1', date: '2026-11-10', summary: 'Send the fractions rubric', contacts: [{ id: 'c-bea', name: 'Bea Durand' }], daysOverdue: 3 }],
    },
    learning: {
      readingToRead: 4,
      readingInProgress: 1,
      readingRead: trend(2, 1),
      readingApplied: trend(1, 0),
      journalEntries: trend(3, 3),
      setbacks: 3,
      setbacksWithLesson: 1,
      lessonsLearned: 2,
      projectsActive: trend(1, 2),
      projectsTotal: 3,
    },
  }
}
