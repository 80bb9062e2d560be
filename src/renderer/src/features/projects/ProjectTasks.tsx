import { ActionIcon, Alert, Button, Checkbox, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { IconTrash } from '@tabler/icons-react'
import { projectLimits, type ProjectView } from '@shared/api/projects'
import { useState } from 'react'
import { useApi } from '../../platform/PlatformContext'
import type { ProjectPanelProps } from './projectPanel'
import classes from './ProjectView.module.css'

const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })

/** "3 Dec 2026" for a YYYY-MM-DD day, read as a local day (not UTC midnight). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return dayFormat.format(new Date(y!, (m ?? 1) - 1, d ?? 1))
}

/** The project's to-dos: who does what by when; members tick them off. */
export function ProjectTasks({ project, readOnly, onChanged }: ProjectPanelProps) {
  const api = useApi()
  const names = new Map(project.members.map((m) => [m.deviceId, m.isMe ? `${m.name} (you)` : m.name]))

  async function setDone(taskId: string, done: boolean) {
    const result = await api.call('projects.updateTask', { projectId: project.id, taskId, done })
    if (result.ok) onChanged(result.value.project)
  }
  async function remove(taskId: string) {
    const result = await api.call('projects.removeTask', { projectId: project.id, taskId })
    if (result.ok) onChanged(result.value.project)
  }

  return (
    <Stack gap="sm">
      {project.tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          No tasks yet.{readOnly ? '' : ' Add one below: what needs doing, who does it and by when.'}
        </Text>
      ) : (
        <ul className={classes.panelList} aria-label="Tasks">
          {project.tasks.map((task) => (
            <li key={task.id} className={classes.panelItem} data-testid="project-task">
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Checkbox mt={2} aria-label={`Done: ${task.title}`} checked={task.done} disabled={readOnly} onChange={(event) => void setDone(task.id, event.currentTarget.checked)} />
                <Stack gap={0} flex={1} miw={0}>
                  <Text size="sm" td={task.done ? 'line-through' : undefined} className={classes.wrap}>
                    {task.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[task.assignee ? (names.get(task.assignee) ?? 'A former member') : 'Unassigned', task.due ? `due ${formatDay(task.due)}` : null].filter(Boolean).join(' · ')}
                  </Text>
                </Stack>
                {!readOnly && (
                  <Tooltip label="Remove task">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Remove task: ${task.title}`} onClick={() => void remove(task.id)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && <AddTaskForm project={project} onChanged={onChanged} />}
    </Stack>
  )
}

function AddTaskForm({ project, onChanged }: { project: ProjectView; onChanged: (project: ProjectView) => void }) {
  const api = useApi()
  const [title, setTitle] = useState('')
  const [assignee, setAssignee] = useState<string | null>(null)
  const [due, setDue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function add() {
    if (!title.trim()) {
      setError('Say what the task is.')
      return
    }
    setBusy(true)
    setError(null)
    const result = await api.call('projects.addTask', { projectId: project.id, title, assignee, due: due || null })
    setBusy(false)
    if (!result.ok) {
      setError(result.error.message)
      return
    }
    onChanged(result.value.project)
    setTitle('')
    setDue('')
    setAssignee(null)
  }

  return (
    <form
      aria-label="Add a task"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void add()
      }}
    >
      <Stack gap="xs">
        <TextInput label="New task" size="xs" maxLength={projectLimits.taskChars} value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
        <Group gap="xs" grow align="flex-start">
          <Select
            label="Assignee"
            size="xs"
            clearable
            placeholder="Nobody yet"
            data={project.members.map((m) => ({ value: m.deviceId, label: m.isMe ? `${m.name} (you)` : m.name }))}
            value={assignee}
            onChange={setAssignee}
          />
          <TextInput label="Due" size="xs" type="date" value={due} onChange={(event) => setDue(event.currentTarget.value)} />
        </Group>
        {error && (
          <Alert color="red" role="alert" p="xs">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={busy}>
            Add task
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
