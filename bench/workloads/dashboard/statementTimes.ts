import type { Database } from 'better-sqlite3'
import type { RecordedStatement } from '../../harness/sqlRecorder'
import { median } from '../../harness/sideBySide'

/**
 * Each recorded statement run alone on `db` (median of `runs`), slowest first, labelled by the
 * table it reads and its first words: where a dashboard's time goes, statement by statement.
 */
export function statementTimes(db: Database, log: readonly RecordedStatement[], runs = 3): Array<{ ms: number; what: string }> {
  return log
    .map((entry) => {
      const statement = db.prepare(entry.sql)
      for (const [mode, on] of entry.modes) statement[mode](on)
      const times: number[] = []
      for (let i = 0; i < runs; i++) {
        const started = performance.now()
        if (entry.method === 'iterate') for (const _row of statement.iterate(...entry.args));
        else (statement[entry.method] as (...a: unknown[]) => unknown)(...entry.args)
        times.push(performance.now() - started)
      }
      return { ms: median(times), what: label(entry.sql) }
    })
    .sort((a, b) => b.ms - a.ms)
}

function label(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim()
  const from = /\bFROM (\w+)/i.exec(text)?.[1] ?? '?'
  return `[${from}] ${text.slice(0, 70)}…`
}
