// Several app servers on one PostgreSQL database (README "More than one core or machine"): two
// servers on two ports, as behind a load balancer with no sticky sessions. Participants start on one
// and carry on on the other; every acknowledged answer is stored once; a staff member signed in on
// one is signed in on the other. Its own database on the suite's PostgreSQL (TEST_DATABASE_URL, which
// `npm test` starts); skipped when there is none.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import { expect, test } from '@playwright/test'
import pg from 'pg'
import { DEMO_PASSWORD } from '../../db/seed/accounts'

const ADMIN_URL = process.env.TEST_DATABASE_URL
const PORTS = [Number(process.env.E2E_PORT ?? 3210) + 81, Number(process.env.E2E_PORT ?? 3210) + 82]
const BASES = PORTS.map((port) => `http://127.0.0.1:${port}`)
const SLUG = 'have-your-say'
const DATABASE = `several_servers_${process.pid}`

test.describe.configure({ mode: 'serial' })
test.skip(!ADMIN_URL, 'needs PostgreSQL: TEST_DATABASE_URL (npm test starts one)')

let databaseUrl: string
const servers: ChildProcess[] = []

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

test.beforeAll(async () => {
  test.setTimeout(120_000)
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${DATABASE}`))
  await admin((c) => c.query(`CREATE DATABASE ${DATABASE}`))
  const url = new URL(ADMIN_URL!)
  url.pathname = `/${DATABASE}`
  databaseUrl = url.toString()
  const env = { ...process.env, DATABASE_URL: databaseUrl }
  // Migrations and seed run once, before the servers start (never by each server).
  const seeded = spawnSync('npx', ['tsx', 'db/seed.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  expect(seeded.status, 'migrate + seed').toBe(0)
  PORTS.forEach((port, i) => {
    servers.push(
      spawn(process.execPath, ['server.js'], {
        env: {
          ...env,
          NODE_ENV: 'production',
          PORT: String(port),
          // The same secret on every server, so each can read the others' cookies.
          SESSION_SECRET: 's'.repeat(32),
          COOKIE_SECURE: 'false',
          // One server runs the retention timer.
          RETENTION_PURGE: i === 0 ? 'on' : 'off',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    )
  })
  for (const base of BASES) {
    await expect.poll(() => fetch(`${base}/healthz`).then((r) => r.status, () => 0), { timeout: 30_000, message: `${base} up` }).toBe(200)
  }
})

test.afterAll(async () => {
  await Promise.all(
    servers.map(async (server) => {
      if (server.exitCode !== null || server.signalCode !== null) return
      const exited = new Promise((resolve) => server.once('exit', resolve))
      server.kill('SIGTERM')
      await exited
    }),
  )
  if (ADMIN_URL) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${DATABASE}`))
})

function cookiesOf(response: Response): string {
  return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
}

function post(base: string, path: string, cookie: string, body: Record<string, string>): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: base, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  })
}

test('participants start on one server and carry on on the other; every answer is stored once', async () => {
  test.setTimeout(120_000)
  const participants = 40
  const texts = await Promise.all(
    Array.from({ length: participants }, async (_, i) => {
      const [first, second] = i % 2 === 0 ? BASES : [...BASES].reverse()
      const start = await fetch(`${first}/c/${SLUG}`, { method: 'POST', redirect: 'manual', headers: { origin: first } })
      expect(start.status).toBe(302)
      const cookie = cookiesOf(start)
      // Question 3 on the other server, question 4 (free text) back on the first.
      const q3 = await post(second, `/c/${SLUG}/q/3`, cookie, { answer: 'safe', intent: 'next' })
      expect(q3.status, 'saved on the second server').toBe(302)
      expect(q3.headers.get('location')).toBe(`/c/${SLUG}/q/4`)
      const text = `several servers ${crypto.randomUUID()}`
      const q4 = await post(first, `/c/${SLUG}/q/4`, cookie, { answer: text, intent: 'next' })
      expect(q4.status, 'saved on the first server').toBe(302)
      return text
    }),
  )
  const stored = await admin(async () => {
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    try {
      const rows = await client.query<{ text: string; n: string }>("SELECT text, count(*) AS n FROM answer WHERE text LIKE 'several servers %' GROUP BY text")
      return new Map(rows.rows.map((r) => [r.text, Number(r.n)]))
    } finally {
      await client.end()
    }
  })
  expect(texts.filter((t) => stored.get(t) !== 1), 'answers missing or stored twice').toEqual([])
  expect(stored.size).toBe(participants)
})

test('a staff member signed in on one server is signed in on the other', async () => {
  const signIn = await post(BASES[0], '/staff/sign-in', '', { email: 'planner@demo.invalid', password: DEMO_PASSWORD })
  expect(signIn.status).toBe(302)
  const cookie = cookiesOf(signIn)
  const home = await fetch(`${BASES[1]}/staff`, { headers: { cookie }, redirect: 'manual' })
  expect(home.status).toBe(200)
  expect(await home.text()).toContain('Priya Planner')
})
