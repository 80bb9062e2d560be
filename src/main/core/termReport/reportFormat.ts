import type { Trend } from '@shared/api/dashboard'
import { escapeHtml } from '../spaces/export/spansToHtml'

/** Small pieces of the term report's HTML; every text they take is escaped here. */

// Spelled out here: Intl's short months differ between ICU versions ("Sep" or "Sept").
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** An ISO day as "7 Sep 2026", straight from its digits (no time zone can shift it). */
export function day(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  const month = m === undefined ? undefined : months[m - 1]
  return y && month && d ? `${d} ${month} ${y}` : iso
}

export function count(n: number): string {
  return n.toLocaleString('en-GB')
}

/** "1 follow-up", "3 follow-ups". */
export function counted(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`
}

/** A share 0–1 as a whole percentage. */
export function share(fraction: number): string {
  return `${Math.round(fraction * 100)}%`
}

/** "+50%", "−25%", "no change"; "new" when the previous period had none. */
export function change(trend: Trend): string {
  if (trend.change === null) return trend.current > 0 ? 'new this period' : 'none in either period'
  const percent = Math.round(trend.change * 100)
  if (percent === 0) return 'no change'
  return percent > 0 ? `+${percent}%` : `−${Math.abs(percent)}%`
}

export function section(id: string, heading: string, body: string[]): string {
  return [`<section aria-labelledby="${id}">`, `<h2 id="${id}">${escapeHtml(heading)}</h2>`, ...body, '</section>'].join('\n')
}

/** A table with a caption and header row; cells are plain text, escaped. */
export function table(caption: string, headers: string[], rows: string[][], numericFrom = Number.POSITIVE_INFINITY): string {
  const cell = (tag: 'th' | 'td', text: string, i: number) => `<${tag}${i >= numericFrom ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`
  return [
    '<table>',
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${headers.map((h, i) => cell('th', h, i)).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map((row) => `<tr>${row.map((text, i) => cell('td', text, i)).join('')}</tr>`),
    '</tbody>',
    '</table>',
  ].join('\n')
}

/** Figures with this period, the one before and the change between them. */
export function trendTable(caption: string, figures: Array<[label: string, trend: Trend]>): string {
  return table(
    caption,
    ['Figure', 'This period', 'Period before', 'Change'],
    figures.map(([label, trend]) => [label, count(trend.current), count(trend.previous), change(trend)]),
    1,
  )
}

/** Label–value pairs as a definition list. */
export function facts(pairs: Array<[label: string, value: string]>): string {
  return `<dl class="facts-list">\n${pairs.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`).join('\n')}\n</dl>`
}

export function paragraph(text: string, className?: string): string {
  return `<p${className ? ` class="${className}"` : ''}>${escapeHtml(text)}</p>`
}

/** A note that a list holds only its first (most overdue) entries, or null when it holds them all. */
export function shownOf(shown: number, total: number, noun: string): string | null {
  return total > shown ? paragraph(`The ${count(shown)} most overdue of ${count(total)} ${noun} are listed.`, 'note') : null
}
