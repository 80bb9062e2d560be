import { z } from 'zod'
import { limits } from '../limits'

export interface NoteSummary {
  id: string
  url: string
  title: string
  excerpt: string
  tags: string[]
  pinned: boolean
  trashed: boolean
  createdAt: number
  /** Epoch ms of the latest change, read from the Automerge change history. */
  updatedAt: number
}

/** A search snippet as segments, so the UI renders it as text and never as HTML. */
export interface SnippetPart {
  text: string
  match: boolean
}

export interface SearchHit {
  id: string
  url: string
  title: SnippetPart[]
  snippet: SnippetPart[]
  updatedAt: number
}

export interface TagCount {
  tag: string
  count: number
}

const id = z.string().min(1).max(100)
const tag = z.string().trim().min(1).max(limits.tagChars)

export const notesArgs = {
  'notes.list': z.object({
    filter: z.enum(['active', 'pinned', 'trash']).default('active'),
    tag: tag.optional(),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  }),
  'notes.get': z.object({ id }),
  'notes.create': z.object({ title: z.string().max(limits.noteTitleChars).optional() }),
  'notes.setPinned': z.object({ id, pinned: z.boolean() }),
  'notes.setTags': z.object({ id, tags: z.array(tag).max(limits.tagsPerNote) }),
  'notes.trash': z.object({ id }),
  'notes.restore': z.object({ id }),
  'notes.deleteForever': z.object({ id }),
  'notes.emptyTrash': z.object({}),
  'notes.tags': z.object({}),
  'notes.search': z.object({
    text: z.string().max(limits.searchQueryChars),
    limit: z.number().int().min(1).max(100).default(20),
  }),
}

export interface NotesResults {
  'notes.list': { notes: NoteSummary[]; total: number }
  'notes.get': NoteSummary
  'notes.create': NoteSummary
  'notes.setPinned': NoteSummary
  'notes.setTags': NoteSummary
  'notes.trash': NoteSummary
  'notes.restore': NoteSummary
  'notes.deleteForever': { deleted: true }
  'notes.emptyTrash': { deleted: number }
  'notes.tags': { tags: TagCount[] }
  'notes.search': { hits: SearchHit[] }
}
