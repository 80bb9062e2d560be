import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../storage/openDatabase'
import type { SqlQuery } from '../../storage/sql'
import { makeTempDir } from '../../testing/tempDir'
import { ContactsQueries } from './ContactsQueries'
import { InteractionsQueries } from './InteractionsQueries'

describe('query plans of the network hot queries', () => {
  let temp: ReturnType<typeof makeTempDir>
  let db: Database
  beforeEach(() => {
    temp = makeTempDir()
    db = openDatabase({ dataDir: temp.dir })
  })
  afterEach(() => {
    db.close()
    temp.remove()
  })

  function plan(query: SqlQuery): string {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.params) as Array<{ detail: string }>
    return rows.map((r) => r.detail).join('\n')
  }
  const noFullScanOrSort = (detail: string) => {
    expect(detail).not.toMatch(/SCAN (c|i|ic|contacts|interactions|interaction_contacts)\b(?! USING)/)
    expect(detail).not.toMatch(/TEMP B-TREE/)
  }

  it.each([
    ['name', 'asc', 'contacts_by_name'],
    ['name', 'desc', 'contacts_by_name'],
    ['lastContact', 'asc', 'contacts_by_last_contact'],
    ['lastContact', 'desc', 'contacts_by_last_contact'],
    ['created', 'desc', 'contacts_by_created'],
  ] as const)('contacts sorted by %s %s read %s in order', (sort, direction, index) => {
    const { rows, total } = new ContactsQueries(db).listQueries({ sort, direction, show: 'live' })
    const detail = plan(rows)
    expect(detail).toMatch(new RegExp(`SEARCH c USING (COVERING )?INDEX ${index} \\(deleted=\\?\\)`))
    noFullScanOrSort(detail)
    expect(plan(total)).toMatch(/USING COVERING INDEX/)
  })

  it('interactions with a contact are one range of interaction_contacts in date order', () => {
    const { rows, total } = new InteractionsQueries(db).listQueries({ contactId: 'c1', direction: 'desc', show: 'live' })
    const detail = plan(rows)
    expect(detail).toMatch(/SEARCH ic USING PRIMARY KEY \(contact_id=\? AND deleted=\?\)/)
    expect(detail).toMatch(/SEARCH i USING INDEX sqlite_autoindex_interactions_1 \(id=\?\)/)
    noFullScanOrSort(detail)
    expect(plan(total)).toMatch(/SEARCH ic USING PRIMARY KEY/)
  })

  it('all interactions by date, and a community engagement log, read an index in order', () => {
    const queries = new InteractionsQueries(db)
    const all = plan(queries.listQueries({ direction: 'desc', show: 'live' }).rows)
    expect(all).toMatch(/SEARCH i USING INDEX interactions_by_date \(deleted=\?\)/)
    noFullScanOrSort(all)
    const community = plan(queries.listQueries({ communityId: 'm1', direction: 'desc', show: 'live' }).rows)
    expect(community).toMatch(/SEARCH i USING INDEX interactions_by_community \(community_id=\? AND deleted=\?\)/)
    noFullScanOrSort(community)
  })

  it('losing touch is one range of contacts_by_due, most overdue first', () => {
    const { rows, total } = new ContactsQueries(db).losingTouchQueries('2026-03-01')
    const detail = plan(rows)
    expect(detail).toMatch(/SEARCH c USING INDEX contacts_by_due \(deleted=\? AND due_on>\? AND due_on<\?\)/)
    noFullScanOrSort(detail)
    expect(plan(total)).toMatch(/contacts_by_due/)
  })

  it('follow-ups due are one range of the partial follow-up index', () => {
    const { rows } = new InteractionsQueries(db).followUpQueries('2026-03-01')
    const detail = plan(rows)
    expect(detail).toMatch(/SEARCH i USING INDEX interactions_follow_ups \(follow_up_on>\? AND follow_up_on<\?\)/)
    noFullScanOrSort(detail)
  })
})
