import { expect, it } from 'vitest'
import { snippetParts } from './snippetParts'

it('splits marked text into plain and matching parts', () => {
  expect(snippetParts('a \uE000lesson\uE001 about \uE000plans\uE001…')).toEqual([
    { text: 'a ', match: false },
    { text: 'lesson', match: true },
    { text: ' about ', match: false },
    { text: 'plans', match: true },
    { text: '…', match: false },
  ])
})

it('keeps markup as text and merges adjacent matches', () => {
  expect(snippetParts('<b>\uE000x\uE001\uE000y\uE001</b>')).toEqual([
    { text: '<b>', match: false },
    { text: 'xy', match: true },
    { text: '</b>', match: false },
  ])
  expect(snippetParts('')).toEqual([])
})
