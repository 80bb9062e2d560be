import type { Database, Statement } from 'better-sqlite3'

type Method = 'all' | 'get' | 'run' | 'iterate'
type Mode = 'pluck' | 'raw' | 'expand'

/** One statement execution as our code ran it: replayable on a raw better-sqlite3 connection. */
export interface RecordedStatement {
  sql: string
  method: Method
  modes: Array<[Mode, boolean]>
  args: unknown[]
  /** What our code got back (iterate: every row it was offered). */
  result: unknown
}

/**
 * Records every statement run on `db` from now until `stop()`: our code's SQL, parameters and
 * results, exactly, so a benchmark can run "the same SQL on raw better-sqlite3" without a second
 * hand-written copy of the queries. Statements prepared before recording began are not seen, so
 * start it before the first call of the code being measured.
 */
export function recordSql(db: Database): { log: RecordedStatement[]; stop: () => void } {
  const log: RecordedStatement[] = []
  const prepare = db.prepare
  let recording = true
  db.prepare = function recordingPrepare(this: Database, source: string) {
    const statement = prepare.call(this, source) as Statement<unknown[]>
    const modes: Array<[Mode, boolean]> = []
    return new Proxy(statement, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver) as unknown
        if (typeof value !== 'function') return value
        if (key === 'pluck' || key === 'raw' || key === 'expand')
          return (on = true) => {
            modes.push([key, on])
            ;(value as (on: boolean) => unknown).call(target, on)
            return receiver
          }
        if (key === 'all' || key === 'get' || key === 'run' || key === 'iterate')
          return (...args: unknown[]) => {
            const result = (value as (...a: unknown[]) => unknown).apply(target, args)
            if (!recording) return result
            if (key !== 'iterate') {
              log.push({ sql: source, method: key, modes: [...modes], args, result })
              return result
            }
            const rows = [...(result as Iterable<unknown>)]
            log.push({ sql: source, method: key, modes: [...modes], args, result: rows })
            return rows[Symbol.iterator]()
          }
        return (value as (...a: unknown[]) => unknown).bind(target)
      },
    })
  } as typeof db.prepare
  return {
    log,
    stop: () => {
      recording = false
      db.prepare = prepare
    },
  }
}

/** Prepares each recorded statement once on `raw` (better-sqlite3's own statement reuse, as our SqlRunner does). */
export function preparedReplay(raw: Database, log: readonly RecordedStatement[]): () => unknown[] {
  const statements = log.map((entry) => {
    const statement = raw.prepare(entry.sql)
    for (const [mode, on] of entry.modes) statement[mode](on)
    return { statement, entry }
  })
  return () =>
    statements.map(({ statement, entry }) =>
      entry.method === 'iterate' ? [...statement.iterate(...entry.args)] : (statement[entry.method] as (...a: unknown[]) => unknown)(...entry.args),
    )
}
