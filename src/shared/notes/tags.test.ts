import { expect, it } from 'vitest'
import { limits } from '../limits'
import { normaliseTag, normaliseTags } from './tags'

it('normalises case, whitespace and Unicode form', () => {
  expect(normaliseTag('  Maths   Year 7 ')).toBe('maths year 7')
  expect(normaliseTag('E\u0301COLE')).toBe('\u00e9cole')
})

it('drops empties, duplicates and non-strings, and caps the count', () => {
  expect(normaliseTags(['Maths', 'maths ', '', '  ', 3, 'Art'])).toEqual(['maths', 'art'])
  const many = Array.from({ length: 100 }, (_, i) => `t${i}`)
  expect(normaliseTags(many)).toHaveLength(limits.tagsPerNote)
})
