const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * "2 Mar 2026" for a YYYY-MM-DD day. The explanations are built in the core, which has no
 * locale of the reader's, so they use one unambiguous English form.
 */
export function longDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return `${date} ${months[month - 1] ?? ''} ${year}`
}

/** "1 day", "3 days". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`
}

/** "today", "yesterday", "94 days ago". */
export function ago(days: number): string {
  if (days <= 0) return 'today'
  if (days === 1) return 'yesterday'
  return `${days} days ago`
}

/** A record's page in the app, as a route hash (`#/contacts?id=…`). */
export function recordHref(section: string, id: string, options: { edit?: boolean } = {}): string {
  return `#/${section}?id=${encodeURIComponent(id)}${options.edit ? '&edit=1' : ''}`
}

/** Quotes a title the teacher wrote, shortened so one long title cannot swamp the sentence. */
export function quoted(title: string, max = 80): string {
  const clean = title.replace(/\s+/g, ' ').trim()
  return `“${clean.length > max ? `${clean.slice(0, max - 1)}…` : clean}”`
}
