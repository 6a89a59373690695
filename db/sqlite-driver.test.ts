import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { type Generated, Kysely, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sqliteServerDialect } from './sqlite-driver'

interface Tables {
  item: { id: Generated<number>; name: string }
}

let dir: string
let file: string
const open: Array<{ close(): unknown }> = []

function raw(): SQLite.Database {
  const db = new SQLite(file, { timeout: 0 })
  db.pragma('journal_mode = WAL')
  open.push(db)
  return db
}

function kysely(busyRetryMs?: number): {
  db: Kysely<Tables>
  sqlite: SQLite.Database
  prepared: string[]
} {
  const sqlite = raw()
  const prepared: string[] = []
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((text: string) => {
    prepared.push(text)
    return prepare(text)
  }) as typeof sqlite.prepare
  const db = new Kysely<Tables>({
    dialect: sqliteServerDialect(sqlite, { busyRetryMs }),
  })
  open.push({ close: () => db.destroy().catch(() => undefined) })
  return { db, sqlite, prepared }
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-driver-'))
  file = path.join(dir, 'test.db')
  raw().exec('CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)')
})

afterEach(() => {
  for (const db of open.splice(0).reverse()) db.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('SQLite server driver', () => {
  it('prepares a statement once and runs it again with new values', async () => {
    const { db, prepared } = kysely()
    for (const name of ['a', 'b', 'c']) await db.insertInto('item').values({ name }).execute()
    const rows = []
    for (let i = 0; i < 3; i++)
      rows.push(
        await db
          .selectFrom('item')
          .select('name')
          .where('id', '=', i + 1)
          .executeTakeFirst(),
      )
    expect(rows).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }])
    // One insert and one select statement, each prepared once.
    expect(prepared.filter((text) => /insert into "item"/.test(text))).toHaveLength(1)
    expect(prepared.filter((text) => /select "name" from "item"/.test(text))).toHaveLength(1)
  })

  it('gives a streamed query its own statement, so the same query can run while it is read', async () => {
    const { db } = kysely()
    await db
      .insertInto('item')
      .values([{ name: 'a' }, { name: 'b' }])
      .execute()
    const seen: string[] = []
    const query = db.selectFrom('item').select('name').orderBy('id')
    // The streamed read holds the one connection until it ends; the same SQL then runs again.
    for await (const row of query.stream()) seen.push(row.name)
    expect(seen).toEqual(['a', 'b'])
    expect(await query.execute()).toEqual([{ name: 'a' }, { name: 'b' }])
  })

  it('serves waiting queries first come, first served', async () => {
    const { db } = kysely()
    const order: number[] = []
    const held = db.transaction().execute(async (trx) => {
      await trx.insertInto('item').values({ name: 'first' }).execute()
      await new Promise((resolve) => setTimeout(resolve, 20))
    })
    const waiting = Array.from({ length: 8 }, (_, i) =>
      db
        .insertInto('item')
        .values({ name: `q${i}` })
        .execute()
        .then(() => order.push(i)),
    )
    await Promise.all([held, ...waiting])
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    const names = (await db.selectFrom('item').select('name').orderBy('id').execute()).map((r) => r.name)
    expect(names).toEqual(['first', 'q0', 'q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'])
  })

  it('takes the write lock when a transaction begins (BEGIN IMMEDIATE)', async () => {
    const { db } = kysely()
    const other = raw()
    let refused: unknown
    await db.transaction().execute(async (trx) => {
      // Nothing written yet in this transaction, and still another connection cannot write.
      await trx.selectFrom('item').selectAll().execute()
      try {
        other.prepare("INSERT INTO item (name) VALUES ('other')").run()
      } catch (error) {
        refused = error
      }
    })
    expect((refused as { code?: string } | undefined)?.code).toBe('SQLITE_BUSY')
  })

  it('waits for another process’s write lock without blocking, then saves', async () => {
    const { db } = kysely()
    const other = raw()
    other.exec('BEGIN IMMEDIATE')
    other.prepare("INSERT INTO item (name) VALUES ('other')").run()
    let ticks = 0
    const ticker = setInterval(() => ticks++, 5)
    const release = setTimeout(() => other.exec('COMMIT'), 120)
    try {
      const started = Date.now()
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('item').values({ name: 'mine' }).execute()
      })
      expect(Date.now() - started).toBeGreaterThanOrEqual(100)
      // Timers kept running while the transaction waited: the process was never put to sleep.
      expect(ticks).toBeGreaterThanOrEqual(10)
    } finally {
      clearInterval(ticker)
      clearTimeout(release)
    }
    const names = (await db.selectFrom('item').select('name').orderBy('id').execute()).map((r) => r.name)
    expect(names).toEqual(['other', 'mine'])
  })

  it('gives up with SQLITE_BUSY when the lock is held past the retry time, leaving nothing half done', async () => {
    const { db } = kysely(150)
    const other = raw()
    other.exec('BEGIN IMMEDIATE')
    const attempt = db.transaction().execute(async (trx) => {
      await trx.insertInto('item').values({ name: 'mine' }).execute()
    })
    await expect(attempt).rejects.toMatchObject({ code: 'SQLITE_BUSY' })
    other.exec('ROLLBACK')
    // The connection is free again and works.
    await db.insertInto('item').values({ name: 'after' }).execute()
    expect(await db.selectFrom('item').select('name').execute()).toEqual([{ name: 'after' }])
    expect((await sql<{ n: number }>`select count(*) as n from item`.execute(db)).rows[0].n).toBe(1)
  })
})
