import { AppShell, Badge, Button, Group, Kbd, Text } from '@mantine/core'
import { useHotkeys, type HotkeyItem } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { ErrorBoundary } from '../components/ErrorBoundary'
import { CircleView } from '../features/circles/CircleView'
import { ContactsView } from '../features/contacts/ContactsView'
import { DevicesView } from '../features/devices/DevicesView'
import { DashboardView } from '../features/dashboard/DashboardView'
import { desktopCard } from '../features/desktop/desktopCardStore'
import { useUpdateNotice } from '../features/desktop/useUpdateNotice'
import { CheckInsView } from '../features/reflection/CheckInsView'
import { FeedsView } from '../features/feeds/FeedsView'
import { ReadingView } from '../features/reading/ReadingView'
import { ResourcesView } from '../features/resources/ResourcesView'
import { IoView } from '../features/io/IoView'
import { KeepInTouchView } from '../features/keepInTouch/KeepInTouchView'
import { networkViews } from '../features/network/networkViews'
import { RecordsView } from '../features/network/RecordsView'
import { QuickLogModal } from '../features/interactions/QuickLogModal'
import { quickLog } from '../features/interactions/quickLogStore'
import { shortcutLabel } from '../components/shortcuts'
import { NotesView } from '../features/notes/NotesView'
import { ProjectView } from '../features/projects/ProjectView'
import { SpacesView } from '../features/spaces/SpacesView'
import { TrashView } from '../features/notes/TrashView'
import { useNoteActions } from '../features/notes/useNoteActions'
import { CommandPalette } from '../features/search/CommandPalette'
import { palette } from '../features/search/paletteStore'
import { SearchView } from '../features/search/SearchView'
import { useConnectionStatus, usePlatform } from '../platform/PlatformContext'
import classes from './AppLayout.module.css'
import { Navbar } from './Navbar'
import { useRoute, type Route } from './route'
import { useMenuCommands } from './useMenuCommands'
import { useShellOpen } from './useShellOpen'
import { useStorageStatus } from './useStorageStatus'

function RouteView({ route }: { route: Route }) {
  switch (route.section) {
    case 'trash':
      return <TrashView />
    case 'search':
      return <SearchView route={route} />
    case 'pinned':
    case 'tag':
    case 'all':
      return <NotesView route={{ ...route, section: route.section }} />
    case 'contacts':
      return <ContactsView route={route} />
    case 'keep-in-touch':
      return <KeepInTouchView />
    case 'io':
      return <IoView />
    case 'devices':
      return <DevicesView />
    case 'spaces':
      return <SpacesView />
    case 'projects':
      return route.spaceId ? <ProjectView key={route.spaceId} projectId={route.spaceId} /> : <SpacesView />
    case 'circles':
      return route.spaceId ? <CircleView key={route.spaceId} circleId={route.spaceId} /> : <SpacesView />
    case 'dashboard':
      return <DashboardView route={route} />
    case 'check-ins':
      return <CheckInsView route={route} />
    case 'feeds':
      return <FeedsView route={route} />
    case 'reading':
      return <ReadingView route={route} />
    case 'resources':
      return <ResourcesView route={route} />
    case 'communities':
    case 'events':
    case 'goals':
    case 'journal':
      return <RecordsView key={route.section} view={networkViews[route.section]} route={route} />
    default:
      return <NotesView route={{ ...route, section: 'all' }} />
  }
}

function ConnectionBadge() {
  const status = useConnectionStatus()
  if (status === 'open') return null
  return (
    <Badge color="orange" variant="light" role="status">
      {status === 'connecting' ? 'Connecting…' : 'Offline — reconnecting…'}
    </Badge>
  )
}

/** The window: header with search, sections on the left, the current view in the middle. */
export function AppLayout() {
  const [route] = useRoute()
  const { createNote } = useNoteActions()
  const { shell } = usePlatform()
  // In Electron the menu's Mod+N accelerator owns that key (and arrives as 'menu.command'); a page
  // hotkey as well could make two notes from one key press. Alt+N works everywhere, even while typing.
  const newNoteHotkeys: HotkeyItem[] = [['alt+N', () => void createNote()]]
  if (shell !== 'electron') newNoteHotkeys.push(['mod+N', () => void createNote()])
  // Log an interaction from anywhere: Alt+L everywhere; Mod+L only in Electron (the browser's address bar owns it).
  const logHotkeys: HotkeyItem[] = [['alt+L', () => quickLog.open()]]
  if (shell === 'electron') logHotkeys.push(['mod+L', () => quickLog.open()])
  useHotkeys([...newNoteHotkeys, ...logHotkeys], [], true)
  useMenuCommands({
    'new-note': () => void createNote(),
    search: palette.open,
    settings: () => desktopCard.open(),
    'check-for-updates': () => desktopCard.open({ check: true }),
  })
  useShellOpen()
  useStorageStatus()
  useUpdateNotice()

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 232, breakpoint: 0 }} padding={0}>
      <AppShell.Header>
        <div className={classes.header}>
          <Text className={classes.brand} component="span">
            Staffroom
          </Text>
          <Group gap="sm" wrap="nowrap">
            <ConnectionBadge />
            <Button
              variant="default"
              className={classes.searchButton}
              classNames={{ inner: classes.searchButtonInner, label: classes.searchButtonLabel }}
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={<Kbd className={classes.kbd}>{shortcutLabel('K')}</Kbd>}
              onClick={palette.open}
              data-testid="open-palette"
            >
              Search
            </Button>
          </Group>
        </div>
      </AppShell.Header>
      <AppShell.Navbar aria-label="Sections">
        <ErrorBoundary area="the sidebar">
          <Navbar route={route} />
        </ErrorBoundary>
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <ErrorBoundary area="this view" resetKey={route.spaceId ? `${route.section}/${route.spaceId}` : route.section}>
          <RouteView route={route} />
        </ErrorBoundary>
      </AppShell.Main>
      <CommandPalette />
      <QuickLogModal />
    </AppShell>
  )
}
