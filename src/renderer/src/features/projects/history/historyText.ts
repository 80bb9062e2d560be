import type { HistorySummary, HistoryValue } from '@shared/api/projectHistory'

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

function list(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}

const fieldNames: Record<string, string> = { subject: 'subject', grade: 'grade', template: 'template', archived: 'archive state', members: 'members', title: 'title', assignee: 'assigned to', due: 'due date', done: 'done', url: 'link', note: 'note' }

export function fieldName(field: string): string {
  return fieldNames[field] ?? field
}

/** One line for a group in the timeline: what the text gained and lost, and what else was touched. */
export function describeSummary(summary: HistorySummary): string {
  const parts: string[] = []
  if (summary.bodyAdded > 0 || summary.bodyRemoved > 0) {
    const text = [summary.bodyAdded > 0 ? `added ${count(summary.bodyAdded, 'character')}` : '', summary.bodyRemoved > 0 ? `removed ${count(summary.bodyRemoved, 'character')}` : ''].filter(Boolean)
    parts.push(`${text.join(', ')} in the text`)
  }
  if (summary.bodyFormatting) parts.push('changed formatting')
  if (summary.titleAdded > 0 || summary.titleRemoved > 0) parts.push('edited the title')
  if (summary.fields.length > 0) parts.push(`set the ${list(summary.fields.map(fieldName))}`)
  if (summary.tasks > 0) parts.push(`changed ${count(summary.tasks, 'task')}`)
  if (summary.resources > 0) parts.push(`changed ${count(summary.resources, 'resource')}`)
  if (summary.comments > 0) parts.push(`touched ${count(summary.comments, 'comment')}`)
  if (parts.length === 0) return 'No visible change'
  const sentence = list(parts)
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}

/** A changed value as a person reads it: quoted text, yes/no, or "nothing". */
export function describeValue(field: string, value: HistoryValue): string {
  if (typeof value === 'boolean') return field === 'done' ? (value ? 'done' : 'not done') : value ? 'yes' : 'no'
  if (value === null || value === '') return 'nothing'
  return `“${value}”`
}

export function authorList(authors: readonly string[]): string {
  return list(authors)
}
