import { describe, expect, it } from 'vitest'
import { describeSummary, describeValue } from './historyText'

const none = { bodyAdded: 0, bodyRemoved: 0, titleAdded: 0, titleRemoved: 0, bodyFormatting: false, fields: [], tasks: 0, resources: 0, comments: 0 }

describe('describeSummary', () => {
  it('says what a group did in one sentence', () => {
    expect(describeSummary({ ...none, bodyAdded: 12, bodyRemoved: 1, fields: ['subject', 'grade'], tasks: 2 })).toBe('Added 12 characters, removed 1 character in the text, set the subject and grade and changed 2 tasks')
    expect(describeSummary({ ...none, titleAdded: 3, resources: 1, comments: 1 })).toBe('Edited the title, changed 1 resource and touched 1 comment')
    expect(describeSummary(none)).toBe('No visible change')
  })

  it('reads values as words', () => {
    expect(describeValue('done', true)).toBe('done')
    expect(describeValue('due', null)).toBe('nothing')
    expect(describeValue('title', 'Slides')).toBe('“Slides”')
  })
})
