// HTTP server: security headers with a per-request CSP nonce, compression, static files,
// a same-origin check on every POST, then Remix. Logs never include IP addresses or user agents.
//
// WEB_CONCURRENCY=N (production only) runs N server processes on the one port with node:cluster, to use
// every core: each opens its own database connection (SQLite in WAL mode takes one writer at a time
// across processes; see docs/decisions/011). Only the first runs the retention timer.
import cluster from 'node:cluster'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'

const buildDir = process.env.BUILD_DIR ?? 'build'
const production = process.env.NODE_ENV === 'production'
const port = Number(process.env.PORT || 3000)
const host = process.env.HOST || '0.0.0.0'
const processes = webConcurrency(process.env.WEB_CONCURRENCY)

if (production && processes > 1 && cluster.isPrimary) runPrimary(processes)
else await startServer()

function webConcurrency(value) {
  if (value === undefined || value === '') return 1
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`Invalid environment variables:\n  WEB_CONCURRENCY: must be a whole number from 1 to 64, not ${JSON.stringify(value)}\nSee .env.example.`)
    process.exit(1)
  }
  return n
}

// The primary only starts the server processes, starts a new one when one dies, and stops them all on SIGTERM.
function runPrimary(count) {
  // A larger young generation (V8's default is 16 MB): objects of requests still waiting in the queue
  // then die young instead of being moved to the old generation; measured 15% more saves a second and
  // shorter pauses (docs/decisions/011). `npm start` gives the single-process server the same.
  const tuned = process.execArgv.some((arg) => arg.startsWith('--max-semi-space-size'))
  cluster.setupPrimary({ execArgv: tuned ? process.execArgv : [...process.execArgv, '--max-semi-space-size=32'] })
  let stopping = false
  const start = (index) => {
    // One retention timer for the whole server: the others leave it to the first.
    const env = { WORKER_INDEX: String(index), ...(index > 1 ? { RETENTION_PURGE: 'off' } : {}) }
    cluster.fork(env).on('exit', (code, signal) => {
      if (stopping) return
      console.error(`[server] process ${index} stopped (${signal ?? code}); starting it again`)
      setTimeout(() => start(index), 1000).unref()
    })
  }
  for (let i = 1; i <= count; i++) start(i)
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      stopping = true
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
      const check = setInterval(() => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
      }, 50)
      check.unref()
      setTimeout(() => process.exit(0), 10_000).unref()
    })
  }
}

