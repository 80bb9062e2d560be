import type { NoteSummary } from '@shared/api/notes'

/** A NoteSummary as the core returns it, with only what a test cares about filled in. */
export function noteSummary(partial: Partial<NoteSummary> & { id: string }): NoteSummary {
  return {
    url: `automerge:${partial.id}`,
    title: '',
    excerpt: '',
    tags: [],
    pinned: false,
    trashed: false,
    createdAt: 0,
    updatedAt: 0,
    ...partial,
  }
}
