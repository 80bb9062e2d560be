import { randomUUID } from 'node:crypto'
import type { RecordKind } from '@shared/network/records'

/** What one record looked like before an operation: the fields it changed, with their old values. */
export interface UndoStep {
  kind: RecordKind
  id: string
  before: Record<string, unknown>
}

/**
 * Undo for deletes and bulk edits, for this session: each operation leaves the previous values of
 * what it changed under a token. Deletes are soft (deletedAt), so a deleted record can also be
 * restored later from the trash; the log only keeps the most recent operations.
 */
export class UndoLog {
  private readonly entries = new Map<string, UndoStep[]>()

  constructor(private readonly capacity = 100) {}

  record(steps: UndoStep[]): string {
    const token = randomUUID()
    this.entries.set(token, steps)
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!)
    return token
  }

  /** The steps of a token, once: taking them removes them. */
  take(token: string): UndoStep[] | undefined {
    const steps = this.entries.get(token)
    this.entries.delete(token)
    return steps
  }
}
