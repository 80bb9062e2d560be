import type { Database, Statement } from 'better-sqlite3'

/** A parametrised statement: SQL text with `?` placeholders and the values that fill them. */
export interface SqlQuery {
  readonly text: string
  readonly params: SqlValue[]
}

export type SqlValue = string | number | bigint | Uint8Array | null

/** A piece of trusted SQL text (identifiers, fragments) that `sql` splices in as is. */
export class SqlFragment {
  constructor(readonly query: SqlQuery) {}
}

/**
 * Tagged template for SQL, in the manner of Signal Desktop: interpolated values become
 * bound parameters, never text, so user input cannot change the statement.
 */
export function sql(strings: TemplateStringsArray, ...values: Array<SqlValue | SqlFragment>): SqlQuery {
  let text = strings[0] ?? ''
  const params: SqlValue[] = []
  values.forEach((value, i) => {
    if (value instanceof SqlFragment) {
      text += value.query.text
      params.push(...value.query.params)
    } else {
      text += '?'
      params.push(value)
    }
    text += strings[i + 1] ?? ''
  })
  return { text, params }
}

/** Embeds a query built elsewhere (e.g. an optional WHERE clause) into another `sql` template. */
export function fragment(query: SqlQuery): SqlFragment {
  return new SqlFragment(query)
}

/** Joins fragments with a separator, e.g. conditions with ' AND '. */
export function join(parts: SqlQuery[], separator: string): SqlFragment {
  return new SqlFragment({
    text: parts.map((p) => p.text).join(separator),
    params: parts.flatMap((p) => p.params),
  })
}

/** Runs queries with better-sqlite3's statement cache, typed by the caller's row shape. */
export class SqlRunner {
  private readonly statements = new Map<string, Statement<SqlValue[]>>()

  constructor(readonly db: Database) {}

  private prepare(text: string) {
    let statement = this.statements.get(text)
    if (!statement) {
      statement = this.db.prepare<SqlValue[]>(text)
      this.statements.set(text, statement)
    }
    return statement
  }

  all<Row>(query: SqlQuery): Row[] {
    return this.prepare(query.text).all(...query.params) as Row[]
  }

  get<Row>(query: SqlQuery): Row | undefined {
    return this.prepare(query.text).get(...query.params) as Row | undefined
  }

  run(query: SqlQuery): { changes: number } {
    const { changes } = this.prepare(query.text).run(...query.params)
    return { changes }
  }

  /** Runs `fn` in one transaction (nested calls become savepoints). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }
}
