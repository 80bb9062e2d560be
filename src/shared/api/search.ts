import { z } from 'zod'
import { limits } from '../limits'
import type { SnippetPart } from './notes'

export const searchKinds = ['note', 'contact', 'interaction', 'community', 'event', 'goal', 'journal'] as const
export type SearchKind = (typeof searchKinds)[number]

/** One hit of the cross-kind search (the command palette). */
export interface AnySearchHit {
  kind: SearchKind
  id: string
  /** The note's document URL (notes only: the editor opens the document). */
  url: string | null
  title: SnippetPart[]
  snippet: SnippetPart[]
  /** A line of context: a contact's role and organisation, an interaction's date, an event's day. */
  detail: string
}

export const searchArgs = {
  /** Every kind at once; best hits of each kind, kinds in `searchKinds` order. */
  'search.all': z.object({
    text: z.string().max(limits.searchQueryChars),
    kinds: z.array(z.enum(searchKinds)).max(searchKinds.length).optional(),
    limitPerKind: z.number().int().min(1).max(50).default(5),
  }),
}

export interface SearchResults {
  'search.all': { hits: AnySearchHit[] }
}
