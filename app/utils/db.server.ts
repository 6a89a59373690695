// The one door to the database: a single Kysely instance for the app, from DATABASE_URL.
import type { Kysely } from 'kysely'
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
