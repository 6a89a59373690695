#!/usr/bin/env node
// Page weight of a participant question page, as a phone on a weak signal would download it.
// Starts the production build on a spare port against a fresh SQLite file, starts a response,
// fetches question 1 and every script and stylesheet it loads, and prints raw, gzip and brotli
// sizes, and whether the question pages meet the target (≤ 100 KB of compressed JavaScript, gzip).
// Usage: npm run build && node bench/page-weight.mjs   (BUILD_DIR=build-x for another build folder)
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

const port = Number(process.env.BENCH_PORT ?? 3399)
const base = `http://127.0.0.1:${port}`
const buildDir = process.env.BUILD_DIR ?? 'build'
if (!fs.existsSync(`${buildDir}/server/index.js`)) {
  console.error('Run `npm run build` first.')
  process.exit(1)
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'page-weight-'))
const env = { ...process.env, BUILD_DIR: buildDir, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: `file:${dir}/bench.db`, SESSION_SECRET: 'b'.repeat(32), COOKIE_SECURE: 'false' }
const seeded = spawnSync('npx', ['tsx', 'db/seed.ts'], { env, stdio: 'inherit' })
if (seeded.status !== 0) process.exit(1)
const server = spawn('node', ['server.js'], { env, stdio: 'ignore' })

try {
  await waitFor(`${base}/healthz`)
  const start = await fetch(`${base}/c/have-your-say`, { method: 'POST', redirect: 'manual' })
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0]
  // [name, url, cookie, Accept-Language, is a question page, code the page fetches after it starts]
  const pages = [
    ['Start page', '/c/have-your-say', '', 'en', false],
    ['Question 1 (choose any, 10 options)', '/c/have-your-say/q/1', cookie, 'en', true],
    ['Question 1 in Arabic', '/c/have-your-say/q/1', cookie, 'ar', true],
    ['Question 2 (ranking; + buttons code)', '/c/have-your-say/q/2', cookie, 'en', true, /ranking-reorder-[\w-]+\.js/],
  ]
  const rows = []
  for (const [name, url, c, language, question, lazy] of pages) rows.push({ ...(await measurePage(name, url, c, language, lazy)), question })
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`
  console.log('\nPage weight (compressed sizes are what a browser downloads with Accept-Encoding: br / gzip)')
  console.log('| Page | HTML gzip | CSS gzip | JS raw | JS gzip | JS brotli | Total gzip | Total brotli | Requests |')
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const r of rows) {
    console.log(`| ${r.name} | ${kb(r.html.gzip)} | ${kb(r.css.gzip)} | ${kb(r.js.raw)} | ${kb(r.js.gzip)} | ${kb(r.js.br)} | ${kb(r.html.gzip + r.css.gzip + r.js.gzip)} | ${kb(r.html.br + r.css.br + r.js.br)} | ${r.requests} |`)
  }
  const target = 100 * 1024
  const worst = rows.filter((r) => r.question).reduce((a, b) => (b.js.gzip > a.js.gzip ? b : a))
  const met = worst.js.gzip <= target
  console.log(`\nTarget: at most 100 KB of compressed JavaScript (gzip) on a question page: ${met ? 'MET' : 'NOT MET'} (largest: ${kb(worst.js.gzip)} gzip, ${kb(worst.js.br)} brotli, ${worst.name}).`)
  console.log('Without JavaScript the same pages render and submit: the JS is an enhancement only (see tests/e2e).')
  if (!met) process.exitCode = 1
} finally {
  server.kill('SIGTERM')
  fs.rmSync(dir, { recursive: true, force: true })
}

async function measurePage(name, url, cookie, language, lazy) {
  const html = await (await fetch(base + url, { headers: { cookie, 'accept-language': language } })).text()
  const assets = new Set()
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)) assets.add(m[1])
  // Remix's inline module script imports the entry and route modules by URL.
  for (const m of html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"(\/assets\/[^"]+\.js)"/g)) assets.add(m[1])
  const sizes = { html: sizeOf(Buffer.from(html)), css: zero(), js: zero() }
  const bodies = new Map()
  for (const asset of assets) bodies.set(asset, Buffer.from(await (await fetch(base + asset)).arrayBuffer()))
  // Code the page imports once it runs (the ranking buttons): found by name in the code it loaded.
  if (lazy) {
    for (const body of [...bodies.values()]) {
      const found = lazy.exec(body.toString('utf8'))
      const asset = found && `/assets/${found[0]}`
      if (asset && !bodies.has(asset)) bodies.set(asset, Buffer.from(await (await fetch(base + asset)).arrayBuffer()))
    }
  }
  for (const [asset, body] of bodies) {
    const target = asset.endsWith('.css') ? sizes.css : sizes.js
    const s = sizeOf(body)
    target.raw += s.raw
    target.gzip += s.gzip
    target.br += s.br
  }
  return { name, ...sizes, requests: 1 + bodies.size }
}

function zero() {
  return { raw: 0, gzip: 0, br: 0 }
}
function sizeOf(buffer) {
  return {
    raw: buffer.length,
    gzip: zlib.gzipSync(buffer, { level: 9 }).length,
    br: zlib.brotliCompressSync(buffer, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}
async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`server did not start at ${url}`)
}
