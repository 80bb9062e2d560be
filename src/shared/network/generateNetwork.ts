import { addDays } from './keepingInTouch'
import {
  communityTypes,
  interactionChannels,
  interactionKinds,
  journalKinds,
  type Community,
  type Contact,
  type Goal,
  type Interaction,
  type JournalEntry,
  readingStatuses,
  resourceTypes,
  type NetworkEvent,
  type ReadingItem,
  type Resource,
} from './records'
import { seededRandom } from '../seededRandom'

export interface NetworkSize {
  /** Same seed, same network, on every machine. */
  seed: number
  contacts: number
  interactions: number
  communities?: number
  events?: number
  goals?: number
  journal?: number
  /** Resources given and received; generated after everything else, so other records stay as they were per seed. */
  resources?: number
  /** Reading-list items; generated last too. */
  readings?: number
  /** The last day interactions may fall on; they spread over the two years before it. */
  today?: string
}

export interface GeneratedNetwork {
  contacts: Contact[]
  interactions: Interaction[]
  communities: Community[]
  events: NetworkEvent[]
  goals: Goal[]
  journal: JournalEntry[]
  resources: Resource[]
  readings: ReadingItem[]
}

const firstNames = ['Ada', 'Bea', 'Carlos', 'Dana', 'Émile', 'Farah', 'Gus', 'Hana', 'Ivo', 'Jade', 'Kofi', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sam', 'Tomás', 'Uma', 'Vik', 'Wen', 'Yusuf', 'Zoë']
const lastNames = ['Okafor', 'Durand', 'Nguyen', 'Müller', 'Kowalski', 'García', 'Smith', 'Haddad', 'Ito', 'Larsen', 'Mensah', 'Rossi', 'Silva', 'Novak', "O'Brien", 'Kaur', 'Jensen', 'Petrova', 'Ahmed', 'Walker']
const schools = ['Riverside Academy', 'St Mary’s Primary', 'Lycée Victor Hugo', 'Northfield High', 'Oakwood Community School', 'Harbour View College', 'Greenhill Middle School', 'Westbrook Grammar']
const roles = ['Maths teacher', 'Science lead', 'Head of English', 'SENCo', 'Primary teacher', 'Deputy head', 'Computing teacher', 'Instructional coach', 'History teacher', 'Early-career teacher']
const subjects = ['maths', 'physics', 'chemistry', 'biology', 'english', 'history', 'geography', 'computing', 'art', 'music', 'languages', 'pe']
const grades = ['reception', 'ks1', 'ks2', 'ks3', 'ks4', 'sixth form']
const interests = ['running', 'chess', 'baking', 'birdwatching', 'jazz', 'climbing', 'board games', 'gardening', 'photography', 'poetry']
const tags = ['mentor', 'researchED', 'local', 'twitter', 'plc', 'co-author', 'conference', 'trust']
const topics = ['retrieval practice', 'cognitive load', 'formative assessment', 'behaviour routines', 'reading fluency', 'fractions', 'practical science', 'oracy', 'feedback', 'curriculum sequencing']
const places = ['Leeds', 'Manchester', 'Online', 'Birmingham', 'London', 'Bristol', 'Lyon', 'Dublin']


/**
 * A realistic learning network of any size, identical for the same size and seed: teachers at
 * schools with subjects and channels, communities, events, goals, journal entries, resources
 * given and received, a reading list, and interactions spread over two years (a few close
 * colleagues get most of them).
 */
export function generateNetwork(size: NetworkSize): GeneratedNetwork {
  const next = seededRandom(size.seed)
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
  const some = <T>(items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: int(max + 1) }, () => pick(items)))]
  const hex = () => Array.from({ length: 4 }, () => int(0x10000).toString(16).padStart(4, '0')).join('')
  const newId = (prefix: string) => `${prefix}-${hex()}`
  const today = size.today ?? '2026-06-30'
  const start = addDays(today, -730)
  const baseMs = Date.parse(`${start}T08:00:00Z`)
  const meta = (prefix: string, dayOffset: number) => {
    const at = baseMs + dayOffset * 86_400_000 + int(36_000_000)
    return { id: newId(prefix), createdAt: at, updatedAt: at, deletedAt: null }
  }

  const contacts: Contact[] = Array.from({ length: size.contacts }, () => {
    const first = pick(firstNames)
    const last = pick(lastNames)
    const handle = `${first}${last}`.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()
    return {
      ...meta('c', int(365)),
      name: `${first} ${last}`,
      pronouns: pick(['', 'she/her', 'he/him', 'they/them']),
      role: pick(roles),
      organisation: pick(schools),
      subjects: some(subjects, 2),
      gradeLevels: some(grades, 2),
      location: pick(places),
      channels: [
        { kind: 'email' as const, label: 'work', value: `${handle}@example.org` },
        ...(next() < 0.5 ? [{ kind: 'social' as const, label: 'Mastodon', value: `@${handle}@mastodon.example` }] : []),
      ],
      metHow: pick(['', 'at a conference', 'through a colleague', 'online discussion']),
      metWhere: pick(['', ...places]),
      metThroughId: null,
      interests: some(interests, 2),
      tags: some(tags, 2),
      notes: next() < 0.3 ? `Interested in ${pick(topics)}.` : '',
      relationships: [],
      thoughtLeader: next() < 0.03,
      feedUrl: null,
      photo: null,
      cadenceDays: next() < 0.2 ? pick([14, 30, 60, 90]) : null,
      snoozedUntil: null,
    }
  })

  const communities: Community[] = Array.from({ length: size.communities ?? Math.min(40, Math.ceil(size.contacts / 200) + 3) }, (_, i) => ({
    ...meta('m', int(365)),
    name: `${pick(topics)} ${pick(['network', 'PLC', 'forum', 'meetup', 'circle'])} ${i + 1}`,
    type: pick(communityTypes),
    mode: pick(['online', 'in-person', 'both'] as const),
    platformOrPlace: pick(places),
    url: null,
    membership: pick(['member', 'member', 'interested', 'lurking'] as const),
    role: pick(['', 'organiser', 'member']),
    goalIds: [],
    tags: some(tags, 1),
    notes: '',
  }))

  const events: NetworkEvent[] = Array.from({ length: size.events ?? Math.min(200, Math.ceil(size.contacts / 50) + 5) }, () => {
    const day = addDays(start, int(760))
    return {
      ...meta('e', int(365)),
      title: `${pick(['ResearchED', 'TeachMeet', 'Subject network day', 'Workshop:', 'Webinar:'])} ${pick(topics)}`,
      startsAt: `${day}T${String(9 + int(9)).padStart(2, '0')}:00`,
      endsAt: null,
      place: pick(places),
      onlineUrl: null,
      communityId: communities.length > 0 && next() < 0.6 ? pick(communities).id : null,
      attendeeIds: contacts.length > 0 ? some(contacts, 4).map((c) => c.id) : [],
      rsvp: day < today ? pick(['attended', 'attended', 'not-going'] as const) : pick(['going', 'maybe', 'none'] as const),
      takeaways: next() < 0.5 ? `Try ${pick(topics)} next term.` : '',
      tags: some(tags, 1),
    }
  })

  // A few close colleagues get most interactions (a power law, as in real networks).
  const closeness = (n: number) => Math.floor(Math.pow(next(), 3) * n)
  const interactions: Interaction[] = Array.from({ length: contacts.length === 0 ? 0 : size.interactions }, () => {
    const people = [contacts[closeness(contacts.length)]!.id, ...(next() < 0.15 ? [pick(contacts).id] : [])]
    const date = addDays(start, int(731))
    const followUp = next() < 0.1 ? addDays(date, 7 + int(21)) : null
    return {
      ...meta('i', int(730)),
      date,
      contactIds: [...new Set(people)],
      communityId: communities.length > 0 && next() < 0.25 ? pick(communities).id : null,
      eventId: events.length > 0 && next() < 0.05 ? pick(events).id : null,
      mode: next() < 0.4 ? ('in-person' as const) : ('online' as const),
      channel: pick(interactionChannels),
      kind: pick(interactionKinds),
      summary: `${pick(['Talked about', 'Asked about', 'Shared notes on', 'Planned a lesson on', 'Gave feedback on'])} ${pick(topics)}`,
      meaningful: int(4),
      followUpOn: followUp,
      followUpDone: followUp !== null && followUp < today && next() < 0.7,
      followUpSnoozedUntil: null,
    }
  })

  const goals: Goal[] = Array.from({ length: size.goals ?? 6 }, () => ({
    ...meta('g', int(365)),
    title: `${pick(['Attend', 'Have', 'Share', 'Write'])} ${1 + int(5)} ${pick(['local meetups', 'meaningful conversations', 'resources', 'reflections'])} this term`,
    why: `To grow in ${pick(topics)}.`,
    growthArea: pick(topics),
    target: { kind: pick(['interactions', 'meaningful-conversations', 'in-person-interactions', 'events-attended', 'resources-shared', 'journal-entries'] as const), count: 2 + int(20), manualProgress: 0 },
    startsOn: addDays(today, -120),
    deadline: addDays(today, 60),
    status: pick(['active', 'active', 'achieved', 'paused'] as const),
    contactIds: [],
    communityIds: [],
  }))

  const journal: JournalEntry[] = Array.from({ length: size.journal ?? Math.min(500, Math.ceil(size.interactions / 100) + 5) }, () => ({
    ...meta('j', int(730)),
    date: addDays(start, int(731)),
    kind: pick(journalKinds),
    title: `${pick(['Trying', 'Struggling with', 'Reflecting on'])} ${pick(topics)}`,
    whatHappened: `The class ${pick(['loved', 'struggled with', 'ignored'])} ${pick(topics)}.`,
    whatILearned: `Sequence ${pick(topics)} earlier.`,
    whatIWillTry: `Pair it with ${pick(topics)}.`,
    tags: some(tags, 2),
    contactIds: contacts.length > 0 && next() < 0.3 ? [pick(contacts).id] : [],
    goalIds: goals.length > 0 && next() < 0.3 ? [pick(goals).id] : [],
    eventIds: [],
  }))

  // Drawn after every other kind (the random stream is shared), so adding these changed nothing above.
  const resources: Resource[] = Array.from({ length: contacts.length === 0 ? 0 : (size.resources ?? Math.min(3000, Math.ceil(size.interactions / 40) + 5)) }, () => {
    const given = next() < 0.45
    return {
      ...meta('r', int(730)),
      title: `${pick(['Slides on', 'Lesson plan:', 'Article about', 'Worksheet for', 'Video on'])} ${pick(topics)}`,
      type: pick(resourceTypes),
      url: next() < 0.7 ? `https://example.org/resources/${hex()}` : null,
      direction: given ? ('given' as const) : ('received' as const),
      contactIds: [...new Set([contacts[closeness(contacts.length)]!.id, ...(next() < 0.2 ? [pick(contacts).id] : [])])],
      date: addDays(start, int(731)),
      spaceId: null,
      communityId: communities.length > 0 && next() < 0.2 ? pick(communities).id : null,
      readingId: null,
      usedIn: next() < 0.3 ? [pick(['Year 7 maths', 'Year 9 science', 'KS2 reading', 'Sixth form history'])] : [],
      tags: some(tags, 1),
      notes: '',
    }
  })

  const readings: ReadingItem[] = Array.from({ length: size.readings ?? Math.min(400, Math.ceil(size.contacts / 25) + 10) }, () => {
    const addedOn = addDays(start, int(731))
    const status = pick(readingStatuses)
    const readOn = status === 'read' || status === 'applied' ? minDay(addDays(addedOn, int(60)), today) : null
    const appliedOn = status === 'applied' && readOn !== null ? minDay(addDays(readOn, int(45)), today) : null
    return {
      ...meta('b', int(730)),
      title: `${pick(['On', 'Rethinking', 'A study of', 'Why'])} ${pick(topics)}`,
      url: `https://example.org/reading/${hex()}`,
      author: `${pick(firstNames)} ${pick(lastNames)}`,
      source: pick(['A blog', 'A journal', 'A colleague', '']),
      feedId: null,
      status,
      addedOn,
      readOn,
      appliedOn,
      notes: next() < 0.3 ? `Try with ${pick(topics)}.` : '',
      tags: some(tags, 1),
      goalIds: [],
    }
  })

  return { contacts, interactions, communities, events, goals, journal, resources, readings }
}

const minDay = (a: string, b: string) => (a < b ? a : b)
