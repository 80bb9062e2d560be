import { Badge, NavLink, ScrollArea, Text } from '@mantine/core'
import { IconBooks, IconChartDots, IconGift, IconMessageCircleQuestion, IconRss, IconAddressBook, IconCalendarEvent, IconClipboardText, IconDevices, IconFileImport, IconHash, IconHeartHandshake, IconNotebook, IconNotes, IconPin, IconTarget, IconTrash, IconUsersGroup } from '@tabler/icons-react'
import { networkViews } from '../features/network/networkViews'
import { useKeepInTouchOverview } from '../features/keepInTouch/useKeepInTouch'
import { useNotesQuery } from '../features/notes/useNotesQuery'
import { formatRoute, type Route } from './route'
import classes from './AppLayout.module.css'

const recordSections = [
  { section: 'communities', icon: IconUsersGroup },
  { section: 'events', icon: IconCalendarEvent },
  { section: 'goals', icon: IconTarget },
  { section: 'journal', icon: IconNotebook },
] as const

const reflectLinks = [
  { section: 'dashboard', label: 'Dashboard', icon: IconChartDots },
  { section: 'check-ins', label: 'Check-ins', icon: IconMessageCircleQuestion },
  { section: 'feeds', label: 'Feeds', icon: IconRss },
  { section: 'reading', label: 'Reading list', icon: IconBooks },
  { section: 'resources', label: 'Resources', icon: IconGift },
] as const

function SectionLink({ link, route }: { link: (typeof reflectLinks)[number]; route: Route }) {
  const Icon = link.icon
  return (
    <li>
      <NavLink
        href={formatRoute({ section: link.section })}
        label={link.label}
        leftSection={<Icon size={18} aria-hidden />}
        active={route.section === link.section}
        aria-current={route.section === link.section ? 'page' : undefined}
      />
    </li>
  )
}

