import type { CommunityDetail, CommunityRow } from '@shared/api/communities'
import { communityFields, type CommunityFields } from '@shared/network/records'
import { InteractionTimeline } from '../../interactions/InteractionTimeline'
import { formatDay } from '../dates'
import type { KindForm } from '../formSpec'
import type { KindView } from '../kindView'
import { communityModeLabels, communityTypeLabels, membershipLabels, optionsOf } from '../labels'
import { RowLines } from './RowLines'

export const communityForm: KindForm<'community'> = {
  kind: 'community',
  schema: communityFields,
  sections: [
    {
      fields: [
        { name: 'name', label: 'Name', control: 'text', required: true },
        { name: 'type', label: 'Type', control: 'select', options: optionsOf(communityTypeLabels) },
        { name: 'mode', label: 'Online or in person', control: 'select', options: optionsOf(communityModeLabels) },
        { name: 'platformOrPlace', label: 'Platform or place', control: 'text' },
        { name: 'url', label: 'Link', control: 'url', nullable: true },
        { name: 'membership', label: 'Membership', control: 'select', options: optionsOf(membershipLabels) },
        { name: 'role', label: 'Your role', control: 'text' },
        { name: 'goalIds', label: 'Goals it serves', control: 'goals' },
        { name: 'tags', label: 'Tags', control: 'tags' },
        { name: 'notes', label: 'Notes', control: 'textarea' },
      ],
    },
  ],
}

export const communitiesView: KindView<'community', CommunityRow, CommunityDetail> = {
  section: 'communities',
  plural: 'Communities',
  singular: 'community',
  form: communityForm,
  indexKinds: ['communities', 'interactions', 'goals'],
  list: (query, show) => (api, page) => api.call('communities.list', { ...(query ? { query } : {}), show, sort: 'name', ...page }),
  rowId: (row) => row.id,
  rowHeight: 64,
  renderRow: (row) => (
    <RowLines
      title={row.name}
      lines={[
        [communityTypeLabels[row.type], membershipLabels[row.membership], row.platformOrPlace].filter(Boolean).join(' · '),
        row.lastInteractionOn ? `${row.interactionCount} interactions · last ${formatDay(row.lastInteractionOn)}` : 'No interactions yet',
      ]}
    />
  ),
  get: (api, id) => api.call('communities.get', { id }),
  recordOf: (detail) => detail.community,
  titleOf: (community) => community.name,
  create: (api, fields) => api.call('communities.create', { fields: fields as CommunityFields }),
  update: (api, id, patch) => api.call('communities.update', { id, patch }),
  remove: (api, id) => api.call('communities.delete', { id }),
  restore: (api, id) => api.call('communities.restore', { id }),
  rowTitle: (row) => row.name,
  renderExtra: (detail) => <InteractionTimeline filter={{ communityId: detail.community.id }} heading="Engagement log" />,
  skipFields: ['name'],
  emptyHint: 'Add the forums, PLCs, associations and meetup groups you take part in.',
}
