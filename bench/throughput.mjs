#!/usr/bin/env node
// Answer-submission throughput: the production build on loopback, driven by autocannon.
//
// 1. Starts the production server (WEB_CONCURRENCY processes, default: one per core) on a fresh,
//    seeded SQLite file (or PostgreSQL with BENCH_POSTGRES_URL=postgres://…/db — that database is
//    wiped and migrated).
// 2. Starts PARTICIPANTS participants (real POSTs to the start page) and keeps their cookies.
// 3. autocannon posts the answer to question 3 of the demo consultation ("How safe do you feel…?") as
//    a browser without JavaScript does: a form POST that is saved, then answered with a redirect.
//    Each request uses the next participant's cookie, so every request is a real save. A warm-up run
//    comes first (JIT, caches, new connections); the figures are from the run after it.
// 4. Does the same against bench/bare-server.mjs — node:http + better-sqlite3 doing the same work
//    with no framework, in as many processes — and prints the ratio: what the framework, sessions,
//    validation and security headers cost.
//
// Why autocannon and not wrk: on this 2-core machine wrk reports about 1% of requests taking 1–2 s
// against any Node server busy for 0.5 ms a request (a 20-line node:http server too), requests that
// the server itself answered within 31 ms; autocannon and a plain Node client measure the same
// servers with no such tail (docs/decisions/011).
//
// Usage: npm run build && node bench/throughput.mjs
// Options (environment): CONNECTIONS (100), DURATION seconds (15), WARMUP seconds (5), PARTICIPANTS
// (800), WEB_CONCURRENCY (server processes; default one per core), BENCH_POSTGRES_URL, BENCH_ONLY
// (app or bare), BENCH_NODE_ARGS (node flags for the app server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100)
const DURATION = Number(process.env.DURATION ?? 15)
const WARMUP = Number(process.env.WARMUP ?? 5)
// Each participant may save 60 pages a minute in each server process, and the server starts at most 1,200
// new responses a minute in all (app/utils/rate-limit.server.ts): 800 participants stay inside both
// for a 20-second run at 3,000 saves a second. Longer runs need more participants and a fresh minute.
const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 800)
const PROCESSES = Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism())
const SLUG = 'have-your-say'
const QUESTION = 3
const BODY = 'answer=safe&intent=next'
const buildDir = process.env.BUILD_DIR ?? 'build'

if (!fs.existsSync(`${buildDir}/server/index.js`)) {
  console.error('Run `npm run build` first.')
  process.exit(1)
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'throughput-'))
const results = []
try {
  const only = process.env.BENCH_ONLY // 'app' or 'bare', to run one side
  if (only !== 'bare') results.push(await benchApp('SQLite', `file:${tmp}/app.db`, 3401))
  if (only !== 'app') results.push(await benchBare(`${tmp}/bare.db`, 3402))
  if (process.env.BENCH_POSTGRES_URL) results.push(await benchApp('PostgreSQL', process.env.BENCH_POSTGRES_URL, 3403, true))
} finally {
  fs.rmSync(tmp, { recursive: true, force: true })
}

console.log(
  `\nAnswer submissions (form POST → saved → 302): ${CONNECTIONS} connections, ${DURATION} s after a ${WARMUP} s warm-up, ${PROCESSES} server process(es), ${os.availableParallelism()} cores, autocannon`,
)
console.log('| Server | Requests/s | p50 ms | p99 ms | Max ms | Errors |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
for (const r of results) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.max} | ${r.errors} |`)
const app = results.find((r) => r.name.startsWith('App on SQLite'))
const bare = results.find((r) => r.name.startsWith('Bare'))
if (app && bare) console.log(`\nApp / bare node:http + better-sqlite3: ${(app.rps / bare.rps).toFixed(2)}× the throughput`)
const met = app && app.rps >= 2000 && app.p99 < 100 && app.errors === 0
console.log(`Target: ≥ 2,000 submissions/s with p99 < 100 ms at 100 connections on SQLite${app ? (met ? ': MET' : ': NOT MET') : ''}.`)

async function benchApp(label, databaseUrl, port, wipe = false) {
  const env = {
    ...process.env,
    BUILD_DIR: buildDir,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: 'b'.repeat(32),
    COOKIE_SECURE: 'false',
    WEB_CONCURRENCY: String(PROCESSES),
    RETENTION_PURGE: 'off',
  }
  if (wipe) await wipePostgres(databaseUrl)
  const seeded = spawnSync('npx', ['tsx', 'db/seed.ts'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (seeded.status !== 0) throw new Error('seed failed')
  // NODE_OPTIONS refuses --cpu-prof, hence BENCH_NODE_ARGS.
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []
  // BENCH_SERVER_OUTPUT=1 shows what the server prints (for example with BENCH_NODE_ARGS=--trace-gc).
  const server = spawn(process.execPath, [...nodeArgs, 'server.js'], { env, stdio: ['ignore', process.env.BENCH_SERVER_OUTPUT ? 'inherit' : 'ignore', 'inherit'] })
  try {
    const base = `http://127.0.0.1:${port}`
    await waitFor(`${base}/healthz`)
    const cookies = await startParticipants(`${base}/c/${SLUG}`, base)
    const url = `${base}/c/${SLUG}/q/${QUESTION}`
    // The answer really is saved and redirected: check one before measuring.
    const probe = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      headers: formHeaders(base, cookies[0]),
      body: BODY,
    })
    if (probe.status !== 302 || probe.headers.get('location') !== `/c/${SLUG}/q/${QUESTION + 1}`) throw new Error(`expected a redirect to the next question, got ${probe.status}`)
    return { name: `App on ${label}`, ...(await measure(url, base, cookies)) }
  } finally {
    await stop(server)
  }
}

