import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { buildFtsQuery } from './ftsQuery'

it('quotes every term and prefix-matches the last', () => {
  expect(buildFtsQuery('  lesson   plan ')).toBe('"lesson" "plan"*')
})

it('neutralises FTS syntax and quotes', () => {
  expect(buildFtsQuery('title:x OR "y" NEAR(a b) -c')).toBe('"title:x" "OR" """y""" "NEAR(a" "b)" "-c"*')
  expect(buildFtsQuery('*** -- " ')).toBeUndefined()
  expect(buildFtsQuery('')).toBeUndefined()
})

it('every query it builds is accepted by FTS5 and finds what the words say', () => {
  const db = new BetterSqlite3(':memory:')
  db.exec("CREATE VIRTUAL TABLE t USING fts5 (body, tokenize = 'unicode61 remove_diacritics 2')")
  db.prepare('INSERT INTO t (body) VALUES (?)').run('Fractions: a lesson plan for "Year 7" (NEAR the end)')
  const find = (text: string) => db.prepare('SELECT count(*) FROM t WHERE t MATCH ?').pluck().get(buildFtsQuery(text))
  for (const text of ['title:x', 'a OR b', 'NEAR(a', '"unbalanced', 'x AND', 'NOT', '^start', 'body:*', "'s", 'a-b', 'x*y', '{a b}:c']) {
    expect(() => find(text)).not.toThrow()
  }
  expect(find('lesson fra')).toBe(1)
  expect(find('"year 7"')).toBe(1)
  expect(find('near(the')).toBe(1)
  expect(find('lesson geography')).toBe(0)
  db.close()
})
