/** The user's local day as YYYY-MM-DD (records use days, not instants). */
export function localDay(date = new Date()): string {
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${month}-${day}`
}

/** The local day `days` after `from` (YYYY-MM-DD). */
export function addDays(from: string, days: number): string {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number]
  return localDay(new Date(year, month - 1, day + days))
}

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
const dayTimeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' })

/** "3 Mar 2026" for a YYYY-MM-DD day, "3 Mar 2026, 14:00" for a YYYY-MM-DDTHH:mm local time. */
export function formatDay(isoDay: string | null | undefined): string {
  if (!isoDay) return ''
  const [datePart = '', timePart] = isoDay.split('T')
  const [year, month, day] = datePart.split('-').map(Number) as [number, number, number]
  if (!timePart) return dayFormat.format(new Date(year, month - 1, day))
  const [hours, minutes] = timePart.split(':').map(Number) as [number, number]
  return dayTimeFormat.format(new Date(year, month - 1, day, hours, minutes))
}
