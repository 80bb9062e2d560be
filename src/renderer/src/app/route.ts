import { useCallback, useMemo, useSyncExternalStore } from 'react'

export type NoteSection = 'all' | 'pinned' | 'tag' | 'trash' | 'search'
/** Sections of the learning network; each lists records and opens one by `recordId`. */
export type NetworkSection = 'contacts' | 'keep-in-touch' | 'communities' | 'events' | 'goals' | 'journal'
/** Import and export of the whole profile; this device, paired devices and invites. */
export type DataSection = 'io' | 'devices'
/** The shared spaces list, and one lesson project or circle by `spaceId` (#/projects/<id>, #/circles/<id>). */
export type SpaceSection = 'spaces' | 'projects' | 'circles'
/** The home screen (the reflection dashboard), check-ins, and staying current: feeds, reading list, resources. */
export type ReflectSection = 'dashboard' | 'check-ins' | 'feeds' | 'reading' | 'resources'
export type Section = NoteSection | NetworkSection | DataSection | SpaceSection | ReflectSection

/** Where the user is; kept in the URL hash so reloads and second tabs land in the same place. */
export interface Route {
  section: Section
  tag?: string
  query?: string
  noteId?: string
  /** The open record in a network section, or 'new' for the create form. */
  recordId?: string
  /** The open record is shown in its edit form. */
  editing?: boolean
  /** The open project or circle. */
  spaceId?: string
  /** The dashboard's date range (YYYY-MM-DD, inclusive); both or neither, from ≤ to. */
  from?: string
  to?: string
}

export const networkSections: NetworkSection[] = ['contacts', 'keep-in-touch', 'communities', 'events', 'goals', 'journal']
export const reflectSections: ReflectSection[] = ['dashboard', 'check-ins', 'feeds', 'reading', 'resources']
const sections: Section[] = ['all', 'pinned', 'tag', 'trash', 'search', ...networkSections, 'io', 'devices', 'spaces', ...reflectSections]
const spacePages = ['projects', 'circles'] as const

export function isNetworkSection(section: Section): section is NetworkSection {
  return (networkSections as Section[]).includes(section)
}

/** Sections whose URL may name one record (`?id=`): the network's and the reflection ones. */
function takesRecordId(section: Section): boolean {
  return isNetworkSection(section) || (reflectSections as Section[]).includes(section)
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/

/** A hand-typed hash may hold a stray '%'. */
function decodedOrNull(part: string): string | null {
  try {
    return decodeURIComponent(part)
  } catch {
    return null
  }
}

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?')
  const [page, spaceId] = path.split('/')
  if ((spacePages as readonly string[]).includes(page ?? '')) {
    const id = spaceId ? decodedOrNull(spaceId) : null
    return id ? { section: page as SpaceSection, spaceId: id } : { section: 'spaces' }
  }
  // No path is the home screen; a path we do not know falls back to the notes.
  const section = path === '' ? 'dashboard' : (sections as string[]).includes(path) ? (path as Section) : 'all'
  const params = new URLSearchParams(search)
  const route: Route = { section }
  const tag = params.get('tag')
  const query = params.get('q')
  const noteId = params.get('note')
  if (section === 'tag' && tag) route.tag = tag
  if (section === 'search' && query !== null) route.query = query
  if (noteId) route.noteId = noteId
  const recordId = params.get('id')
  if (recordId && takesRecordId(section)) {
    route.recordId = recordId
    if (params.get('edit') === '1') route.editing = true
  }
  const from = params.get('from')
  const to = params.get('to')
  // A half or reversed range is dropped whole: the dashboard then shows its default range.
  if (section === 'dashboard' && from && to && isoDay.test(from) && isoDay.test(to) && from <= to) {
    route.from = from
    route.to = to
  }
  if (section === 'tag' && !route.tag) route.section = 'all'
  return route
}

export function formatRoute(route: Route): string {
  if ((route.section === 'projects' || route.section === 'circles') && route.spaceId) return `#/${route.section}/${encodeURIComponent(route.spaceId)}`
  if (route.section === 'projects' || route.section === 'circles') return '#/spaces'
  const params = new URLSearchParams()
  if (route.section === 'tag' && route.tag) params.set('tag', route.tag)
  if (route.section === 'search' && route.query) params.set('q', route.query)
  if (route.noteId) params.set('note', route.noteId)
  if (route.recordId && takesRecordId(route.section)) {
    params.set('id', route.recordId)
    if (route.editing) params.set('edit', '1')
  }
  if (route.section === 'dashboard' && route.from && route.to) {
    params.set('from', route.from)
    params.set('to', route.to)
  }
  const search = params.toString()
  return `#/${route.section}${search ? `?${search}` : ''}`
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function navigate(route: Route, options: { replace?: boolean } = {}) {
  const hash = formatRoute(route)
  if (window.location.hash === hash) return
  if (options.replace) {
    window.history.replaceState(null, '', hash)
    window.dispatchEvent(new HashChangeEvent('hashchange'))
  } else {
    window.location.hash = hash
  }
}

export function useRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  const go = useCallback((route: Route, options?: { replace?: boolean }) => navigate(route, options), [])
  const route = useMemo(() => parseRoute(hash), [hash])
  return [route, go]
}
