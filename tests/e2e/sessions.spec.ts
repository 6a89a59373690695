// Group sessions (issue #6, Done when): a facilitator starts a session; three participants on their own
// browsers (one with JavaScript off) join by code and submit; the live board, left open, shows the new
// numbers without anyone reloading it. Then seven more join (plain HTTP clients, like old phones) so the
// counts pass the demo's suppression threshold of 10 and the board shows the real numbers.
//
// Uses "Try every kind of question" (/c/every-question): its planner page is checked with exact numbers
// by every-question.spec.ts, which runs before this file; the demo consultation's ledger is left alone.
import { type APIRequestContext, type Browser, expect, type Page, request, test } from '@playwright/test'
import { EVERY_QUESTION_SLUG, everyQuestionQuestions } from '../../db/seed/every-question-content'
import { signInAs } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'

const TOTAL = everyQuestionQuestions.length

async function startSession(page: Page, { kiosk }: { kiosk: boolean }): Promise<{ id: string; code: string }> {
  await signInAs(page, 'facilitator', { redirectTo: '/staff/sessions' })
  await page.getByLabel('Consultation').selectOption(EVERY_QUESTION_SLUG)
  await page.getByLabel('Where is the session?').selectOption('youth_club')
  await page.getByLabel('Which group?').fill(kiosk ? 'Tablet corner' : 'Tuesday club')
  await page.getByLabel('How many people do you expect? (optional)').fill('10')
  if (kiosk) await page.getByLabel('One shared tablet (kiosk mode)').check()
  await page.getByRole('button', { name: 'Start the session' }).click()
  await page.waitForURL(/\/staff\/sessions\/[\w-]+$/)
  const id = new URL(page.url()).pathname.split('/').pop()!
  const code = (await page.getByTestId('join-code').textContent())!.trim()
  expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/)
  return { id, code }
}