/** Sections of the app; only screens that work are listed. */
export function Navbar({ route }: { route: Route }) {
  const tags = useNotesQuery((api) => api.call('notes.tags', {}), 'tags')
  const tagList = tags.data?.tags ?? []
  const overview = useKeepInTouchOverview(1)
  const reminders = overview.data ? overview.data.losingTouchTotal + overview.data.followUpsDueTotal : 0

  return (
    <ScrollArea className={classes.navScroll}>
      <Text component="h2" className={classes.navHeading} id="nav-reflect-heading">
        Reflect
      </Text>
      <ul className={classes.navList} aria-labelledby="nav-reflect-heading">
        {reflectLinks.slice(0, 2).map((link) => (
          <SectionLink key={link.section} link={link} route={route} />
        ))}
      </ul>
      <Text component="h2" className={classes.navHeading} id="nav-learn-heading">
        Stay current
      </Text>
      <ul className={classes.navList} aria-labelledby="nav-learn-heading">
        {reflectLinks.slice(2).map((link) => (
          <SectionLink key={link.section} link={link} route={route} />
        ))}
      </ul>
      <Text component="h2" className={classes.navHeading} id="nav-notes-heading">
        Notes
      </Text>
      <ul className={classes.navList} aria-labelledby="nav-notes-heading">
        <li>
          <NavLink
            href={formatRoute({ section: 'all' })}
            label="All notes"
            leftSection={<IconNotes size={18} aria-hidden />}
            active={route.section === 'all'}
            aria-current={route.section === 'all' ? 'page' : undefined}
          />
        </li>
        <li>
          <NavLink
            href={formatRoute({ section: 'pinned' })}
            label="Pinned"
            leftSection={<IconPin size={18} aria-hidden />}
            active={route.section === 'pinned'}
            aria-current={route.section === 'pinned' ? 'page' : undefined}
          />
        </li>
        <li>
          <NavLink
            href={formatRoute({ section: 'trash' })}
            label="Trash"
            leftSection={<IconTrash size={18} aria-hidden />}
            active={route.section === 'trash'}
            aria-current={route.section === 'trash' ? 'page' : undefined}
          />
        </li>
      </ul>
      <Text component="h2" className={classes.navHeading} id="nav-spaces-heading">
        Together
      </Text>
      <ul className={classes.navList} aria-labelledby="nav-spaces-heading">
        <li>
          <NavLink
            href={formatRoute({ section: 'spaces' })}
            label="Shared spaces"
            leftSection={<IconClipboardText size={18} aria-hidden />}
            active={route.section === 'spaces' || route.section === 'projects' || route.section === 'circles'}
            aria-current={route.section === 'spaces' ? 'page' : undefined}
          />
        </li>
      </ul>
      <Text component="h2" className={classes.navHeading} id="nav-network-heading">
        Network
      </Text>
      <ul className={classes.navList} aria-labelledby="nav-network-heading">
        <li>
          <NavLink
            href={formatRoute({ section: 'contacts' })}
            label="Contacts"
            leftSection={<IconAddressBook size={18} aria-hidden />}
            active={route.section === 'contacts'}
            aria-current={route.section === 'contacts' ? 'page' : undefined}
          />
        </li>
        <li>
          <NavLink
            href={formatRoute({ section: 'keep-in-touch' })}
            label="Keeping in touch"
            leftSection={<IconHeartHandshake size={18} aria-hidden />}
            rightSection={
              reminders > 0 ? (
                <Badge size="sm" color="red.9" variant="filled" aria-label={`${reminders} reminder${reminders === 1 ? '' : 's'}`} data-testid="keep-in-touch-count">
                  {reminders}
                </Badge>
              ) : null
            }
            active={route.section === 'keep-in-touch'}
            aria-current={route.section === 'keep-in-touch' ? 'page' : undefined}
          />
        </li>
        {recordSections.map(({ section, icon: Icon }) => (
          <li key={section}>
            <NavLink
              href={formatRoute({ section })}
              label={networkViews[section].plural}
              leftSection={<Icon size={18} aria-hidden />}
              active={route.section === section}
              aria-current={route.section === section ? 'page' : undefined}
            />
          </li>
        ))}
      </ul>
      <Text component="h2" className={classes.navHeading} id="nav-data-heading">
        Data
      </Text>
      <ul className={classes.navList} aria-labelledby="nav-data-heading">
        <li>
          <NavLink
            href={formatRoute({ section: 'io' })}
            label="Import and export"
            leftSection={<IconFileImport size={18} aria-hidden />}
            active={route.section === 'io'}
            aria-current={route.section === 'io' ? 'page' : undefined}
          />
        </li>
        <li>
          <NavLink
            href={formatRoute({ section: 'devices' })}
            label="Devices and sharing"
            leftSection={<IconDevices size={18} aria-hidden />}
            active={route.section === 'devices'}
            aria-current={route.section === 'devices' ? 'page' : undefined}
          />
        </li>
      </ul>
      <Text component="h2" className={classes.navHeading} id="nav-tags-heading">
        Tags
      </Text>
      {tagList.length === 0 ? (
        <Text size="xs" c="dimmed" px="sm" pb="sm">
          Tags you add to notes appear here.
        </Text>
      ) : (
        <ul className={classes.navList} aria-labelledby="nav-tags-heading">
          {tagList.map(({ tag, count }) => {
            const active = route.section === 'tag' && route.tag === tag
            return (
              <li key={tag}>
                <NavLink
                  href={formatRoute({ section: 'tag', tag })}
                  label={tag}
                  leftSection={<IconHash size={16} aria-hidden />}
                  rightSection={
                    <Badge size="sm" variant="default" aria-label={`${count} note${count === 1 ? '' : 's'}`}>
                      {count}
                    </Badge>
                  }
                  active={active}
                  aria-current={active ? 'page' : undefined}
                />
              </li>
            )
          })}
        </ul>
      )}
    </ScrollArea>
  )
}
