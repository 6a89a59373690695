// Kysely's driver for better-sqlite3, made for a server (docs/decisions/011). Kysely's own
// SqliteDriver does the same work with three costs that showed up when answers were saved at load:
// - it prepares every statement again on every query (as long as running it): here the last 500
//   prepared statements are kept by their SQL text;
// - when the one connection is free, every waiting query wakes and races for it: here they queue
//   and take turns, first come first served, so no request waits behind later ones;
// - with several server processes on one file (WEB_CONCURRENCY) a transaction that meets another
//   process's write lock either fails at once (a plain BEGIN that has already read: SQLITE_BUSY_SNAPSHOT)
//   or, with busy_timeout, puts the whole process to sleep until the lock is free. Here transactions
//   start with BEGIN IMMEDIATE (the write lock first, or nothing), and a statement that finds the
//   database busy is tried again a moment later without blocking the process, for up to 5 seconds.
import type BetterSqlite3 from 'better-sqlite3'
import { CompiledQuery, type DatabaseConnection, type Dialect, type Driver, type QueryResult, SelectQueryNode, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely'

export const BUSY_RETRY_MS = 5000
const STATEMENT_CACHE_SIZE = 500

/** Kysely's SQLite dialect (SQL, introspection) with the driver below. */
export function sqliteServerDialect(db: BetterSqlite3.Database, options: { busyRetryMs?: number } = {}): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new SqliteServerDriver(db, options.busyRetryMs ?? BUSY_RETRY_MS),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (kysely) => new SqliteIntrospector(kysely),
  }
}

export class SqliteServerDriver implements Driver {
  readonly #connection: SqliteServerConnection
  readonly #db: BetterSqlite3.Database
  readonly #waiting: Array<() => void> = []
  #inUse = false

  constructor(db: BetterSqlite3.Database, busyRetryMs = BUSY_RETRY_MS) {
    this.#db = db
    this.#connection = new SqliteServerConnection(db, busyRetryMs)
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#inUse) await new Promise<void>((resolve) => this.#waiting.push(resolve))
    this.#inUse = true
    return this.#connection
  }

  async releaseConnection(): Promise<void> {
    const next = this.#waiting.shift()
    // Handed straight to the next in line: #inUse stays true, so no one can slip in between.
    if (next) next()
    else this.#inUse = false
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'))
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'))
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteName(name)}`))
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quoteName(name)}`))
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${quoteName(name)}`))
  }

  async destroy(): Promise<void> {
    this.#db.close()
  }
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

class SqliteServerConnection implements DatabaseConnection {
  readonly #db: BetterSqlite3.Database
  readonly #statements = new Map<string, BetterSqlite3.Statement>()
  readonly #busyRetryMs: number

  constructor(db: BetterSqlite3.Database, busyRetryMs: number) {
    this.#db = db
    this.#busyRetryMs = busyRetryMs
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const started = performance.now()
    for (let attempt = 0; ; attempt++) {
      try {
        return this.#run<R>(compiledQuery)
      } catch (error) {
        const waited = performance.now() - started
        if (!isBusy(error) || waited >= this.#busyRetryMs) throw error
        // The statement did nothing; the other process holds the write lock, usually for a fraction of a
        // millisecond. For the first 2 ms try again after whatever else this process has to do (other
        // requests are served meanwhile), then every few milliseconds.
        await new Promise((resolve) => (waited < 2 ? setImmediate(resolve) : setTimeout(resolve, Math.min(2 ** Math.min(attempt, 10), 20))))
      }
    }
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) throw new Error('Only SELECT queries can be streamed from SQLite')
    // A fresh statement: a cached one could be needed again while this one is still being read.
    const statement = this.#db.prepare(compiledQuery.sql)
    for (const row of statement.iterate(compiledQuery.parameters as unknown[])) yield { rows: [row as R] }
  }

  #run<R>({ sql, parameters }: CompiledQuery): QueryResult<R> {
    const statement = this.#prepare(sql)
    if (statement.reader) return { rows: statement.all(parameters as unknown[]) as R[] }
    const { changes, lastInsertRowid } = statement.run(parameters as unknown[])
    return {
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
      rows: [],
    }
  }

  #prepare(sql: string): BetterSqlite3.Statement {
    const cached = this.#statements.get(sql)
    if (cached && !cached.busy) {
      // Most recently used last, so the first key is the one to drop.
      this.#statements.delete(sql)
      this.#statements.set(sql, cached)
      return cached
    }
    const statement = this.#db.prepare(sql)
    if (cached) return statement
    this.#statements.set(sql, statement)
    if (this.#statements.size > STATEMENT_CACHE_SIZE) this.#statements.delete(this.#statements.keys().next().value as string)
    return statement
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  // Not SQLITE_BUSY_SNAPSHOT: that one needs the whole transaction again, and BEGIN IMMEDIATE avoids it.
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_RECOVERY'
}
