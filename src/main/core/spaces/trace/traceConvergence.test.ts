import * as A from '@automerge/automerge'
import type { AutomergeUrl, DocHandle } from '@automerge/automerge-repo'
import { describe, expect, it } from 'vitest'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { call } from '../../testing/coreHarness'
import { coreCluster } from '../../testing/coreCluster'
import { eventually } from '../../testing/eventually'
import { replayConcurrentTrace, traceRuns } from './concurrentReplay'
import { loadEditingTrace, sharedTracePath, type ConcurrentTrace } from './editingTrace'

/**
 * Two teachers typing into one project body at once converge on the same text, the one the
 * recorded session ended with. The trace (friendsforever: 26,078 keystrokes by two people, 2,258
 * of them made on a view that merged the other's concurrent typing) is replayed through two
 * paired cores over their real TLS link, each keystroke made on the view its author had while
 * the cores sync.
 *
 * Slow by nature: thousands of keystrokes land on a view older than their peer's document, and
 * each such `changeAt` costs Automerge time in proportion to the whole history. About 70 s of
 * CPU, nearly all of it in Automerge; two bare Repos over a MessageChannel cost the same (measured),
 * so a network-free fallback would save nothing and test less.
 *
 * So `npm test` replays the first 8,000 transactions (a third of the keystrokes, about a tenth of the
 * time: each `changeAt` costs in proportion to the history) and checks the text against the same
 * prefix replayed on one bare Automerge document; STAFFROOM_FULL_TRACE=1 replays all 26,078 and
 * checks the trace's own end text.
 */

const fullTrace = process.env.STAFFROOM_FULL_TRACE === '1'
const prefixTransactions = 8_000

/** The text the first `limit` transactions give on one bare Automerge document: the reference for a prefix. */
function referenceText(trace: ConcurrentTrace, limit: number): string {
  let doc = A.change(A.init<{ text: string }>(), (d) => {
    d.text = ''
  })
  const start = A.getHeads(doc)
  const versions: A.Heads[] = []
  for (const run of traceRuns(trace, limit)) {
    const parents = trace.txns[run.first]!.parents
    const view = parents.length === 0 ? start : [...new Set(parents.flatMap((p) => versions[p]!))]
    const made = A.changeAt(doc, view, (d) => {
      for (let t = run.first; t < run.end; t++) for (const [position, deleteCount, inserted] of trace.txns[t]!.patches) A.splice(d, ['text'], position, deleteCount, inserted)
    })
    doc = made.newDoc
    for (let t = run.first; t < run.end; t++) versions[t] = made.newHeads ?? view
  }
  return doc.text
}

const bodyText = (doc: A.Doc<unknown>) =>
  A.spans(doc, ['body'])
    .map((span) => (span.type === 'text' ? span.value : ''))
    .join('')
const blockTypes = (doc: A.Doc<unknown>) => A.spans(doc, ['body']).flatMap((span) => (span.type === 'block' ? [String(span.value.type)] : []))
const headsOf = (handle: DocHandle<unknown>) => [...A.getHeads(handle.doc() as A.Doc<unknown>)].sort()
/** Trace positions count from the start of the text; a blank body opens with one paragraph marker. */
const paragraphMarker = 1

describe('replaying a concurrent editing trace through two paired cores', () => {
  const cluster = coreCluster()

  const scope = fullTrace ? 'the whole trace' : `the first ${prefixTransactions.toLocaleString('en')} transactions (STAFFROOM_FULL_TRACE=1 for all)`
  it(`both cores end with the text of ${scope} in the shared project’s body, with the same heads`, async () => {
    const trace = loadEditingTrace(sharedTracePath('friendsforever.json.gz'))
    if (trace.kind !== 'concurrent') throw new Error('friendsforever must be a concurrent trace')

    const a = await cluster.open('a', { deviceName: 'Mr Okafor’s laptop' })
    const b = await cluster.open('b', { deviceName: 'Ms Diallo’s laptop' })
    await a.sync.start({ host: '127.0.0.1' })
    const invite = await call(a, 'sync.createInvite', { relation: 'contact' })
    await call(b, 'sync.acceptInvite', { code: invite.code })
    const bId = b.sync.identity.deviceId
    await eventually(async () => a.sync.service.isConnected(bId))

    const { project } = await call(a, 'projects.create', { title: 'Friends forever', template: 'blank' })
    await call(a, 'spaces.setMember', { spaceId: project.id, deviceId: bId, role: 'editor' })
    await eventually(async () => (await call(b, 'spaces.list', { kind: 'project' })).spaces.some((s) => s.id === project.id && s.present), 20_000)

    const onA = await a.repo.find<ProjectDoc>(project.url as AutomergeUrl)
    const onB = await b.repo.find<ProjectDoc>(project.url as AutomergeUrl)
    const startHeads = A.getHeads(onA.doc())
    await eventually(() => A.hasHeads(onB.doc(), startHeads), 20_000)
    expect(bodyText(onB.doc())).toBe('')
    expect(blockTypes(onB.doc())).toEqual(['paragraph'])

    const limit = fullTrace ? trace.txns.length : prefixTransactions
    const expected = fullTrace ? trace.endContent : referenceText(trace, limit)
    const stats = await replayConcurrentTrace(trace, { peers: [onA, onB], path: ['body'], offset: paragraphMarker, startHeads, limit })
    // The cores edited concurrently and synced along the way: runs were made on views older than
    // their core's document (2,749 of 3,727 in one full run), and each agent waited for the other's changes.
    expect(stats.behindTheirPeer).toBeGreaterThan(fullTrace ? 1_000 : 100)
    expect(stats.waitsForSync).toBeGreaterThan(0)

    await eventually(() => headsOf(onA).join() === headsOf(onB).join(), 60_000)
    expect(headsOf(onB)).toEqual(headsOf(onA))
    expect(bodyText(onA.doc())).toBe(expected)
    expect(bodyText(onB.doc())).toBe(expected)
    expect(blockTypes(onA.doc())).toEqual(['paragraph'])
  }, 900_000)
})
