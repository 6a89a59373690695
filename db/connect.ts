// Creates a Kysely instance for a database URL: SQLite (the embedded default)
// or PostgreSQL when the URL says postgres://. See docs/decisions/002.
import fs from 'node:fs'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'
import { sqliteServerDialect } from './sqlite-driver'

export type Dialect = 'sqlite' | 'postgres'

export const DEFAULT_DATABASE_URL = 'file:./data/app.db'

export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite'
}

export function sqlitePathOf(url: string): string {
  if (url === ':memory:' || url === 'file::memory:') return ':memory:'
  return url.replace(/^file:/, '')
}

// PostgreSQL returns COUNT/SUM as bigint strings; counts here always fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v))

export function connect(url: string = DEFAULT_DATABASE_URL): Kysely<Database> {
  if (dialectOf(url) === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10) })
    // An idle connection closed by the server (restart, failover, a dropped test database) must not
    // crash the process: the pool drops it and opens a new one on the next query.
    pool.on('error', (error) => console.error(`[db] idle PostgreSQL connection closed: ${error.message}`))
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  }
  const file = sqlitePathOf(url)
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new SQLite(file)
  // WAL lets readers (the planner's results) run while a participant's answer is written.
  // synchronous=NORMAL (default): an acknowledged answer survives a killed or crashed server
  // (tests/e2e/durability.spec.ts); FULL also survives a power cut, at one fsync per saved page.
  // See docs/decisions/004-sqlite-durability.md.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma(`synchronous = ${sqliteSynchronous(process.env.SQLITE_SYNCHRONOUS)}`)
  sqlite.pragma('foreign_keys = ON')
  // No waiting inside SQLite (it would put the whole server process to sleep): a statement that finds
  // another process writing is tried again without blocking (db/sqlite-driver.ts, docs/decisions/011).
  sqlite.pragma('busy_timeout = 0')
  return new Kysely<Database>({ dialect: sqliteServerDialect(sqlite) })
}

/** SQLITE_SYNCHRONOUS: NORMAL (default) or FULL; anything else is refused rather than guessed. */
export function sqliteSynchronous(value: string | undefined): 'NORMAL' | 'FULL' {
  const mode = (value ?? 'NORMAL').trim().toUpperCase()
  if (mode !== 'NORMAL' && mode !== 'FULL') throw new Error(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, not ${JSON.stringify(value)}`)
  return mode
}
