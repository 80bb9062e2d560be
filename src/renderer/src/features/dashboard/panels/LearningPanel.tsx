import { Anchor, Group, Text, Title } from '@mantine/core'
import type { DashboardSummary } from '@shared/api/dashboard'
import type { ReactNode } from 'react'
import { formatRoute } from '../../../app/route'
import { DashboardPanel, PanelEmpty } from '../DashboardPanel'
import { Figure, FigureList } from '../Figures'

/** Reading read and applied, journal entries and setbacks with their lessons, shared projects active. */
export function LearningPanel({ learning, period }: { learning: DashboardSummary['learning']; period: string }) {
  const readingEmpty = learning.readingToRead + learning.readingInProgress + learning.readingRead.current + learning.readingRead.previous + learning.readingApplied.current + learning.readingApplied.previous === 0
  const journalEmpty = learning.journalEntries.current + learning.journalEntries.previous + learning.setbacks === 0
  const setbacksWithoutLesson = learning.setbacks - learning.setbacksWithLesson
  return (
    <DashboardPanel id="learning" title="Learning and growing">
      <Part id="reading" title="Reading" link={{ href: formatRoute({ section: 'reading' }), label: 'Reading list' }}>
        {readingEmpty ? (
          <PanelEmpty>Your reading list is empty. Add articles, books and research, then mark them read and applied in class.</PanelEmpty>
        ) : (
          <FigureList label="Reading">
            <Figure label="Read" value={learning.readingRead.current} trend={learning.readingRead} period={period} testId="figure-reading-read" />
            <Figure label="Applied in class" value={learning.readingApplied.current} trend={learning.readingApplied} period={period} testId="figure-reading-applied" />
            <Figure label="To read" value={learning.readingToRead} />
            <Figure label="Reading now" value={learning.readingInProgress} />
          </FigureList>
        )}
      </Part>
      <Part id="journal" title="Journal" link={{ href: formatRoute({ section: 'journal' }), label: 'Journal' }}>
        {journalEmpty ? (
          <PanelEmpty>No journal entries in this period. Writing down what happened, especially setbacks, and what you learned from them is how the lessons stick.</PanelEmpty>
        ) : (
          <>
            <FigureList label="Journal">
              <Figure label="Entries" value={learning.journalEntries.current} trend={learning.journalEntries} period={period} testId="figure-journal-entries" />
              <Figure label="Setbacks" value={learning.setbacks} />
              <Figure label="Lessons learned" value={learning.lessonsLearned} />
            </FigureList>
            {learning.setbacks > 0 ? (
              <Text size="sm" data-testid="setback-lessons">
                {learning.setbacksWithLesson} of {learning.setbacks} setback{learning.setbacks === 1 ? '' : 's'} with a lesson written down
                {setbacksWithoutLesson > 0 ? (
                  <>
                    {'; '}
                    <Anchor href={formatRoute({ section: 'journal' })} inherit>
                      {setbacksWithoutLesson} still without one
                    </Anchor>
                  </>
                ) : null}
                .
              </Text>
            ) : null}
          </>
        )}
      </Part>
      <Part id="projects" title="Shared projects" link={{ href: formatRoute({ section: 'spaces' }), label: 'Spaces' }}>
        {learning.projectsTotal === 0 ? (
          <PanelEmpty>No shared lesson projects yet. Plan a lesson with colleagues in a shared project and its activity counts here.</PanelEmpty>
        ) : (
          <FigureList label="Shared projects">
            <Figure label="Active" value={learning.projectsActive.current} trend={learning.projectsActive} period={period} testId="figure-projects-active" />
            <Figure label="All projects" value={learning.projectsTotal} />
          </FigureList>
        )}
      </Part>
    </DashboardPanel>
  )
}

function Part({ id, title, link, children }: { id: string; title: string; link: { href: string; label: string }; children: ReactNode }) {
  const headingId = `dashboard-learning-${id}-heading`
  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" mb={4}>
        <Title order={3} size="h5" id={headingId}>
          {title}
        </Title>
        <Anchor href={link.href} size="sm">
          {link.label}
        </Anchor>
      </Group>
      {children}
    </section>
  )
}
