import { ActionIcon, Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core'
import { reflectionCadences, type ReflectionCadence, type ReflectionSchedule } from '@shared/api/reflection'
import { IconX } from '@tabler/icons-react'
import { useId, useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { formatDay } from '../network/dates'
import { cadenceLabels } from './questions'
import classes from './Reflection.module.css'

/**
 * How often the teacher wants to reflect. End of term needs the terms' last days; picking it
 * shows the list and waits for the first date before saving (the core refuses it without one).
 */
export function ScheduleSettings({ schedule, onChanged }: { schedule: ReflectionSchedule; onChanged: (schedule: ReflectionSchedule) => void }) {
  const api = useApi()
  const labelId = useId()
  const [choosingTerm, setChoosingTerm] = useState(false)
  const [newEnd, setNewEnd] = useState('')
  const shown: ReflectionCadence = choosingTerm ? 'term' : schedule.cadence

  async function save(next: ReflectionSchedule) {
    const result = await api.call('reflection.setSchedule', next)
    if (!result.ok) return
    setChoosingTerm(false)
    onChanged(result.value.schedule)
  }

  function pick(cadence: ReflectionCadence) {
    if (cadence === 'term' && schedule.termEnds.length === 0) return setChoosingTerm(true)
    setChoosingTerm(false)
    void save({ cadence, termEnds: schedule.termEnds })
  }

  function addEnd() {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(newEnd)) return
    setNewEnd('')
    void save({ cadence: 'term', termEnds: [...schedule.termEnds, newEnd] })
  }

  return (
    <Stack gap="xs" component="section" aria-labelledby={labelId}>
      <Title order={2} size="h5" id={labelId}>
        Schedule
      </Title>
      <SegmentedControl
        aria-labelledby={labelId}
        value={shown}
        onChange={(value) => pick(value as ReflectionCadence)}
        data={reflectionCadences.map((cadence) => ({ value: cadence, label: cadenceLabels[cadence] }))}
        data-testid="schedule-picker"
        style={{ alignSelf: 'flex-start' }}
      />
      {shown === 'term' ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {schedule.termEnds.length === 0 ? 'Add the last day of each term; a check-in falls due in its last week.' : 'A check-in falls due in the last week of each term.'}
          </Text>
          {schedule.termEnds.length > 0 ? (
            <ul className={classes.list} aria-label="Term end dates">
              {schedule.termEnds.map((end) => (
                <li key={end}>
                  <Group gap="xs">
                    <Text size="sm">{formatDay(end)}</Text>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={`Remove the term end ${formatDay(end)}`}
                      disabled={schedule.termEnds.length === 1 && schedule.cadence === 'term'}
                      onClick={() => void save({ cadence: schedule.cadence, termEnds: schedule.termEnds.filter((e) => e !== end) })}
                    >
                      <IconX size={14} aria-hidden />
                    </ActionIcon>
                  </Group>
                </li>
              ))}
            </ul>
          ) : null}
          <Group gap="xs" align="flex-end">
            <TextInput type="date" label="Term ends on" size="xs" value={newEnd} onChange={(event) => setNewEnd(event.currentTarget.value)} />
            <Button size="xs" variant="light" onClick={addEnd} disabled={!/^\d{4}-\d{2}-\d{2}$/.test(newEnd)}>
              Add term end
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  )
}
