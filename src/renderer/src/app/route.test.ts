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
      { section: 'spaces' as const },
      { section: 'projects' as const, spaceId: '2mTzq/8 & x' },
      { section: 'circles' as const, spaceId: 'c1' },
    ]) {
      expect(parseRoute(formatRoute(route))).toEqual(route)
    }
  })

  it('falls back to all notes for unknown or incomplete hashes', () => {
    expect(parseRoute('')).toEqual({ section: 'all' })
    expect(parseRoute('#/nonsense')).toEqual({ section: 'all' })
    expect(parseRoute('#/tag')).toEqual({ section: 'all' })
    expect(parseRoute('#/projects')).toEqual({ section: 'spaces' })
    expect(parseRoute('#/circles/')).toEqual({ section: 'spaces' })
    expect(parseRoute('#/projects/%E0%A4%A')).toEqual({ section: 'spaces' })
  })

  it('writes a space page as a path: #/projects/<id>', () => {
    expect(formatRoute({ section: 'projects', spaceId: 'abc' })).toBe('#/projects/abc')
    expect(parseRoute('#/circles/xyz')).toEqual({ section: 'circles', spaceId: 'xyz' })
  })
})