async function benchBare(file, port) {
  const env = {
    ...process.env,
    PORT: String(port),
    BARE_DB: file,
    WEB_CONCURRENCY: String(PROCESSES),
  }
  const server = spawn(process.execPath, ['bench/bare-server.mjs'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  try {
    const base = `http://127.0.0.1:${port}`
    await waitFor(`${base}/healthz`)
    const cookies = await startParticipants(`${base}/start`, base)
    return {
      name: 'Bare node:http + better-sqlite3',
      ...(await measure(`${base}/q/3`, base, cookies)),
    }
  } finally {
    await stop(server)
  }
}

async function startParticipants(startUrl, base) {
  // Several kept-alive connections: the server's processes take connections in turn and each allows its
  // share of the new responses a minute (app/utils/rate-limit.server.ts). (A new connection for each would
  // leave a thousand closed ones waiting in TIME_WAIT, and the measured run's connections can then meet
  // them and wait seconds to connect.)
  const agent = new http.Agent({ keepAlive: true, maxSockets: PROCESSES * 2 })
  // A process that has used up its share answers 429: then a new connection, which goes to another process.
  const start = (tries = 20, via = agent) =>
    new Promise((resolve, reject) => {
      const req = http.request(startUrl, { method: 'POST', agent: via, headers: { origin: base, 'content-length': 0 } }, (res) => {
        res.resume()
        const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ')
        if (res.statusCode === 429 && tries > 1) resolve(start(tries - 1, false))
        else if (res.statusCode !== 302 || !cookie) reject(new Error(`starting a participant at ${startUrl} failed: ${res.statusCode}`))
        else resolve(cookie)
      })
      req.on('error', reject)
      req.end()
    })
  const cookies = []
  let next = 0
  await Promise.all(
    Array.from({ length: PROCESSES * 2 }, async () => {
      while (next < PARTICIPANTS) {
        next++
        cookies.push(await start())
      }
    }),
  )
  agent.destroy()
  return cookies
}

function formHeaders(base, cookie) {
  return {
    origin: base,
    cookie,
    'content-type': 'application/x-www-form-urlencoded',
  }
}

async function measure(url, base, cookies) {
  if (WARMUP > 0) await run(url, base, cookies, WARMUP)
  const result = await run(url, base, cookies, DURATION)
  const redirects = result.statusCodeStats?.['302']?.count ?? 0
  const answered = Object.values(result.statusCodeStats ?? {}).reduce((sum, s) => sum + Number(s.count), 0)
  // An error is anything but the redirect after a save: another status, a timeout, a dropped connection.
  const errors = answered - Number(redirects) + result.errors
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors,
  }
}

function run(url, base, cookies, seconds) {
  let next = 0
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    method: 'POST',
    body: BODY,
    headers: formHeaders(base, cookies[0]),
    requests: [
      {
        setupRequest(request) {
          next = (next + 1) % cookies.length
          return {
            ...request,
            headers: { ...request.headers, cookie: cookies[next] },
          }
        },
      },
    ],
  })
}

async function stop(child) {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await new Promise((resolve) => child.once('exit', resolve))
}

async function wipePostgres(url) {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public')
  await client.end()
}

async function waitFor(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`server did not start: ${url}`)
}
