import { Group, Progress, Stack, Text } from '@mantine/core'
import type { GoalDetail, GoalRow } from '@shared/api/goals'
import { goalFields, goalTargetKinds, type GoalFields } from '@shared/network/records'
import { formatDay } from '../dates'
import { defaultFieldsFor, defaultValuesFor, type KindForm } from '../formSpec'
import type { KindView } from '../kindView'
import { goalStatusLabels, goalTargetLabels, optionsOf } from '../labels'
import { RowLines } from './RowLines'
import { isAtRisk } from './goalRisk'

export const goalForm: KindForm<'goal'> = {
  kind: 'goal',
  schema: goalFields,
  sections: [
    {
      fields: [
        { name: 'title', label: 'Goal', control: 'text', required: true, wide: true },
        { name: 'why', label: 'Why', control: 'textarea' },
        { name: 'growthArea', label: 'Growth area', control: 'text' },
        { name: 'status', label: 'Status', control: 'select', options: optionsOf(goalStatusLabels) },
      ],
    },
    {
      title: 'Measurable target',
      fields: [
        { name: 'targetKind', label: 'Counts', control: 'select', options: [{ value: '', label: 'No measurable target' }, ...optionsOf(goalTargetLabels)] },
        { name: 'targetCount', label: 'Target number', control: 'number' },
        { name: 'targetManual', label: 'Done so far (counted by hand)', control: 'number', description: 'Only for targets counted by hand' },
        { name: 'startsOn', label: 'Counting from', control: 'date', nullable: true },
        { name: 'deadline', label: 'Deadline', control: 'date', nullable: true },
      ],
    },
    {
      title: 'Who and where helps',
      fields: [
        { name: 'contactIds', label: 'People', control: 'contacts' },
        { name: 'communityIds', label: 'Communities', control: 'communities' },
      ],
    },
  ],
  // The target is one nullable object in the record; the form edits its parts as three fields.
  toValues: (goal) => {
    const values = defaultValuesFor(goalForm, goal)
    values.targetKind = goal?.target?.kind ?? ''
    values.targetCount = goal?.target ? String(goal.target.count) : ''
    values.targetManual = goal?.target ? String(goal.target.manualProgress) : ''
    return values
  },
  toFields: (values) => {
    const { targetKind, targetCount, targetManual, ...fields } = defaultFieldsFor(goalForm, values)
    const kind = targetKind as (typeof goalTargetKinds)[number] | ''
    return {
      ...fields,
      target: kind ? { kind, count: targetCount ?? Number.NaN, manualProgress: (targetManual as number | null) ?? 0 } : null,
    }
  },
  errorAliases: { 'target.count': 'targetCount', 'target.manualProgress': 'targetManual', 'target.kind': 'targetKind' },
}

function GoalProgressBar({ row }: { row: GoalRow }) {
  if (!row.progress) return null
  const atRisk = isAtRisk(row)
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={600} id={`goal-progress-${row.id}`}>
          Progress
        </Text>
        <Text size="sm">
          {row.targetKind ? `${goalTargetLabels[row.targetKind]}: ` : ''}
          {row.progress.current} of {row.progress.target} ({row.progress.percent}%){atRisk ? ' · at risk' : ''}
        </Text>
      </Group>
      <Progress.Root size="lg">
        <Progress.Section value={row.progress.percent} color={atRisk ? 'red.9' : undefined} aria-labelledby={`goal-progress-${row.id}`} />
      </Progress.Root>
    </Stack>
  )
}

export const goalsView: KindView<'goal', GoalRow, GoalDetail> = {
  section: 'goals',
  plural: 'Goals',
  singular: 'goal',
  form: goalForm,
  indexKinds: ['goals', 'interactions', 'events', 'journal'],
  // Goals are few: load them all, put those at risk first, then hand out pages of that order.
  list: (query, show) => async (api, page) => {
    const result = await api.call('goals.list', { ...(query ? { query } : {}), show, sort: 'deadline', limit: 1000 })
    if (!result.ok) return result
    const rows = [...result.value.rows].sort((a, b) => Number(isAtRisk(b)) - Number(isAtRisk(a)))
    return { ok: true, value: { rows: rows.slice(page.offset, page.offset + page.limit), total: rows.length } }
  },
  rowId: (row) => row.id,
  rowHeight: 72,
  renderRow: (row) => (
    <>
      <RowLines
        title={row.title}
        lines={[
          [goalStatusLabels[row.status], row.deadline ? `by ${formatDay(row.deadline)}` : '', isAtRisk(row) ? 'at risk' : ''].filter(Boolean).join(' · '),
        ]}
      />
      {row.progress ? <Progress value={row.progress.percent} size="sm" mt={4} color={isAtRisk(row) ? 'red.9' : undefined} aria-hidden /> : null}
    </>
  ),
  get: (api, id) => api.call('goals.get', { id }),
  recordOf: (detail) => detail.goal,
  titleOf: (goal) => goal.title,
  create: (api, fields) => api.call('goals.create', { fields: fields as GoalFields }),
  update: (api, id, patch) => api.call('goals.update', { id, patch }),
  remove: (api, id) => api.call('goals.delete', { id }),
  restore: (api, id) => api.call('goals.restore', { id }),
  rowTitle: (row) => row.title,
  renderExtra: (detail) => <GoalProgressBar row={detail.row} />,
  skipFields: ['title', 'targetManual'],
  emptyHint: 'Set a goal, e.g. “attend two local meetups this term”, and watch its progress fill from what you log.',
}
