import type { DocHandle } from '@automerge/automerge-repo'
import { TextInput } from '@mantine/core'
import { projectLimits } from '@shared/api/projects'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { useLiveTitle } from '../notes/useLiveTitle'
import classes from './ProjectView.module.css'

/** The project's title, edited as Automerge text so two members typing at once merge instead of overwrite. */
export function ProjectTitleInput({ handle, readOnly }: { handle: DocHandle<ProjectDoc>; readOnly: boolean }) {
  const [title, change] = useLiveTitle(handle, projectLimits.titleChars, `A project title can be at most ${projectLimits.titleChars} characters; the rest was cut.`)

  return (
    <TextInput
      aria-label="Project title"
      placeholder="Untitled project"
      value={title}
      readOnly={readOnly}
      onChange={(event) => change(event.currentTarget.value)}
      variant="unstyled"
      size="xl"
      classNames={{ input: classes.titleInput }}
      data-testid="project-title"
      flex={1}
    />
  )
}
