// Load (issue #8): 500 participants each complete the demo consultation within 60 seconds on loopback,
// with zero errors, every response present and counted. bench/load.mjs does the work on its own
// server and SQLite file, bounds its own count and time, and fails if anything is missing.
import { spawn } from 'node:child_process'
import { expect, test } from '@playwright/test'

test('500 participants complete the demo consultation within 60 s: no errors, all stored and counted', async () => {
  test.setTimeout(180_000)
  const run = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/load.mjs'], {
      env: { ...process.env, PARTICIPANTS: '500', LIMIT_SECONDS: '60', BENCH_PORT: String(Number(process.env.E2E_PORT ?? 3210) + 91) },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (out += chunk))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, out }))
  })
  console.log(run.out.trim())
  expect(run.out).toMatch(/500 of 500 participants completed/)
  expect(run.out).toMatch(/Errors: 0\b/)
  expect(run.out).toMatch(/\(\+500, expected \+500\)/)
  expect(run.out).toMatch(/Counted in the results \(tally cells\): \d+ before, \d+ after \(\+500\)/)
  expect(run.out).toMatch(/missing an answer: 0\b/)
  expect(run.code, 'bench/load.mjs exit code').toBe(0)
})
