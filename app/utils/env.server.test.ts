import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEnv, persistedSecret } from './env.server'

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
  it('runs one server process unless WEB_CONCURRENCY says more, and names a bad value', () => {
    expect(parseEnv({ SESSION_SECRET: 'x'.repeat(32) }).WEB_CONCURRENCY).toBe(1)
    expect(parseEnv({ WEB_CONCURRENCY: '2', SESSION_SECRET: 'x'.repeat(32) }).WEB_CONCURRENCY).toBe(2)
    for (const bad of ['0', 'two', '1.5', '65']) expect(() => parseEnv({ WEB_CONCURRENCY: bad, SESSION_SECRET: 'x'.repeat(32) })).toThrowError(/WEB_CONCURRENCY/)
  })
})

describe('the generated session secret', () => {
  it('is made once and read back after', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-'))
    try {
      const file = path.join(dir, 'data', 'session-secret')
      const first = persistedSecret(file)
      expect(first).toMatch(/^[0-9a-f]{64}$/)
      expect(persistedSecret(file)).toBe(first)
      expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('is the same for server processes that start at the same moment', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-'))
    const file = path.join(dir, 'data', 'session-secret')
    try {
      const script = `import { persistedSecret } from ${JSON.stringify(path.resolve('app/utils/env.server.ts'))}; process.stdout.write(persistedSecret(${JSON.stringify(file)}))`
      const run = () =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
          let out = ''
          child.stdout.on('data', (chunk) => (out += chunk))
          child.on('error', reject)
          child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))))
        })
      const secrets = await Promise.all(Array.from({ length: 6 }, run))
      expect(new Set(secrets).size).toBe(1)
      expect(fs.readFileSync(file, 'utf8')).toBe(secrets[0])
      // No drafts left beside it.
      expect(fs.readdirSync(path.dirname(file))).toEqual(['session-secret'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 30_000)
})
