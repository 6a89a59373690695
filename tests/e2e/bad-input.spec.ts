// Bad input through the real server (H10, issue 8): request bodies are bounded before Remix reads them
// (413 with a plain page, 411 without a length), and one participant's saves are rate-limited (429 with
// Retry-After and a kind message; nothing saved). See server.js and app/utils/rate-limit.server.ts.
import { expect, test } from '@playwright/test'
import { SURVEY_PATH } from '../helpers/e2e-content'

async function startParticipant(base: string): Promise<string> {
  const start = await fetch(`${base}${SURVEY_PATH}`, { method: 'POST', redirect: 'manual', headers: { origin: base } })
  expect(start.status).toBe(302)
  return start.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
}

test('a participant form over 64 KB is refused with 413 and a plain page', async ({ baseURL }) => {
  const base = baseURL!
  const cookie = await startParticipant(base)
  const headers = { origin: base, cookie, 'content-type': 'application/x-www-form-urlencoded' }
  const big = await fetch(`${base}${SURVEY_PATH}/q/4`, { method: 'POST', redirect: 'manual', headers, body: `answer=${'x'.repeat(65 * 1024)}&intent=next` })
  expect(big.status).toBe(413)
  const page = await big.text()
  expect(page).toContain('<h1>That was too much to send</h1>')
  // Just under the limit is read, and refused by the page itself (too long for the question), not by size.
  const under = await fetch(`${base}${SURVEY_PATH}/q/4`, { method: 'POST', redirect: 'manual', headers, body: `answer=${'x'.repeat(60 * 1024)}&intent=next` })
  expect(under.status).toBe(400)
  // A body with no length (chunked) is refused before it is read.
  const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('answer=x')), c.close()) })
  const chunked = await fetch(`${base}${SURVEY_PATH}/q/4`, { method: 'POST', redirect: 'manual', headers, body: stream, duplex: 'half' } as RequestInit)
  expect(chunked.status).toBe(411)
})

test('saving one response more than 60 times a minute gets 429, a kind message and Retry-After', async ({ baseURL }) => {
  const base = baseURL!
  const cookie = await startParticipant(base)
  const headers = { origin: base, cookie, 'content-type': 'application/x-www-form-urlencoded' }
  const statuses: number[] = []
  for (let i = 0; i < 60; i++) statuses.push((await fetch(`${base}${SURVEY_PATH}/q/3`, { method: 'POST', redirect: 'manual', headers, body: 'answer=safe&intent=next' })).status)
  expect(statuses.every((s) => s === 302)).toBe(true)
  const limited = await fetch(`${base}${SURVEY_PATH}/q/3`, { method: 'POST', redirect: 'manual', headers, body: 'answer=not-safe&intent=next' })
  expect(limited.status).toBe(429)
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(await limited.text()).toContain('You are going very fast, so we did not save this page.')
  // Another participant is not affected.
  const other = await startParticipant(base)
  const fine = await fetch(`${base}${SURVEY_PATH}/q/3`, { method: 'POST', redirect: 'manual', headers: { ...headers, cookie: other }, body: 'answer=safe&intent=next' })
  expect(fine.status).toBe(302)
})
