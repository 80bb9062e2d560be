import { searchKinds, type AnySearchHit, type HandlersFor } from '@shared/api'
import type { searchArgs } from '@shared/api/search'
import type { CoreContext } from './CoreContext'

type SearchMethod = keyof typeof searchArgs

export function searchHandlers(ctx: CoreContext) {
  return {
    /** The command palette's search: the best hits of each kind, kinds in a fixed order. */
    'search.all': ({ text, kinds, limitPerKind }) => {
      ctx.indexer.flushPending()
      ctx.network.indexer.flushPending()
      const wanted = new Set(kinds ?? searchKinds)
      const hits: AnySearchHit[] = []
      for (const kind of searchKinds) {
        if (!wanted.has(kind)) continue
        if (kind === 'note') {
          for (const hit of ctx.notesIndex.search(text, limitPerKind)) {
            hits.push({ kind, id: hit.id, url: hit.url, title: hit.title, snippet: hit.snippet, detail: '' })
          }
        } else hits.push(...ctx.network.search.search(kind, text, limitPerKind))
      }
      return { hits }
    },
  } satisfies HandlersFor<SearchMethod>
}
