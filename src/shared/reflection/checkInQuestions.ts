import type { CheckInRatings, ReflectionCadence } from '../api/reflection'

export type QuestionKey = keyof CheckInRatings

export interface Question {
  key: QuestionKey
  /** The short name used in the history, the chart and its table. */
  name: string
  /** The article's question. */
  question: string
  hint: string
  rating: 'goalsRating' | 'conversationsRating' | 'learningRating' | 'adjustRating'
  text: 'goalsText' | 'conversationsText' | 'learningText' | 'adjustText'
  textLabel: string
  /** What 1 and 5 mean for this question. */
  scale: [string, string]
}

/**
 * The article's four questions (are you achieving your goals, having meaningful conversations,
 * learning; what will you adjust?), worded once for the check-in screen and the term report.
 */
export const checkInQuestions: readonly Question[] = [
  {
    key: 'goals',
    name: 'Goals',
    question: 'Are you achieving your goals?',
    hint: 'Which goals moved, which stalled, and why.',
    rating: 'goalsRating',
    text: 'goalsText',
    textLabel: 'Notes on your goals',
    scale: ['not at all', 'fully'],
  },
  {
    key: 'conversations',
    name: 'Conversations',
    question: 'Are you actively engaged in meaningful conversations?',
    hint: 'Who you talked with, what came of it, who you miss.',
    rating: 'conversationsRating',
    text: 'conversationsText',
    textLabel: 'Notes on your conversations',
    scale: ['not at all', 'fully'],
  },
  {
    key: 'learning',
    name: 'Learning',
    question: 'Are you learning and growing?',
    hint: 'What you read, tried in class, or learned from a setback.',
    rating: 'learningRating',
    text: 'learningText',
    textLabel: 'Notes on your learning',
    scale: ['not at all', 'fully'],
  },
  {
    key: 'adjust',
    name: 'Network fit',
    question: 'What will you adjust?',
    hint: 'Rate how well your network works for you as it is, then say what you will change.',
    rating: 'adjustRating',
    text: 'adjustText',
    textLabel: 'What you will change',
    scale: ['needs big changes', 'works as it is'],
  },
]

export const ratingWords = ['', 'Not at all', 'A little', 'Somewhat', 'Mostly', 'Fully'] as const

export const cadenceLabels: Record<ReflectionCadence, string> = {
  weekly: 'Weekly',
  monthly: 'Monthly',
  term: 'End of term',
  off: 'Off',
}

