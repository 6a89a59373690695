// Environment, checked once at boot. A bad variable stops the app with a message naming it.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_DATABASE_URL } from '../../db/connect'

const booleanString = z.enum(['true', 'false']).transform((v) => v === 'true')

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => /^postgres(ql)?:\/\/.+/.test(url) || /^file:.+/.test(url) || url === ':memory:', {
      message: 'must be a postgres:// URL or a SQLite file as file:./path/to.db',
    }),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  COOKIE_SECURE: booleanString.optional(),
  // Checked at boot so a typo is named, not discovered at the first save (db/connect.ts applies it).
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL', 'normal', 'full']).optional(),
  // 'off' stops this server deleting responses past their retention period (app/services/retention.server.ts),
  // for example when another process runs `npm run purge` on a timer instead.
  RETENTION_PURGE: z.enum(['on', 'off']).default('on'),
  // Server processes sharing the port (server.js, production). Limits meant for the whole server are
  // shared out between them (app/domain/rate-limit.ts, shareOfLimit).
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
})

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string; COOKIE_SECURE: boolean }

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Treat empty strings as unset, so `DATABASE_URL=` falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''))
  const result = envSchema.safeParse(cleaned)
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
    throw new Error(`Invalid environment variables:\n${problems}\nSee .env.example.`)
  }
  const env = result.data
  return {
    ...env,
    SESSION_SECRET: env.SESSION_SECRET ?? persistedSecret(),
    COOKIE_SECURE: env.COOKIE_SECURE ?? env.NODE_ENV === 'production',
  }
}

// With no configuration the app must still start; a secret generated once and kept in data/
// keeps sessions valid across restarts of a single server. Several servers must share SESSION_SECRET.
// Several server processes (WEB_CONCURRENCY) may start at once: the secret is written to a file of its
// own and then linked into place, which only one of them can do; the others read the winner's.
export function persistedSecret(file = path.resolve('data/session-secret')): string {
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const draft = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`
    fs.writeFileSync(draft, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
    try {
      fs.linkSync(draft, file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      fs.rmSync(draft, { force: true })
    }
    return fs.readFileSync(file, 'utf8').trim()
  }
}

let cached: Env | undefined
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}
