import type { CircleView } from '@shared/api/circles'

/** What each section of a circle's page gets. */
export interface CirclePanelProps {
  circle: CircleView
  /** False for a reader or a circle a newer Staffroom saved: controls that write are hidden. */
  canWrite: boolean
  /** Shows the circle the core returned after a change made here. */
  onChanged: (circle: CircleView) => void
}
