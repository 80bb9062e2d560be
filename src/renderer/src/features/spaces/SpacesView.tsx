import { Alert, Button, Center, Group, Loader, Stack, Switch, Text, Title } from '@mantine/core'
import { IconPlus, IconUsersGroup } from '@tabler/icons-react'
import { useState } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { navigate } from '../../app/route'
import { NewCircleModal } from '../circles/NewCircleModal'
import { ImportMarkdownButton } from '../projects/export/ImportMarkdownButton'
import { NewProjectModal } from '../projects/NewProjectModal'
import { SpaceRow } from './SpaceRow'
import classes from './SpacesView.module.css'
import { useSpaces } from './useSpaces'

/** Lesson projects and circles shared with colleagues: what each is, who is in it, what changed, and sync state. */
export function SpacesView() {
  const [showArchived, setShowArchived] = useState(false)
  const { spaces, failed } = useSpaces(showArchived)
  const [creating, setCreating] = useState<'project' | 'circle' | null>(null)
  const openProject = (projectId: string) => navigate({ section: 'projects', spaceId: projectId })

  return (
    <div className={classes.view}>
      <Stack gap="md" p="md" maw={900}>
        <Group justify="space-between" align="flex-start">
          <Title order={1} size="h3">
            Shared spaces
          </Title>
          <Group gap="xs" align="flex-start">
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating('project')}>
              New project
            </Button>
            <Button variant="default" leftSection={<IconUsersGroup size={18} aria-hidden />} onClick={() => setCreating('circle')}>
              New circle
            </Button>
            <ImportMarkdownButton onImported={openProject} />
          </Group>
        </Group>
        <Switch label="Show archived" checked={showArchived} onChange={(event) => setShowArchived(event.currentTarget.checked)} />
        {spaces === undefined ? (
          failed ? (
            <Alert color="red" title="Shared spaces could not be loaded" role="alert">
              Staffroom could not list your projects and circles. It tries again every few seconds.
            </Alert>
          ) : (
            <Center role="status" aria-live="polite">
              <Loader size="sm" aria-hidden />
              <Text size="sm" ml="xs">
                Loading shared spaces…
              </Text>
            </Center>
          )
        ) : spaces.length === 0 ? (
          <EmptyState title={showArchived ? 'No shared spaces yet' : 'No open shared spaces'}>
            Plan a lesson with colleagues in a project, or start a circle for a community. Spaces colleagues add you to appear here too.
          </EmptyState>
        ) : (
          <ul className={classes.list} aria-label="Projects and circles">
            {spaces.map((space) => (
              <SpaceRow key={space.id} space={space} />
            ))}
          </ul>
        )}
      </Stack>
      <NewProjectModal
        opened={creating === 'project'}
        onClose={() => setCreating(null)}
        onCreated={(projectId) => {
          setCreating(null)
          openProject(projectId)
        }}
      />
      <NewCircleModal
        opened={creating === 'circle'}
        onClose={() => setCreating(null)}
        onCreated={(circleId) => {
          setCreating(null)
          navigate({ section: 'circles', spaceId: circleId })
        }}
      />
    </div>
  )
}
