import type { Database } from 'better-sqlite3'

/** Every network index row, in a fixed order and without rowids (they differ between runs and mean nothing). */
export function networkSnapshot(db: Database): Record<string, unknown[]> {
  const all = (text: string) => db.prepare(text).all()
  const withoutRowid = (table: string, order: string) =>
    all(`SELECT * FROM ${table} ORDER BY ${order}`).map((row) => {
      const { rowid: _rowid, ...rest } = row as Record<string, unknown>
      return rest
    })
  return {
    contacts: withoutRowid('contacts', 'id'),
    contactTags: all('SELECT * FROM contact_tags ORDER BY tag, contact_id'),
    interactions: withoutRowid('interactions', 'id'),
    interactionContacts: all('SELECT * FROM interaction_contacts ORDER BY contact_id, interaction_id'),
    communities: withoutRowid('communities', 'id'),
    events: withoutRowid('events', 'id'),
    eventAttendees: all('SELECT * FROM event_attendees ORDER BY event_id, contact_id'),
    goals: withoutRowid('goals', 'id'),
    journal: withoutRowid('journal_entries', 'id'),
    journalTags: all('SELECT * FROM journal_tags ORDER BY tag, entry_id'),
    tagCadences: all('SELECT * FROM tag_cadences ORDER BY tag'),
    settings: all('SELECT * FROM network_settings ORDER BY key'),
    search: all(
      'SELECT s.kind, s.id, s.detail, s.deleted, f.title, f.body FROM record_search s JOIN records_fts f ON f.rowid = s.rowid ORDER BY s.kind, s.id',
    ),
    ftsRows: all('SELECT count(*) AS n FROM records_fts'),
    heads: all('SELECT * FROM collection_heads ORDER BY document_id'),
  }
}
