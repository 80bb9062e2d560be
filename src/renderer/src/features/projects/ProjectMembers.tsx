import { useApi } from '../../platform/PlatformContext'
import { SpaceMembers } from '../spaces/SpaceMembers'
import { roleLabels } from '../spaces/spaceText'
import type { ProjectPanelProps } from './projectPanel'

/** Who is in the project and with what role; the owner adds a paired colleague's device, changes roles and removes. */
export function ProjectMembers({ project, onChanged }: Omit<ProjectPanelProps, 'readOnly'>) {
  const api = useApi()
  return (
    <SpaceMembers
      spaceId={project.id}
      noun="project"
      members={project.members}
      manages={project.myRole === 'owner' && project.readOnlyReason === null}
      roleLabels={roleLabels}
      itemTestId="project-member"
      refresh={async () => {
        const fresh = await api.call('projects.get', { projectId: project.id })
        if (fresh.ok) onChanged(fresh.value.project)
      }}
    />
  )
}
