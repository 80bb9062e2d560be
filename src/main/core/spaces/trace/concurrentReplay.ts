import * as A from '@automerge/automerge'
import { decodeHeads, encodeHeads, type DocHandle } from '@automerge/automerge-repo'
import type { ConcurrentTrace } from './editingTrace'

/**
 * Replays a concurrent editing trace into a text field of one Automerge document held by
 * several peers (one per agent), each transaction made with `A.changeAt` on the heads its agent
 * had seen (the changes made for its parent transactions). The peers' own sync carries every
 * change to the others: a transaction waits until its peer has received its parents.
 */
export interface ConcurrentReplayOptions {
  /** The handle each agent types on, indexed by agent. */
  peers: ReadonlyArray<DocHandle<unknown>>
  /** The text field, e.g. ['body']. */
  path: A.Prop[]
  /** Added to every trace position: block markers before the text (a rich-text body's first paragraph). */
  offset: number
  /** Heads the replay starts from (the first transaction's view); every peer must reach them. */
  startHeads: A.Heads
  /** Replay only the first `limit` transactions. */
  limit?: number
  /** Runs of transactions an agent makes before letting sync run (smaller: more interleaving). */
  runsPerTurn?: number
  /** Fails the replay when no peer can move on for this long (sync lost a change). */
  stallMs?: number
}

/** A stretch of one agent's transactions, each seen only by the next: one Automerge change. */
export interface TraceRun {
  agent: number
  first: number
  /** Exclusive. */
  end: number
}

/**
 * Groups transactions into runs an agent typed with nobody seeing the middle: the same edits as
 * one change per transaction (the same views, the same positions), at a fraction of the
 * `changeAt` calls, each of which costs time in proportion to the document's size.
 */
export function traceRuns(trace: ConcurrentTrace, limit = trace.txns.length): TraceRun[] {
  const runs: TraceRun[] = []
  for (let i = 0; i < limit; ) {
    let end = i + 1
    while (end < limit) {
      const next = trace.txns[end]!
      const continues = next.agent === trace.txns[i]!.agent && next.parents.length === 1 && next.parents[0] === end - 1 && trace.txns[end - 1]!.numChildren === 1
      if (!continues) break
      end++
    }
    runs.push({ agent: trace.txns[i]!.agent, first: i, end })
    i = end
  }
  return runs
}

export interface ReplayStats {
  runs: number
  /** Runs whose peer had received changes its agent had not seen yet (a real `changeAt`). */
  behindTheirPeer: number
  waitsForSync: number
}

export async function replayConcurrentTrace(trace: ConcurrentTrace, options: ConcurrentReplayOptions): Promise<ReplayStats> {
  const { peers, path, offset, startHeads, runsPerTurn = 8, stallMs = 30_000 } = options
  if (peers.length !== trace.numAgents) throw new Error(`The trace has ${trace.numAgents} agents but ${peers.length} peers were given.`)
  const runs = traceRuns(trace, options.limit)
  const runsOf = peers.map((_, agent) => runs.filter((run) => run.agent === agent))
  const next = peers.map(() => 0)
  /** The heads after each transaction (the change its run made). */
  const versions: A.Heads[] = []
  const stats: ReplayStats = { runs: runs.length, behindTheirPeer: 0, waitsForSync: 0 }

  const viewOf = (run: TraceRun): A.Heads => {
    const parents = trace.txns[run.first]!.parents
    return parents.length === 0 ? startHeads : [...new Set(parents.flatMap((p) => versions[p]!))]
  }
  // A parent made by another agent may not be made yet (its agent is behind) or not received yet.
  const ready = (agent: number, run: TraceRun) => trace.txns[run.first]!.parents.every((p) => versions[p] !== undefined) && A.hasHeads(peers[agent]!.doc() as A.Doc<unknown>, viewOf(run))

  const apply = (agent: number, run: TraceRun) => {
    const heads = viewOf(run)
    const handle = peers[agent]!
    if (!sameHeads(A.getHeads(handle.doc() as A.Doc<unknown>), heads)) stats.behindTheirPeer++
    // The handle's changeAt is A.changeAt on its document, then saved and synced like any change.
    const made = handle.changeAt(encodeHeads(heads), (doc) => {
      for (let t = run.first; t < run.end; t++) for (const [position, deleteCount, inserted] of trace.txns[t]!.patches) A.splice(doc as A.Doc<unknown>, path, position + offset, deleteCount, inserted)
    })
    for (let t = run.first; t < run.end; t++) versions[t] = made ? decodeHeads(made) : heads
  }

  let stalledSince = performance.now()
  while (next.some((n, agent) => n < runsOf[agent]!.length)) {
    let moved = false
    for (let agent = 0; agent < peers.length; agent++) {
      for (let turn = 0; turn < runsPerTurn && next[agent]! < runsOf[agent]!.length; turn++) {
        const run = runsOf[agent]![next[agent]!]!
        if (!ready(agent, run)) break
        apply(agent, run)
        next[agent]!++
        moved = true
      }
    }
    if (moved) {
      stalledSince = performance.now()
      // Lets the network deliver what was just made while the agents keep typing.
      await new Promise((resolve) => setImmediate(resolve))
    } else {
      if (performance.now() - stalledSince > stallMs) throw new Error(`Replay stalled for ${stallMs} ms at runs ${next.join(', ')}: a peer never received a change it needs.`)
      stats.waitsForSync++
      await anyChange(peers, 50)
    }
  }
  return stats
}

function sameHeads(a: A.Heads, b: A.Heads): boolean {
  return a.length === b.length && a.every((h) => b.includes(h))
}

/** Resolves when any peer's document changes, or after `timeoutMs` (whichever comes first). */
function anyChange(peers: ReadonlyArray<DocHandle<unknown>>, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      for (const peer of peers) peer.off('change', done)
      resolve()
    }
    const timer = setTimeout(done, timeoutMs)
    for (const peer of peers) peer.on('change', done)
  })
}
