import type { GeneratedNetwork } from '@shared/network/generateNetwork'
import type { RecordKind } from '@shared/network/records'
import type { CoreInternals } from '../../createCore'

/** Writes a generated network into a core's collection documents (as a sync or import would) and indexes it. */
export async function loadNetwork(internals: CoreInternals, network: GeneratedNetwork): Promise<void> {
  const { store, indexer } = internals.ctx.network
  const byKind: Array<[RecordKind, readonly unknown[]]> = [
    ['contact', network.contacts],
    ['community', network.communities],
    ['event', network.events],
    ['interaction', network.interactions],
    ['goal', network.goals],
    ['journal', network.journal],
    ['resource', network.resources],
    ['reading', network.readings],
  ]
  for (const [kind, records] of byKind) await store.createMany(kind, records as never)
  indexer.flushPending()
}
