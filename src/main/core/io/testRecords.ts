import { contactFields, type Contact, type ContactFields } from '@shared/network/records'

/** A contact with every field the vCard and CSV formats carry, for round-trip tests. */
export function sampleContact(overrides: Partial<ContactFields> = {}, id = 'c1'): Contact {
  const fields = contactFields.parse({
    name: 'Zoë O’Brien-Łukasiewicz',
    pronouns: 'she/her',
    role: 'Head of Maths; KS3 lead',
    organisation: 'Hillside Academy, Leeds',
    subjects: ['maths', 'computing, KS3'],
    gradeLevels: ['Year 7', 'Year 8'],
    location: 'Leeds; UK',
    channels: [
      { kind: 'email', label: 'work', value: 'zoe@hillside.example' },
      { kind: 'phone', label: 'cell', value: '+44 7700 900000' },
      { kind: 'social', label: 'Mastodon', value: 'https://mastodon.social/@zoe' },
      { kind: 'website', label: '', value: 'https://zoe.example.org/a?b=c,d;e' },
    ],
    metHow: 'She answered my question on the forum',
    metWhere: 'ResearchED, Leeds',
    interests: ['climbing', 'sourdough'],
    tags: ['maths', 'mentor'],
    notes: 'Line one\nLine two, with commas; semicolons \\ backslashes and a long text '.repeat(5) + '— 日本語 🎉 <script>alert(1)</script>',
    thoughtLeader: true,
    feedUrl: 'https://zoe.example.org/feed.xml',
    photo: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    cadenceDays: 30,
    ...overrides,
  })
  return { id, createdAt: 1_700_000_000_000, updatedAt: 1_700_000_000_000, deletedAt: null, ...fields }
}

/** What survives a trip through another format (ids, times and links to other records do not). */
export function portableFields(contact: ContactFields): Partial<ContactFields> {
  const { metThroughId: _m, relationships: _r, snoozedUntil: _s, ...rest } = contact as ContactFields & { snoozedUntil?: unknown }
  const { id: _i, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = rest as typeof rest & Partial<Contact>
  return fields
}
