// The ratio table of `npm run bench`: for each measure, ours against each other variant.
/** Above this, docs/BENCHMARKS.md must say why (issue 7). */
export const overheadLimit = 1.5

/** One row per (measure, other variant): ours / other, lower is better for every measure. */
export function ratioRows(result) {
  const rows = []
  for (const measure of result.measures) {
    const ours = measure.figures.find((f) => f.variant === measure.ours)
    for (const other of measure.figures) {
      if (other.variant === measure.ours) continue
      const ratio = other.value > 0 ? ours.value / other.value : null
      rows.push({ measure: measure.name, ours: ours.variant, oursValue: ours.value, other: other.variant, otherValue: other.value, unit: ours.unit, ratio, overLimit: other.variant === measure.baseline && ratio !== null && ratio > overheadLimit })
    }
  }
  return rows
}

export function formatValue(value, unit) {
  if (unit === 'bytes') return value >= 1e6 ? `${(value / 1e6).toFixed(2)} MB` : value >= 1e3 ? `${(value / 1e3).toFixed(1)} KB` : `${value} B`
  if (unit === 'ms' && value >= 10_000) return `${(value / 1000).toFixed(1)} s`
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : value >= 1 ? 2 : 3
  return `${value.toFixed(digits)} ${unit}`
}

export function formatTable(results) {
  const header = ['#', 'workload', 'measure', 'ours', 'compared with', 'theirs', 'ours/theirs']
  const lines = [header]
  for (const result of results)
    for (const row of result.ratios ?? ratioRows(result))
      lines.push([String(result.id), result.title, row.measure, formatValue(row.oursValue, row.unit), row.other, formatValue(row.otherValue, row.unit), row.ratio === null ? 'n/a' : `${row.ratio.toFixed(2)}x${row.overLimit ? ' (!)' : ''}`])
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)))
  const text = lines.map((l) => l.map((cell, i) => cell.padEnd(widths[i])).join(' | ').trimEnd())
  text.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('-|-'))
  return `${text.join('\n')}\n(!) ours above ${overheadLimit}x the raw library: explained in docs/BENCHMARKS.md`
}
