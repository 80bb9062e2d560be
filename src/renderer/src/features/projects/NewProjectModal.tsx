import { Alert, Button, Group, Radio, Stack, TextInput } from '@mantine/core'
import { projectLimits } from '@shared/api/projects'
import type { ProjectTemplateId } from '@shared/spaces/ProjectDoc'
import { projectTemplates } from '@shared/spaces/templates'
import { useState } from 'react'
import { DialogModal } from '../../components/DialogModal'
import { useApi } from '../../platform/PlatformContext'

interface NewProjectModalProps {
  opened: boolean
  onClose: () => void
  /** The project was made; the caller opens it. */
  onCreated: (projectId: string) => void
}

/** A new lesson project: its title, the template it starts from, subject and grade. */
export function NewProjectModal({ opened, onClose, onCreated }: NewProjectModalProps) {
  return (
    <DialogModal opened={opened} onClose={onClose} title="New project" size="lg">
      {opened && <NewProjectForm onCreated={onCreated} onCancel={onClose} />}
    </DialogModal>
  )
}

function NewProjectForm({ onCreated, onCancel }: { onCreated: (projectId: string) => void; onCancel: () => void }) {
  const api = useApi()
  const [title, setTitle] = useState('')
  const [template, setTemplate] = useState<ProjectTemplateId>('lesson-plan')
  const [subject, setSubject] = useState('')
  const [grade, setGrade] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function create() {
    if (!title.trim()) {
      setError('Give the project a title.')
      return
    }
    setBusy(true)
    setError(null)
    const result = await api.call('projects.create', { title, template, subject, grade })
    setBusy(false)
    if (result.ok) onCreated(result.value.project.id)
    else setError(result.error.message)
  }

  return (
    <form
      aria-label="New project"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void create()
      }}
    >
      <Stack>
        <TextInput
          label="Title"
          required
          data-autofocus
          maxLength={projectLimits.titleChars}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          placeholder="Photosynthesis, lesson 1"
        />
        <Radio.Group label="Start from" value={template} onChange={(value) => setTemplate(value as ProjectTemplateId)}>
          <Stack gap="xs" mt="xs">
            {projectTemplates.map((t) => (
              <Radio key={t.id} value={t.id} label={t.label} description={t.description} />
            ))}
          </Stack>
        </Radio.Group>
        <Group grow align="flex-start">
          <TextInput label="Subject" maxLength={projectLimits.fieldChars} value={subject} onChange={(event) => setSubject(event.currentTarget.value)} placeholder="Science" />
          <TextInput label="Grade" maxLength={projectLimits.fieldChars} value={grade} onChange={(event) => setGrade(event.currentTarget.value)} placeholder="Year 5" />
        </Group>
        {error && (
          <Alert color="red" role="alert" title="The project was not made">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Create project
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
