// Security of what the browser receives: the Content Security Policy (a per-response nonce, no
// third-party origins), scripts, cookies, no requests to other sites, and the cross-origin POST check.
// These tests start responses but never finish one, so they do not change the planner's counts.
import { expect, type APIResponse, type Page, type Response, test } from '@playwright/test'
import { SURVEY_PATH } from '../helpers/e2e-content'
import { allRoutes, fillPath } from '../helpers/staff-routes'

const NONCE_SOURCE = /^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/
/** Sources that name no origin at all (keywords, nonces, and data:/blob: for images and media). */
const ORIGINLESS_SOURCE = /^('self'|'none'|'strict-dynamic'|'nonce-[A-Za-z0-9+/_-]+={0,2}'|data:|blob:)$/

function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) directives.set(name.toLowerCase(), sources)
  }
  return directives
}

/** Checks one HTML response: its CSP, and that every <script> carries that CSP's nonce or is ours. */
async function expectNoncedPage(response: Response | APIResponse, appOrigin: string): Promise<string> {
  const header = response.headers()['content-security-policy']
  expect(header, `${response.url()} has a Content-Security-Policy header`).toBeTruthy()
  const csp = parseCsp(header)
  const problems: string[] = []
  for (const [directive, sources] of csp) {
    for (const source of sources) if (!ORIGINLESS_SOURCE.test(source)) problems.push(`${directive} ${source}`)
  }
  expect(problems, `CSP allows nothing beyond this origin (${header})`).toEqual([])
  expect(csp.get('default-src')).toEqual(["'self'"])
  expect(csp.get('object-src')).toEqual(["'none'"])
  expect(csp.get('frame-ancestors')).toEqual(["'none'"])
  expect(csp.get('base-uri')).toEqual(["'self'"])
  expect(csp.get('form-action')).toEqual(["'self'"])
  const scriptSrc = csp.get('script-src') ?? []
  expect(scriptSrc, 'script-src never allows inline script or eval in production').not.toContain("'unsafe-inline'")
  expect(scriptSrc).not.toContain("'unsafe-eval'")
  const nonces = scriptSrc.map((s) => NONCE_SOURCE.exec(s)?.[1]).filter((n): n is string => Boolean(n))
  expect(nonces, `script-src has exactly one nonce (${scriptSrc.join(' ')})`).toHaveLength(1)
  const nonce = nonces[0]
  expect(Buffer.from(nonce, 'base64').length, 'the nonce has at least 128 bits').toBeGreaterThanOrEqual(16)

  const html = await response.text()
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1])
  expect(scripts.length, 'the page has scripts to check').toBeGreaterThan(0)
  for (const attributes of scripts) {
    const nonceAttr = /\bnonce="([^"]*)"/i.exec(attributes)?.[1]
    const src = /\bsrc="([^"]*)"/i.exec(attributes)?.[1]
    const ok = nonceAttr === nonce || (src !== undefined && new URL(src, response.url()).origin === appOrigin)
    expect(ok, `<script${attributes}> has the response's nonce or a same-origin src`).toBe(true)
  }
  // Module preloads and stylesheets are this origin's too.
  for (const [, href] of html.matchAll(/<link\b[^>]*\bhref="([^"]*)"/gi)) {
    expect(new URL(href, response.url()).origin, `<link href="${href}"> is same-origin`).toBe(appOrigin)
  }
  return nonce
}

function watchOffsiteRequests(page: Page, appOrigin: string): string[] {
  const offsite: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol === 'data:' || url.protocol === 'blob:') return
    if (url.origin !== appOrigin) offsite.push(`${request.method()} ${request.url()}`)
  })
  return offsite
}

function watchCspViolations(page: Page): string[] {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(message.text())) violations.push(message.text())
  })
  return violations
}

