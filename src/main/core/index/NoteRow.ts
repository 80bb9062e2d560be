/** A note as the index stores it: the projection of one note document. */
export interface NoteRow {
  id: string
  url: string
  title: string
  excerpt: string
  /** Plain text of the body, for full-text search. */
  bodyText: string
  tags: string[]
  pinned: boolean
  trashedAt: number | null
  createdAt: number
  updatedAt: number
  /** The document heads this row was projected from, sorted; equal heads mean an equal row. */
  heads: string[]
}
