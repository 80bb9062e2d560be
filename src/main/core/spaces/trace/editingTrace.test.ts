import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { makeTempDir } from '../../testing/tempDir'
import { loadEditingTrace, parseEditingTrace, replaySequentialTrace, sharedTracePath } from './editingTrace'

const concurrent = (txns: unknown[], extra: Record<string, unknown> = {}) => ({ kind: 'concurrent', endContent: 'ab', numAgents: 2, txns, ...extra })
const txn = (parents: number[], numChildren: number, agent: number, patches: unknown[] = [[0, 0, 'a']]) => ({ parents, numChildren, agent, time: '1970-01-01T00:00:00+00:00', patches })

describe('editing traces', () => {
  it('loads the shared sequential trace, whose patches replay to its end content', () => {
    const trace = loadEditingTrace(sharedTracePath('seph-blog1.json.gz'))
    if (trace.kind !== 'sequential') throw new Error(`expected a sequential trace, got ${trace.kind}`)
    expect(trace.txns.length).toBeGreaterThan(1_000)
    expect(replaySequentialTrace(trace)).toBe(trace.endContent)
  })

  it('loads the shared concurrent trace: two agents, parents before children', () => {
    const trace = loadEditingTrace(sharedTracePath('friendsforever.json.gz'))
    if (trace.kind !== 'concurrent') throw new Error(`expected a concurrent trace, got ${trace.kind}`)
    expect(trace.numAgents).toBe(2)
    expect(trace.txns.length).toBe(26_078)
    expect(trace.txns[0]).toEqual({ parents: [], numChildren: 1, agent: 0, patches: [[0, 0, 'A']] })
    expect(new Set(trace.txns.map((t) => t.agent))).toEqual(new Set([0, 1]))
    expect(trace.endContent.length).toBe(21_362)
  })

  it('parses a small concurrent trace, keeping only what a replay needs', () => {
    const trace = parseEditingTrace(concurrent([txn([], 2, 0), txn([0], 1, 0, [[1, 0, 'b']]), txn([0], 1, 1, [[1, 0, 'x']]), txn([1, 2], 0, 1, [[0, 1, '']])]))
    expect(trace).toEqual({
      kind: 'concurrent',
      endContent: 'ab',
      numAgents: 2,
      txns: [
        { parents: [], numChildren: 2, agent: 0, patches: [[0, 0, 'a']] },
        { parents: [0], numChildren: 1, agent: 0, patches: [[1, 0, 'b']] },
        { parents: [0], numChildren: 1, agent: 1, patches: [[1, 0, 'x']] },
        { parents: [1, 2], numChildren: 0, agent: 1, patches: [[0, 1, '']] },
      ],
    })
  })

  it('refuses malformed traces with the place that is wrong', () => {
    expect(() => parseEditingTrace([])).toThrow('the trace must be an object')
    expect(() => parseEditingTrace({ kind: 'braided', endContent: '', txns: [] })).toThrow('unknown trace kind "braided"')
    expect(() => parseEditingTrace({ endContent: '', txns: [] })).toThrow('startContent must be a string')
    expect(() => parseEditingTrace({ startContent: '', endContent: '', txns: [{ patches: [[0, 0]] }] })).toThrow('txns[0].patches[0] must be [position, deleteCount, insertedText]')
    expect(() => parseEditingTrace({ startContent: '', endContent: '', txns: [{ patches: [[-1, 0, 'a']] }] })).toThrow('txns[0].patches[0][0] must be a whole number')
    expect(() => parseEditingTrace(concurrent([txn([], 0, 0), txn([1], 0, 0)]))).toThrow('txns[1] names parent 1, which is not an earlier transaction')
    expect(() => parseEditingTrace(concurrent([txn([], 1, 0), txn([], 0, 0)]))).toThrow('txns[1] has no parents')
    expect(() => parseEditingTrace(concurrent([txn([], 1, 0), txn([0], 0, 2)]))).toThrow('txns[1].agent is 2, but the trace has 2 agents')
    expect(() => parseEditingTrace(concurrent([txn([], 0, 0), txn([0], 0, 1)]))).toThrow('txns[0].numChildren is 0, but 1 transactions name it as a parent')
    expect(() => parseEditingTrace(concurrent([], { numAgents: 0 }))).toThrow('numAgents must be at least 1')
  })

  it('a sequential patch past the end of the document is an error, not a silently different text', () => {
    const trace = parseEditingTrace({ startContent: 'ab', endContent: 'abc', txns: [{ patches: [[3, 0, 'c']] }] })
    if (trace.kind !== 'sequential') throw new Error('expected a sequential trace')
    expect(() => replaySequentialTrace(trace)).toThrow('txns[0] edits at 3+0, past the end of a 2-character document')
  })

  it('a file that is not gzipped JSON fails with its path', () => {
    const temp = makeTempDir()
    try {
      const plain = join(temp.dir, 'plain.json.gz')
      writeFileSync(plain, '{"kind":"concurrent"}')
      expect(() => loadEditingTrace(plain)).toThrow(`${plain} is not a gzipped JSON editing trace`)
      const truncated = join(temp.dir, 'truncated.json.gz')
      writeFileSync(truncated, gzipSync('{"kind":'))
      expect(() => loadEditingTrace(truncated)).toThrow(`${truncated} is not a gzipped JSON editing trace`)
    } finally {
      temp.remove()
    }
  })
})
