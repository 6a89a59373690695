#!/usr/bin/env node
// Load: PARTICIPANTS simulated participants (default 500) each complete the demo consultation the
// way a browser without JavaScript does — open the start page, start, then for each of the four
// questions GET the page and POST the answer, then open the thank-you page — CONCURRENCY at a time,
// against the production build on loopback. Bounded: it stops at the participant count or at
// LIMIT_SECONDS (default 60), whichever comes first, and fails if the limit was reached.
// Afterwards it checks in the database that every participant's response is there, finished, with
// its four answers, and that the counts add up.
//
// Usage: npm run build && node bench/load.mjs   (PARTICIPANTS, CONCURRENCY, LIMIT_SECONDS, BUILD_DIR)
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'

const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 500)
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 50)
const LIMIT_SECONDS = Number(process.env.LIMIT_SECONDS ?? 60)
const PORT = Number(process.env.BENCH_PORT ?? 3404)
const BASE = `http://127.0.0.1:${PORT}`
const SLUG = 'have-your-say'
const buildDir = process.env.BUILD_DIR ?? 'build'

const groups = ['disabilities', 'mental-health', 'in-care', 'young-carers', 'drugs-alcohol', 'teenage-parents', 'run-away', 'reoffending', 'attendance', 'hate-crime']
const priorities = ['safe-places', 'less-bullying', 'respect', 'things-to-do', 'safer-from-crime']
const faces = ['safe', 'sometimes', 'not-safe']

if (!fs.existsSync(`${buildDir}/server/index.js`)) {
  console.error('Run `npm run build` first.')
  process.exit(1)
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'load-'))
const file = path.join(dir, 'load.db')
const env = { ...process.env, BUILD_DIR: buildDir, NODE_ENV: 'production', PORT: String(PORT), DATABASE_URL: `file:${file}`, SESSION_SECRET: 'l'.repeat(32), COOKIE_SECURE: 'false' }
if (spawnSync('npx', ['tsx', 'db/seed.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) process.exit(1)
const server = spawn(process.execPath, ['server.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] })

let failed = false
try {
  await waitFor(`${BASE}/healthz`)
  const before = countFinished()
  const talliedBefore = countTallied()
  const errors = []
  const latencies = []
  const deadline = Date.now() + LIMIT_SECONDS * 1000
  let next = 0
  let finished = 0
  const started = Date.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < PARTICIPANTS && Date.now() < deadline) {
        const n = next++
        try {
          await participant(n, latencies)
          finished++
        } catch (error) {
          errors.push(`participant ${n}: ${error.message}`)
        }
      }
    }),
  )
  const seconds = (Date.now() - started) / 1000
  const after = countFinished()
  const talliedAfter = countTallied()
  latencies.sort((a, b) => a - b)
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0
  console.log(`\nLoad: ${finished} of ${PARTICIPANTS} participants completed the demo consultation in ${seconds.toFixed(1)} s (limit ${LIMIT_SECONDS} s), ${CONCURRENCY} at a time`)
  console.log(`Requests: ${latencies.length} (${(latencies.length / seconds).toFixed(0)}/s), latency p50 ${pct(50).toFixed(1)} ms, p99 ${pct(99).toFixed(1)} ms`)
  console.log(`Errors: ${errors.length}${errors.length ? `\n  ${errors.slice(0, 10).join('\n  ')}` : ''}`)
  console.log(`Finished responses in the database: ${before} before, ${after} after (+${after - before}, expected +${finished})`)
  console.log(`Counted in the results (tally cells): ${talliedBefore} before, ${talliedAfter} after (+${talliedAfter - talliedBefore})`)
  const incomplete = incompleteLoadResponses()
  console.log(`Load responses missing an answer: ${incomplete}`)
  failed = errors.length > 0 || finished !== PARTICIPANTS || after - before !== PARTICIPANTS || talliedAfter - talliedBefore !== PARTICIPANTS || incomplete !== 0
  console.log(failed ? 'FAILED' : 'OK: zero errors, every response present and counted')
} finally {
  server.kill('SIGTERM')
  await new Promise((resolve) => server.once('exit', resolve))
  fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)

async function participant(n, latencies) {
  const jar = new Map()
  const request = async (method, url, body, expected) => {
    const t0 = performance.now()
    const res = await fetch(BASE + url, {
      method,
      redirect: 'manual',
      headers: { origin: BASE, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: body ? new URLSearchParams(body).toString() : undefined,
    })
    await res.arrayBuffer()
    latencies.push(performance.now() - t0)
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const i = pair.indexOf('=')
      jar.set(pair.slice(0, i), pair.slice(i + 1))
    }
    if (res.status !== expected) throw new Error(`${method} ${url}: ${res.status}, expected ${expected}`)
    return res
  }
  await request('GET', `/c/${SLUG}`, null, 200)
  await request('POST', `/c/${SLUG}`, {}, 302)
  const chosen = groups.filter((_, i) => (n + i) % 3 === 0)
  const pages = [
    [...chosen.map((key) => ['answer', key]), ['intent', 'next']],
    [...priorities.map((key, i) => [`rank-${key}`, String(((i + n) % priorities.length) + 1)]), ['intent', 'next']],
    [['answer', faces[n % faces.length]], ['intent', 'next']],
    n % 2 ? [['answer', `More places to play, from load participant ${n}`], ['intent', 'next']] : [['intent', 'skip']],
  ]
  for (const [index, fields] of pages.entries()) {
    await request('GET', `/c/${SLUG}/q/${index + 1}`, null, 200)
    await request('POST', `/c/${SLUG}/q/${index + 1}`, fields, 302)
  }
  await request('GET', `/c/${SLUG}/thanks`, null, 200)
}

function countFinished() {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare("SELECT count(*) AS n FROM response WHERE status = 'submitted'").get().n
  } finally {
    db.close()
  }
}

/** Finished responses as the results page counts them: the consultation's response cells (docs/decisions/009). */
function countTallied() {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare("SELECT coalesce(sum(n), 0) AS n FROM tally_cell WHERE kind = 'r' AND question_id = (SELECT id FROM consultation WHERE slug = ?)").get(SLUG).n
  } finally {
    db.close()
  }
}

/** Responses saved by this run (any after the seed) that lack an answer row for one of the questions. */
function incompleteLoadResponses() {
  const db = new Database(file, { readonly: true })
  try {
    return db
      .prepare(
        `SELECT count(*) AS n FROM response r
         WHERE r.id > (SELECT max(id) FROM response) - ? AND
           (SELECT count(DISTINCT a.question_id) FROM answer a WHERE a.response_id = r.id) <> (SELECT count(*) FROM question q WHERE q.consultation_id = r.consultation_id)`,
      )
      .get(PARTICIPANTS).n
  } finally {
    db.close()
  }
}

async function waitFor(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`server did not start: ${url}`)
}
