import * as A from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { changesSince } from './changesSince'
import { addTask, alice, bob, createProject, deleteText, edit, entry, minutes, peerCopy, typeAfter } from './projectDocFixture'
import { versionAt } from './versionAt'

describe('versionAt', () => {
  it('gives a past version as plain data: fields, body spans with block types and marks, tasks', () => {
    let doc = createProject(alice)
    const heads = A.getHeads(doc)
    doc = edit(doc, minutes(1), (d) => {
      A.mark(d, ['body'], { start: 1, end: 4, expand: 'none' }, 'strong', true)
      d.grade = 'Year 5'
    })
    doc = addTask(doc, minutes(2), 'task-1', 'Print')
    const old = versionAt(doc, heads)
    expect(old).toMatchObject({ heads, title: 'Fractions', subject: 'Maths', grade: 'Year 4', template: 'lesson-plan', tasks: [], resources: [] })
    expect(old.body.slice(0, 2)).toEqual([
      { type: 'block', block: 'heading', attrs: { level: 2 } },
      { type: 'text', text: 'Objectives', marks: {} },
    ])
    const now = versionAt(doc, A.getHeads(doc))
    expect(now.grade).toBe('Year 5')
    expect(now.body[1]).toEqual({ type: 'text', text: 'Obj', marks: { strong: true } })
    expect(now.tasks.map((t) => t.title)).toEqual(['Print'])
  })

  it('refuses heads this document does not have', () => {
    expect(() => versionAt(createProject(alice), ['ab'.repeat(32)])).toThrow(/not on this device/)
  })
})

describe('changesSince', () => {
  it('lists fields, tasks, resources and body text changed since a version, with whose changes lie between', () => {
    let doc = createProject(alice)
    doc = edit(doc, minutes(1), (d) => {
      d.resources.r1 = { id: 'r1', title: 'Worksheet', url: null, note: '', addedBy: alice.deviceId, addedAt: 0 }
      d.tasks.kept = { id: 'kept', title: 'Book the hall', assignee: null, due: null, done: false, createdAt: 0 }
    })
    const version = A.getHeads(doc)
    let bobs = peerCopy(doc, bob, minutes(2))
    bobs = typeAfter(bobs, minutes(3), 'By the end of the lesson, ', 'all ')
    bobs = addTask(bobs, minutes(3), 'task-1', 'Cut the strips')
    bobs = edit(bobs, minutes(4), (d) => {
      d.subject = 'Mathematics'
      entry(d.tasks, 'kept').title = 'Book the big hall'
      entry(d.tasks, 'kept').done = true
    })
    doc = deleteText(doc, minutes(2), 'Slides')
    doc = edit(doc, minutes(2), (d) => {
      delete d.resources.r1
    })
    doc = A.merge(doc, bobs)

    const changes = changesSince(doc, version)
    expect(changes.fields).toEqual([{ field: 'subject', before: 'Maths', after: 'Mathematics', by: 'Bob' }])
    // In the order the project shows them: open tasks first.
    expect(changes.tasks).toEqual([
      { id: 'task-1', title: 'Cut the strips', change: 'added', fields: [], by: 'Bob' },
      {
        id: 'kept',
        title: 'Book the big hall',
        change: 'changed',
        fields: [
          { field: 'title', before: 'Book the hall', after: 'Book the big hall', by: 'Bob' },
          { field: 'done', before: false, after: true, by: null },
        ],
        by: null,
      },
    ])
    expect(changes.resources).toEqual([{ id: 'r1', title: 'Worksheet', change: 'removed', fields: [], by: null }])
    expect(changes.body).toEqual([
      { change: 'inserted', text: 'all ', moreChars: 0, before: 'By the end of the lesson, ', after: 'students will be able to…' },
      { change: 'deleted', text: 'Slides', moreChars: 0, before: '', after: '' },
    ])
    expect(changes.authors).toEqual([
      { name: 'Bob', changes: 4 },
      { name: 'Alice', changes: 2 },
    ])
    expect(changes.changes).toBe(6)
  })

  it('gives a deleted paragraph as one segment with its line break, and nothing since the current version', () => {
    let doc = createProject(alice)
    const version = A.getHeads(doc)
    doc = edit(doc, minutes(1), (d) => {
      const start = d.body.indexOf('Standards') - 1
      const end = d.body.indexOf('Materials') - 1
      A.splice(d, ['body'], start, end - start)
    })
    const changes = changesSince(doc, version)
    expect(changes.body).toEqual([{ change: 'deleted', text: '\nStandards\nCurriculum standards this lesson addresses.', moreChars: 0, before: 'of the lesson, students will be able to…', after: '' }])
    expect(changesSince(doc, A.getHeads(doc))).toMatchObject({ fields: [], tasks: [], resources: [], body: [], authors: [], changes: 0 })
  })
})
