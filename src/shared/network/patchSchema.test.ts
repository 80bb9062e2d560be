import { expect, it } from 'vitest'
import { contactFields } from './records'
import { patchSchema } from './patchSchema'

it('a patch holds only the fields it names, validated as on create', () => {
  const patch = patchSchema(contactFields)
  expect(patch.parse({ role: ' Head of maths ' })).toEqual({ role: 'Head of maths' })
  expect(patch.parse({})).toEqual({})
  expect(patch.safeParse({ name: '' }).success).toBe(false)
  expect(patch.safeParse({ cadenceDays: 0 }).success).toBe(false)
})
