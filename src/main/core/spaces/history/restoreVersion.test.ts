import * as A from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { addTask, alice, bob, bodyText, createProject, deleteText, edit, entry, minutes, peerCopy, typeAfter } from './projectDocFixture'
import { restoreVersion } from './restoreVersion'
import { versionAt } from './versionAt'

/** A project edited after the version to go back to: text, marks, fields, tasks, resources and a comment. */
function editedProject() {
  let doc = createProject(alice)
  doc = addTask(doc, minutes(1), 'kept', 'Book the hall')
  doc = edit(doc, minutes(1), (d) => {
    d.resources.r1 = { id: 'r1', title: 'Worksheet', url: 'https://example.org/w', note: 'Page 2', addedBy: alice.deviceId, addedAt: 0 }
  })
  const version = A.getHeads(doc)
  doc = typeAfter(doc, minutes(20), 'Objectives', ' and outcomes')
  doc = deleteText(doc, minutes(20), 'Handouts')
  doc = edit(doc, minutes(21), (d) => {
    A.updateText(d, ['title'], 'Fractions and decimals')
    A.mark(d, ['body'], { start: 1, end: 5, expand: 'none' }, 'em', true)
    d.subject = 'Numeracy'
    d.template = 'workshop'
    entry(d.tasks, 'kept').done = true
    entry(d.tasks, 'kept').due = '2026-12-01'
    delete d.resources.r1
    d.resources.r2 = { id: 'r2', title: 'Video', url: null, note: '', addedBy: alice.deviceId, addedAt: 1 }
    d.comments.c1 = { id: 'c1', from: '', to: '', quote: 'Objectives', author: alice.deviceId, authorName: 'Alice', body: 'Too long?', createdAt: 1, resolvedAt: null, replies: {} }
  })
  doc = addTask(doc, minutes(22), 'new', 'Laminate cards')
  return { doc, version }
}

describe('restoreVersion', () => {
  it('brings the content back to the version as one new change, keeping every earlier change', () => {
    const { doc, version } = editedProject()
    const before = A.getAllChanges(doc).map((c) => A.decodeChange(c).hash)
    const restored = restoreVersion(doc, version, { time: minutes(30) })

    const { heads: _old, ...oldContent } = versionAt(doc, version)
    const { heads: _now, ...nowContent } = versionAt(restored, A.getHeads(restored))
    expect(nowContent).toEqual(oldContent)
    expect(bodyText(restored)).toContain('Handouts')
    const after = A.getAllChanges(restored).map((c) => A.decodeChange(c).hash)
    expect(after).toHaveLength(before.length + 1)
    expect(after.slice(0, before.length)).toEqual(before)
    expect(versionAt(restored, A.getHeads(doc)).title).toBe('Fractions and decimals')
  })

  it('leaves comments, members and authors as they are', () => {
    const { doc, version } = editedProject()
    const restored = restoreVersion(doc, version)
    expect(restored.comments.c1?.body).toBe('Too long?')
    expect(restored.authors).toEqual(doc.authors)
  })

  it('merges with an edit another peer makes concurrently after the restore', () => {
    const { doc, version } = editedProject()
    const bobs = peerCopy(doc, bob, minutes(29))
    const restored = restoreVersion(doc, version, { time: minutes(30) })
    const bobEdited = edit(typeAfter(bobs, minutes(31), 'Assessment', ' (exit ticket)'), minutes(31), (d) => {
      d.grade = 'Year 6'
    })
    const merged = A.merge(restored, bobEdited)
    expect(merged.title).toBe('Fractions')
    expect(merged.grade).toBe('Year 6')
    expect(bodyText(merged)).toContain('Assessment (exit ticket)')
    expect(bodyText(merged)).toContain('Handouts')
    expect(bodyText(merged)[0]).toBe('Objectives')
    expect(Object.keys(merged.tasks)).toEqual(['kept'])
    expect(merged.tasks.kept).toMatchObject({ done: false, due: null })
    expect(Object.keys(merged.resources)).toEqual(['r1'])
  })
})
