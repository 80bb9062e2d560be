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

  it('opens the dashboard when there is no hash, and a reflection record by id', () => {
    expect(parseRoute('')).toEqual({ section: 'dashboard' })
    expect(parseRoute('#/')).toEqual({ section: 'dashboard' })
    for (const route of [{ section: 'reading' as const, recordId: 'r1' }, { section: 'check-ins' as const, recordId: 'k1' }, { section: 'feeds' as const }, { section: 'resources' as const, recordId: 'x' }]) {
      expect(parseRoute(formatRoute(route))).toEqual(route)
    }
  })

  it('keeps the dashboard range in the hash, and drops a half, reversed or malformed one', () => {
    const route = { section: 'dashboard' as const, from: '2026-09-01', to: '2026-11-30' }
    expect(formatRoute(route)).toBe('#/dashboard?from=2026-09-01&to=2026-11-30')
    expect(parseRoute(formatRoute(route))).toEqual(route)
    expect(parseRoute('#/dashboard?from=2026-09-01')).toEqual({ section: 'dashboard' })
    expect(parseRoute('#/dashboard?from=2026-12-01&to=2026-11-30')).toEqual({ section: 'dashboard' })
    expect(parseRoute('#/dashboard?from=1%20Sep&to=2026-11-30')).toEqual({ section: 'dashboard' })
    expect(parseRoute('#/contacts?from=2026-09-01&to=2026-11-30')).toEqual({ section: 'contacts' })
    expect(formatRoute({ section: 'contacts', from: '2026-09-01', to: '2026-11-30' })).toBe('#/contacts')
  })

  it('falls back to all notes for unknown or incomplete hashes', () => {
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
