import type { WeekPoint } from '@shared/api/dashboard'
import { escapeHtml } from '../spaces/export/spansToHtml'
import { count, counted, day } from './reportFormat'

/**
 * Interactions and meaningful conversations per week as a static SVG bar chart: shapes, text and
 * a <title> on every bar (read by screen readers and shown as a tooltip), no script. The page
 * puts the same figures in a table next to it, so nothing is only in the picture.
 */

const width = 640
const height = 220
const plot = { left: 44, right: 8, top: 28, bottom: 34 }
const colours = { interactions: '#3b5bdb', meaningful: '#f08c00' }
const maxLabels = 9

/** The smallest 1, 2 or 5 × 10ⁿ at or above n, so the axis ends on a round figure. */
export function roundCeiling(n: number): number {
  if (n <= 1) return 1
  const power = 10 ** Math.floor(Math.log10(n))
  return [1, 2, 5, 10].map((f) => f * power).find((v) => v >= n) ?? 10 * power
}

const px = (n: number) => String(Math.round(n * 10) / 10)

export function weekChartSvg(weeks: readonly WeekPoint[], titleId: string): string {
  const plotWidth = width - plot.left - plot.right
  const plotHeight = height - plot.top - plot.bottom
  const top = roundCeiling(Math.max(0, ...weeks.map((w) => Math.max(w.interactions, w.meaningful))))
  const y = (value: number) => plot.top + plotHeight - (value / top) * plotHeight
  const slot = plotWidth / Math.max(1, weeks.length)
  const barWidth = Math.max(1, slot * 0.38)
  const labelEvery = Math.ceil(weeks.length / maxLabels)
  const baseline = plot.top + plotHeight

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId}" class="chart">`,
    `<title id="${titleId}">Interactions and meaningful conversations per week</title>`,
  ]
  for (const value of top >= 2 ? [0, top / 2, top] : [0, top]) {
    parts.push(`<line x1="${plot.left}" x2="${width - plot.right}" y1="${px(y(value))}" y2="${px(y(value))}" stroke="#ccc" stroke-width="1"/>`)
    parts.push(`<text x="${plot.left - 6}" y="${px(y(value) + 4)}" text-anchor="end" font-size="11" fill="#444">${count(value)}</text>`)
  }
  weeks.forEach((week, i) => {
    const x = plot.left + i * slot + (slot - 2 * barWidth) / 2
    const label = `Week of ${day(week.weekStart)}`
    for (const [series, value, offset, barText] of [
      ['interactions', week.interactions, 0, counted(week.interactions, 'interaction', 'interactions')],
      ['meaningful', week.meaningful, barWidth, counted(week.meaningful, 'meaningful conversation', 'meaningful conversations')],
    ] as const) {
      const barTop = y(value)
      parts.push(
        `<rect x="${px(x + offset)}" y="${px(barTop)}" width="${px(barWidth)}" height="${px(baseline - barTop)}" fill="${colours[series]}"><title>${escapeHtml(`${label}: ${barText}`)}</title></rect>`,
      )
    }
    if (i % labelEvery === 0) {
      const [, m, d] = week.weekStart.split('-')
      parts.push(`<text x="${px(plot.left + i * slot + slot / 2)}" y="${baseline + 16}" text-anchor="middle" font-size="11" fill="#444">${escapeHtml(`${Number(d)}/${Number(m)}`)}</text>`)
    }
  })
  parts.push(`<line x1="${plot.left}" x2="${width - plot.right}" y1="${baseline}" y2="${baseline}" stroke="#444" stroke-width="1"/>`)
  parts.push(legend(plot.left, 12, colours.interactions, 'Interactions'), legend(plot.left + 130, 12, colours.meaningful, 'Meaningful conversations'))
  parts.push('</svg>')
  return parts.join('\n')
}

function legend(x: number, y: number, colour: string, text: string): string {
  return `<rect x="${x}" y="${y - 9}" width="12" height="12" fill="${colour}" aria-hidden="true"/><text x="${x + 18}" y="${y + 1}" font-size="12" fill="#1a1a1a" aria-hidden="true">${escapeHtml(text)}</text>`
}
