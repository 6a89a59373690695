// Real databases for integration tests: a fresh SQLite file each time, and a fresh PostgreSQL
// database on the throwaway server that `npm test` starts (TEST_DATABASE_URL).
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { connect, type Dialect } from '../../db/connect'
import { migrateToLatest } from '../../db/migrator'
import type { Database } from '../../db/schema'

export interface TestDatabase {
  dialect: Dialect
  url: string
  db: Kysely<Database>
  drop(): Promise<void>
}

export const postgresAdminUrl = process.env.TEST_DATABASE_URL

/** The dialects this run covers. PostgreSQL is required unless SKIP_POSTGRES=1 says otherwise. */
export function testDialects(): Dialect[] {
  if (postgresAdminUrl) return ['sqlite', 'postgres']
  if (process.env.SKIP_POSTGRES === '1') return ['sqlite']
  throw new Error('TEST_DATABASE_URL is not set: run the suite with `npm test` (it starts PostgreSQL), or set SKIP_POSTGRES=1 to run on SQLite only.')
}

export async function createTestDatabase(dialect: Dialect, { migrate = true } = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'voices-test-'))
    const url = `file:${path.join(dir, 'test.db')}`
    const db = connect(url)
    if (migrate) await migrateToLatest(db)
    return { dialect, url, db, drop: async () => { await db.destroy(); fs.rmSync(dir, { recursive: true, force: true }) } }
  }
  if (!postgresAdminUrl) throw new Error('TEST_DATABASE_URL is not set')
  const name = `test_${crypto.randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: postgresAdminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(postgresAdminUrl)
  url.pathname = `/${name}`
  const db = connect(url.toString())
  if (migrate) await migrateToLatest(db)
  return {
    dialect,
    url: url.toString(),
    db,
    drop: async () => {
      await db.destroy()
      const client = new pg.Client({ connectionString: postgresAdminUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}
