import { Anchor, Text, Title } from '@mantine/core'
import type { DashboardSummary } from '@shared/api/dashboard'
import { Fragment } from 'react'
import { formatRoute } from '../../../app/route'
import { formatDay } from '../../network/dates'
import classes from '../Dashboard.module.css'
import { DashboardPanel, PanelEmpty } from '../DashboardPanel'
import { Figure, FigureList } from '../Figures'

/** Items listed per list; "See all" opens the keeping-in-touch screen. */
const shownItems = 5

function overdueWords(days: number): string {
  if (days <= 0) return 'due today'
  return `${days} day${days === 1 ? '' : 's'} overdue`
}

/** Who is losing touch and which follow-ups are due, the most overdue first. */
export function KeepingInTouchPanel({ keepingInTouch }: { keepingInTouch: DashboardSummary['keepingInTouch'] }) {
  const { losingTouch, losingTouchTotal, followUpsDue, followUpsDueTotal } = keepingInTouch
  return (
    <DashboardPanel id="keeping-in-touch" title="Keeping in touch" seeAll={{ href: formatRoute({ section: 'keep-in-touch' }), label: 'See all' }}>
      {losingTouchTotal === 0 && followUpsDueTotal === 0 ? (
        <PanelEmpty>Nobody is slipping away and no follow-ups are due. Give contacts a keep-in-touch cadence, or set a follow-up date when you log an interaction, and reminders gather here.</PanelEmpty>
      ) : (
        <>
          <FigureList label="Keeping in touch">
            <Figure label="Losing touch" value={losingTouchTotal} testId="figure-losing-touch" />
            <Figure label="Follow-ups due" value={followUpsDueTotal} testId="figure-follow-ups" />
          </FigureList>
          {losingTouch.length > 0 ? (
            <section aria-labelledby="dashboard-losing-touch-heading">
              <Title order={3} size="h5" id="dashboard-losing-touch-heading" mb={4}>
                Losing touch
              </Title>
              <ul className={classes.list} aria-label="Losing touch">
                {losingTouch.slice(0, shownItems).map((row) => (
                  <li key={row.contact.id}>
                    <Anchor href={formatRoute({ section: 'contacts', recordId: row.contact.id })} size="sm">
                      {row.contact.name}
                    </Anchor>
                    <Text span size="xs" c="dimmed">
                      {' · '}
                      {overdueWords(row.daysOverdue)}
                      {row.lastInteractionOn ? ` · last contact ${formatDay(row.lastInteractionOn)}` : ' · no interactions yet'}
                    </Text>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {followUpsDue.length > 0 ? (
            <section aria-labelledby="dashboard-follow-ups-heading">
              <Title order={3} size="h5" id="dashboard-follow-ups-heading" mb={4}>
                Follow-ups due
              </Title>
              <ul className={classes.list} aria-label="Follow-ups due">
                {followUpsDue.slice(0, shownItems).map((row) => (
                  <li key={row.interactionId}>
                    <Text size="sm" lineClamp={2}>
                      {row.summary || 'Follow up'}
                      {row.contacts.length > 0 ? ' with ' : ''}
                      {row.contacts.map((contact, index) => (
                        <Fragment key={contact.id}>
                          {index > 0 ? ', ' : ''}
                          <Anchor href={formatRoute({ section: 'contacts', recordId: contact.id })} inherit>
                            {contact.name}
                          </Anchor>
                        </Fragment>
                      ))}
                    </Text>
                    <Text size="xs" c="dimmed">
                      From {formatDay(row.date)} · {overdueWords(row.daysOverdue)}
                    </Text>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </DashboardPanel>
  )
}
