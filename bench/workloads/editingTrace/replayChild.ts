// The child-process side of the editing-trace workload: one variant per process, so that each
// variant's peak RSS is its own. The parent drives it with one JSON command per stdin line and
// reads one JSON answer per stdout line; edits are replayed in the chunks the parent names, so
// the three children take turns on the two cores.
import { createInterface } from 'node:readline'
import { peakRssMb as peakRss } from '../../harness/sideBySide'
import { readCompactEdits } from './compactEdits'

/** One way of typing the trace into a document and persisting it. */
export interface Replayer {
  /** Applies one edit as one change; only this call is timed per edit. */
  apply(position: number, deleteCount: number, inserted: string): void
  /** Waits until everything typed is persisted (timed, part of the total). */
  persist(): Promise<{ savedBytes: number; details?: Record<string, number | string> }>
  /** Reads the text back from what was persisted (untimed): the check that the bytes hold the trace's end. */
  readBack(): Promise<string>
  close(): Promise<void>
}

export type ChildCommand = { cmd: 'chunk'; from: number; to: number } | { cmd: 'finish' } | { cmd: 'exit' }

export interface ChildReady {
  ready: true
  edits: number
  setupMs: number
  /** RSS once the edits are read and before the variant made anything: the floor every variant shares. */
  rssBeforeVariantMb: number
}

export interface ChildFinished {
  text: string
  savedBytes: number
  details: Record<string, number | string>
  /** How many edits were applied (from the first). */
  edits: number
  /** Sum of the per-edit apply calls. */
  applyMs: number
  /** Wall time of the chunks (apply calls plus the event-loop turns between edits, where background work runs). */
  chunksMs: number
  /** From the last edit until the variant reported everything persisted. */
  finishMs: number
  applyP50Ms: number
  applyP95Ms: number
  applyP99Ms: number
  peakRssMb: number
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Nearest-rank percentile of sorted values (as bench/harness/sideBySide's `distribution`). */
function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))]!
}

export async function serveReplay(open: () => Promise<Replayer>): Promise<void> {
  const [editsFile] = process.argv.slice(2)
  const edits = readCompactEdits(editsFile!)
  const rssBeforeVariantMb = process.memoryUsage.rss() / 2 ** 20

  const setupStarted = performance.now()
  const replayer = await open()
  const ready: ChildReady = { ready: true, edits: edits.count, setupMs: performance.now() - setupStarted, rssBeforeVariantMb }
  process.stdout.write(`${JSON.stringify(ready)}\n`)

  const applyTimes = new Float64Array(edits.count)
  let chunksMs = 0
  // Chunks come in order from edit 0; a prefix of the trace leaves the rest of applyTimes unused.
  let applied = 0

  const run = async (command: ChildCommand): Promise<unknown> => {
    switch (command.cmd) {
      case 'chunk': {
        const started = performance.now()
        if (command.from !== applied) throw new Error(`chunk from ${command.from}, but ${applied} edits are applied`)
        for (let i = command.from; i < command.to; i++) {
          const before = performance.now()
          replayer.apply(edits.position[i]!, edits.deleteCount[i]!, edits.inserted[i]!)
          applyTimes[i] = performance.now() - before
          // One keystroke per task, as in the editor: throttled syncs and saves run between edits.
          await nextTurn()
        }
        const ms = performance.now() - started
        chunksMs += ms
        applied = command.to
        return { ms }
      }
      case 'finish': {
        const started = performance.now()
        const persisted = await replayer.persist()
        const finishMs = performance.now() - started
        const peakRssMb = peakRss()
        const times = applyTimes.subarray(0, applied)
        const sorted = Float64Array.from(times).sort()
        const finished: ChildFinished = {
          text: await replayer.readBack(),
          savedBytes: persisted.savedBytes,
          details: persisted.details ?? {},
          edits: applied,
          applyMs: times.reduce((sum, t) => sum + t, 0),
          chunksMs,
          finishMs,
          applyP50Ms: percentile(sorted, 50),
          applyP95Ms: percentile(sorted, 95),
          applyP99Ms: percentile(sorted, 99),
          peakRssMb,
        }
        return finished
      }
      case 'exit':
        await replayer.close()
        process.stdout.write(`${JSON.stringify({ exited: true })}\n`)
        process.exit(0)
    }
  }

  let queue = Promise.resolve()
  createInterface({ input: process.stdin }).on('line', (line) => {
    queue = queue.then(async () => {
      try {
        process.stdout.write(`${JSON.stringify(await run(JSON.parse(line) as ChildCommand))}\n`)
      } catch (error) {
        process.stdout.write(`${JSON.stringify({ error: String((error as Error).stack ?? error) })}\n`)
      }
    })
  })
}
