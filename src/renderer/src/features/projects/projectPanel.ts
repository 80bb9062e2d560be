import type { ProjectView } from '@shared/api/projects'

/** What each side panel of the project page gets. */
export interface ProjectPanelProps {
  project: ProjectView
  readOnly: boolean
  /** The core answered a change made in the panel with the project as it now is. */
  onChanged: (project: ProjectView) => void
}