/** A participant in a browser: join with the code (typed in lower case, with a space), answer the first question, skip the rest. */
async function joinAndSubmit(browser: Browser, code: string, { javaScriptEnabled }: { javaScriptEnabled: boolean }) {
  const context = await browser.newContext({ javaScriptEnabled })
  const page = await context.newPage()
  await page.goto('/join')
  await page.getByLabel('Group code').fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`)
  await page.getByRole('button', { name: 'Join' }).click()
  await expect(page).toHaveURL(new RegExp(`/c/${EVERY_QUESTION_SLUG}$`))
  await expect(page.getByText('You are in a group session.')).toBeVisible()
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(page).toHaveURL(new RegExp(`/q/1$`))
  await page.getByRole('radio', { name: 'By bus' }).check()
  await page.getByRole('button', { name: 'Next' }).click()
  for (let position = 2; position <= TOTAL; position++) {
    await expect(page).toHaveURL(new RegExp(`/q/${position}$`))
    await page.getByRole('button', { name: /I don't want to say|Prefer not to say/ }).click()
  }
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible()
  await context.close()
}

/** A participant as a plain HTTP client (forms posted, redirects followed, cookies kept). */
async function joinAndSubmitOverHttp(baseURL: string, code: string) {
  const client: APIRequestContext = await request.newContext({ baseURL })
  const joined = await client.post('/join', { form: { code } })
  expect(new URL(joined.url()).pathname).toBe(`/c/${EVERY_QUESTION_SLUG}`)
  await client.post(`/c/${EVERY_QUESTION_SLUG}`, { form: {} })
  let last = await client.post(`/c/${EVERY_QUESTION_SLUG}/q/1`, { form: { intent: 'next', answer: 'bus' } })
  for (let position = 2; position <= TOTAL; position++) last = await client.post(`/c/${EVERY_QUESTION_SLUG}/q/${position}`, { form: { intent: 'skip' } })
  expect(new URL(last.url()).pathname).toBe(`/c/${EVERY_QUESTION_SLUG}/thanks`)
  await client.dispose()
}

test('a facilitator runs a session: participants join by code and the live board updates by itself', async ({ browser, page, baseURL }) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1280, height: 900 })
  const { id, code } = await startSession(page, { kiosk: false })
  await expect(page.getByTestId('qr').locator('svg[role="img"]')).toBeVisible()
  await expect(page.getByRole('link', { name: new RegExp(`/join\\?code=${code}$`) })).toBeVisible()
  await expectNoAxeViolations(page, 'session page')
  await page.goto('/staff/sessions')
  await expect(page.getByRole('cell', { name: code })).toBeVisible()
  await expectNoAxeViolations(page, 'sessions list')

  // The board, opened once and never reloaded by the test.
  await page.goto(`/staff/sessions/${id}/board`)
  await expect(page.getByTestId('board-finished')).toHaveText('0 of 10 have finished')
  await expectNoAxeViolations(page, 'live board')
  let documentLoads = 0
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) documentLoads++
  })

  // The join page, checked once with axe.
  const lookContext = await browser.newContext()
  const look = await lookContext.newPage()
  await look.goto('/join')
  await expectNoAxeViolations(look, 'join page')
  await lookContext.close()

  await joinAndSubmit(browser, code, { javaScriptEnabled: true })
  await expect(page.getByTestId('board-finished')).toHaveText('1 of 10 have finished')
  await joinAndSubmit(browser, code, { javaScriptEnabled: true })
  await joinAndSubmit(browser, code, { javaScriptEnabled: false })
  await expect(page.getByTestId('board-finished')).toHaveText('3 of 10 have finished')
  // Three answers are fewer than the threshold: the numbers stay hidden.
  const travel = page.getByRole('region', { name: everyQuestionQuestions[0].prompt.en })
  await expect(travel.getByText('Numbers show when 10 or more have answered.')).toBeVisible()

  for (let i = 0; i < 7; i++) await joinAndSubmitOverHttp(baseURL!, code)
  await expect(page.getByTestId('board-finished')).toHaveText('10 of 10 have finished')
  await expect(travel.locator('td[data-option="bus"]')).toHaveText('10')
  await expect(travel.locator('td[data-option="walk"]')).toHaveText('0')
  expect(documentLoads, 'the board updated without loading the page again').toBe(0)
  await expectNoAxeViolations(page, 'live board with numbers')

  // Closing the session: the code no longer works, and says so the same way as a wrong one.
  await page.goto(`/staff/sessions/${id}`)
  await page.getByRole('button', { name: 'Close the session' }).click()
  await expect(page.getByText('This session is closed. Nobody can join it now.')).toBeVisible()
  const lateContext = await browser.newContext()
  const late = await lateContext.newPage()
  await late.goto(`/join?code=${code}`)
  await late.getByRole('button', { name: 'Join' }).click()
  await expect(late.getByRole('link', { name: /That code did not work/ })).toBeVisible()
  await lateContext.close()
})

test('without JavaScript the board reloads itself and has a Reload link; /join works and says plainly when a code is wrong', async ({ browser }) => {
  const staff = await browser.newContext({ javaScriptEnabled: false })
  const page = await staff.newPage()
  const { id } = await startSession(page, { kiosk: false })
  await page.goto(`/staff/sessions/${id}/board`)
  await expect(page.locator('noscript meta[http-equiv="refresh"], meta[http-equiv="refresh"]').first()).toHaveAttribute('content', '10')
  await expect(page.getByRole('link', { name: 'Reload' })).toBeVisible()
  await staff.close()

  const child = await browser.newContext({ javaScriptEnabled: false })
  const join = await child.newPage()
  await join.goto('/join')
  await join.getByLabel('Group code').fill('WWW WWW')
  await join.getByRole('button', { name: 'Join' }).click()
  await expect(join).toHaveTitle(/^Error: /)
  await expect(join.getByRole('link', { name: /That code did not work/ })).toBeVisible()
  await expect(join.getByLabel('Group code')).toHaveValue('WWW WWW')
  await expectNoAxeViolations(join, 'join page with an error', { javaScriptEnabled: false })
  await child.close()
})

test('the join page is in Welsh and Arabic too', async ({ browser }) => {
  for (const [lng, heading, dir] of [
    ['cy', "Ymuno â'ch grŵp", 'ltr'],
    ['ar', 'انضم إلى مجموعتك', 'rtl'],
  ] as const) {
    const context = await browser.newContext({ locale: lng, extraHTTPHeaders: { 'Accept-Language': lng } })
    const page = await context.newPage()
    await page.goto('/join')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
    await expect(page.locator('html')).toHaveAttribute('dir', dir)
    await expectNoAxeViolations(page, `join page (${lng})`)
    await context.close()
  }
})

test('with JavaScript, an answer that could not be sent is kept on the device and sent again', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`/c/${EVERY_QUESTION_SLUG}`)
  await page.getByRole('button', { name: /Start|Carry on/ }).click()
  await expect(page).toHaveURL(/\/q\/1$/)
  await page.getByRole('radio', { name: 'By bike or scooter' }).check()
  // The connection drops for this page's save.
  const offline = (route: import('@playwright/test').Route) => (route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue())
  await context.route('**/q/1*', offline)
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page.getByText('Your answer has not been sent yet.')).toBeVisible()
  expect(await page.evaluate(() => localStorage.getItem('hys-unsent'))).toContain('bike')
  // Back online: it is sent by itself, and the next question opens.
  await context.unroute('**/q/1*', offline)
  await expect(page).toHaveURL(/\/q\/2$/, { timeout: 15_000 })
  expect(await page.evaluate(() => localStorage.getItem('hys-unsent'))).toBeNull()
  await page.goto(`/c/${EVERY_QUESTION_SLUG}/q/1`)
  await expect(page.getByRole('radio', { name: 'By bike or scooter' })).toBeChecked()
  await context.close()
})
