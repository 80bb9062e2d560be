import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { formatDay } from '../network/dates'
import classes from './Dashboard.module.css'
import { choiceOf, presetRange, termStart, rangeChoiceLabels, rangePresets, type DateRange, type RangeChoice } from './dashboardRange'

const isoDay = /^\d{4}-\d{2}-\d{2}$/

/** The dashboard's period: a preset ending today, or two days picked by hand (from on or before to). */
export function RangeSelector({ range, today, termEnds, onChange }: { range: DateRange; today: string; termEnds: readonly string[]; onChange: (range: DateRange) => void }) {
  const matching = choiceOf(range, today, termEnds)
  // Custom stays chosen while its inputs are open, even when the days typed happen to match a preset.
  const [customOpen, setCustomOpen] = useState(matching === 'custom')
  const [draft, setDraft] = useState<DateRange>(range)
  const choice: RangeChoice = customOpen ? 'custom' : matching

  function choose(value: string) {
    const next = value as RangeChoice
    if (next === 'custom') {
      setDraft(range)
      setCustomOpen(true)
      return
    }
    setCustomOpen(false)
    onChange(presetRange(next, today, termEnds))
  }

  // A custom range that arrived by URL has no draft yet: its inputs start from it.
  const shown = customOpen ? draft : range

  function edit(part: keyof DateRange, value: string) {
    const next = { ...shown, [part]: value }
    setDraft(next)
    setCustomOpen(true)
    if (isoDay.test(next.from) && isoDay.test(next.to) && next.from <= next.to) onChange(next)
  }

  const reversed = isoDay.test(shown.from) && isoDay.test(shown.to) && shown.from > shown.to
  return (
    <Stack gap="xs" className={classes.rangeSelector}>
      <div className={classes.rangeChoices}>
        <SegmentedControl
          aria-label="Date range"
          value={choice}
          onChange={choose}
          data={[...rangePresets, 'custom' as const].map((value) => ({ value, label: rangeChoiceLabels[value] }))}
        />
      </div>
      {choice === 'custom' ? (
        <Group gap="sm" align="flex-start">
          <TextInput type="date" label="From" value={shown.from} max={shown.to || undefined} onChange={(event) => edit('from', event.currentTarget.value)} error={reversed ? 'From must be on or before To' : undefined} />
          <TextInput type="date" label="To" value={shown.to} min={shown.from || undefined} onChange={(event) => edit('to', event.currentTarget.value)} />
        </Group>
      ) : null}
      <Text size="xs" c="dimmed" data-testid="range-description">
        {describeRange(choice, range, termEnds.length > 0)}
      </Text>
    </Stack>
  )
}

function describeRange(choice: RangeChoice, range: DateRange, hasTermEnds: boolean): string {
  const span = `${formatDay(range.from)} to ${formatDay(range.to)}`
  if (choice === 'term') {
    const fromTermEnd = hasTermEnds && range.from !== termStart(range.to)
    return fromTermEnd
      ? `${span}: from the day after your last term end.`
      : `${span}. Terms are taken to start on 1 September, 1 January and 1 April; enter your term end dates on the Check-ins screen, or pick Custom.`
  }
  return `${span}, compared with the same number of days before.`
}
