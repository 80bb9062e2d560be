import { emptyPlan, type ImportPlan } from '../ImportPlan'
import { finishContact } from '../finishContact'
import { cardToContact } from './cardToContact'
import { readCard } from './readVCards'
import { splitCards } from './splitCards'

/**
 * A vCard file (3.0, 4.0, and the 2.1 Outlook still writes) as planned contacts. Every card is
 * read and validated; each problem names its line. `onProgress` is called every few hundred cards.
 */
export function importVCards(text: string, onProgress?: (done: number, total: number) => void): ImportPlan {
  const plan = emptyPlan()
  const { cards, errors } = splitCards(text)
  plan.errors.push(...errors)
  if (cards.length === 0 && errors.length === 0) plan.errors.push({ message: 'The file holds no cards (BEGIN:VCARD … END:VCARD).' })
  const ignored = new Map<string, number>()
  cards.forEach((raw, index) => {
    if (index % 500 === 0) onProgress?.(index, cards.length)
    const { card, error } = readCard(raw)
    if (!card) return void plan.errors.push(error!)
    const converted = cardToContact(card)
    plan.warnings.push(...converted.warnings)
    for (const name of converted.ignored) ignored.set(name, (ignored.get(name) ?? 0) + 1)
    if (!converted.draft) return void plan.errors.push(converted.error!)
    const finished = finishContact(converted.draft, card.line)
    plan.warnings.push(...finished.warnings)
    if (finished.fields) plan.records.push({ kind: 'contact', fields: finished.fields, line: card.line })
    else plan.errors.push(finished.error!)
  })
  onProgress?.(cards.length, cards.length)
  if (ignored.size > 0) {
    const list = [...ignored].map(([name, count]) => `${name.toUpperCase()} (${count})`).join(', ')
    plan.warnings.push({ message: `Staffroom has no place for these card fields, which were not imported: ${list}.` })
  }
  return plan
}
