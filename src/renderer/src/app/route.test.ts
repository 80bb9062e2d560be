import { describe, expect, it } from 'vitest'
import { formatRoute, parseRoute } from './route'

describe('route', () => {
  it('round-trips sections, tags, queries and the open note through the hash', () => {
    for (const route of [
      { section: 'all' as const },
      { section: 'pinned' as const, noteId: 'n1' },
      { section: 'tag' as const, tag: 'year 7 & 8', noteId: 'n2' },
      { section: 'trash' as const },
      { section: 'search' as const, query: 'photosynthesis?', noteId: 'n3' },
      { section: 'contacts' as const },
      { section: 'contacts' as const, recordId: 'c/1 & 2' },
      { section: 'goals' as const, recordId: 'g1', editing: true },
      { section: 'journal' as const, recordId: 'new' },
      { section: 'io' as const },
      { section: 'devices' as const },
    ]) {
      expect(parseRoute(formatRoute(route))).toEqual(route)
    }
  })

  it('falls back to all notes for unknown or incomplete hashes', () => {
    expect(parseRoute('')).toEqual({ section: 'all' })
    expect(parseRoute('#/nonsense')).toEqual({ section: 'all' })
    expect(parseRoute('#/tag')).toEqual({ section: 'all' })
  })
})
