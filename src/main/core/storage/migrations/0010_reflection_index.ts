import type { Migration } from './Migration'

/**
 * What the reflection dashboard, staying current and the resources ledger read.
 *
 * - Index tables for the new record kinds (projected from their collections, rebuilt by reindex):
 *   `resources` with `resource_contacts` (one row per resource and person, repeating direction,
 *   date and deleted, so "given to / received from X" is one index range), `reading_items`,
 *   `feeds` and `check_ins`.
 * - Columns the breadth and learning figures need on existing tables: a contact's subjects and
 *   location, and whether a journal entry says what was learned. Their collections' indexed
 *   heads are forgotten so the indexer projects those records again on the next start.
 * - `space_activity`: per shared space, its kind, title, archived state and last change, kept by
 *   the core as the spaces change, so "shared projects active" is SQL too.
 * - The feed cache (`feed_state`, `feed_items`): what the core last fetched, for offline reading
 *   and conditional GET. A cache, not user data: keyed by the feed record's id, dropped with it.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'reflection index',
  up(db) {
    db.exec(`
      ALTER TABLE contacts ADD COLUMN subjects_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE contacts ADD COLUMN location TEXT NOT NULL DEFAULT '';
      ALTER TABLE journal_entries ADD COLUMN has_lesson INTEGER NOT NULL DEFAULT 0;
      DELETE FROM collection_heads WHERE record_kind IN ('contact', 'journal');

      -- The dashboard reads these instead of the tables (no row lookups, see dashboard/README.md):
      -- interactions over a date range by kind, mode, rating and community (id reaches
      -- interaction_contacts), and the contact fields the diversity and new-connection figures use.
      CREATE INDEX interactions_for_dashboard ON interactions (deleted, date, kind, mode, meaningful, community_id, id);
      CREATE INDEX contacts_for_dashboard ON contacts (deleted, role, organisation, location, added_on, subjects_json);

      CREATE TABLE resources (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        type TEXT NOT NULL,
        url TEXT,
        direction TEXT NOT NULL,
        date TEXT NOT NULL,
        contact_ids_json TEXT NOT NULL,
        space_id TEXT,
        community_id TEXT,
        reading_id TEXT,
        used_in_json TEXT NOT NULL,
        tags_json TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX resources_by_date ON resources (deleted, date, id);
      CREATE INDEX resources_by_direction ON resources (deleted, direction, date, id);

      CREATE TABLE resource_contacts (
        contact_id TEXT NOT NULL,
        direction TEXT NOT NULL,
        date TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        resource_id TEXT NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
        PRIMARY KEY (contact_id, deleted, date, resource_id)
      ) WITHOUT ROWID;
      CREATE INDEX resource_contacts_by_resource ON resource_contacts (resource_id);

      CREATE TABLE reading_items (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        url TEXT,
        author TEXT NOT NULL,
        source TEXT NOT NULL,
        feed_id TEXT,
        status TEXT NOT NULL,
        added_on TEXT NOT NULL,
        read_on TEXT,
        applied_on TEXT,
        tags_json TEXT NOT NULL,
        goal_ids_json TEXT NOT NULL,
        has_notes INTEGER NOT NULL,
        deleted INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX reading_by_status ON reading_items (deleted, status, added_on, id);
      CREATE INDEX reading_by_added ON reading_items (deleted, added_on, id);
      -- reading.fromFeedItem's duplicate check, and a feed item's reading-list link.
      CREATE INDEX reading_by_feed ON reading_items (feed_id, url);

      CREATE TABLE feeds (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        sort_title TEXT NOT NULL,
        kind TEXT NOT NULL,
        contact_id TEXT,
        folder TEXT NOT NULL,
        allow_images INTEGER NOT NULL,
        tags_json TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX feeds_by_title ON feeds (deleted, sort_title, id);
      CREATE INDEX feeds_by_url ON feeds (url);

      CREATE TABLE check_ins (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        date TEXT NOT NULL,
        cadence TEXT NOT NULL,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        goals_rating INTEGER,
        conversations_rating INTEGER,
        learning_rating INTEGER,
        adjust_rating INTEGER,
        figures_json TEXT NOT NULL,
        deleted INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX check_ins_by_date ON check_ins (deleted, date, id);

      CREATE TABLE space_activity (
        document_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        archived INTEGER NOT NULL,
        member_count INTEGER NOT NULL,
        last_change_at INTEGER
      ) WITHOUT ROWID;

      CREATE TABLE feed_state (
        feed_id TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        fetched_at INTEGER,
        status TEXT NOT NULL,
        error_code TEXT,
        error_message TEXT,
        feed_title TEXT,
        site_url TEXT
      ) WITHOUT ROWID;

      -- AUTOINCREMENT: an item's id is its rowid, never reused for another item after pruning.
      -- sort_at: published_at, else when the item was first seen, so undated items still sort.
      CREATE TABLE feed_items (
        rowid INTEGER PRIMARY KEY AUTOINCREMENT,
        feed_id TEXT NOT NULL,
        item_key TEXT NOT NULL,
        title TEXT NOT NULL,
        link TEXT,
        author TEXT NOT NULL,
        published_at INTEGER,
        sort_at INTEGER NOT NULL,
        excerpt TEXT NOT NULL,
        content_json TEXT NOT NULL,
        has_remote_images INTEGER NOT NULL,
        fetched_at INTEGER NOT NULL,
        UNIQUE (feed_id, item_key)
      );
      CREATE INDEX feed_items_by_feed ON feed_items (feed_id, sort_at, rowid);
      CREATE INDEX feed_items_by_sort ON feed_items (sort_at, rowid);
    `)
  },
}
