import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadEditingTrace, sharedTracePath } from '../../src/main/core/spaces/trace/editingTrace'
import { makeTempDir } from '../../src/main/core/testing/tempDir'
import { saveWorkloadResult, type Figure, type Measure } from '../harness/results'
import { writeCompactEdits } from './editingTrace/compactEdits'
import type { ChildFinished } from './editingTrace/replayChild'
import { ReplayProcess } from './editingTrace/replayProcess'

/**
 * Workload 1: the automerge-paper editing trace (259,778 single-character edits), one change per
 * edit, through raw Automerge (baseline), our document path (renderer Repo -> core Repo -> SQLite)
 * and Yjs with y-protocols sync and y-leveldb-style persistence (peer). Each variant runs in its
 * own process, so its peak RSS is its own; the parent has them take turns chunk by chunk, the
 * order rotating, so machine noise falls on all three alike.
 *
 * The whole trace by default; STAFFROOM_TRACE_EDITS=<number> replays a prefix (checked against a
 * plain JS replay of it). STAFFROOM_TRACE_PROFILE=<dir> writes a --cpu-prof of each child there.
 */
const chunkSize = 2_000
const tracePath = sharedTracePath('automerge-paper.json.gz')
const variants = {
  ours: 'ourDocumentPath.child.ts',
  'raw Automerge': 'rawAutomerge.child.ts',
  Yjs: 'yjsPeer.child.ts',
} as const
type Variant = keyof typeof variants
const names = Object.keys(variants) as Variant[]

describe('workload 1: editing trace', () => {
  const started: ReplayProcess[] = []
  const temp = makeTempDir('staffroom-bench-trace-edits-')
  afterAll(async () => {
    await Promise.all(started.map((p) => p.exit().catch(() => p.kill())))
    temp.remove()
  })

  it('replays automerge-paper through raw Automerge, our document path and Yjs', async () => {
    const began = performance.now()
    const trace = loadEditingTrace(tracePath)
    if (trace.kind !== 'sequential') throw new Error('automerge-paper is a sequential trace')
    if (trace.startContent !== '') throw new Error('the replays start from an empty text')
    const editList = trace.txns.flatMap((txn) => txn.patches)
    const allEdits = editList.length
    expect(allEdits).toBe(259_778)
    const editsFile = join(temp.dir, 'edits.bin')
    writeCompactEdits(editsFile, editList)
    const asked = process.env.STAFFROOM_TRACE_EDITS
    const edits = asked === undefined || asked === 'all' ? allEdits : Math.min(allEdits, Number(asked))
    expect(edits).toBeGreaterThan(0)
    const expectedText = edits === allEdits ? trace.endContent : prefixText(editList, edits)

    const profileDir = process.env.STAFFROOM_TRACE_PROFILE
    const children = {} as Record<Variant, ReplayProcess>
    const setup = {} as Record<Variant, { setupMs: number; rssBeforeVariantMb: number }>
    for (const name of names) {
      const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profileDir)}`, `--cpu-prof-name=${name.replace(/\W/g, '-')}.cpuprofile`] : []
      const { process: child, ready } = await ReplayProcess.start(name, join(__dirname, 'editingTrace', variants[name]), editsFile, nodeArgs)
      started.push(child)
      children[name] = child
      expect(ready.edits).toBe(allEdits)
      setup[name] = ready
    }

    // Chunk k runs the variants in rotated order (A B C, B C A, C A B…).
    const chunks = Math.ceil(edits / chunkSize)
    for (let k = 0; k < chunks; k++) {
      for (let i = 0; i < names.length; i++) await children[names[(k + i) % names.length]!].chunk(k * chunkSize, Math.min(edits, (k + 1) * chunkSize))
    }
    const finished = {} as Record<Variant, ChildFinished>
    for (const name of names) finished[name] = await children[name].finish()
    for (const name of names) await children[name].exit()

    for (const name of names) {
      expect(finished[name].edits, `${name}: edits applied`).toBe(edits)
      expect(finished[name].text, `${name}: the persisted text`).toBe(expectedText)
    }

    const totalMs = (name: Variant) => finished[name].chunksMs + finished[name].finishMs
    const measure = (name: string, figure: (v: Variant) => Figure): Measure => ({ name, ours: 'ours', baseline: 'raw Automerge', figures: names.map(figure) })
    const measures: Measure[] = [
      measure('total replay time (edits, then until persisted)', (v) => ({ variant: v, value: totalMs(v), unit: 'ms', samples: 1 })),
      measure('per-edit apply p50', (v) => ({ variant: v, value: finished[v].applyP50Ms, p95: finished[v].applyP95Ms, p99: finished[v].applyP99Ms, unit: 'ms', samples: edits })),
      measure('per-edit apply p99', (v) => ({ variant: v, value: finished[v].applyP99Ms, unit: 'ms', samples: edits })),
      measure('saved size', (v) => ({ variant: v, value: finished[v].savedBytes, unit: 'bytes' })),
      measure('peak RSS', (v) => ({ variant: v, value: finished[v].peakRssMb, unit: 'MB' })),
    ]
    const notes = names.map((v) => {
      const f = finished[v]
      const details = Object.entries(f.details).map(([k, value]) => `${k} ${value}`).join(', ')
      return `${v}: apply calls ${ms(f.applyMs)}, chunks ${ms(f.chunksMs)}, until persisted ${ms(f.finishMs)}, setup ${ms(setup[v].setupMs)}, RSS before the variant started ${setup[v].rssBeforeVariantMb.toFixed(0)} MB${details ? `; ${details}` : ''}`
    })
    if (edits !== allEdits) notes.unshift(`the first ${edits} of the trace's ${allEdits} edits (${expectedText.length} characters); STAFFROOM_TRACE_EDITS=all replays the whole trace`)
    for (const line of notes) console.info(line)
    saveWorkloadResult({
      id: 1,
      title: 'Editing trace',
      measures,
      checks: [
        `every variant's persisted text, read back from its storage alone, equals the trace's ${edits === allEdits ? 'endContent' : `text after ${edits} edits`} (${expectedText.length} characters)`,
        `${edits} edits, one change per edit, in ${chunks} chunks of ${chunkSize} rotated between one child process per variant`,
      ],
      notes,
      durationMs: performance.now() - began,
    })
  }, 900_000)
})

const ms = (value: number) => `${(value / 1000).toFixed(2)} s`

function prefixText(editList: ReadonlyArray<readonly [number, number, string]>, edits: number): string {
  let text = ''
  for (const [position, deleteCount, inserted] of editList.slice(0, edits)) text = text.slice(0, position) + inserted + text.slice(position + deleteCount)
  return text
}
