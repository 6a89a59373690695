#!/usr/bin/env node
// Answer-submission throughput: the production build on loopback, driven by wrk.
//
// 1. Starts the production server on a fresh, seeded SQLite file (or PostgreSQL with
//    BENCH_POSTGRES_URL=postgres://…/db — that database is wiped and migrated).
// 2. Starts CONNECTIONS×10 participants (real POSTs to the start page) and keeps their cookies.
// 3. wrk posts the answer to question 3 of the demo consultation ("How safe do you feel…?") as a
//    browser without JavaScript does: a form POST that is saved, then answered with a redirect.
//    Each request uses the next participant's cookie, so every request is a real save.
// 4. Does the same against a bare node:http + better-sqlite3 server doing the same work (read the
//    cookie, hash the token, find the response, replace the answer in a transaction, redirect),
//    and prints the ratio: what the framework, sessions and validation cost.
//
// Usage: npm run build && node bench/throughput.mjs   (needs wrk: apt-get install wrk)
// Options (environment): CONNECTIONS (100), DURATION seconds (15), THREADS (2), BENCH_POSTGRES_URL.
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 100)
const DURATION = Number(process.env.DURATION ?? 15)
const THREADS = Number(process.env.THREADS ?? 2)
const SLUG = 'have-your-say'
const QUESTION = 3
const BODY = 'answer=safe&intent=next'
const buildDir = process.env.BUILD_DIR ?? 'build'

if (spawnSync('wrk', ['--version']).error) {
  console.error('wrk is not installed: apt-get install wrk')
  process.exit(1)
}
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

console.log(`\nAnswer submissions (form POST → saved → 302), ${CONNECTIONS} connections, ${THREADS} wrk threads, ${DURATION} s, ${os.cpus().length} cores`)
console.log('| Server | Requests/s | p50 ms | p99 ms | Errors |')
console.log('| --- | ---: | ---: | ---: | ---: |')
for (const r of results) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} |`)
const app = results.find((r) => r.name.startsWith('App on SQLite'))
const bare = results.find((r) => r.name.startsWith('Bare'))
if (app && bare) console.log(`\nApp / bare node:http + better-sqlite3: ${(app.rps / bare.rps).toFixed(2)}× the throughput`)
console.log('Target: ≥ 2,000 submissions/s with p99 < 100 ms at 100 connections on SQLite.')

async function benchApp(label, databaseUrl, port, wipe = false) {
  const env = { ...process.env, BUILD_DIR: buildDir, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: databaseUrl, SESSION_SECRET: 'b'.repeat(32), COOKIE_SECURE: 'false', LOG_LEVEL: 'warn' }
  if (wipe) await wipePostgres(databaseUrl)
  const seeded = spawnSync('npx', ['tsx', 'db/seed.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  if (seeded.status !== 0) throw new Error('seed failed')
  const server = spawn(process.execPath, ['server.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  try {
    const base = `http://127.0.0.1:${port}`
    await waitFor(`${base}/healthz`)
    const cookies = await startParticipants(base, CONNECTIONS * 10)
    const url = `${base}/c/${SLUG}/q/${QUESTION}`
    // The answer really is saved and redirected: check one before measuring.
    const probe = await fetch(url, { method: 'POST', redirect: 'manual', headers: formHeaders(base, cookies[0]), body: BODY })
    if (probe.status !== 302) throw new Error(`expected a redirect after saving, got ${probe.status}`)
    return { name: `App on ${label}`, ...(await runWrk(url, base, cookies)) }
  } finally {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
  }
}

async function startParticipants(base, count) {
  const cookies = []
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${base}/c/${SLUG}`, { method: 'POST', redirect: 'manual', headers: { origin: base } })
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    if (res.status !== 302 || !cookie) throw new Error(`starting a participant failed: ${res.status}`)
    cookies.push(cookie)
  }
  return cookies
}

function formHeaders(base, cookie) {
  return { origin: base, cookie, 'content-type': 'application/x-www-form-urlencoded' }
}

async function runWrk(url, base, cookies) {
  const script = path.join(tmp, `wrk-${crypto.randomUUID()}.lua`)
  const list = cookies.map((c) => JSON.stringify(c)).join(',\n')
  fs.writeFileSync(
    script,
    `local cookies = {\n${list}\n}
local i = 0
request = function()
  i = i + 1
  local headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Origin"] = "${base}", ["Cookie"] = cookies[(i % #cookies) + 1] }
  return wrk.format("POST", nil, headers, "${BODY}")
end
`,
  )
  // Asynchronously: the bare server answers from this very process while wrk runs.
  const run = await new Promise((resolve, reject) => {
    const child = spawn('wrk', ['-t', String(THREADS), '-c', String(CONNECTIONS), '-d', `${DURATION}s`, '--latency', '-s', script, url])
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
  if (run.status !== 0) throw new Error(`wrk failed: ${run.stderr}`)
  if (process.env.BENCH_VERBOSE) console.log(run.stdout)
  return parseWrk(run.stdout)
}

function parseWrk(out) {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1])
  const ms = (label) => {
    const m = new RegExp(`\\s${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out)
    if (!m) return Number.NaN
    const value = Number(m[1])
    return m[2] === 'us' ? value / 1000 : m[2] === 's' ? value * 1000 : value
  }
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)
  const errors = non2xx + (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0)
  return { rps, p50: ms('50'), p99: ms('99'), errors }
}

// The same work with no framework: the floor the app is compared with.
async function benchBare(file, port) {
  const { default: Database } = await import('better-sqlite3')
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec('CREATE TABLE response (id INTEGER PRIMARY KEY, resume_hash TEXT UNIQUE NOT NULL); CREATE TABLE answer (response_id INTEGER NOT NULL, question TEXT NOT NULL, option_key TEXT NOT NULL)')
  const insertResponse = db.prepare('INSERT INTO response (resume_hash) VALUES (?)')
  const findResponse = db.prepare('SELECT id FROM response WHERE resume_hash = ?')
  const deleteAnswer = db.prepare('DELETE FROM answer WHERE response_id = ? AND question = ?')
  const insertAnswer = db.prepare('INSERT INTO answer (response_id, question, option_key) VALUES (?, ?, ?)')
  const save = db.transaction((responseId, optionKey) => {
    deleteAnswer.run(responseId, 'feel-safe')
    insertAnswer.run(responseId, 'feel-safe', optionKey)
  })
  const sha = (s) => crypto.createHash('sha256').update(s).digest('hex')
  const cookies = []
  for (let i = 0; i < CONNECTIONS * 10; i++) {
    const token = crypto.randomBytes(32).toString('base64url')
    insertResponse.run(sha(token))
    cookies.push(`t=${token}`)
  }
  const server = http.createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const token = /(?:^|;\s*)t=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
      const row = token ? findResponse.get(sha(token)) : undefined
      const answer = new URLSearchParams(body).get('answer')
      if (!row || !answer) {
        res.writeHead(400).end()
        return
      }
      save(row.id, answer)
      res.writeHead(302, { location: `/c/${SLUG}/q/${QUESTION + 1}` }).end()
    })
  })
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
  try {
    return { name: 'Bare node:http + better-sqlite3', ...(await runWrk(`http://127.0.0.1:${port}/`, `http://127.0.0.1:${port}`, cookies)) }
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
    db.close()
  }
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
