/** The Automerge document of one note. Every note is its own document (see docs/ARCHITECTURE.md). */
export interface NoteDoc {
  kind: 'note'
  schemaVersion: number
  /** Plain text, edited with Automerge text operations. */
  title: string
  /** Rich text, edited through @automerge/prosemirror (block markers + marks). */
  body: string
  tags: string[]
  pinned: boolean
  /** Epoch ms when moved to the trash; null while the note is live. */
  trashedAt: number | null
  createdAt: number
}

export const noteSchemaVersion = 1
