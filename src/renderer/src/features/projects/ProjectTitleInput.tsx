import type { DocHandle } from '@automerge/automerge-repo'
import { updateText } from '@automerge/automerge-repo'
import { TextInput } from '@mantine/core'
import { projectLimits } from '@shared/api/projects'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { useEffect, useState } from 'react'
import { showErrorToast } from '../../app/errorToasts'
import classes from './ProjectView.module.css'

/** The project's title, edited as Automerge text so two members typing at once merge instead of overwrite. */
export function ProjectTitleInput({ handle, readOnly }: { handle: DocHandle<ProjectDoc>; readOnly: boolean }) {
  const [title, setTitle] = useState(() => handle.doc()?.title ?? '')

  useEffect(() => {
    const sync = () => setTitle(handle.doc()?.title ?? '')
    sync()
    handle.on('change', sync)
    return () => {
      handle.off('change', sync)
    }
  }, [handle])

  function change(next: string) {
    let value = next.replace(/[\r\n]+/g, ' ')
    if (value.length > projectLimits.titleChars) {
      value = value.slice(0, projectLimits.titleChars)
      showErrorToast('Title too long', `A project title can be at most ${projectLimits.titleChars} characters; the rest was cut.`)
    }
    setTitle(value)
    handle.change((doc) => updateText(doc, ['title'], value))
  }

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
