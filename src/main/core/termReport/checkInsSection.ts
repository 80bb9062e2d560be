import type { CheckIn } from '@shared/network/records'
import { cadenceLabels, checkInQuestions } from '@shared/reflection/checkInQuestions'
import { escapeHtml } from '../spaces/export/spansToHtml'
import { count, day, paragraph, section, table } from './reportFormat'

const cadenceNames: Record<CheckIn['cadence'], string> = cadenceLabels

const rated = (rating: number | null) => (rating === null ? 'Not rated' : `${rating} / 5`)

function checkInHeading(checkIn: CheckIn): string {
  return `Check-in of ${day(checkIn.date)} (${cadenceNames[checkIn.cadence].toLowerCase()}, ${day(checkIn.periodStart)} – ${day(checkIn.periodEnd)})`
}

function checkInArticle(checkIn: CheckIn, index: number): string {
  const answers = checkInQuestions.map(({ rating, text, question, name }) => {
    const answer = checkIn[text].trim()
    return [
      `<h4>${escapeHtml(question)}</h4>`,
      paragraph(`${rating === 'adjustRating' ? name : 'Rating'}: ${rated(checkIn[rating])}`, 'rating'),
      answer ? paragraph(answer, 'answer') : paragraph('Nothing written.', 'note'),
    ].join('\n')
  })
  const figures = Object.entries(checkIn.figures)
  const figuresTable = figures.length > 0 ? table('The period’s figures when this check-in was written', ['Figure', 'Value'], figures.map(([name, value]) => [name, count(value)]), 1) : ''
  return [`<article class="check-in" aria-labelledby="check-in-${index}">`, `<h3 id="check-in-${index}">${escapeHtml(checkInHeading(checkIn))}</h3>`, ...answers, figuresTable, '</article>']
    .filter(Boolean)
    .join('\n')
}

/** The period's check-ins, oldest first: their ratings side by side, then each one in full. */
export function checkInsSection(checkIns: readonly CheckIn[], leftOut: number): string {
  if (checkIns.length === 0) return section('check-ins', 'Check-ins', [paragraph('No check-ins were written for this period.', 'note')])
  const body = [
    table(
      'Ratings over the period (1 low, 5 high)',
      ['Date', 'Cadence', ...checkInQuestions.map((q) => q.name)],
      checkIns.map((c) => [day(c.date), cadenceNames[c.cadence], ...checkInQuestions.map((q) => rated(c[q.rating]))]),
    ),
  ]
  if (leftOut > 0) body.push(paragraph(`The ${count(leftOut)} oldest check-ins of the period are left out; make a report for a shorter period to see them.`, 'note'))
  body.push(...checkIns.map(checkInArticle))
  return section('check-ins', 'Check-ins', body)
}
