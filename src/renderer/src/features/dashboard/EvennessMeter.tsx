import classes from './Dashboard.module.css'

function evennessWords(evenness: number): string {
  if (evenness >= 0.85) return 'very even'
  if (evenness >= 0.6) return 'fairly even'
  if (evenness >= 0.35) return 'uneven'
  return 'concentrated on a few'
}

/** Shannon evenness 0–1 as a meter: how evenly contacts spread over a dimension's values. */
export function EvennessMeter({ label, evenness }: { label: string; evenness: number }) {
  const percent = Math.round(evenness * 100)
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}% even, ${evennessWords(evenness)}`}
      className={classes.meter}
      title={`${percent}% even (${evennessWords(evenness)})`}
    >
      <div className={classes.meterFill} style={{ width: `${percent}%` }} />
    </div>
  )
}
