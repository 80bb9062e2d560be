import type { DashboardSummary, Trend } from '@shared/api/dashboard'
import type { CheckIn } from '@shared/network/records'
import type { TermReportInput } from './renderTermReport'

/** Hand-built report data for tests: known figures, and hostile text wherever a person can type. */

export const hostile = {
  script: '</script><script>alert(1)</script>',
  image: '<img src=x onerror=alert(1)>',
  quotes: `"quoted" & 'single'`,
}

const trend = (current: number, previous: number): Trend => ({ current, previous, change: previous === 0 ? null : (current - previous) / previous })

export function sampleSummary(): DashboardSummary {
  return {
    range: { from: '2026-09-01', to: '2026-09-21', previousFrom: '2026-08-11', previousTo: '2026-08-31', days: 21 },
    goals: {
      rows: [
        {
          id: 'g1',
          title: `Mentor a new teacher ${hostile.quotes}`,
          status: 'active',
          targetKind: 'meaningful-conversations',
          progress: { current: 4, target: 10, percent: 40, from: '2026-09-01', to: '2026-12-18' },
          deadline: '2026-12-18',
          expectedPercent: 20,
          atRisk: false,
          daysLeft: 88,
        },
        {
          id: 'g2',
          title: `Present at a conference ${hostile.script}`,
          status: 'active',
          targetKind: 'events-attended',
          progress: { current: 0, target: 2, percent: 0, from: '2026-06-01', to: '2026-09-15' },
          deadline: '2026-09-15',
          expectedPercent: 100,
          atRisk: true,
          daysLeft: -6,
        },
        { id: 'g3', title: 'Read more research', status: 'achieved', targetKind: null, progress: null, deadline: null, expectedPercent: null, atRisk: false, daysLeft: null },
      ],
      atRisk: 1,
      onTrack: 1,
      achieved: 1,
    },
    engagement: {
      interactions: trend(18, 12),
      meaningful: trend(7, 7),
      perWeek: [
        { weekStart: '2026-08-31', interactions: 5, meaningful: 2, inPerson: 3, online: 2 },
        { weekStart: '2026-09-07', interactions: 9, meaningful: 4, inPerson: 2, online: 7 },
        { weekStart: '2026-09-14', interactions: 4, meaningful: 1, inPerson: 1, online: 3 },
      ],
    },
    balance: { inPerson: trend(6, 8), online: trend(12, 4), inPersonShare: { current: 6 / 18, previous: 8 / 12 } },
    reciprocity: {
      given: trend(5, 0),
      received: trend(9, 3),
      people: [
        { contact: { id: 'c1', name: `Ana ${hostile.image}`, }, given: 3, received: 1 },
        { contact: { id: 'c2', name: 'Bo Chen', }, given: 0, received: 6 },
      ],
    },
    breadth: {
      newConnections: trend(3, 1),
      diversity: [
        { dimension: 'subjects', distinct: 4, evenness: 0.873, top: [{ value: `Maths ${hostile.quotes}`, count: 5 }, { value: 'Art', count: 2 }], unknown: 1 },
        { dimension: 'regions', distinct: 1, evenness: null, top: [{ value: 'Leeds', count: 3 }], unknown: 4 },
      ],
      communities: [
        { id: 'm1', name: `#MathsChat ${hostile.script}`, active: true, lastActivityOn: '2026-09-10', interactions: 6, goalIds: ['g1'] },
        { id: 'm2', name: 'Science TeachMeet', active: false, lastActivityOn: null, interactions: 0, goalIds: [] },
      ],
      communitiesActive: 1,
      communitiesDormant: 1,
    },
    keepingInTouch: {
      losingTouchTotal: 23,
      followUpsDueTotal: 1,
      losingTouch: [{ contact: { id: 'c3', name: `Cy ${hostile.quotes}` }, daysOverdue: 41, lastInteractionOn: '2026-06-02' }],
      followUpsDue: [{ interactionId: 'i1', date: '2026-09-03', summary: `Send the rubric ${hostile.image}`, contacts: [{ id: 'c2', name: 'Bo Chen' }], daysOverdue: 11 }],
    },
    learning: {
      readingToRead: 6,
      readingInProgress: 2,
      readingRead: trend(3, 2),
      readingApplied: trend(1, 0),
      journalEntries: trend(8, 4),
      setbacks: 3,
      setbacksWithLesson: 2,
      lessonsLearned: 5,
      projectsActive: trend(2, 2),
      projectsTotal: 4,
    },
    computedInMs: 12,
  }
}

export function sampleCheckIn(fields: Partial<CheckIn> = {}): CheckIn {
  return {
    id: 'k1',
    createdAt: 1,
    updatedAt: 1,
    deletedAt: null,
    date: '2026-09-20',
    cadence: 'weekly',
    periodStart: '2026-09-14',
    periodEnd: '2026-09-20',
    goalsRating: 4,
    goalsText: `Two mentoring talks.\nOne more planned. ${hostile.script}`,
    conversationsRating: 3,
    conversationsText: hostile.image,
    learningRating: null,
    learningText: '',
    adjustRating: 2,
    adjustText: `Meet ${hostile.quotes} in person`,
    figures: { interactions: 4, [`odd ${hostile.script}`]: 1 },
    ...fields,
  }
}

export function sampleInput(fields: Partial<TermReportInput> = {}): TermReportInput {
  return { name: `Ms Diallo ${hostile.script}`, today: '2026-09-21', summary: sampleSummary(), checkIns: [sampleCheckIn()], checkInsLeftOut: 0, ...fields }
}
