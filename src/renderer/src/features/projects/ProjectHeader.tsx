import type { DocHandle } from '@automerge/automerge-repo'
import { Badge, Button, Group, Text, TextInput, VisuallyHidden } from '@mantine/core'
import { IconArchive, IconArchiveOff } from '@tabler/icons-react'
import { projectLimits, type ProjectView } from '@shared/api/projects'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { useEffect, useState, type ReactNode } from 'react'
import { useApi } from '../../platform/PlatformContext'
import { roleLabels } from '../spaces/spaceText'
import { ProjectTitleInput } from './ProjectTitleInput'
import classes from './ProjectView.module.css'

interface ProjectHeaderProps {
  project: ProjectView
  handle: DocHandle<ProjectDoc> | undefined
  readOnly: boolean
  onChanged: (project: ProjectView) => void
  /** Actions from other panels (export), placed beside archive. */
  actions?: ReactNode
}

/** Title (live), subject and grade, this device's role, archive, and whatever the page adds. */
export function ProjectHeader({ project, handle, readOnly, onChanged, actions }: ProjectHeaderProps) {
  const api = useApi()
  const [busy, setBusy] = useState(false)

  async function update(fields: { subject?: string; grade?: string; archived?: boolean }) {
    setBusy(true)
    const result = await api.call('projects.update', { projectId: project.id, ...fields })
    setBusy(false)
    if (result.ok) onChanged(result.value.project)
  }

  return (
    <header className={classes.header}>
      {/* The title is an input, which is not a heading; the page's heading names the project for outline navigation. */}
      <VisuallyHidden component="h1">{project.title || 'Untitled project'}</VisuallyHidden>
      <Group wrap="nowrap" gap="xs" align="center">
        {handle ? (
          <ProjectTitleInput handle={handle} readOnly={readOnly} />
        ) : (
          <Text size="xl" fw={700} flex={1}>
            {project.title || 'Untitled project'}
          </Text>
        )}
        <Badge variant="light" color={project.myRole === 'viewer' ? 'gray' : 'blue'} data-testid="project-role">
          {roleLabels[project.myRole]}
        </Badge>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SavedField label="Subject" value={project.subject} readOnly={readOnly} onSave={(subject) => update({ subject })} />
        <SavedField label="Grade" value={project.grade} readOnly={readOnly} onSave={(grade) => update({ grade })} />
        {project.archivedAt !== null && (
          <Badge color="gray" variant="outline">
            Archived
          </Badge>
        )}
        <Group gap="xs" ml="auto">
          {actions}
          {!readOnly && (
            <Button
              variant="default"
              loading={busy}
              leftSection={project.archivedAt === null ? <IconArchive size={16} aria-hidden /> : <IconArchiveOff size={16} aria-hidden />}
              onClick={() => void update({ archived: project.archivedAt === null })}
            >
              {project.archivedAt === null ? 'Archive' : 'Unarchive'}
            </Button>
          )}
        </Group>
      </Group>
    </header>
  )
}

/** A short field saved when it loses focus or on Enter; shows the core's value again when it changes elsewhere. */
function SavedField({ label, value, readOnly, onSave }: { label: string; value: string; readOnly: boolean; onSave: (value: string) => Promise<void> }) {
  const [draft, setDraft] = useState(value)
  const [editing, setEditing] = useState(false)
  useEffect(() => {
    if (!editing) setDraft(value)
  }, [value, editing])

  const save = () => {
    setEditing(false)
    if (draft.trim() !== value) void onSave(draft.trim())
  }
  return (
    <TextInput
      label={label}
      size="xs"
      w={160}
      maxLength={projectLimits.fieldChars}
      value={draft}
      readOnly={readOnly}
      onFocus={() => setEditing(true)}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={save}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.currentTarget.blur()
      }}
    />
  )
}
