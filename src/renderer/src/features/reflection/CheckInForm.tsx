import { Alert, Button, Fieldset, Group, Loader, SegmentedControl, Stack, Text, Textarea, TextInput, Title, VisuallyHidden } from '@mantine/core'
import type { CheckInPeriod, ReflectionCadence } from '@shared/api/reflection'
import type { CheckIn, CheckInFields } from '@shared/network/records'
import { useEffect, useId, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { formatDay } from '../network/dates'
import { CheckInFigures } from './CheckInFigures'
import { emptyAnswers, hasAnswer, questions, ratingWords, type CheckInAnswers, type Question } from './questions'

/** Waits for the teacher to stop typing a date before asking the core for the period's figures. */
const prefillDelayMs = 250

/** The record's cadence: the schedule's, or (when check-ins are off) the one the period's length suggests. */
export function checkInCadence(schedule: ReflectionCadence, period: CheckInPeriod): CheckInFields['cadence'] {
  if (schedule !== 'off') return schedule
  const days = (Date.parse(period.end) - Date.parse(period.start)) / 86_400_000 + 1
  return days <= 10 ? 'weekly' : days <= 45 ? 'monthly' : 'term'
}

function answersOf(checkIn: CheckIn | undefined): CheckInAnswers {
  if (!checkIn) return emptyAnswers()
  const answers = emptyAnswers()
  for (const q of questions) {
    answers[q.rating] = checkIn[q.rating]
    answers[q.text] = checkIn[q.text]
  }
  return answers
}

function RatingInput({ question, value, onChange }: { question: Question; value: number | null; onChange: (value: number | null) => void }) {
  const captionId = useId()
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap" align="center">
        <SegmentedControl
          aria-label={`Rating for “${question.question}”, 1 to 5`}
          aria-describedby={captionId}
          value={value === null ? '' : String(value)}
          onChange={(next) => onChange(Number(next))}
          data={[1, 2, 3, 4, 5].map((n) => ({
            value: String(n),
            label: (
              <>
                <span aria-hidden="true">{n}</span>
                <VisuallyHidden>{`${n}, ${ratingWords[n]}`}</VisuallyHidden>
              </>
            ),
          }))}
          data-testid={`rating-${question.key}`}
        />
        {value !== null ? (
          <Button variant="subtle" size="compact-xs" onClick={() => onChange(null)} aria-label={`Clear the rating for “${question.question}”`}>
            Clear
          </Button>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" id={captionId}>
        {value === null ? 'Not rated' : `${value} · ${ratingWords[value]}`} (1 = {question.scale[0]}, 5 = {question.scale[1]})
      </Text>
    </Stack>
  )
}

export interface CheckInFormProps {
  /** Editing an existing check-in; otherwise a new one for `period`. */
  editing?: CheckIn
  period: CheckInPeriod
  cadence: ReflectionCadence
  today: string
  onSaved: (id: string) => void
  onCancel: () => void
}

/**
 * The check-in: the period and its figures (pre-filled from the core, snapshotted when saved),
 * then the four questions, each a 1–5 rating and free text.
 */
export function CheckInForm({ editing, period: initialPeriod, cadence, today, onSaved, onCancel }: CheckInFormProps) {
  const api = useApi()
  const headingId = useId()
  const [period, setPeriod] = useState<CheckInPeriod>(editing ? { start: editing.periodStart, end: editing.periodEnd } : initialPeriod)
  const [answers, setAnswers] = useState<CheckInAnswers>(() => answersOf(editing))
  const [figures, setFigures] = useState<Record<string, number> | undefined>(editing?.figures)
  const [saving, setSaving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const periodValid = /^\d{4}-\d{2}-\d{2}$/.test(period.start) && /^\d{4}-\d{2}-\d{2}$/.test(period.end) && period.start <= period.end

  useEffect(() => {
    if (editing || !periodValid) return
    let cancelled = false
    setFigures(undefined)
    const timer = setTimeout(() => {
      void api.call('reflection.prefill', { periodStart: period.start, periodEnd: period.end, today }).then((result) => {
        if (!cancelled) setFigures(result.ok ? result.value.figures : {})
      })
    }, prefillDelayMs)
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [api, editing, period.start, period.end, periodValid, today])

  function answer<K extends keyof CheckInAnswers>(key: K, value: CheckInAnswers[K]) {
    setProblem(null)
    setAnswers((current) => ({ ...current, [key]: value }))
  }

  async function save() {
    if (!periodValid) return setProblem('The period needs a start on or before its end.')
    if (!hasAnswer(answers)) return setProblem('Answer at least one question (a rating or a few words) before saving.')
    setSaving(true)
    const result = editing
      ? await api.call('checkIns.update', { id: editing.id, patch: answers })
      : await api.call('checkIns.create', {
          fields: { ...answers, date: today, cadence: checkInCadence(cadence, period), periodStart: period.start, periodEnd: period.end, figures: figures ?? {} },
        })
    setSaving(false)
    if (result.ok) onSaved(result.value.checkIn.id)
  }

  return (
    <Stack component="form" gap="md" aria-labelledby={headingId} onSubmit={(event) => {
        event.preventDefault()
        void save()
      }} data-testid="check-in-form">
      <Title order={2} size="h4" id={headingId}>
        {editing ? `Check-in of ${formatDay(editing.date)}` : 'New check-in'}
      </Title>
      {editing ? (
        <Text size="sm">
          Period {formatDay(period.start)} – {formatDay(period.end)}
        </Text>
      ) : (
        <Group gap="sm" align="flex-end">
          <TextInput type="date" label="Period from" value={period.start} max={period.end || undefined} onChange={(event) => setPeriod({ ...period, start: event.currentTarget.value })} error={periodValid ? undefined : 'From must be on or before To'} />
          <TextInput type="date" label="Period to" value={period.end} min={period.start || undefined} onChange={(event) => setPeriod({ ...period, end: event.currentTarget.value })} />
        </Group>
      )}
      <section aria-label="Figures for the period">
        <Text size="sm" fw={600} mb={4}>
          Your figures for the period
        </Text>
        {figures === undefined ? (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Counting…</Text>
          </Group>
        ) : (
          <CheckInFigures figures={figures} />
        )}
      </section>
      {questions.map((q) => (
        <Fieldset key={q.key} legend={q.question} variant="filled">
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {q.hint}
            </Text>
            <RatingInput question={q} value={answers[q.rating]} onChange={(value) => answer(q.rating, value)} />
            <Textarea label={q.textLabel} autosize minRows={2} maxRows={8} maxLength={10_000} value={answers[q.text]} onChange={(event) => answer(q.text, event.currentTarget.value)} />
          </Stack>
        </Fieldset>
      ))}
      {problem ? (
        <Alert color="red" role="alert" data-testid="check-in-problem">
          {problem}
        </Alert>
      ) : null}
      <Group>
        <Button type="submit" loading={saving}>
          {editing ? 'Save changes' : 'Save check-in'}
        </Button>
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      </Group>
    </Stack>
  )
}
