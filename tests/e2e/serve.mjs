// The server Playwright tests run against (see playwright.config.ts `webServer`):
// a fresh SQLite database (deleted, migrated and seeded with the demo), then the production
// build on port 3210. Signals are passed on to the server so it stops cleanly.
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
process.chdir(root)

const DB_FILE = process.env.E2E_DATABASE_FILE ?? 'data/e2e.db'
const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: process.env.E2E_PORT ?? '3210',
  DATABASE_URL: `file:./${DB_FILE}`,
  // A throwaway secret per run, so the tests never read or write data/session-secret.
  SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
}
// Cookies must be Secure by default in production; the tests check that default.
delete env.COOKIE_SECURE

// One end-to-end server per database: a second run started while this one is up (another terminal,
// another engineer) must not delete the database under it. The lock holds this process's pid.
const LOCK = `${DB_FILE}.lock`
function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}
fs.mkdirSync(path.dirname(DB_FILE), { recursive: true })
try {
  fs.writeFileSync(LOCK, String(process.pid), { flag: 'wx' })
} catch (error) {
  if (error.code !== 'EEXIST') throw error
  const other = Number(fs.readFileSync(LOCK, 'utf8'))
  if (other && other !== process.pid && alive(other)) {
    console.error(`[e2e] another end-to-end server (pid ${other}) is using ${DB_FILE}; wait for that run to finish (or stop it), then try again.`)
    process.exit(1)
  }
  fs.writeFileSync(LOCK, String(process.pid)) // left behind by a run that was killed
}
process.on('exit', () => {
  try {
    if (fs.readFileSync(LOCK, 'utf8') === String(process.pid)) fs.rmSync(LOCK)
  } catch {
    // already gone
  }
})

const BUILD_DIR = process.env.BUILD_DIR ?? 'build'
if (!fs.existsSync(`${BUILD_DIR}/server/index.js`)) {
  console.error(`[e2e] ${BUILD_DIR}/server/index.js is missing: run npm run build first`)
  process.exit(1)
}

// data/e2e.db and everything named after it: -wal, -shm, -journal, and the tests' ledger of what
// they saved (e2e.db.journeys.json, see tests/helpers/e2e-ledger.ts).
for (const name of fs.readdirSync(path.dirname(DB_FILE))) {
  const file = path.join(path.dirname(DB_FILE), name)
  if (name.startsWith(path.basename(DB_FILE)) && file !== path.normalize(LOCK)) fs.rmSync(file, { force: true })
}

const seed = spawnSync('npx', ['tsx', 'db/seed.ts'], { env, stdio: ['ignore', 'inherit', 'inherit'] })
if (seed.status !== 0) {
  console.error(`[e2e] migrate + seed failed (${seed.error?.message ?? `exit ${seed.status}`})`)
  process.exit(1)
}

const server = spawn(process.execPath, ['server.js'], { env, stdio: ['ignore', 'inherit', 'inherit'] })
server.on('error', (error) => {
  console.error(`[e2e] could not start server.js: ${error.message}`)
  process.exit(1)
})
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => {
    if (server.exitCode === null && server.signalCode === null) server.kill(signal)
    // If the server does not stop in time, do not leave it behind.
    setTimeout(() => {
      server.kill('SIGKILL')
      process.exit(1)
    }, 4_000).unref()
  })
}
