// Regenerates the README screenshots from the production build: node scripts/screenshots.mjs
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from '@playwright/test'

const port = 3398
const base = `http://127.0.0.1:${port}`
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shots-'))
const env = { ...process.env, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: `file:${dir}/shots.db`, SESSION_SECRET: 's'.repeat(32), COOKIE_SECURE: 'false' }
if (spawnSync('npx', ['tsx', 'db/seed.ts'], { env, stdio: 'inherit' }).status !== 0) process.exit(1)
const server = spawn('node', ['server.js'], { env, stdio: 'ignore' })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
try {
  for (let i = 0; i < 50; i++) {
    try { if ((await fetch(`${base}/healthz`)).ok) break } catch {}
    await new Promise((r) => setTimeout(r, 100))
  }
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 })
  await phone.goto(`${base}/c/have-your-say`)
  await phone.getByRole('button', { name: 'Start' }).click()
  await phone.getByRole('checkbox', { name: 'Children in care' }).check()
  await phone.getByRole('checkbox', { name: 'Young carers looking after family members' }).check()
  await phone.screenshot({ path: 'docs/screenshots/question-phone.png', fullPage: false })
  // The planner's pages are behind sign-in: the demo planner account (README, "Signing in to the demo").
  const desk = await browser.newPage({ viewport: { width: 1000, height: 900 } })
  await desk.goto(`${base}/staff/sign-in?redirectTo=${encodeURIComponent('/staff/consultations/have-your-say/results')}`)
  await desk.getByLabel('Email address').fill('planner@demo.invalid')
  await desk.getByLabel('Password', { exact: true }).fill('have-your-say-demo')
  await desk.getByRole('button', { name: 'Sign in' }).click()
  await desk.waitForURL(/\/results$/)
  await desk.getByTestId('results-priority-groups').evaluate((table) => table.closest('section, div')?.scrollIntoView())
  await desk.screenshot({ path: 'docs/screenshots/results.png', fullPage: false })
  const said = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 })
  await said.goto(`${base}/c/have-your-say/you-said-we-did`)
  await said.screenshot({ path: 'docs/screenshots/you-said-we-did-phone.png', fullPage: false })
  console.log('wrote docs/screenshots/question-phone.png, results.png and you-said-we-did-phone.png')
} finally {
  await browser.close()
  server.kill('SIGTERM')
  fs.rmSync(dir, { recursive: true, force: true })
}
