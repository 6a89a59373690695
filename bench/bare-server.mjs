#!/usr/bin/env node
// The floor bench/throughput.mjs compares the app with: node:http + better-sqlite3 doing the same work
// as the app's answer page with no framework — read the cookie, hash the token, find the response,
// replace the answer in a transaction, redirect. POST /start makes a participant (cookie t=<token>).
//
// Usage: PORT=3402 BARE_DB=/tmp/bare.db WEB_CONCURRENCY=2 node bench/bare-server.mjs
// WEB_CONCURRENCY processes share the port (node:cluster) and the SQLite file, as the app's do.
import cluster from 'node:cluster'
import crypto from 'node:crypto'
import http from 'node:http'
import Database from 'better-sqlite3'

const port = Number(process.env.PORT ?? 3402)
const file = process.env.BARE_DB ?? 'bare.db'
const processes = Number(process.env.WEB_CONCURRENCY ?? 1)

function open() {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL') // as the app (docs/decisions/004)
  db.pragma('busy_timeout = 5000')
  return db
}

if (cluster.isPrimary) {
  const db = open()
  db.exec(
    'CREATE TABLE IF NOT EXISTS response (id INTEGER PRIMARY KEY, resume_hash TEXT UNIQUE NOT NULL); CREATE TABLE IF NOT EXISTS answer (response_id INTEGER NOT NULL, question TEXT NOT NULL, option_key TEXT NOT NULL)',
  )
  db.exec('CREATE INDEX IF NOT EXISTS answer_response ON answer (response_id, question)')
  db.close()
}

if (cluster.isPrimary && processes > 1) {
  for (let i = 0; i < processes; i++) cluster.fork()
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
    process.exit(0)
  })
} else {
  const db = open()
  const insertResponse = db.prepare('INSERT INTO response (resume_hash) VALUES (?)')
  const findResponse = db.prepare('SELECT id FROM response WHERE resume_hash = ?')
  const deleteAnswer = db.prepare('DELETE FROM answer WHERE response_id = ? AND question = ?')
  const insertAnswer = db.prepare('INSERT INTO answer (response_id, question, option_key) VALUES (?, ?, ?)')
  const save = db.transaction((responseId, optionKey) => {
    deleteAnswer.run(responseId, 'feel-safe')
    insertAnswer.run(responseId, 'feel-safe', optionKey)
  })
  const sha = (s) => crypto.createHash('sha256').update(s).digest('hex')
  const server = http.createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      if (req.url === '/healthz') return res.writeHead(200).end('ok')
      if (req.url === '/start') {
        const token = crypto.randomBytes(32).toString('base64url')
        insertResponse.run(sha(token))
        return res
          .writeHead(302, {
            location: '/q/1',
            'set-cookie': `t=${token}; HttpOnly; SameSite=Lax; Path=/`,
          })
          .end()
      }
      const token = /(?:^|;\s*)t=([^;]+)/.exec(req.headers.cookie ?? '')?.[1]
      const row = token ? findResponse.get(sha(token)) : undefined
      const answer = new URLSearchParams(body).get('answer')
      if (!row || !answer) return res.writeHead(400).end()
      // Several processes: take the write lock at the start, as the app does (BEGIN IMMEDIATE).
      save.immediate(row.id, answer)
      res.writeHead(302, { location: '/q/4' }).end()
    })
  })
  server.listen(port, '127.0.0.1')
  process.once('SIGTERM', () => {
    server.closeAllConnections()
    server.close(() => process.exit(0))
  })
}
