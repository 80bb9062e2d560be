import { expect, it } from 'vitest'
import { fragment, join, sql } from './sql'

it('turns interpolated values into parameters, never into SQL text', () => {
  const evil = "x'; DROP TABLE notes; --"
  expect(sql`SELECT * FROM notes WHERE id = ${evil} AND pinned = ${1}`).toEqual({
    text: 'SELECT * FROM notes WHERE id = ? AND pinned = ?',
    params: [evil, 1],
  })
})

it('splices fragments with their parameters in order', () => {
  const where = join([sql`a = ${1}`, sql`b = ${'two'}`], ' AND ')
  const limit = fragment(sql`LIMIT ${3}`)
  expect(sql`SELECT ${0} FROM t WHERE ${where} ${limit}`).toEqual({
    text: 'SELECT ? FROM t WHERE a = ? AND b = ? LIMIT ?',
    params: [0, 1, 'two', 3],
  })
})
