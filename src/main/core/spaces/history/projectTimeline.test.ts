import * as A from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { addTask, alice, bob, createProject, deleteText, edit, minutes, peerCopy, stranger, t0, typeAfter } from './projectDocFixture'
import { groupChanges, projectTimeline } from './projectTimeline'
import { versionAt } from './versionAt'

/** Alice writes; Bob, on his own copy, edits at the same time; both merged; then Alice again later. */
function twoAuthors() {
  let doc = createProject(alice)
  let bobs = peerCopy(doc, bob, minutes(1))
  doc = typeAfter(doc, minutes(2), 'Objectives', ' (fractions)')
  doc = deleteText(doc, minutes(3), 'Slides')
  bobs = typeAfter(bobs, minutes(2), 'What to prepare.', ' Paper strips.')
  bobs = addTask(bobs, minutes(4), 'task-1', 'Cut the strips')
  bobs = edit(bobs, minutes(5), (d) => {
    d.subject = 'Mathematics'
  })
  doc = A.merge(doc, bobs)
  // A snapshot of its own: an Automerge doc object that was changed further reads the newer state.
  const merged = A.clone(doc)
  doc = typeAfter(doc, minutes(40), 'Reflection', '!')
  return { doc, merged }
}

describe('projectTimeline', () => {
  it('groups consecutive changes by device within ten minutes, newest first, with authors, times and counts', () => {
    const { doc } = twoAuthors()
    const { groups, total, hasMore } = projectTimeline(doc, { limit: 50 })
    expect(total).toBe(3)
    expect(hasMore).toBe(false)
    expect(groups.map((g) => g.authors)).toEqual([['Alice'], ['Bob'], ['Alice']])
    expect(groups.map((g) => g.changes)).toEqual([1, 4, 3])
    expect(groups[2]).toMatchObject({ startedAt: t0 * 1000, endedAt: minutes(3) * 1000 })
    expect(groups[0]?.id).toBe(A.getHeads(doc)[0])
    expect(groups[0]?.heads).toEqual(A.getHeads(doc))
  })

  it('summarises each group from the diff across it', () => {
    const { doc } = twoAuthors()
    const [later, bobs, first] = projectTimeline(doc, { limit: 50 }).groups
    expect(later?.summary).toMatchObject({ bodyAdded: 1, bodyRemoved: 0, titleAdded: 0, fields: [], tasks: 0 })
    expect(bobs?.summary).toMatchObject({ bodyAdded: ' Paper strips.'.length, bodyRemoved: 0, fields: ['subject'], tasks: 1, resources: 0, comments: 0 })
    expect(first?.summary.titleAdded).toBe('Fractions'.length)
    expect(first?.summary.bodyFormatting).toBe(true)
    expect(first?.summary.fields).toEqual(expect.arrayContaining(['subject', 'grade', 'template']))
  })

  it("each group's heads open the version right after it, which has every earlier group's changes", () => {
    const { doc, merged } = twoAuthors()
    const [, bobs, first] = projectTimeline(doc, { limit: 50 }).groups
    const afterBob = versionAt(doc, bobs?.heads ?? [])
    expect(afterBob.subject).toBe('Mathematics')
    expect(afterBob.tasks.map((t) => t.title)).toEqual(['Cut the strips'])
    expect(versionAt(merged, A.getHeads(merged))).toEqual({ ...afterBob, heads: A.getHeads(merged) })
    const afterFirst = versionAt(doc, first?.heads ?? [])
    expect(afterFirst.subject).toBe('Maths')
    expect(afterFirst.tasks).toEqual([])
  })

  it('starts a new group after ten minutes even for the same author, and names unregistered actors "Someone"', () => {
    let doc = createProject(alice)
    doc = typeAfter(doc, minutes(9), 'Objectives', 'a')
    doc = typeAfter(doc, minutes(11), 'Objectives', 'b')
    const anonymous = typeAfter(peerCopy(doc, stranger, minutes(12)), minutes(12), 'Objectives', 'c')
    doc = A.merge(doc, anonymous)
    const { groups } = groupChanges(doc)
    expect(groups.map((g) => [g.authors, g.changes])).toEqual([
      [['Alice'], 2],
      [['Alice'], 1],
      [['Someone'], 1],
    ])
  })

  it('continues grouping from an earlier snapshot exactly as grouping from scratch, and starts over when an author is renamed', () => {
    const { merged, doc } = twoAuthors()
    const earlier = groupChanges(merged)
    expect(earlier.groups).toHaveLength(2)
    const continued = groupChanges(doc, earlier.state)
    expect(continued.groups).toEqual(groupChanges(doc).groups)
    const renamed = edit(doc, minutes(41), (d) => {
      d.authors[bob.actor] = { deviceId: bob.deviceId, name: 'Robert' }
    })
    expect(groupChanges(renamed, continued.state).groups.map((g) => g.authors)).toEqual([['Alice'], ['Robert'], ['Alice']])
    const memo = {}
    projectTimeline(doc, { limit: 1 }, memo)
    expect(projectTimeline(renamed, { limit: 5 }, memo).groups.map((g) => g.authors)).toEqual([['Alice'], ['Robert'], ['Alice']])
  })

  it('pages from a group id and refuses an id it does not know', () => {
    const { doc } = twoAuthors()
    const firstPage = projectTimeline(doc, { limit: 2 })
    expect(firstPage).toMatchObject({ total: 3, hasMore: true })
    const next = projectTimeline(doc, { limit: 2, before: firstPage.groups[1]?.id })
    expect(next.groups.map((g) => g.authors)).toEqual([['Alice']])
    expect(next.hasMore).toBe(false)
    expect(() => projectTimeline(doc, { limit: 2, before: 'ff'.repeat(32) })).toThrow(/not on this device/)
  })
})
