// Durability: kill the server with SIGKILL in the middle of a stream of submissions, restart it,
// and prove that every submission whose redirect was received is in the database.
// Its own server (production build), port and SQLite file: the shared e2e server is not touched.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import Database from 'better-sqlite3'

const PORT = Number(process.env.E2E_PORT ?? 3210) + 71
const BASE = `http://127.0.0.1:${PORT}`
const SLUG = 'have-your-say'
const TEXT_QUESTION = 4 // "one-change": free text, so every submission carries a unique mark
const WRITERS = 24

test.describe.configure({ mode: 'serial' })

let dir: string
let env: NodeJS.ProcessEnv

test.beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'durability-'))
  env = { ...process.env, NODE_ENV: 'production', PORT: String(PORT), DATABASE_URL: `file:${dir}/app.db`, SESSION_SECRET: 'd'.repeat(32), COOKIE_SECURE: 'false' }
  const seeded = spawnSync('npx', ['tsx', 'db/seed.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
  expect(seeded.status, 'migrate + seed').toBe(0)
})

test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

// Every server a test starts, stopped after it even when the test runs out of time (a test's own
// finally does not run then, and a server left on the port would fail the next run).
const started: ChildProcess[] = []
test.afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 10_000))])
    if (!stopped) child.kill('SIGKILL')
  }
})

function startServer(extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['server.js'], { env: { ...env, ...extra }, stdio: ['ignore', 'ignore', 'inherit'] })
  started.push(child)
  return child
}

async function waitUntilUp(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the server did not start')
}

