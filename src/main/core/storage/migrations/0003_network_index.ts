import type { Migration } from './Migration'

/**
 * The learning network's index, projected from the collection documents and rebuildable from them.
 *
 * - Every kind table has the columns its lists filter and sort by, with an index per list order
 *   led by `deleted` (live lists and the trash are separate ranges). `id` ends each index so
 *   pages are stable.
 * - `interaction_contacts` (one row per interaction and contact, repeating date and deleted)
 *   makes "interactions with X, newest first" one index range, and feeds the per-contact
 *   aggregates on `contacts` (last interaction, count, cadence in force, due day) that the
 *   contacts list and the losing-touch list sort by.
 * - `tag_cadences` and `network_settings` project the keeping-in-touch settings of the workspace.
 * - `record_search` gives each record one rowid for `records_fts` (FTS5, the same tokenizer as the
 *   notes), with the line of context the palette shows.
 * - `collection_heads` is the document state each collection was indexed at, so a change is
 *   projected by diffing from there instead of re-reading the whole collection.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'learning network index',
  up(db) {
    db.exec(`
      CREATE TABLE contacts (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        sort_name TEXT NOT NULL,
        role TEXT NOT NULL,
        organisation TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        thought_leader INTEGER NOT NULL,
        own_cadence_days INTEGER,
        snoozed_until TEXT,
        deleted INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        added_on TEXT NOT NULL,
        last_interaction_on TEXT,
        interaction_count INTEGER NOT NULL DEFAULT 0,
        cadence_days INTEGER,
        due_on TEXT
      );
      CREATE INDEX contacts_by_name ON contacts (deleted, sort_name, id);
      CREATE INDEX contacts_by_last_contact ON contacts (deleted, last_interaction_on, sort_name, id);
      CREATE INDEX contacts_by_created ON contacts (deleted, created_at, id);
      CREATE INDEX contacts_by_due ON contacts (deleted, due_on, sort_name, id) WHERE due_on IS NOT NULL;

      CREATE TABLE contact_tags (
        tag TEXT NOT NULL,
        contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        PRIMARY KEY (tag, contact_id)
      ) WITHOUT ROWID;
      CREATE INDEX contact_tags_by_contact ON contact_tags (contact_id);

      CREATE TABLE interactions (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        date TEXT NOT NULL,
        contact_ids_json TEXT NOT NULL,
        community_id TEXT,
        event_id TEXT,
        mode TEXT NOT NULL,
        channel TEXT NOT NULL,
        kind TEXT NOT NULL,
        summary TEXT NOT NULL,
        meaningful INTEGER NOT NULL,
        follow_up_on TEXT,
        follow_up_done INTEGER NOT NULL,
        follow_up_snoozed_until TEXT,
        deleted INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX interactions_by_date ON interactions (deleted, date, id);
      CREATE INDEX interactions_by_community ON interactions (community_id, deleted, date, id) WHERE community_id IS NOT NULL;
      CREATE INDEX interactions_by_event ON interactions (event_id, deleted, date, id) WHERE event_id IS NOT NULL;
      CREATE INDEX interactions_follow_ups ON interactions (follow_up_on, id) WHERE follow_up_on IS NOT NULL AND deleted = 0 AND follow_up_done = 0;

      CREATE TABLE interaction_contacts (
        contact_id TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        date TEXT NOT NULL,
        interaction_id TEXT NOT NULL REFERENCES interactions (id) ON DELETE CASCADE,
        PRIMARY KEY (contact_id, deleted, date, interaction_id)
      ) WITHOUT ROWID;
      CREATE INDEX interaction_contacts_by_interaction ON interaction_contacts (interaction_id);

      CREATE TABLE communities (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        sort_name TEXT NOT NULL,
        type TEXT NOT NULL,
        mode TEXT NOT NULL,
        platform_or_place TEXT NOT NULL,
        membership TEXT NOT NULL,
        role TEXT NOT NULL,
        goal_ids_json TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX communities_by_name ON communities (deleted, sort_name, id);

      CREATE TABLE events (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        starts_at TEXT NOT NULL,
        ends_at TEXT,
        place TEXT NOT NULL,
        online_url TEXT,
        community_id TEXT,
        attendee_ids_json TEXT NOT NULL,
        rsvp TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX events_by_start ON events (deleted, starts_at, id);

      CREATE TABLE event_attendees (
        contact_id TEXT NOT NULL,
        event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        PRIMARY KEY (contact_id, event_id)
      ) WITHOUT ROWID;
      CREATE INDEX event_attendees_by_event ON event_attendees (event_id);

      CREATE TABLE goals (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        growth_area TEXT NOT NULL,
        status TEXT NOT NULL,
        target_kind TEXT,
        target_count INTEGER,
        manual_progress INTEGER NOT NULL,
        starts_on TEXT NOT NULL,
        deadline TEXT,
        contact_ids_json TEXT NOT NULL,
        community_ids_json TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX goals_by_deadline ON goals (deleted, deadline, id);

      CREATE TABLE journal_entries (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        contact_ids_json TEXT NOT NULL,
        goal_ids_json TEXT NOT NULL,
        event_ids_json TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX journal_by_date ON journal_entries (deleted, date, id);

      CREATE TABLE journal_tags (
        tag TEXT NOT NULL,
        entry_id TEXT NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
        PRIMARY KEY (tag, entry_id)
      ) WITHOUT ROWID;
      CREATE INDEX journal_tags_by_entry ON journal_tags (entry_id);

      CREATE TABLE tag_cadences (
        tag TEXT PRIMARY KEY,
        days INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE network_settings (
        key TEXT PRIMARY KEY,
        value INTEGER
      ) WITHOUT ROWID;

      CREATE TABLE record_search (
        rowid INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        detail TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        UNIQUE (kind, id)
      );
      CREATE VIRTUAL TABLE records_fts USING fts5 (
        title,
        body,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );

      CREATE TABLE collection_heads (
        document_id TEXT PRIMARY KEY,
        record_kind TEXT NOT NULL,
        heads TEXT NOT NULL
      ) WITHOUT ROWID;
    `)
  },
}
