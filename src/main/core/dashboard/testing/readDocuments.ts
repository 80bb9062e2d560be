import * as A from '@automerge/automerge'
import type { RecordKind, RecordOf } from '@shared/network/records'
import type { CoreInternals } from '../../createCore'
import { readRecord } from '../../index/network/projectRecord'
import { workspaceSpaces } from '../../spaces/spaceDocuments'
import type { ReferenceInput } from './referenceDashboard'

/** Everything the reference computation reads, taken from the documents themselves (not the index). */
export async function readDocuments(internals: CoreInternals): Promise<ReferenceInput> {
  const { ctx } = internals
  const records = async <K extends RecordKind>(kind: K): Promise<Array<RecordOf<K>>> => {
    const result: Array<RecordOf<K>> = []
    for (const handle of await ctx.network.store.loadCollections(kind)) {
      for (const [id, raw] of Object.entries(handle.doc().records ?? {})) {
        const record = readRecord(kind, id, raw)
        if (record) result.push(record)
      }
    }
    return result
  }
  const spaces: ReferenceInput['spaces'] = []
  for (const kind of ['project', 'circle'] as const) {
    for (const url of workspaceSpaces(ctx.workspace, kind).values()) {
      const doc = (await ctx.repo.find<{ archivedAt?: unknown }>(url)).doc()
      const times = A.getAllChanges(doc).map((change) => A.decodeChange(change).time * 1000)
      spaces.push({ kind, archived: typeof doc.archivedAt === 'number', lastChangeAt: times.length > 0 ? Math.max(...times) : null })
    }
  }
  const keepInTouch = ctx.workspace.doc().settings?.keepInTouch
  return {
    contacts: await records('contact'),
    interactions: await records('interaction'),
    communities: await records('community'),
    events: await records('event'),
    goals: await records('goal'),
    journal: await records('journal'),
    resources: await records('resource'),
    readings: await records('reading'),
    spaces,
    settings: { defaultCadenceDays: keepInTouch?.defaultCadenceDays ?? null, tagCadences: { ...(keepInTouch?.tagCadences ?? {}) } },
  }
}
