import type { AutomergeUrl } from '@automerge/automerge-repo'
import fc from 'fast-check'
import { ChaosCluster } from './chaosCluster'
import { contentSnapshot, divergentDocuments, headsByDocument } from './chaosConvergence'
import { applyEdit, chaosEdit, type ChaosEdit } from './chaosEdits'
import { seededRandom } from '@shared/seededRandom'
import type { ChaosFigures } from './chaosNetwork'

/** One step of a scenario; device numbers are taken modulo the scenario's device count. */
export type ChaosCommand =
  | { kind: 'edit'; device: number; edit: ChaosEdit }
  /** Lets `pauseMs` pass (automerge-repo batches sync messages every 100 ms), then delivers up to `count` messages. */
  | { kind: 'deliver'; count: number; pauseMs: number; seed: number; reorder: boolean; duplicate: boolean }
  | { kind: 'cut'; a: number; b: number }
  | { kind: 'heal'; a: number; b: number }
  | { kind: 'restart'; device: number }

export interface ChaosScenario {
  devices: number
  commands: ChaosCommand[]
}

const device = fc.nat({ max: 4 })

const command: fc.Arbitrary<ChaosCommand> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), device, edit: chaosEdit }), weight: 6 },
  {
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      count: fc.integer({ min: 1, max: 40 }),
      pauseMs: fc.constantFrom(0, 0, 20, 60, 120),
      seed: fc.integer(),
      reorder: fc.boolean(),
      duplicate: fc.boolean(),
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ kind: fc.constant('cut' as const), a: device, b: device }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('heal' as const), a: device, b: device }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('restart' as const), device }), weight: 1 },
)

export function chaosScenario(maxCommands: number): fc.Arbitrary<ChaosScenario> {
  return fc.record({ devices: fc.integer({ min: 3, max: 5 }), commands: fc.array(command, { minLength: 1, maxLength: maxCommands, size: 'max' }) })
}

export interface ScenarioOutcome {
  converged: boolean
  edits: number
  network: ChaosFigures
  restarts: number
  /** From heal to every copy agreeing (heads and content), or the wait when it never did. */
  convergeMs: number
  documents: number
  divergent: AutomergeUrl[]
  /** The first device's content and the first that differs from it, when they differ. */
  contentDiff?: { expected: string; actual: string; device: number }
  /** When only the content differed: whether rebuilding every index made it agree (an indexing bug, not a sync one). */
  repairedByReindex?: boolean
  /** Edits that waited on the network past their step (a document asked of a peer, the answer in flight). */
  waitedEdits: number
  /** Of those, the ones whose core restarted under them (they may fail, as a call does when its app quits). */
  interruptedEdits: number
  /** Edits still unfinished once the network had healed and the wait was over: a hang, so a failure. */
  stuckEdits: number
}

/** How long an edit may take before the scenario moves on and lets later steps deliver what it waits for. */
const editPatienceMs = 1_000

/**
 * Runs the scenario on copies of the paired profiles, then heals every link, lets the network
 * deliver promptly and in order, and waits (at most `convergeWithinMs`) until every document has
 * the same heads on every device and every device shows the same content through dispatch.
 */
export async function runScenario(pairedDirs: string[], runDir: string, scenario: ChaosScenario, convergeWithinMs: number): Promise<ScenarioOutcome> {
  const cluster = await ChaosCluster.open(pairedDirs.slice(0, scenario.devices), runDir)
  const n = cluster.size
  let edits = 0
  const waiting = new Map<number, Array<Promise<void>>>()
  let waitedEdits = 0
  let interruptedEdits = 0
  try {
    for (const step of scenario.commands) {
      switch (step.kind) {
        case 'edit': {
          const device = step.device % n
          const edit = applyEdit(cluster, device, step.edit).then((applied) => void (applied && edits++))
          // Handled here so a failure while it waits is not an unhandled rejection; awaited (and thrown) below.
          edit.catch(() => undefined)
          if (await settlesWithin(edit, editPatienceMs)) await edit
          else {
            waitedEdits++
            waiting.set(device, [...(waiting.get(device) ?? []), edit])
          }
          break
        }
        case 'deliver': {
          await new Promise((resolve) => setTimeout(resolve, step.pauseMs))
          const random = seededRandom(step.seed)
          for (let i = 0; i < step.count && cluster.network.deliver(random, step); i++) {
            // Let the receiving Repo act on it before the next arrives, as separate socket reads do.
            await new Promise((resolve) => setImmediate(resolve))
          }
          break
        }
        case 'cut':
        case 'heal':
          if (step.a % n !== step.b % n) cluster.network[step.kind](cluster.name(step.a % n), cluster.name(step.b % n))
          break
        case 'restart': {
          const device = step.device % n
          interruptedEdits += waiting.get(device)?.length ?? 0
          waiting.delete(device)
          await cluster.restart(device)
          break
        }
      }
    }
    cluster.network.healAll()
    cluster.network.setAutoDelivery(true)
    const healedAt = Date.now()
    const deadline = healedAt + convergeWithinMs
    // Edits that waited on the network finish now (or fail the run: an error, or a hang).
    const stillWaiting = [...waiting.values()].flat()
    const finished = await Promise.all(stillWaiting.map((edit) => settlesWithin(edit, convergeWithinMs)))
    for (const edit of stillWaiting) if (finished[stillWaiting.indexOf(edit)]) await edit
    const stuckEdits = finished.filter((done) => !done).length
    let divergent: AutomergeUrl[] = []
    let documents = 0
    let contentDiff: ScenarioOutcome['contentDiff']
    for (;;) {
      const heads = await headsByDocument(cluster.cores())
      documents = heads.size
      divergent = divergentDocuments(heads)
      contentDiff = undefined
      if (divergent.length === 0) contentDiff = await compareContent(cluster)
      const converged = divergent.length === 0 && contentDiff === undefined
      if (converged || Date.now() > deadline) {
        const convergeMs = Date.now() - healedAt
        let repairedByReindex: boolean | undefined
        if (divergent.length === 0 && contentDiff) {
          for (const core of cluster.cores()) await core.reindex()
          repairedByReindex = (await compareContent(cluster)) === undefined
        }
        return { converged, edits, network: { ...cluster.network.figures }, restarts: cluster.restarts, convergeMs, documents, divergent, contentDiff, repairedByReindex, waitedEdits, interruptedEdits, stuckEdits }
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  } finally {
    await cluster.close()
  }
}

/** Whether the promise settles (either way) within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)))
  try {
    return await Promise.race([promise.then(() => true, () => true), late])
  } finally {
    clearTimeout(timer)
  }
}

async function compareContent(cluster: ChaosCluster): Promise<ScenarioOutcome['contentDiff']> {
  const snapshots = await Promise.all(cluster.cores().map((core) => contentSnapshot(core)))
  const differing = snapshots.findIndex((s) => s !== snapshots[0])
  return differing === -1 ? undefined : { expected: snapshots[0]!, actual: snapshots[differing]!, device: differing }
}
