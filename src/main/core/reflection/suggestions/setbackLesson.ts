import type { Suggestion } from '@shared/api/reflection'
import { sql } from '../../storage/sql'
import type { SuggestionInput } from './SuggestionRule'
import { longDay, quoted, recordHref } from './wording'

export const maxSetbackLessons = 3

interface SetbackEntry {
  id: string
  date: string
  title: string
  excerpt: string
  key: string
}

/**
 * Setback journal entries that do not say what was learned, newest first, whatever their date
 * (an old setback is still worth a lesson). The key is the entry: writing the lesson makes the
 * suggestion go by itself, so a dismissal only has to outlast the entry.
 */
export function setbackLesson({ sql: runner, dismissedJson }: SuggestionInput): Suggestion[] {
  const rows = runner.all<SetbackEntry>(sql`
    SELECT j.id, j.date, j.title, j.excerpt, 'lesson:' || j.id AS key
    FROM journal_entries j
    WHERE j.deleted = 0 AND j.kind = 'setback' AND j.has_lesson = 0
      AND 'lesson:' || j.id NOT IN (SELECT value FROM json_each(${dismissedJson}))
    ORDER BY j.date DESC, j.id DESC
    LIMIT ${maxSetbackLessons}`)
  return rows.map((row) => {
    const name = row.title.trim() ? `${quoted(row.title)} ` : ''
    return {
      key: row.key,
      kind: 'lesson',
      title: 'Write down what a setback taught you',
      explanation: `Your setback entry ${name}of ${longDay(row.date)} does not say what you learned yet. A line on it turns a bad day into a lesson.`,
      evidence: [
        { label: 'Entry', value: row.title.trim() || (row.excerpt ? quoted(row.excerpt, 60) : 'untitled') },
        { label: 'Date', value: longDay(row.date) },
        { label: 'What I learned', value: 'empty' },
      ],
      link: { href: recordHref('journal', row.id, { edit: true }), label: 'Add the lesson' },
    }
  })
}
