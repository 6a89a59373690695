// The one door to the database: a single Kysely instance for the app, from DATABASE_URL.
import { type Kysely, PostgresAdapter } from 'kysely'
import { connect } from '../../db/connect'
import type { Database } from '../../db/schema'
import { getEnv } from './env.server'

export type DB = Kysely<Database>

declare global {
  // Survives module reloads in development so we keep one connection (pool).
  var __db: DB | undefined
}

export function getDb(): DB {
  globalThis.__db ??= connect(getEnv().DATABASE_URL)
  return globalThis.__db
}

/**
 * Whether `SELECT … FOR UPDATE` is how a transaction keeps a row to itself. PostgreSQL: yes. SQLite has
 * no row locks and needs none: every transaction holds the database's one write lock from its start
 * (BEGIN IMMEDIATE, db/sqlite-driver.ts), so what it reads cannot change under it.
 */
export function locksRows(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}
