import { Anchor, Group, Text, Title } from '@mantine/core'
import type { CommunityActivity, DashboardSummary, DiversityDimension, DiversityDimensionName } from '@shared/api/dashboard'
import { formatRoute } from '../../../app/route'
import { formatDay } from '../../network/dates'
import classes from '../Dashboard.module.css'
import { DashboardPanel, PanelEmpty } from '../DashboardPanel'
import { EvennessMeter } from '../EvennessMeter'
import { Figure, FigureList } from '../Figures'

const dimensionLabels: Record<DiversityDimensionName, string> = {
  subjects: 'Subjects',
  roles: 'Roles',
  schools: 'Schools',
  regions: 'Regions',
  communities: 'Communities',
}

/** Dormant communities listed by name; more than this are counted. */
const shownDormant = 6

/** New connections, how varied the network is per dimension, and communities active or dormant. */
export function BreadthPanel({ breadth, period }: { breadth: DashboardSummary['breadth']; period: string }) {
  const { newConnections, diversity, communities } = breadth
  const noContacts = diversity.every((dimension) => dimension.distinct === 0 && dimension.unknown === 0) && newConnections.current === 0 && newConnections.previous === 0
  return (
    <DashboardPanel id="breadth" title="Breadth of your network" seeAll={{ href: formatRoute({ section: 'contacts' }), label: 'Contacts' }}>
      {noContacts && communities.length === 0 ? (
        <PanelEmpty
          action={
            <Anchor href={formatRoute({ section: 'contacts', recordId: 'new' })} size="sm">
              Add a contact
            </Anchor>
          }
        >
          No contacts or communities yet. Add the people you learn with, with their subjects, roles, schools and regions, to see how varied your network is.
        </PanelEmpty>
      ) : (
        <>
          <FigureList label="Breadth">
            <Figure label="New connections" value={newConnections.current} trend={newConnections} period={period} testId="figure-new-connections" />
            <Figure label="Communities active" value={breadth.communitiesActive} testId="figure-communities-active" />
            <Figure label="Communities dormant" value={breadth.communitiesDormant} />
          </FigureList>
          <section aria-labelledby="dashboard-diversity-heading">
            <Title order={3} size="h5" id="dashboard-diversity-heading" mb={4}>
              Diversity
            </Title>
            <ul className={classes.list} aria-label="Diversity per dimension">
              {diversity.map((dimension) => (
                <DiversityItem key={dimension.dimension} dimension={dimension} />
              ))}
            </ul>
          </section>
          <Communities communities={communities} />
        </>
      )}
    </DashboardPanel>
  )
}

function DiversityItem({ dimension }: { dimension: DiversityDimension }) {
  const label = dimensionLabels[dimension.dimension]
  const top = dimension.top.map((value) => `${value.value} (${value.count})`).join(', ')
  return (
    <li data-testid={`diversity-${dimension.dimension}`}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {dimension.distinct} distinct
          {dimension.evenness === null ? '' : ` · ${Math.round(dimension.evenness * 100)}% even`}
          {dimension.unknown > 0 ? ` · ${dimension.unknown} not recorded` : ''}
        </Text>
      </Group>
      {dimension.evenness === null ? (
        <Text size="xs" c="dimmed">
          {dimension.distinct === 0 ? 'None recorded yet.' : 'Only one value: evenness needs at least two.'}
        </Text>
      ) : (
        <EvennessMeter label={`${label}: evenness`} evenness={dimension.evenness} />
      )}
      {top ? (
        <Text size="xs" lineClamp={2}>
          Most common: {top}
        </Text>
      ) : null}
    </li>
  )
}

function Communities({ communities }: { communities: CommunityActivity[] }) {
  const dormant = communities.filter((community) => !community.active)
  if (communities.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No communities yet. <Anchor href={formatRoute({ section: 'communities', recordId: 'new' })}>Add one</Anchor> you belong to, and its activity shows here.
      </Text>
    )
  }
  return (
    <section aria-labelledby="dashboard-dormant-heading">
      <Title order={3} size="h5" id="dashboard-dormant-heading" mb={4}>
        Dormant communities
      </Title>
      {dormant.length === 0 ? (
        <Text size="sm" c="dimmed">
          Every community had activity in this period.
        </Text>
      ) : (
        <ul className={classes.list} aria-label="Dormant communities">
          {dormant.slice(0, shownDormant).map((community) => (
            <li key={community.id}>
              <Anchor href={formatRoute({ section: 'communities', recordId: community.id })} size="sm">
                {community.name}
              </Anchor>
              <Text span size="xs" c="dimmed">
                {' · '}
                {community.lastActivityOn ? `last activity ${formatDay(community.lastActivityOn)}` : 'no activity yet'}
                {community.goalIds.length > 0 ? ` · serves ${community.goalIds.length} goal${community.goalIds.length === 1 ? '' : 's'}` : ''}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {dormant.length > shownDormant ? (
        <Text size="xs" c="dimmed">
          {dormant.length - shownDormant} more dormant.
        </Text>
      ) : null}
    </section>
  )
}
