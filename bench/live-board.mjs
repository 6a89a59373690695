#!/usr/bin/env node
// Live board (issue #6): DEVICES simulated phones (default 40) join ONE group session with its code and
// answer the demo consultation the way a browser without JavaScript does (join, start, each question
// page posted, a short think time between pages), all at once, while the facilitator's live board
// asks for /staff/sessions/:id/board.json every BOARD_POLL_MS (2,000 ms, as the board page does).
//
// For each finished response it measures the update delay: from the moment the server acknowledged the
// last answer (the redirect to the thank-you page arrived) to the first board.json that counted it.
// A second watcher asking every 100 ms shows how much of that is the server (the rest is the board's
// poll interval). Also board.json's own response time while the devices are busy.
//
// Usage: npm run build && node bench/live-board.mjs   (DEVICES, BOARD_POLL_MS, BUILD_DIR, BENCH_PORT)
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const DEVICES = Number(process.env.DEVICES ?? 40)
const BOARD_POLL_MS = Number(process.env.BOARD_POLL_MS ?? 2000)
const FAST_POLL_MS = 100
const PORT = Number(process.env.BENCH_PORT ?? 3405)
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
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'live-board-'))
const env = { ...process.env, BUILD_DIR: buildDir, NODE_ENV: 'production', PORT: String(PORT), DATABASE_URL: `file:${path.join(dir, 'bench.db')}`, SESSION_SECRET: 'b'.repeat(32), COOKIE_SECURE: 'false' }
if (spawnSync('npx', ['tsx', 'db/seed.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) process.exit(1)
const server = spawn(process.execPath, ['server.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] })

/** A browser's cookies and form posts, redirects not followed (each hop is timed and checked). */
class Client {
  cookies = new Map()
  async request(method, url, form) {
    const headers = { Cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
    if (form) headers['Content-Type'] = 'application/x-www-form-urlencoded'
    const response = await fetch(`${BASE}${url}`, { method, headers, body: form ? new URLSearchParams(form).toString() : undefined, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq)
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, pair.slice(eq + 1))
    }
    return response
  }
  async post(url, form, expectLocation) {
    const response = await this.request('POST', url, form)
    await response.arrayBuffer()
    const location = response.headers.get('location')
    if (response.status !== 302 || (expectLocation && !expectLocation.test(location ?? ''))) throw new Error(`POST ${url}: ${response.status} ${location}`)
    return location
  }
  async get(url) {
    const response = await this.request('GET', url)
    return { status: response.status, text: await response.text() }
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

let failed = false
try {
  await waitFor(`${BASE}/healthz`)
  const facilitator = new Client()
  await facilitator.post('/staff/sign-in', { email: 'facilitator@demo.invalid', password: 'have-your-say-demo', redirectTo: '/staff/sessions' }, /\/staff\/sessions$/)
  const sessionPath = await facilitator.post('/staff/sessions', { consultation: SLUG, setting: 'youth_club', groupType: 'Bench club', expected: String(DEVICES) }, /^\/staff\/sessions\/[\w-]+$/)
  const boardUrl = `${sessionPath}/board.json`
  const first = JSON.parse((await facilitator.get(boardUrl)).text)
  const code = first.code

  // The watchers: the board's own interval, and a fast one.
  const seen = { slow: [], fast: [] }
  const boardTimes = []
  let running = true
  const watch = async (kind, interval) => {
    while (running) {
      const started = performance.now()
      const board = JSON.parse((await facilitator.get(boardUrl)).text)
      const at = performance.now()
      boardTimes.push(at - started)
      seen[kind].push({ at, finished: board.finished })
      await sleep(Math.max(0, interval - (performance.now() - started)))
    }
  }
  const watchers = [watch('slow', BOARD_POLL_MS), watch('fast', FAST_POLL_MS)]

  const acks = []
  const errors = []
  const began = performance.now()
  await Promise.all(
    Array.from({ length: DEVICES }, async (_, n) => {
      const phone = new Client()
      const think = () => sleep(300 + Math.random() * 2200)
      try {
        await sleep(Math.random() * 5000) // children join over a few seconds
        await phone.post('/join', { code: code.toLowerCase() }, new RegExp(`^/c/${SLUG}$`))
        await phone.get(`/c/${SLUG}`)
        await phone.post(`/c/${SLUG}`, {}, /\/q\/1$/)
        await think()
        await phone.post(`/c/${SLUG}/q/1`, { intent: 'next', answer: groups[n % groups.length] }, /\/q\/2$/)
        await think()
        const ranking = Object.fromEntries(priorities.map((p, i) => [`rank-${p}`, String(((i + n) % priorities.length) + 1)]))
        await phone.post(`/c/${SLUG}/q/2`, { intent: 'next', ...ranking }, /\/q\/3$/)
        await think()
        await phone.post(`/c/${SLUG}/q/3`, { intent: 'next', answer: faces[n % faces.length] }, /\/q\/4$/)
        await think()
        await phone.post(`/c/${SLUG}/q/4`, { intent: 'next', answer: `Bench device ${n}: more places to go.` }, /\/thanks$/)
        acks.push(performance.now())
      } catch (error) {
        errors.push(`device ${n}: ${error.message}`)
      }
    }),
  )
  // Let the slow watcher see the last ones.
  await sleep(BOARD_POLL_MS + 500)
  running = false
  await Promise.all(watchers)

  acks.sort((a, b) => a - b)
  const delays = (kind) =>
    acks.map((ack, i) => {
      const shown = seen[kind].find((s) => s.at >= ack && s.finished >= i + 1)
      return shown ? shown.at - ack : Infinity
    })
  const slow = delays('slow')
  const fast = delays('fast')
  const last = seen.slow.at(-1)?.finished
  console.log(`\nLive board: ${DEVICES} devices in one session (demo consultation, 4 questions), ${acks.length} finished in ${((acks.at(-1) - began) / 1000).toFixed(1)} s; errors: ${errors.length}${errors.length ? `\n  ${errors.slice(0, 5).join('\n  ')}` : ''}`)
  console.log(`Board finished count at the end: ${last} (expected ${acks.length})`)
  console.log(`Update delay, board polling every ${BOARD_POLL_MS} ms (what the projector shows): p50 ${pct(slow, 50).toFixed(0)} ms, p95 ${pct(slow, 95).toFixed(0)} ms, max ${Math.max(...slow).toFixed(0)} ms`)
  console.log(`Update delay, polling every ${FAST_POLL_MS} ms (the server's part): p50 ${pct(fast, 50).toFixed(0)} ms, p95 ${pct(fast, 95).toFixed(0)} ms, max ${Math.max(...fast).toFixed(0)} ms`)
  console.log(`board.json response time under load: p50 ${pct(boardTimes, 50).toFixed(1)} ms, p95 ${pct(boardTimes, 95).toFixed(1)} ms (${boardTimes.length} requests)`)
  failed = errors.length > 0 || last !== acks.length || acks.length !== DEVICES || !Number.isFinite(Math.max(...slow))
  console.log(failed ? 'FAILED' : 'OK: every finished response reached the board')
} finally {
  server.kill('SIGTERM')
  await new Promise((resolve) => server.once('exit', resolve))
  fs.rmSync(dir, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await sleep(200)
  }
  throw new Error(`server did not start at ${url}`)
}