/** One participant: start, then send the text answer. Resolves with the text once its redirect arrived. */
async function submitOne(): Promise<string | null> {
  try {
    // A connection handed to a server process just as it was killed is never answered (node:cluster
    // loses the hand-over): after 10 s it counts as not acknowledged, as a browser would give up.
    const signal = AbortSignal.timeout(10_000)
    const start = await fetch(`${BASE}/c/${SLUG}`, { method: 'POST', redirect: 'manual', headers: { origin: BASE }, signal })
    if (start.status !== 302) return null
    const cookie = start.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const text = `durability ${crypto.randomUUID()}`
    const saved = await fetch(`${BASE}/c/${SLUG}/q/${TEXT_QUESTION}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: BASE, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ answer: text, intent: 'next' }).toString(),
      signal,
    })
    // Acknowledged: the redirect to the next page was received, so the participant saw it saved.
    return saved.status === 302 ? text : null
  } catch {
    return null // the connection died with the server: not acknowledged
  }
}

test('every acknowledged submission survives SIGKILL and a restart', async () => {
  test.setTimeout(120_000)
  // A server left on this port by an earlier, interrupted run would answer instead of ours.
  expect(await fetch(`${BASE}/healthz`).then(() => 'something is listening', () => 'free'), `port ${PORT}`).toBe('free')
  const server = startServer()
  await waitUntilUp()

  const acknowledged: string[] = []
  let stop = false
  const writers = Array.from({ length: WRITERS }, async () => {
    while (!stop) {
      const text = await submitOne()
      if (text) acknowledged.push(text)
      else if (server.exitCode !== null || server.signalCode !== null) return
    }
  })
  // Let the stream run, then kill the server mid-stream, with no chance to flush or close.
  const deadline = Date.now() + 60_000
  while (acknowledged.length < 300) {
    if (Date.now() > deadline) {
      stop = true
      server.kill('SIGKILL')
      throw new Error(`only ${acknowledged.length} submissions acknowledged in 60 s`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGKILL')
  await exited
  stop = true
  await Promise.all(writers)
  expect(acknowledged.length).toBeGreaterThanOrEqual(300)

  // Restart on the same file: the server must come up (WAL recovered) and the data be there.
  const again = startServer()
  try {
    await waitUntilUp()
    const db = new Database(`${dir}/app.db`, { readonly: true })
    try {
      const stored = new Set((db.prepare('SELECT text FROM answer WHERE text LIKE ?').all('durability %') as { text: string }[]).map((r) => r.text))
      const missing = acknowledged.filter((text) => !stored.has(text))
      expect(missing, `${missing.length} of ${acknowledged.length} acknowledged submissions were lost`).toEqual([])
      // Unacknowledged ones may or may not be there; nothing else is.
      expect(stored.size).toBeGreaterThanOrEqual(acknowledged.length)
      console.log(`[durability] ${acknowledged.length} acknowledged before SIGKILL, ${stored.size} stored after restart, 0 lost`)
    } finally {
      db.close()
    }
    // And the restarted server takes new answers.
    expect(await submitOne()).not.toBeNull()
  } finally {
    again.kill('SIGTERM')
  }
})

/** The process ids of a server's children (the server processes under the cluster primary). */
function childrenOf(pid: number): number[] {
  // From /proc (Linux), so the test needs no `ps`: the parent is the 4th field of /proc/<pid>/stat, after the name in brackets.
  const children: number[] = []
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (parent === pid) children.push(Number(entry))
    } catch {
      // the process ended while we looked
    }
  }
  return children
}

// WEB_CONCURRENCY=2: two server processes write to one SQLite file (BEGIN IMMEDIATE, busy retried
// without blocking: db/sqlite-driver.ts). Saves from both arrive; one process is killed mid-stream and
// started again by the primary; no acknowledged answer is lost and none is refused for a busy database.
test('two server processes on one SQLite file: no save refused, none lost when one is killed', async () => {
  test.setTimeout(180_000)
  expect(
    await fetch(`${BASE}/healthz`).then(
      () => 'something is listening',
      () => 'free',
    ),
    `port ${PORT}`,
  ).toBe('free')
  const primary = startServer({ WEB_CONCURRENCY: '2' })
  try {
    await waitUntilUp()
    await expect
      .poll(() => childrenOf(primary.pid!).length, {
        message: 'two server processes',
      })
      .toBe(2)
    const [first] = childrenOf(primary.pid!)

    const acknowledged: string[] = []
    let failed = 0
    let stop = false
    const writers = Array.from({ length: WRITERS }, async () => {
      while (!stop) {
        const text = await submitOne()
        if (text) acknowledged.push(text)
        else failed++
      }
    })
    const waitFor = async (count: number) => {
      const deadline = Date.now() + 40_000
      while (acknowledged.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await waitFor(200)
    const before = acknowledged.length
    process.kill(first, 'SIGKILL')
    const failedBeforeKill = failed
    // The primary starts a new process in its place; the other one goes on serving meanwhile.
    await expect.poll(() => childrenOf(primary.pid!).filter((pid) => pid !== first).length, { timeout: 20_000, message: 'a new process in place of the killed one' }).toBe(2)
    await waitFor(before + 200)
    stop = true
    await Promise.all(writers)
    expect(acknowledged.length).toBeGreaterThanOrEqual(before + 200)
    // Before the kill, every save was acknowledged: two writers on one file never refused one.
    expect(failedBeforeKill, 'saves not acknowledged while both processes ran').toBe(0)

    const db = new Database(`${dir}/app.db`, { readonly: true })
    try {
      const stored = new Set((db.prepare('SELECT text FROM answer WHERE text LIKE ?').all('durability %') as { text: string }[]).map((r) => r.text))
      const missing = acknowledged.filter((text) => !stored.has(text))
      expect(missing, `${missing.length} of ${acknowledged.length} acknowledged submissions were lost`).toEqual([])
      console.log(`[durability] two processes: ${acknowledged.length} acknowledged (${failed} cut off by the kill), 0 lost`)
    } finally {
      db.close()
    }
  } finally {
    const exited = new Promise((resolve) => primary.once('exit', resolve))
    primary.kill('SIGTERM')
    await exited
  }
  // SIGTERM to the primary stops every server process.
  await expect
    .poll(
      () =>
        fetch(`${BASE}/healthz`).then(
          () => 'up',
          () => 'down',
        ),
      { timeout: 15_000 },
    )
    .toBe('down')
})
