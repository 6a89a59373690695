// A shared tablet in a group session (kiosk mode, issue #6, Done when): child A answers and finishes;
// child B, next on the same browser context, cannot see or reach anything of child A's — not through
// the Back button and history, not in cookies or storage, not in the forms (nothing filled in, autofill
// off), not from the browser's cache (no-store). Also: the tablet left alone goes back to the start
// (with JavaScript after a warning; without it by a timed refresh), and "I'm finished" works without JavaScript.
//
// Uses "Try every kind of question" (/c/every-question), checked with exact numbers by
// every-question.spec.ts before this file runs.
import { type Browser, expect, type Page, test } from '@playwright/test'
import { EVERY_QUESTION_SLUG, everyQuestionQuestions } from '../../db/seed/every-question-content'
import { signInAs } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'

const START = `/c/${EVERY_QUESTION_SLUG}`
const TEXT_POSITION = everyQuestionQuestions.findIndex((q) => q.key === 'better-day') + 1
const SECRET = 'Child A wrote this about the bus stop'

async function kioskSession(browser: Browser): Promise<string> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signInAs(page, 'facilitator', { redirectTo: '/staff/sessions' })
  await page.getByLabel('Consultation').selectOption(EVERY_QUESTION_SLUG)
  await page.getByLabel('Where is the session?').selectOption('special_school')
  await page.getByLabel('Which group?').fill('Class 3 tablet')
  await page.getByLabel('One shared tablet (kiosk mode)').check()
  await page.getByRole('button', { name: 'Start the session' }).click()
  await page.waitForURL(/\/staff\/sessions\/[\w-]+$/)
  await expect(page.getByText('shared tablet (kiosk mode)')).toBeVisible()
  const code = (await page.getByTestId('join-code').textContent())!.trim()
  await context.close()
  return code
}

/** The facilitator sets the tablet up: /join with the code, which lands on the session's start page. */
async function joinTablet(page: Page, code: string) {
  await page.goto('/join')
  await page.getByLabel('Group code').fill(code)
  await page.getByRole('button', { name: 'Join' }).click()
  await expect(page).toHaveURL(new RegExp(`${START}$`))
  await expect(page.getByText('This tablet is shared.')).toBeVisible()
}