async function startServer() {

  const viteDevServer = production
    ? undefined
    : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', false)

  // A fresh nonce for every response: 16 bytes from the operating system's random source, cut from
  // 4 KB asked for at once (one system call per 256 responses instead of one each).
  let randomPool = Buffer.alloc(0)
  let randomOffset = 0
  const nextNonce = () => {
    if (randomOffset + 16 > randomPool.length) {
      randomPool = crypto.randomBytes(4096)
      randomOffset = 0
    }
    randomOffset += 16
    return randomPool.toString('base64', randomOffset - 16, randomOffset)
  }
  app.use((_req, res, next) => {
    res.locals.cspNonce = nextNonce()
    next()
  })

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          // Only our own scripts, and inline ones carrying this response's nonce. No third party.
          'script-src': ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`, ...(production ? [] : ["'unsafe-inline'"])],
          'style-src': ["'self'", ...(production ? [] : ["'unsafe-inline'"])],
          'img-src': ["'self'", 'data:', 'blob:'],
          'media-src': ["'self'", 'blob:'],
          'font-src': ["'self'"],
          'connect-src': ["'self'", ...(production ? [] : ['ws:'])],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'self'"],
          'object-src': ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'same-origin' },
      strictTransportSecurity: production ? { maxAge: 31536000, includeSubDomains: true } : false,
    }),
  )
  app.use((_req, res, next) => {
    res.setHeader('Permissions-Policy', 'camera=(self), microphone=(), geolocation=(), interest-cohort=()')
    next()
  })

  // Refuse state changes sent from another site (CSRF): browsers send Origin and Sec-Fetch-Site on POST.
  app.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
    const site = req.get('sec-fetch-site')
    const origin = req.get('origin')
    let crossOrigin = site === 'cross-site' || site === 'same-site'
    if (origin && origin !== 'null') {
      try {
        crossOrigin ||= new URL(origin).host !== req.get('host')
      } catch {
        crossOrigin = true
      }
    } else if (origin === 'null') crossOrigin = true
    if (crossOrigin) return res.status(403).type('text/plain').send('Forbidden: cross-origin request')
    next()
  })

  app.use(compression())

  if (viteDevServer) {
    app.use(viteDevServer.middlewares)
  } else {
    app.use('/assets', servePrecompressed(`${buildDir}/client/assets`))
    app.use('/assets', express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: '1y' }))
    app.use(express.static(`${buildDir}/client`, { maxAge: '1h' }))
  }
  app.use(express.static('public', { maxAge: '1h' }))

  // Serves the .br / .gz file written at build time (scripts/precompress.mjs) when the browser accepts it.
  function servePrecompressed(root) {
    const types = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json' }
    return (req, res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next()
      const ext = path.extname(req.path)
      if (!types[ext] || req.path.includes('..')) return next()
      const accepted = req.get('accept-encoding') ?? ''
      for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!new RegExp(`\\b${encoding}\\b`).test(accepted)) continue
        const file = path.join(root, `${req.path}${suffix}`)
        if (!fs.existsSync(file)) continue
        res.setHeader('Content-Encoding', encoding)
        res.setHeader('Content-Type', types[ext])
        res.setHeader('Vary', 'Accept-Encoding')
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
        return res.sendFile(path.resolve(file))
      }
      next()
    }
  }

  // Request bodies are bounded before Remix reads them (it would buffer a form of any size): 64 KB for
  // participant pages (a long text answer is a few KB), 24 MB for staff pages (imports are up to 10 MB,
  // the import page explains that limit itself). Node's HTTP parser never reads past Content-Length, so
  // checking it bounds what is read. A body without a length (chunked) is refused: browsers always send
  // the length with a form. The 413 page is plain HTML in the language cookie's language (H10).
  // A story question may carry a picture (issue 5): multipart posts to a question page only get 11 MB
  // (a 10 MB picture and the form around it; app/domain/images.ts refuses anything bigger than 10 MB).
  const BODY_LIMITS = { participant: 64 * 1024, picture: 11 * 1024 * 1024, staff: 24 * 1024 * 1024 }
  const questionPage = /^\/c\/[^/]+\/q\/\d+(?:\.data)?$/
  const tooBigText = Object.fromEntries(
    ['en', 'cy', 'ar'].map((lng) => {
      try {
        return [lng, JSON.parse(fs.readFileSync(`locales/${lng}/participant.json`, 'utf8')).tooBig]
      } catch {
        return [lng, undefined]
      }
    }),
  )
  function tooBigPage(req) {
    let cookieLng
    try {
      // Remix's cookie format: base64 JSON, then a signature after a dot when signed.
      const raw = /(?:^|;\s*)lng=([^;]+)/.exec(req.get('cookie') ?? '')?.[1]
      if (raw) cookieLng = JSON.parse(Buffer.from(decodeURIComponent(raw).split('.')[0], 'base64').toString('utf8'))
    } catch {
      cookieLng = undefined
    }
    const lng = tooBigText[cookieLng] ? cookieLng : 'en'
    const text = tooBigText[lng] ?? { title: 'Too much to send', body: 'What you sent was too big.', back: 'Go back' }
    const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
    return `<!doctype html><html lang="${lng}" dir="${lng === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(text.title)}</title></head><body><main><h1>${escape(text.title)}</h1><p>${escape(text.body)}</p><p><a href="${escape(req.path)}">${escape(text.back)}</a></p></main></body></html>`
  }
  app.use((req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
    const multipart = /^multipart\/form-data\b/i.test(req.get('content-type') ?? '')
    const limit =
      req.path === '/staff' || req.path.startsWith('/staff/') ? BODY_LIMITS.staff : multipart && questionPage.test(req.path) ? BODY_LIMITS.picture : BODY_LIMITS.participant
    const length = req.get('content-length')
    const refuse = (status) => {
      res.set('Connection', 'close')
      res.status(status).type('html').send(tooBigPage(req))
    }
    if (length === undefined) return req.get('transfer-encoding') ? res.set('Connection', 'close').status(411).type('text/plain').send('Length Required') : next()
    if (!/^\d+$/.test(length)) return res.status(400).type('text/plain').send('Bad Request')
    if (Number(length) > limit) return refuse(413)
    next()
  })

  const build = viteDevServer
    ? () => viteDevServer.ssrLoadModule('virtual:remix/server-build')
    : await import(path.resolve(buildDir, 'server/index.js'))

  app.all(
    '*',
    createRequestHandler({
      build,
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
    }),
  )

  const server = app.listen(port, host, () => {
    if (cluster.isPrimary || process.env.WORKER_INDEX === '1') {
      const count = processes > 1 && production ? `, ${processes} processes` : ''
      console.log(`[server] listening on http://localhost:${port} (${production ? 'production' : 'development'}${count})`)
    }
  })

  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => server.close(() => process.exit(0)))
  }
}
