import { describe, expect, it } from 'vitest'
import { parseEnv } from './env.server'

describe('parseEnv', () => {
  it('starts with no configuration at all, on SQLite', () => {
    const env = parseEnv({ SESSION_SECRET: 'x'.repeat(32) })
    expect(env.DATABASE_URL).toBe('file:./data/app.db')
    expect(env.PORT).toBe(3000)
    expect(env.COOKIE_SECURE).toBe(false)
  })
  it('marks cookies Secure in production unless told otherwise', () => {
    expect(parseEnv({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).COOKIE_SECURE).toBe(true)
    expect(parseEnv({ NODE_ENV: 'production', COOKIE_SECURE: 'false', SESSION_SECRET: 'x'.repeat(32) }).COOKIE_SECURE).toBe(false)
  })
  it('names every bad variable', () => {
    expect(() => parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SESSION_SECRET: 'short' })).toThrowError(/PORT[\s\S]*DATABASE_URL[\s\S]*SESSION_SECRET/)
  })
  it('accepts PostgreSQL URLs and treats empty values as unset', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db', SESSION_SECRET: 'x'.repeat(32) }).DATABASE_URL).toMatch(/^postgres/)
    expect(parseEnv({ DATABASE_URL: '', SESSION_SECRET: 'x'.repeat(32) }).DATABASE_URL).toBe('file:./data/app.db')
  })
  it('purges responses past retention unless RETENTION_PURGE=off, and names a typo', () => {
    expect(parseEnv({ SESSION_SECRET: 'x'.repeat(32) }).RETENTION_PURGE).toBe('on')
    expect(parseEnv({ RETENTION_PURGE: 'off', SESSION_SECRET: 'x'.repeat(32) }).RETENTION_PURGE).toBe('off')
    expect(() => parseEnv({ RETENTION_PURGE: 'no', SESSION_SECRET: 'x'.repeat(32) })).toThrowError(/RETENTION_PURGE/)
  })
})
