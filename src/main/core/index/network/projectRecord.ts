import { fieldsByKind, recordMeta, type RecordKind, type RecordOf } from '@shared/network/records'
import { dayOf } from '@shared/network/keepingInTouch'
import { limits } from '@shared/limits'
import { normaliseTags } from '@shared/notes/tags'
import { decodeRecord } from '@shared/network/recordCodec'
import type { SqlValue } from '../../storage/sql'

/** The index rows of one record: its kind table row, dependent rows, and its search text. */
export interface ProjectedRecord {
  kind: RecordKind
  id: string
  columns: Record<string, SqlValue>
  children: Array<Record<string, SqlValue>>
  search: { title: string; body: string; detail: string }
  deleted: boolean
}

export const tableOf = {
  contact: 'contacts',
  interaction: 'interactions',
  community: 'communities',
  event: 'events',
  goal: 'goals',
  journal: 'journal_entries',
  resource: 'resources',
  reading: 'reading_items',
  feed: 'feeds',
  checkin: 'check_ins',
} as const satisfies Record<RecordKind, string>

/** The dependent table of each kind, and its column naming the parent record. */
export const childTableOf: Partial<Record<RecordKind, { table: string; parent: string }>> = {
  contact: { table: 'contact_tags', parent: 'contact_id' },
  interaction: { table: 'interaction_contacts', parent: 'interaction_id' },
  event: { table: 'event_attendees', parent: 'event_id' },
  journal: { table: 'journal_tags', parent: 'entry_id' },
  resource: { table: 'resource_contacts', parent: 'resource_id' },
}

/** A name's sort key: no accents, lower case, so "Émile" sorts with "emile". */
export function sortKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim()
}

/**
 * Reads a stored record defensively (a peer or an older app may have written any shape, in
 * either encoding, see recordCodec): the schema fills defaults and drops unknown fields; a record
 * that does not decode or parse is not indexed.
 */
export function readRecord<K extends RecordKind>(kind: K, id: string, raw: unknown): RecordOf<K> | undefined {
  const plain = decodeRecord(raw)
  if (!plain) return undefined
  const meta = recordMeta.safeParse({ deletedAt: null, createdAt: 0, updatedAt: 0, ...plain, id })
  const fields = fieldsByKind[kind].safeParse(plain)
  if (!meta.success || !fields.success) return undefined
  return { ...fields.data, ...meta.data } as unknown as RecordOf<K>
}

const excerpt = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, limits.excerptChars)
const json = (value: unknown) => JSON.stringify(value)
const flag = (value: boolean) => (value ? 1 : 0)
const joinText = (...parts: Array<string | string[]>) => parts.flat().filter(Boolean).join('\n')

function base(record: RecordOf<RecordKind>) {
  return { id: record.id, deleted: flag(record.deletedAt !== null), created_at: record.createdAt, updated_at: record.updatedAt }
}

/** The rows of a record, pure and deterministic, so live indexing and a rebuild agree. */
export function projectRecord<K extends RecordKind>(kind: K, record: RecordOf<K>): ProjectedRecord {
  const projected = project(kind, record as RecordOf<RecordKind>)
  return { kind, id: record.id, deleted: record.deletedAt !== null, ...projected }
}

