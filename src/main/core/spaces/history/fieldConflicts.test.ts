import * as A from '@automerge/automerge'
import { describe, expect, it } from 'vitest'
import { fieldConflicts, resolveConflict } from './fieldConflicts'
import { addTask, alice, bob, createProject, edit, entry, minutes, peerCopy } from './projectDocFixture'

/** Alice and Bob each set the same fields on their own copy, then the copies merge. */
function concurrentlyEdited() {
  let doc = addTask(createProject(alice), minutes(1), 't1', 'Print handouts')
  doc = edit(doc, minutes(1), (d) => {
    d.members[alice.deviceId] = { name: 'Alice', role: 'owner', addedAt: 0 }
    d.members[bob.deviceId] = { name: 'Bob', role: 'editor', addedAt: 0 }
    d.resources.r1 = { id: 'r1', title: 'Video', url: null, note: '', addedBy: alice.deviceId, addedAt: 0 }
  })
  let bobs = peerCopy(doc, bob, minutes(2))
  doc = edit(doc, minutes(3), (d) => {
    d.subject = 'Numeracy'
    entry(d.tasks, 't1').assignee = alice.deviceId
    entry(d.tasks, 't1').done = true
    entry(d.resources, 'r1').url = 'https://example.org/a'
    d.grade = 'Year 5'
  })
  bobs = edit(bobs, minutes(3), (d) => {
    d.subject = 'Mathematics'
    entry(d.tasks, 't1').assignee = bob.deviceId
    entry(d.tasks, 't1').due = '2026-12-01'
    d.grade = 'Year 5'
  })
  return A.merge(doc, bobs)
}

describe('fieldConflicts', () => {
  it('lists each field set at once with every value and who set it, the value shown now first; equal values are no conflict', () => {
    const doc = concurrentlyEdited()
    const conflicts = fieldConflicts(doc)
    expect(conflicts.map((c) => c.path)).toEqual([['subject'], ['tasks', 't1', 'assignee']])
    const [subject, assignee] = conflicts
    expect(subject?.label).toBe('Subject')
    expect(subject?.values[0]?.value).toBe(doc.subject)
    expect(subject?.values.map((v) => [v.value, v.author]).sort()).toEqual([
      ['Mathematics', 'Bob'],
      ['Numeracy', 'Alice'],
    ])
    expect(assignee?.label).toBe('Task “Print handouts”: assigned to')
    expect(assignee?.values.map((v) => [v.display, v.author]).sort()).toEqual([
      ['Alice', 'Alice'],
      ['Bob', 'Bob'],
    ])
  })

  it('keeps the chosen value, which ends the conflict on every peer that merges it', () => {
    const doc = concurrentlyEdited()
    const losing = fieldConflicts(doc)[0]?.values[1]?.value
    const resolved = resolveConflict(doc, ['subject'], losing ?? null)
    expect(resolved.subject).toBe(losing)
    expect(fieldConflicts(resolved).map((c) => c.path)).toEqual([['tasks', 't1', 'assignee']])
    const elsewhere = A.merge(A.clone(doc, { actor: 'dd'.repeat(16) }), resolved)
    expect(elsewhere.subject).toBe(losing)
  })

  it('refuses a value the field does not hold and an item that is gone', () => {
    const doc = concurrentlyEdited()
    expect(() => resolveConflict(doc, ['subject'], 'Art')).toThrow(/no longer one of the choices/)
    expect(() => resolveConflict(doc, ['tasks', 'gone', 'title'], 'x')).toThrow(/no longer exists/)
  })
})
