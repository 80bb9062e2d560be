import { MessageChannel } from 'node:worker_threads'
import * as A from '@automerge/automerge'
import { Repo, type AutomergeUrl, type DocHandle } from '@automerge/automerge-repo'
import { MessageChannelNetworkAdapter } from '@automerge/automerge-repo-network-messagechannel'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ProjectDoc } from '@shared/spaces/ProjectDoc'
import { templateSpans } from '@shared/spaces/templates'
import { call } from '../../testing/coreHarness'
import { coreCluster } from '../../testing/coreCluster'
import { eventually } from '../../testing/eventually'
import { replayConcurrentTrace, replayConcurrentTraceInMemory } from './concurrentReplay'
import { loadEditingTrace, sharedTracePath, type ConcurrentTrace } from './editingTrace'

/**
 * Two teachers typing into one project body at once converge on the same text, the one the
 * recorded session ended with. The trace (friendsforever: 26,078 keystrokes by two people, 2,258
 * of them made after seeing the other's concurrent typing) is replayed with each keystroke on
 * the view its author had, while the peers sync.
 *
 * Every `changeAt` on a view older than the peer's document costs time in proportion to the
 * document (Automerge isolates and re-integrates the whole history): thousands of them make the
 * whole trace take minutes through real cores on a busy machine. So the whole trace runs
 * through two bare Repos joined by a MessageChannel (the same automerge-repo sync protocol),
 * and a prefix of it runs through two paired cores over their real TLS link, as a project shared
 * from one teacher to the other.
 */

const bodyText = (doc: A.Doc<unknown>) =>
  A.spans(doc, ['body'])
    .map((span) => (span.type === 'text' ? span.value : ''))
    .join('')
const blockCount = (doc: A.Doc<unknown>) => A.spans(doc, ['body']).filter((span) => span.type === 'block').length
const headsOf = (handle: DocHandle<unknown>) => [...A.getHeads(handle.doc() as A.Doc<unknown>)].sort()
/** Trace positions count from the start of the text; a blank body opens with one paragraph marker. */
const paragraphMarker = 1

let trace: ConcurrentTrace
beforeAll(() => {
  const loaded = loadEditingTrace(sharedTracePath('friendsforever.json.gz'))
  if (loaded.kind !== 'concurrent') throw new Error('friendsforever must be a concurrent trace')
  trace = loaded
})

describe('replaying a concurrent editing trace through two peers', () => {
  it('the whole trace, through two Repos syncing over a MessageChannel: both hold the trace’s end text', async () => {
    const { port1, port2 } = new MessageChannel()
    const repoA = new Repo({ network: [new MessageChannelNetworkAdapter(port1 as never)] })
    const repoB = new Repo({ network: [new MessageChannelNetworkAdapter(port2 as never)] })
    try {
      const onA = repoA.create<{ body: string }>({ body: '' })
      onA.change((doc) => A.updateSpans(doc, ['body'], templateSpans('blank')))
      const startHeads = A.getHeads(onA.doc())
      const onB = await repoB.find<{ body: string }>(onA.url)
      await eventually(() => A.hasHeads(onB.doc(), startHeads))

      const stats = await replayConcurrentTrace(trace, { peers: [onA, onB], path: ['body'], offset: paragraphMarker, startHeads })
      // The peers edited concurrently and synced along the way: runs were made on views older than
      // the peer's document (2,749 of 3,727 in one run), and agents waited for each other's changes.
      expect(stats.behindTheirPeer).toBeGreaterThan(1_000)
      expect(stats.waitsForSync).toBeGreaterThan(0)

      await eventually(() => headsOf(onA).join() === headsOf(onB).join(), 30_000)
      expect(headsOf(onB)).toEqual(headsOf(onA))
      expect(bodyText(onA.doc())).toBe(trace.endContent)
      expect(bodyText(onB.doc())).toBe(trace.endContent)
      expect(blockCount(onB.doc())).toBe(1)
    } finally {
      await Promise.all([repoA.shutdown(), repoB.shutdown()])
      port1.close()
      port2.close()
    }
  }, 600_000)

  describe('through two paired cores', () => {
    const cluster = coreCluster()

    it('a prefix of the trace typed into a shared project converges on both cores, as a reference replay of the same edits does', async () => {
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

      const limit = 4_000
      const stats = await replayConcurrentTrace(trace, { peers: [onA, onB], path: ['body'], offset: paragraphMarker, startHeads, limit })
      expect(stats.behindTheirPeer).toBeGreaterThan(100)
      expect(stats.waitsForSync).toBeGreaterThan(0)
      await eventually(() => headsOf(onA).join() === headsOf(onB).join(), 30_000)
      expect(headsOf(onB)).toEqual(headsOf(onA))
      const text = bodyText(onA.doc())
      expect(bodyText(onB.doc())).toBe(text)

      expect(text).toBe(replayConcurrentTraceInMemory(trace, limit))
      expect(blockCount(onB.doc())).toBe(1)
    }, 600_000)
  })
})
