import type * as A from '@automerge/automerge'
import type { JournalEntry } from '@shared/network/records'
import { escapeMarkdown, spansToMarkdown } from './spansToMarkdown'

/**
 * Journal and notes each export as ONE combined Markdown file: one download in every shell (the
 * browser in serve mode cannot save a folder, and a zip would need another library), readable
 * top to bottom, and easy to split later by its "## " headings.
 */

export interface JournalNames {
  contact(id: string): string | undefined
  goal(id: string): string | undefined
  event(id: string): string | undefined
}

const kindLabels: Record<JournalEntry['kind'], string> = { learning: 'Learning', setback: 'Setback', reflection: 'Reflection' }

/** Live entries, oldest first, each under "## date — title". */
export function journalToMarkdown(entries: readonly JournalEntry[], names: JournalNames): string {
  const live = entries.filter((entry) => entry.deletedAt === null).sort((a, b) => a.date.localeCompare(b.date) || a.createdAt - b.createdAt)
  const parts = ['# Journal', '']
  for (const entry of live) {
    parts.push(`## ${entry.date}${entry.title ? ` — ${escapeMarkdown(entry.title)}` : ''}`, '')
    const facts = [`*${kindLabels[entry.kind]}*`]
    if (entry.tags.length > 0) facts.push(`Tags: ${entry.tags.map(escapeMarkdown).join(', ')}`)
    const linked = (label: string, ids: readonly string[], name: (id: string) => string | undefined) => {
      const known = ids.map(name).filter((n): n is string => Boolean(n))
      if (known.length > 0) facts.push(`${label}: ${known.map(escapeMarkdown).join(', ')}`)
    }
    linked('People', entry.contactIds, names.contact)
    linked('Goals', entry.goalIds, names.goal)
    linked('Events', entry.eventIds, names.event)
    parts.push(facts.join(' · '), '')
    for (const [heading, text] of [
      ['What happened', entry.whatHappened],
      ['What I learned', entry.whatILearned],
      ['What I will try', entry.whatIWillTry],
    ] as const) {
      if (text.trim()) parts.push(`### ${heading}`, '', paragraphs(text), '')
    }
  }
  return parts.join('\n').trimEnd() + '\n'
}

export interface NoteForMarkdown {
  title: string
  tags: readonly string[]
  createdAt: number
  spans: readonly A.Span[]
}

/** Notes in the given order, each under "## title", its own headings moved down two levels. */
export function notesToMarkdown(notes: readonly NoteForMarkdown[]): string {
  const parts = ['# Notes', '']
  for (const note of notes) {
    parts.push(`## ${escapeMarkdown(note.title.trim() || 'Untitled note')}`, '')
    const facts = [`Created ${new Date(note.createdAt).toISOString().slice(0, 10)}`]
    if (note.tags.length > 0) facts.push(`Tags: ${note.tags.map(escapeMarkdown).join(', ')}`)
    parts.push(`*${facts.join(' · ')}*`, '')
    const body = spansToMarkdown(note.spans, 2).trim()
    if (body) parts.push(body, '')
  }
  return parts.join('\n').trimEnd() + '\n'
}

/** Plain text typed in a form: escaped, each line break kept as a Markdown line break. */
function paragraphs(text: string): string {
  return escapeMarkdown(text.trim()).replace(/\r\n?/g, '\n').replace(/\n(?!\n)/g, '  \n')
}
