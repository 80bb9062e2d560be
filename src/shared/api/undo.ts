import { z } from 'zod'

export const undoArgs = {
  /** Puts back what a delete or bulk edit changed (the token from its receipt). Once per token. */
  'undo.apply': z.object({ undoToken: z.string().min(1).max(100) }),
}

export interface UndoResults {
  'undo.apply': { restored: number }
}