async function skipTo(page: Page, position: number) {
  for (;;) {
    const at = Number(/\/q\/(\d+)$/.exec(page.url())?.[1])
    if (at >= position) return
    await page.getByRole('button', { name: /I don't want to say|Prefer not to say/ }).click()
    await expect(page).toHaveURL(new RegExp(`/q/${at + 1}$`))
  }
}

test('child B cannot see or reach anything of child A on a shared tablet', async ({ browser }) => {
  test.setTimeout(120_000)
  const code = await kioskSession(browser)
  const tablet = await browser.newContext()
  const page = await tablet.newPage()
  await joinTablet(page, code)

  // Child A: a choice, then words in the text question, then "I'm finished".
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(page).toHaveURL(new RegExp(`/q/1$`))
  await page.getByRole('radio', { name: 'By bus' }).check()
  await page.getByRole('button', { name: 'Next' }).click()
  await skipTo(page, TEXT_POSITION)
  await page.getByRole('textbox').fill(SECRET)
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page).toHaveURL(new RegExp(`/q/${TEXT_POSITION + 1}$`))
  // Kiosk pages: never cached, forms with autofill off, "I'm finished" on every question page.
  const reloaded = await page.reload()
  expect(reloaded?.headers()['cache-control']).toBe('no-store')
  for (const form of await page.locator('main form[method="post"]').all()) await expect(form).toHaveAttribute('autocomplete', 'off')
  // Let the reloaded page finish whatever it starts (hydration, the unsent-answer check) before axe reads it.
  await page.waitForLoadState('networkidle')
  await expect(page).toHaveURL(new RegExp(`/q/${TEXT_POSITION + 1}$`))
  await expectNoAxeViolations(page, 'kiosk question page')
  await page.getByRole('button', { name: "I'm finished" }).click()
  await expect(page).toHaveURL(new RegExp(`${START}/thanks$`))
  await expect(page.getByTestId('receipt-code')).toBeVisible()
  await expectNoAxeViolations(page, 'kiosk thank-you page')

  // Nothing of child A's is left in cookies or storage: only the tablet's place in the session.
  const names = (await tablet.cookies()).map((c) => c.name)
  expect(names).toContain('__group')
  expect(names).not.toContain('__participant')
  expect(names).not.toContain('display')
  const stored = await page.evaluate(() => JSON.stringify([{ ...sessionStorage }, { ...localStorage }]))
  expect(stored).not.toContain('hys-unsent')
  expect(stored).not.toContain(SECRET)

  await page.getByRole('link', { name: 'Next person' }).click()
  await expect(page).toHaveURL(new RegExp(`${START}$`))
  await expect(page.getByText(/carry on/i)).toHaveCount(0)

  // Child B presses Back again and again: no page shows child A's words, choice or receipt code.
  for (let step = 0; step < 16; step++) {
    await page.goBack().catch(() => null)
    await page.waitForLoadState('networkidle')
    const url = new URL(page.url())
    await expect(page.locator('body')).not.toContainText(SECRET)
    await expect(page.getByRole('radio', { name: 'By bus', checked: true })).toHaveCount(0)
    await expect(page.getByTestId('receipt-code')).toHaveCount(0)
    if (url.pathname === '/join' || url.protocol === 'about:') break
  }
  // Typing child A's question addresses: back to the start.
  for (const position of [1, TEXT_POSITION, TEXT_POSITION + 1]) {
    await page.goto(`${START}/q/${position}`)
    await expect(page).toHaveURL(new RegExp(`${START}$`))
  }

  // Child B starts: a new, empty response.
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(page).toHaveURL(new RegExp(`/q/1$`))
  await expect(page.getByRole('radio', { name: 'By bus' })).not.toBeChecked()
  await skipTo(page, TEXT_POSITION)
  await expect(page.getByRole('textbox')).toHaveValue('')
  await tablet.close()
})

test('a tablet left alone warns, then goes back to the start with the child cleared', async ({ browser }) => {
  const code = await kioskSession(browser)
  const tablet = await browser.newContext()
  const page = await tablet.newPage()
  await page.clock.install()
  await joinTablet(page, code)
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(page).toHaveURL(new RegExp(`/q/1$`))
  await page.getByRole('radio', { name: 'By car' }).check()
  // The idle watch is fetched once the page runs: wait until it is watching before moving the clock.
  await expect(page.locator('form.kiosk-finish[data-idle-watch="on"]')).toHaveCount(1)
  await page.clock.fastForward('02:01')
  const warning = page.getByRole('alertdialog', { name: 'Are you still there?' })
  await expect(warning).toBeVisible()
  await expect(page.getByRole('button', { name: "I'm still here" })).toBeFocused()
  await page.getByRole('button', { name: "I'm still here" }).click()
  await expect(warning).toHaveCount(0)
  await page.clock.fastForward('02:31')
  await expect(page).toHaveURL(new RegExp(`${START}$`))
  expect((await tablet.cookies()).map((c) => c.name)).not.toContain('__participant')
  await tablet.close()
})

test('without JavaScript: "I\'m finished" works and a page left alone refreshes back to the start', async ({ browser }) => {
  const code = await kioskSession(browser)
  const tablet = await browser.newContext({ javaScriptEnabled: false })
  const page = await tablet.newPage()
  await joinTablet(page, code)
  await page.getByRole('button', { name: 'Start' }).click()
  await expect(page).toHaveURL(new RegExp(`/q/1$`))
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveAttribute('content', `300;url=/join/reset?slug=${EVERY_QUESTION_SLUG}`)
  await expectNoAxeViolations(page, 'kiosk question page', { javaScriptEnabled: false })
  await page.getByRole('radio', { name: 'I walk' }).check()
  await page.getByRole('button', { name: 'Next' }).click()
  await expect(page).toHaveURL(new RegExp(`/q/2$`))
  await page.getByRole('button', { name: "I'm finished" }).click()
  await expect(page).toHaveURL(new RegExp(`${START}/thanks$`))
  await expect(page.getByTestId('receipt-code')).toBeVisible()
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveAttribute('content', `60;url=${START}`)
  expect((await tablet.cookies()).map((c) => c.name)).not.toContain('__participant')
  // What the timed refresh opens: the start, for the next person.
  await page.goto(`/join/reset?slug=${EVERY_QUESTION_SLUG}`)
  await expect(page).toHaveURL(new RegExp(`${START}$`))
  await tablet.close()
})
