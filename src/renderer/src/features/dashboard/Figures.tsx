import { VisuallyHidden } from '@mantine/core'
import type { Trend } from '@shared/api/dashboard'
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import classes from './Dashboard.module.css'
import type { TrendWords } from './trend'
import { describeTrend } from './trend'

/** A row of figures: a description list, so each number is read with its name. */
export function FigureList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <dl className={classes.figures} aria-label={label}>
      {children}
    </dl>
  )
}

/**
 * One figure; with a trend it also says how it moved against the previous period (`change` for a
 * move measured otherwise, such as a share in points).
 */
export function Figure({ label, value, trend, period, change, testId }: { label: string; value: ReactNode; trend?: Trend; period?: string; change?: { words: TrendWords; previous?: string }; testId?: string }) {
  const shown = change ?? (trend && period ? { words: describeTrend(trend, period), previous: `${trend.previous.toLocaleString()} in ${period}` } : null)
  return (
    <div className={classes.figure} data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className={classes.value}>{value}</span>
        {shown ? <TrendText words={shown.words} previous={shown.previous} /> : null}
      </dd>
    </div>
  )
}

const arrows = { up: IconArrowUpRight, down: IconArrowDownRight, same: IconArrowRight }

/** An arrow and a percentage for the eye, the whole sentence for screen readers. */
export function TrendText({ words, previous }: { words: TrendWords; previous?: string }) {
  const Arrow = words.direction === 'none' ? null : arrows[words.direction]
  return (
    <span className={classes.trend} title={previous} data-trend={words.direction}>
      <span aria-hidden className={classes.trend}>
        {Arrow ? <Arrow size={14} /> : null}
        {words.short}
      </span>
      <VisuallyHidden>{words.spoken}</VisuallyHidden>
    </span>
  )
}
