// End-to-end tests: Playwright driving Debian's Chromium against the production build.
// `npm run build` first; `npx playwright test` then starts a fresh server (tests/e2e/serve.mjs)
// on a freshly seeded SQLite database. Playwright never downloads a browser here.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from '@playwright/test'

const root = path.dirname(fileURLToPath(import.meta.url))
const serverBuild = path.join(root, process.env.BUILD_DIR ?? 'build', 'server/index.js')
if (!fs.existsSync(serverBuild)) {
  throw new Error(`Playwright: ${path.relative(root, serverBuild)} is missing — run npm run build first (the end-to-end tests run against the production build).`)
}

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1'

// E2E_PORT, E2E_DATABASE_FILE and BUILD_DIR let two runs share a checkout without touching each other.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3210)
process.env.E2E_PORT = String(E2E_PORT)
const baseURL = `http://localhost:${E2E_PORT}`

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // One server, one database, journeys counted in order: no parallelism, and no retries so that
  // a flaky failure is reported as a failure.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.test-results/playwright.json' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 390, height: 844 },
    trace: 'off',
    screenshot: 'off',
    video: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: 'node tests/e2e/serve.mjs',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
})
