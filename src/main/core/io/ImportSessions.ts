import { randomUUID } from 'node:crypto'
import type { CsvMapping, ImportFormat } from '@shared/api/io'
import { ApiError } from '@shared/errors'
import type { CsvRow } from './csv/readCsv'
import type { ImportPlan } from './ImportPlan'

/** A previewed import waiting for the user to commit it. */
export interface ImportSession {
  id: string
  format: ImportFormat
  plan: ImportPlan
  /** Warnings from reading the file (encoding), kept when a CSV is re-mapped. */
  inputWarnings: ImportPlan['warnings']
  /** CSV only: the rows as read, so a new mapping can be applied without the file again. */
  csv?: { headers: string[]; rows: CsvRow[]; mapping: CsvMapping; readErrors: ImportPlan['errors'] }
  expiresAt: number
}

/**
 * Previews held in memory between preview and commit. Few and short-lived: a preview of a 50 MB
 * file is large, so only the newest `capacity` are kept and each expires after `ttlMs`.
 */
export class ImportSessions {
  private readonly sessions = new Map<string, ImportSession>()

  constructor(
    private readonly capacity = 3,
    private readonly ttlMs = 30 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  add(session: Omit<ImportSession, 'id' | 'expiresAt'>): ImportSession {
    this.prune()
    const full: ImportSession = { ...session, id: randomUUID(), expiresAt: this.now() + this.ttlMs }
    this.sessions.set(full.id, full)
    while (this.sessions.size > this.capacity) this.sessions.delete(this.sessions.keys().next().value!)
    return full
  }

  get(id: string): ImportSession {
    this.prune()
    const session = this.sessions.get(id)
    if (!session) throw new ApiError('not-found', 'This import preview has expired or was replaced by a newer one. Choose the file again.')
    return session
  }

  delete(id: string): boolean {
    return this.sessions.delete(id)
  }

  private prune(): void {
    const now = this.now()
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id)
  }
}
