import type { CheckInFields } from '@shared/network/records'
import { checkInQuestions, type Question } from '@shared/reflection/checkInQuestions'

export { cadenceLabels, ratingWords, type Question, type QuestionKey } from '@shared/reflection/checkInQuestions'

export const questions = checkInQuestions

/** The answers part of a check-in, as the form edits it. */
export type CheckInAnswers = Pick<CheckInFields, Question['rating'] | Question['text']>

export function emptyAnswers(): CheckInAnswers {
  return {
    goalsRating: null,
    goalsText: '',
    conversationsRating: null,
    conversationsText: '',
    learningRating: null,
    learningText: '',
    adjustRating: null,
    adjustText: '',
  }
}

export function hasAnswer(answers: CheckInAnswers): boolean {
  return questions.some((q) => answers[q.rating] !== null || answers[q.text].trim() !== '')
}
