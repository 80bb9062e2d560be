import { expect, it } from 'vitest'
import { UndoLog } from './UndoLog'

it('gives each operation a token that can be taken once, keeping only the most recent', () => {
  const log = new UndoLog(2)
  const first = log.record([{ kind: 'contact', id: 'a', before: { tags: [] } }])
  const second = log.record([])
  const third = log.record([{ kind: 'goal', id: 'g', before: { deletedAt: null } }])
  expect(log.take(first)).toBeUndefined()
  expect(log.take(second)).toEqual([])
  expect(log.take(third)).toEqual([{ kind: 'goal', id: 'g', before: { deletedAt: null } }])
  expect(log.take(third)).toBeUndefined()
})
