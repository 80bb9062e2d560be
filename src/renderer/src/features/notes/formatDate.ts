const time = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' })
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' })
const dayWithYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' })

/** Short "last changed" label: the time today, the day this year, the full date otherwise. */
export function formatChanged(epochMs: number, now = new Date()): string {
  const date = new Date(epochMs)
  if (date.toDateString() === now.toDateString()) return time.format(date)
  if (date.getFullYear() === now.getFullYear()) return day.format(date)
  return dayWithYear.format(date)
}

export function formatChangedFull(epochMs: number): string {
  return full.format(new Date(epochMs))
}