test.describe('security', () => {
  test('every participant page: CSP with a fresh nonce, only nonced or same-origin scripts, no request to any other origin', async ({ page, baseURL }) => {
    const appOrigin = new URL(baseURL!).origin
    const offsite = watchOffsiteRequests(page, appOrigin)
    const cspViolations = watchCspViolations(page)
    const seenNonces = new Set<string>()
    const hydrated = () => page.waitForFunction(() => Object.keys(document).some((k) => k.startsWith('__reactContainer')))

    const visit = async (path: string) => {
      const response = await page.goto(path, { waitUntil: 'networkidle' })
      expect(response, `${path} answered`).not.toBeNull()
      expect(response!.status(), `${path} status`).toBe(200)
      expect(new URL(page.url()).pathname, `${path} was not redirected`).toBe(path)
      const nonce = await expectNoncedPage(response!, appOrigin)
      expect(seenNonces.has(nonce), 'each response has its own nonce').toBe(false)
      seenNonces.add(nonce)
      // The nonced scripts really ran under the CSP: React hydrated the page.
      await hydrated()
    }

    await visit(SURVEY_PATH)
    await page.getByRole('button', { name: 'Start', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/1$`))
    for (let position = 1; position <= 4; position++) await visit(`${SURVEY_PATH}/q/${position}`)
    // The error state (Next with nothing chosen), shown without leaving the page.
    await page.goto(`${SURVEY_PATH}/q/1`, { waitUntil: 'networkidle' })
    await hydrated()
    await page.getByRole('button', { name: 'Next', exact: true }).click()
    await expect(page.getByRole('alert')).toBeVisible()
    await page.waitForLoadState('networkidle')
    await visit(`${SURVEY_PATH}/thanks`)
    // Welsh, through the header's language form.
    await visit(SURVEY_PATH)
    await page.getByRole('button', { name: 'Cymraeg', exact: true }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
    await page.waitForLoadState('networkidle')

    expect(offsite, 'requests to origins other than the app').toEqual([])
    expect(cspViolations, 'CSP violations reported by the browser').toEqual([])
  })

  test('HTML responses carry the other security headers', async ({ request }) => {
    const response = await request.get(SURVEY_PATH)
    const headers = response.headers()
    expect(headers['x-content-type-options']).toBe('nosniff')
    // No URL (which would name the consultation) goes to other sites.
    expect(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin']).toContain(headers['referrer-policy'])
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/)
    expect(headers['x-powered-by']).toBeUndefined()
  })

  test('participant and language cookies are HttpOnly, SameSite=Lax and Secure', async ({ page, context, request }) => {
    // As sent by the server.
    const start = await request.post(SURVEY_PATH, { maxRedirects: 0 })
    expect(start.status()).toBe(302)
    const setCookies = start.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value)
    const participant = setCookies.find((c) => c.startsWith('__participant='))
    expect(participant, `Set-Cookie headers: ${setCookies.join(' | ')}`).toBeTruthy()
    expect(participant).toMatch(/;\s*HttpOnly(;|$)/i)
    expect(participant).toMatch(/;\s*SameSite=Lax(;|$)/i)
    expect(participant).toMatch(/;\s*Secure(;|$)/i)

    const language = await request.post('/language', { form: { lng: 'cy', redirectTo: SURVEY_PATH }, maxRedirects: 0 })
    expect(language.status()).toBe(302)
    const lng = language.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('lng='))?.value
    expect(lng).toBeTruthy()
    expect(lng).toMatch(/;\s*HttpOnly(;|$)/i)
    expect(lng).toMatch(/;\s*SameSite=Lax(;|$)/i)
    expect(lng).toMatch(/;\s*Secure(;|$)/i)

    // As kept by the browser.
    await page.goto(SURVEY_PATH)
    await page.getByRole('button', { name: 'Start', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/1$`))
    const cookie = (await context.cookies()).find((c) => c.name === '__participant')
    expect(cookie, 'the browser kept the participant cookie').toBeTruthy()
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' })
    // Scripts cannot read it.
    expect(await page.evaluate(() => document.cookie)).not.toContain('__participant')
  })

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })
    test('the browser’s own form POST (same origin) is accepted by the cross-origin check', async ({ page }) => {
      let sent: Record<string, string> = {}
      page.on('request', (request) => {
        if (request.method() === 'POST') void request.allHeaders().then((h) => (sent = h))
      })
      await page.goto(SURVEY_PATH)
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Start', exact: true }).press('Enter')])
      expect(response.status(), `POST ${SURVEY_PATH} from the app's own page was refused; the browser sent Origin: ${sent.origin ?? '(none)'}, Sec-Fetch-Site: ${sent['sec-fetch-site'] ?? '(none)'} (page Referrer-Policy: ${(await page.request.get(SURVEY_PATH)).headers()['referrer-policy']})`).toBeLessThan(400)
      await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/1$`))
    })
  })

  test('a cross-origin POST is refused with 403', async ({ request, baseURL }) => {
    for (const path of [SURVEY_PATH, `${SURVEY_PATH}/q/1`, '/language']) {
      const evil = await request.post(path, { headers: { Origin: 'http://evil.example' }, form: { lng: 'cy', answer: 'in-care', intent: 'next' }, maxRedirects: 0 })
      expect(evil.status(), `POST ${path} with Origin: http://evil.example`).toBe(403)
      const crossSite = await request.post(path, { headers: { 'Sec-Fetch-Site': 'cross-site' }, form: { lng: 'cy' }, maxRedirects: 0 })
      expect(crossSite.status(), `POST ${path} with Sec-Fetch-Site: cross-site`).toBe(403)
    }
    // Every URL the app has, so a new action cannot be added outside the check.
    const urls = allRoutes().map((r) => fillPath(r.path, { slug: 'have-your-say', position: '1', id: '1', kind: 'tidy-csv' }))
    expect(urls.length).toBeGreaterThan(20)
    for (const url of urls) {
      const refused = await request.post(url, { headers: { Origin: 'http://evil.example' }, form: { intent: 'next' }, maxRedirects: 0 })
      expect(refused.status(), `POST ${url} with Origin: http://evil.example`).toBe(403)
    }
    // The check is not a blanket refusal: the same POST from the app's own origin is accepted.
    const own = await request.post(SURVEY_PATH, { headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 })
    expect(own.status()).toBe(302)
  })
})