function project(kind: RecordKind, r: RecordOf<RecordKind>): Omit<ProjectedRecord, 'kind' | 'id' | 'deleted'> {
  switch (kind) {
    case 'contact': {
      const c = r as RecordOf<'contact'>
      const tags = normaliseTags(c.tags)
      return {
        columns: {
          ...base(c),
          name: c.name,
          sort_name: sortKey(c.name),
          role: c.role,
          organisation: c.organisation,
          tags_json: json(tags),
          thought_leader: flag(c.thoughtLeader),
          own_cadence_days: c.cadenceDays,
          snoozed_until: c.snoozedUntil,
          added_on: dayOf(c.createdAt),
          subjects_json: json([...new Set(c.subjects.map((subject) => subject.trim()).filter(Boolean))]),
          location: c.location,
        },
        children: tags.map((tag) => ({ tag, contact_id: c.id })),
        search: {
          title: c.name,
          body: joinText(c.role, c.organisation, c.subjects, c.gradeLevels, c.location, c.interests, tags, c.metHow, c.metWhere, c.channels.map((ch) => ch.value), c.notes),
          detail: [c.role, c.organisation].filter(Boolean).join(' · '),
        },
      }
    }
    case 'interaction': {
      const i = r as RecordOf<'interaction'>
      const contactIds = [...new Set(i.contactIds)]
      const deleted = flag(i.deletedAt !== null)
      return {
        columns: {
          ...base(i),
          date: i.date,
          contact_ids_json: json(contactIds),
          community_id: i.communityId,
          event_id: i.eventId,
          mode: i.mode,
          channel: i.channel,
          kind: i.kind,
          summary: excerpt(i.summary),
          meaningful: i.meaningful,
          follow_up_on: i.followUpOn,
          follow_up_done: flag(i.followUpDone),
          follow_up_snoozed_until: i.followUpSnoozedUntil,
        },
        children: contactIds.map((contactId) => ({ contact_id: contactId, deleted, date: i.date, interaction_id: i.id })),
        search: { title: excerpt(i.summary).slice(0, 120), body: i.summary, detail: `${i.date} · ${i.mode} · ${i.channel}` },
      }
    }
    case 'community': {
      const c = r as RecordOf<'community'>
      const tags = normaliseTags(c.tags)
      return {
        columns: {
          ...base(c),
          name: c.name,
          sort_name: sortKey(c.name),
          type: c.type,
          mode: c.mode,
          platform_or_place: c.platformOrPlace,
          membership: c.membership,
          role: c.role,
          goal_ids_json: json(c.goalIds),
          tags_json: json(tags),
        },
        children: [],
        search: { title: c.name, body: joinText(c.platformOrPlace, c.role, tags, c.notes), detail: [c.type, c.platformOrPlace].filter(Boolean).join(' · ') },
      }
    }
    case 'event': {
      const e = r as RecordOf<'event'>
      const attendees = [...new Set(e.attendeeIds)]
      const tags = normaliseTags(e.tags)
      return {
        columns: {
          ...base(e),
          title: e.title,
          starts_at: e.startsAt,
          ends_at: e.endsAt,
          place: e.place,
          online_url: e.onlineUrl,
          community_id: e.communityId,
          attendee_ids_json: json(attendees),
          rsvp: e.rsvp,
          tags_json: json(tags),
        },
        children: attendees.map((contactId) => ({ contact_id: contactId, event_id: e.id })),
        search: { title: e.title, body: joinText(e.place, tags, e.takeaways), detail: [e.startsAt.replace('T', ' '), e.place].filter(Boolean).join(' · ') },
      }
    }
    case 'goal': {
      const g = r as RecordOf<'goal'>
      return {
        columns: {
          ...base(g),
          title: g.title,
          growth_area: g.growthArea,
          status: g.status,
          target_kind: g.target?.kind ?? null,
          target_count: g.target?.count ?? null,
          manual_progress: g.target?.manualProgress ?? 0,
          starts_on: g.startsOn ?? dayOf(g.createdAt),
          deadline: g.deadline,
          contact_ids_json: json(g.contactIds),
          community_ids_json: json(g.communityIds),
        },
        children: [],
        search: { title: g.title, body: joinText(g.growthArea, g.why), detail: [g.status, g.deadline ? `by ${g.deadline}` : ''].filter(Boolean).join(' · ') },
      }
    }
    case 'journal': {
      const j = r as RecordOf<'journal'>
      const tags = normaliseTags(j.tags)
      return {
        columns: {
          ...base(j),
          date: j.date,
          kind: j.kind,
          title: j.title,
          excerpt: excerpt(j.whatHappened || j.whatILearned || j.whatIWillTry),
          tags_json: json(tags),
          contact_ids_json: json(j.contactIds),
          goal_ids_json: json(j.goalIds),
          event_ids_json: json(j.eventIds),
          has_lesson: flag(j.whatILearned.trim() !== ''),
        },
        children: tags.map((tag) => ({ tag, entry_id: j.id })),
        search: {
          title: j.title || `Journal ${j.date}`,
          body: joinText(j.whatHappened, j.whatILearned, j.whatIWillTry, tags),
          detail: `${j.date} · ${j.kind}`,
        },
      }
    }
    case 'resource': {
      const res = r as RecordOf<'resource'>
      const contactIds = [...new Set(res.contactIds)]
      const tags = normaliseTags(res.tags)
      return {
        columns: {
          ...base(res),
          title: res.title,
          type: res.type,
          url: res.url,
          direction: res.direction,
          date: res.date,
          contact_ids_json: json(contactIds),
          space_id: res.spaceId,
          community_id: res.communityId,
          reading_id: res.readingId,
          used_in_json: json(res.usedIn),
          tags_json: json(tags),
        },
        children: contactIds.map((contactId) => ({ contact_id: contactId, direction: res.direction, date: res.date, deleted: flag(res.deletedAt !== null), resource_id: res.id })),
        search: { title: res.title, body: joinText(res.url ?? '', res.usedIn, tags, res.notes), detail: `${res.direction} · ${res.date} · ${res.type}` },
      }
    }
    case 'reading': {
      const item = r as RecordOf<'reading'>
      const tags = normaliseTags(item.tags)
      return {
        columns: {
          ...base(item),
          title: item.title,
          url: item.url,
          author: item.author,
          source: item.source,
          feed_id: item.feedId,
          status: item.status,
          added_on: item.addedOn,
          read_on: item.readOn,
          applied_on: item.appliedOn,
          tags_json: json(tags),
          goal_ids_json: json(item.goalIds),
          has_notes: flag(item.notes.trim() !== ''),
        },
        children: [],
        search: { title: item.title, body: joinText(item.author, item.source, tags, item.notes), detail: [item.status, item.author].filter(Boolean).join(' · ') },
      }
    }
    case 'feed': {
      const f = r as RecordOf<'feed'>
      return {
        columns: {
          ...base(f),
          url: f.url,
          title: f.title,
          sort_title: sortKey(f.title || f.url),
          kind: f.kind,
          contact_id: f.contactId,
          folder: f.folder,
          allow_images: flag(f.allowImages),
          tags_json: json(normaliseTags(f.tags)),
        },
        children: [],
        search: { title: f.title || f.url, body: joinText(f.url, f.folder), detail: `feed · ${f.kind}` },
      }
    }
    case 'checkin': {
      const c = r as RecordOf<'checkin'>
      return {
        columns: {
          ...base(c),
          date: c.date,
          cadence: c.cadence,
          period_start: c.periodStart,
          period_end: c.periodEnd,
          goals_rating: c.goalsRating,
          conversations_rating: c.conversationsRating,
          learning_rating: c.learningRating,
          adjust_rating: c.adjustRating,
          figures_json: json(c.figures),
        },
        children: [],
        search: {
          title: `Check-in ${c.date}`,
          body: joinText(c.goalsText, c.conversationsText, c.learningText, c.adjustText),
          detail: `${c.cadence} · ${c.periodStart} – ${c.periodEnd}`,
        },
      }
    }
  }
}
