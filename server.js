// HTTP server: security headers with a per-request CSP nonce, compression, static files,
// a same-origin check on every POST, then Remix. Logs never include IP addresses or user agents.
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

const viteDevServer = production
  ? undefined
  : await import('vite').then((vite) => vite.createServer({ server: { middlewareMode: true } }))

const app = express()
app.disable('x-powered-by')
app.set('trust proxy', false)

app.use((_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
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
  console.log(`[server] listening on http://localhost:${port} (${production ? 'production' : 'development'})`)
})

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => server.close(() => process.exit(0)))
}
