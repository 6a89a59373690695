import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { connect, sqliteSynchronous } from './connect'

describe('sqliteSynchronous', () => {
  it('is NORMAL unless FULL is asked for, in any case', () => {
    expect(sqliteSynchronous(undefined)).toBe('NORMAL')
    expect(sqliteSynchronous('full')).toBe('FULL')
    expect(sqliteSynchronous(' Normal ')).toBe('NORMAL')
  })
  it('refuses anything else, naming the value', () => {
    expect(() => sqliteSynchronous('OFF')).toThrow(/SQLITE_SYNCHRONOUS must be NORMAL or FULL, not "OFF"/)
  })
})

describe('connect (SQLite)', () => {
  it('opens the file in WAL mode with the chosen synchronous level and foreign keys on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'connect-'))
    const previous = process.env.SQLITE_SYNCHRONOUS
    process.env.SQLITE_SYNCHRONOUS = 'FULL'
    const db = connect(`file:${path.join(dir, 'x.db')}`)
    try {
      const pragma = async (name: string) => Object.values((await sql.raw(`PRAGMA ${name}`).execute(db)).rows[0] as object)[0]
      expect(await pragma('journal_mode')).toBe('wal')
      expect(await pragma('synchronous')).toBe(2) // FULL
      expect(await pragma('foreign_keys')).toBe(1)
    } finally {
      await db.destroy()
      if (previous === undefined) delete process.env.SQLITE_SYNCHRONOUS
      else process.env.SQLITE_SYNCHRONOUS = previous
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
