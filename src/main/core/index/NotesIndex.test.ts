import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../storage/openDatabase'
import { sql, type SqlQuery } from '../storage/sql'
import { storageKeyRange } from '../storage/storageKey'
import { makeTempDir } from '../testing/tempDir'
import type { NoteRow } from './NoteRow'
import { NotesIndex } from './NotesIndex'

function row(id: string, fields: Partial<NoteRow> = {}): NoteRow {
  return {
    id,
    url: `automerge:${id}`,
    title: `Title ${id}`,
    excerpt: '',
    bodyText: '',
    tags: [],
    pinned: false,
    trashedAt: null,
    createdAt: 1,
    updatedAt: 1,
    heads: [id],
    ...fields,
  }
}

describe('NotesIndex', () => {
  let temp: ReturnType<typeof makeTempDir>
  let db: Database
  let index: NotesIndex
  beforeEach(() => {
    temp = makeTempDir()
    db = openDatabase({ dataDir: temp.dir })
    index = new NotesIndex(db)
  })
  afterEach(() => {
    db.close()
    temp.remove()
  })

  it('lists pinned first, then the latest change first, with a total', () => {
    index.upsert(row('old', { updatedAt: 10 }))
    index.upsert(row('new', { updatedAt: 30 }))
    index.upsert(row('pinned', { updatedAt: 5, pinned: true }))
    index.upsert(row('binned', { updatedAt: 50, trashedAt: 60 }))
    const ids = (filter: 'active' | 'pinned' | 'trash') =>
      index.list({ filter, limit: 10, offset: 0 }).notes.map((n) => n.id)
    expect(ids('active')).toEqual(['pinned', 'new', 'old'])
    expect(ids('pinned')).toEqual(['pinned'])
    expect(ids('trash')).toEqual(['binned'])
    expect(index.list({ filter: 'active', limit: 1, offset: 1 })).toMatchObject({ total: 3, notes: [{ id: 'new' }] })
  })

  it('filters by a normalised tag and counts tags outside the trash', () => {
    index.upsert(row('a', { tags: ['maths', 'year 7'], updatedAt: 2 }))
    index.upsert(row('b', { tags: ['maths'], updatedAt: 3 }))
    index.upsert(row('c', { tags: ['maths'], trashedAt: 1 }))
    expect(index.list({ filter: 'active', tag: ' MATHS ', limit: 10, offset: 0 })).toMatchObject({
      total: 2,
      notes: [{ id: 'b' }, { id: 'a', tags: ['maths', 'year 7'] }],
    })
    expect(index.tags()).toEqual([
      { tag: 'maths', count: 2 },
      { tag: 'year 7', count: 1 },
    ])
    index.upsert(row('a', { tags: [], updatedAt: 4 }))
    expect(index.tags()).toEqual([{ tag: 'maths', count: 1 }])
  })

  it('searches title and body, returns snippets as text parts, skips the trash', () => {
    index.upsert(row('a', { title: 'Fractions <script>alert(1)</script>', bodyText: 'We cut pizzas into halves and quarters.' }))
    index.upsert(row('b', { title: 'Other', bodyText: 'Nothing to see', trashedAt: 5 }))
    index.upsert(row('c', { title: 'Other', bodyText: 'halves again', trashedAt: 5 }))
    const [hit, ...rest] = index.search('halv', 10)
    expect(rest).toEqual([])
    expect(hit).toMatchObject({ id: 'a', url: 'automerge:a' })
    expect(hit!.snippet).toEqual([
      { text: 'We cut pizzas into ', match: false },
      { text: 'halves', match: true },
      { text: ' and quarters.', match: false },
    ])
    expect(index.search('script fractions', 10)[0]!.title).toEqual([
      { text: 'Fractions', match: true },
      { text: ' <', match: false },
      { text: 'script', match: true },
      { text: '>alert(1)</', match: false },
      { text: 'script', match: true },
      { text: '>', match: false },
    ])
    expect(index.search('"', 10)).toEqual([])
  })

  it('removes a note with its tags and search text', () => {
    index.upsert(row('a', { tags: ['x'], bodyText: 'findme' }))
    expect(index.remove('a')).toBe(true)
    expect(index.remove('a')).toBe(false)
    expect(index.tags()).toEqual([])
    expect(index.search('findme', 10)).toEqual([])
    expect(db.prepare('SELECT count(*) FROM notes_fts').pluck().get()).toBe(0)
  })

  describe('query plans of the hot queries', () => {
    function plan(query: SqlQuery): string {
      const rows = db.prepare(`EXPLAIN QUERY PLAN ${query.text}`).all(...query.params) as Array<{ detail: string }>
      return rows.map((r) => r.detail).join('\n')
    }
    const noFullScanOrSort = (detail: string) => {
      expect(detail).not.toMatch(/SCAN (n|t|notes|note_tags|storage_chunks)\b(?! USING)/)
      expect(detail).not.toMatch(/TEMP B-TREE/)
    }

    it.each(['active', 'pinned', 'trash'] as const)('notes list (%s) reads the list-order index in order', (filter) => {
      const { notes, total } = index.listQueries(filter)
      const detail = plan(notes)
      expect(detail).toMatch(/SEARCH n USING INDEX notes_by_list_order/)
      noFullScanOrSort(detail)
      expect(plan(total)).toMatch(/USING COVERING INDEX notes_by_list_order/)
    })

    it('tag filter is one range of note_tags in display order, joined by id', () => {
      const { notes, total } = index.listQueriesForTag('active', 'maths')
      const detail = plan(notes)
      expect(detail).toMatch(/SEARCH t USING PRIMARY KEY \(tag=\? AND in_trash=\?\)/)
      expect(detail).toMatch(/SEARCH n USING INDEX sqlite_autoindex_notes_1 \(id=\?\)/)
      noFullScanOrSort(detail)
      expect(plan(total)).toMatch(/SEARCH t USING PRIMARY KEY/)
    })

    it('chunk loadRange is a range of the unique key index', () => {
      const { exact, from, to } = storageKeyRange(['doc', 'incremental'])
      const detail = plan(sql`SELECT id, key, data FROM storage_chunks WHERE key = ${exact} OR (key >= ${from} AND key < ${to})`)
      expect(detail).toMatch(/USING INDEX sqlite_autoindex_storage_chunks_1 \(key=\?\)/)
      expect(detail).toMatch(/USING INDEX sqlite_autoindex_storage_chunks_1 \(key>\? AND key<\?\)/)
      noFullScanOrSort(detail)
    })
  })
})
