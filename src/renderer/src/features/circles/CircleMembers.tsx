import { useApi } from '../../platform/PlatformContext'
import { SpaceMembers } from '../spaces/SpaceMembers'
import type { CirclePanelProps } from './circlePanel'
import { circleRoleLabels } from './circleText'

/** Who is in the circle; its owner adds a paired colleague's device (spaces.setMember), changes roles and removes. */
export function CircleMembers({ circle, canWrite, onChanged }: CirclePanelProps) {
  const api = useApi()
  return (
    <SpaceMembers
      spaceId={circle.id}
      noun="circle"
      members={circle.members}
      manages={canWrite && circle.myRole === 'owner'}
      roleLabels={circleRoleLabels}
      itemTestId="circle-member"
      refresh={async () => {
        const fresh = await api.call('circles.get', { circleId: circle.id })
        if (fresh.ok) onChanged(fresh.value.circle)
      }}
    />
  )
}
