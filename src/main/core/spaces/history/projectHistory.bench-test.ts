import * as A from '@automerge/automerge'
import { expect, it } from 'vitest'
import { changesSince } from './changesSince'
import { alice, bob, createProject, minutes, peerCopy } from './projectDocFixture'
import { projectTimeline, type GroupingState } from './projectTimeline'
import { versionAt } from './versionAt'

/**
 * Measurement (vitest project 'bench', never part of npm test):
 * `npx vitest run --project bench src/main/core/spaces/history/projectHistory.bench-test.ts`.
 * Two authors type 10,000 one-character changes each, three seconds apart, concurrently on their
 * own copies; merged, saved and loaded (as the core holds it): 20,002 changes in 100 groups.
 */
const keystrokesEach = 10_000

function timed<T>(label: string, fn: () => T): T {
  const start = performance.now()
  const result = fn()
  console.log(`${label}: ${Math.round(performance.now() - start)} ms`)
  return result
}

it(`history of a project with ${2 * keystrokesEach + 2} changes`, () => {
  let doc = createProject(alice)
  let bobs = peerCopy(doc, bob, minutes(1))
  for (let i = 0; i < keystrokesEach; i++) {
    doc = A.change(doc, { time: minutes(2) + i * 3 }, (d) => A.splice(d, ['body'], 12 + (i % 50), 0, 'a'))
    bobs = A.change(bobs, { time: minutes(2) + i * 3 }, (d) => A.splice(d, ['body'], 40 + (i % 70), 0, 'b'))
  }
  doc = A.load(A.save(A.merge(doc, bobs)), { actor: alice.actor })

  const memo: { state?: GroupingState } = {}
  const first = timed('timeline, first page of 20 groups (group all, diff 20)', () => projectTimeline(doc, { limit: 20 }, memo))
  expect(first.total).toBe(100)
  timed('timeline, same page again', () => projectTimeline(doc, { limit: 20 }, memo))
  const typed = A.change(doc, { time: minutes(2) + 3 * keystrokesEach }, (d) => A.splice(d, ['body'], 3, 0, 'z'))
  const after = timed('timeline after one more change', () => projectTimeline(typed, { limit: 20 }, memo))
  expect(after.groups[0]).toMatchObject({ authors: ['Alice'], changes: 1 })
  expect(after.total).toBe(101)
  const oldest = timed('timeline, next page', () => projectTimeline(typed, { limit: 20, before: after.groups.at(-1)?.id }, memo))
  expect(oldest.hasMore).toBe(true)
  const start = versionAt(typed, first.groups.at(-1)?.heads ?? [])
  timed('versionAt, 20 groups back', () => versionAt(typed, first.groups.at(-1)?.heads ?? []))
  expect(start.title).toBe('Fractions')
  const since = timed('changesSince the version 20 groups back (about 4,000 changes)', () => changesSince(typed, first.groups.at(-1)?.heads ?? []))
  expect(since.authors.map((a) => a.name).sort()).toEqual(['Alice', 'Bob'])
})
