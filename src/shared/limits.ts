/** Input limits, shared so the UI can refuse early and the core refuses for certain. */
export const limits = {
  noteTitleChars: 300,
  tagChars: 40,
  tagsPerNote: 30,
  searchQueryChars: 500,
  /** A single paste into a note body; larger pastes are refused, nothing is changed. */
  pasteChars: 200_000,
  /** An RPC message on the wire (serve WebSocket). */
  rpcMessageBytes: 1_000_000,
  /**
   * An RPC message that carries a file (`uploadMethods` in api/wire.ts): a 50 MB import as base64
   * is 67 MB, plus the envelope. The core still checks the file's own size and says what to do.
   */
  rpcUploadMessageBytes: 72 * 1024 * 1024,
  /** The plain-text preview stored in the index and shown in lists. */
  excerptChars: 200,
  /** How much of a note's body the search index keeps; a hostile peer may send megabytes. */
  indexedBodyChars: 500_000,
} as const
