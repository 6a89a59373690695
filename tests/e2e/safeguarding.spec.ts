// Safeguarding, end to end on a phone-sized screen: a participant with JavaScript off writes a worrying
// answer, is not blocked or alarmed, sees the support page straight away (Childline, a trusted adult,
// a button to carry on), and carries on to their receipt; the same in Welsh. The safeguarding lead sees
// the flag, reads it, and marks it reviewed with a note; an admin is refused the flags (but may set up the
// word lists); every view is audited.
// axe on the support page (English and Welsh) and the lead's pages.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, expect, type Page, test } from '@playwright/test'
import { signInAs } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { type E2eLocale, prompt, QUESTION_COUNT, questionPosition, strings, SURVEY_PATH } from '../helpers/e2e-content'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
type Json = { [key: string]: string | Json }
/** A string of the safeguarding namespace, straight from the locale file. */
function sg(locale: E2eLocale | 'ar', key: string): string {
  let node: string | Json | undefined = JSON.parse(fs.readFileSync(path.join(root, 'locales', locale, 'safeguarding.json'), 'utf8')) as Json
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  if (typeof node !== 'string') throw new Error(`No string safeguarding:${key} in ${locale}`)
  return node
}

const TEXT_QUESTION = 'one-change'
const WORRYING = { en: 'My stepdad hits me when he is angry and I am scared to go home', cy: "Dw i eisiau rhedeg i ffwrdd achos does neb yn edrych ar fy ôl" }

async function noJsPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false })
  return context.newPage()
}

/** Starts the demo survey, goes to the free-text question (the last), writes `text` and finishes. */
async function answerWorryingly(page: Page, locale: E2eLocale, text: string) {
  const t = strings(locale)
  await page.goto(SURVEY_PATH)
  if (locale === 'cy') {
    await page.getByRole('button', { name: 'Cymraeg', exact: true }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  }
  await page.getByRole('button', { name: t('participant', 'start.start'), exact: true }).click()
  await page.waitForURL(new RegExp(`${SURVEY_PATH}/q/1$`))
  const position = questionPosition(TEXT_QUESTION)
  expect(position, 'the demo survey ends with its free-text question').toBe(QUESTION_COUNT)
  await page.goto(`${SURVEY_PATH}/q/${position}`)
  await page.getByRole('textbox', { name: prompt(TEXT_QUESTION, locale), exact: true }).fill(text)
  await page.getByRole('button', { name: t('participant', 'nav.finish'), exact: true }).click()
}

async function expectSupportPage(page: Page, locale: E2eLocale) {
  await page.waitForURL(new RegExp(`${SURVEY_PATH}/support\\?next=thanks$`))
  await expect(page.getByRole('heading', { level: 1, name: sg(locale, 'support.title') })).toBeVisible()
  await expect(page.getByText(sg(locale, 'support.saved'))).toBeVisible()
  await expect(page.getByRole('heading', { name: sg(locale, 'support.adultTitle') })).toBeVisible()
  await expect(page.getByTestId('childline-phone')).toHaveAttribute('href', 'tel:08001111')
  await expect(page.getByTestId('childline-phone')).toHaveText('0800 1111')
  await expect(page.getByTestId('childline-web')).toHaveText('childline.org.uk')
  // Anonymous consultation: nobody promises to get in touch.
  await expect(page.getByTestId('support-contact')).toHaveCount(0)
  // Nothing from another site: every script, style, image and link to a resource is from this server.
  const external = await page.evaluate(() =>
    [...document.querySelectorAll('script[src], link[href], img[src], iframe[src]')]
      .map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? '')
      .filter((url) => /^(https?:)?\/\//.test(url)),
  )
  expect(external).toEqual([])
}

test.describe('safeguarding', () => {
  test('a participant (JavaScript off) sees the support page after a worrying answer, and carries on', async ({ browser }) => {
    const page = await noJsPage(browser)
    await answerWorryingly(page, 'en', WORRYING.en)
    await expectSupportPage(page, 'en')
    await expectNoAxeViolations(page, 'support page', { javaScriptEnabled: false })
    await page.getByRole('link', { name: sg('en', 'support.carryOn') }).click()
    await page.waitForURL(new RegExp(`${SURVEY_PATH}/thanks$`))
    // The answer was saved and the survey finished as usual: the receipt code is there.
    await expect(page.getByTestId('receipt-code')).toBeVisible()
    await page.context().close()
  })

  test('the support page in Welsh', async ({ browser }) => {
    const page = await noJsPage(browser)
    await answerWorryingly(page, 'cy', WORRYING.cy)
    await expectSupportPage(page, 'cy')
    await expect(page.getByRole('link', { name: sg('cy', 'support.carryOn') })).toBeVisible()
    await expectNoAxeViolations(page, 'support page in Welsh', { javaScriptEnabled: false })
    await page.context().close()
  })

  test('the support page in Arabic, right to left, carries on to the question it came from', async ({ browser }) => {
    const page = await noJsPage(browser)
    await page.goto(SURVEY_PATH)
    await page.getByRole('button', { name: 'العربية', exact: true }).click()
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
    await page.goto(`${SURVEY_PATH}/support?next=2`)
    await expect(page.getByRole('heading', { level: 1, name: sg('ar', 'support.title') })).toBeVisible()
    await expect(page.getByRole('link', { name: sg('ar', 'support.carryOn') })).toHaveAttribute('href', `${SURVEY_PATH}/q/2`)
    await expectNoAxeViolations(page, 'support page in Arabic', { javaScriptEnabled: false })
    // A made-up "next" never leads off the survey.
    await page.goto(`${SURVEY_PATH}/support?next=//evil.example`)
    await expect(page.getByRole('link', { name: sg('ar', 'support.carryOn') })).toHaveAttribute('href', SURVEY_PATH)
    await page.context().close()
  })

  test('the safeguarding lead adds a phrase to the word lists', async ({ page }) => {
    await signInAs(page, 'safeguarding', { redirectTo: '/staff/safeguarding/phrases' })
    await expect(page.getByRole('heading', { level: 1, name: sg('en', 'phrases.title') })).toBeVisible()
    await page.getByRole('button', { name: sg('en', 'phrases.add') }).click()
    await expect(page.getByRole('alert')).toContainText(sg('en', 'phrases.errors.empty'))
    await page.getByLabel(sg('en', 'phrases.category'), { exact: true }).selectOption('neglect')
    await page.getByLabel(sg('en', 'phrases.phrase'), { exact: true }).fill('sleep in the shed')
    await page.getByRole('button', { name: sg('en', 'phrases.add') }).click()
    await page.waitForURL(/\?done=added$/)
    await expect(page.getByTestId('added-phrases')).toContainText('sleep in the shed')
    await expectNoAxeViolations(page, 'safeguarding word lists')
  })

  test('the safeguarding lead sees the flag and marks it reviewed with a note; an admin is refused', async ({ page }) => {
    await signInAs(page, 'safeguarding')
    await page.getByRole('link', { name: 'Safeguarding flags' }).click()
    await page.waitForURL(/\/staff\/safeguarding$/)
    await expect(page.getByRole('heading', { level: 1, name: sg('en', 'queue.title') })).toBeVisible()
    const rows = page.getByTestId('safeguarding-flags').locator('tbody tr')
    await expect(rows.first()).toHaveAttribute('data-status', 'new')
    // The queue shows no participant's words.
    await expect(page.locator('main')).not.toContainText('stepdad')
    await expectNoAxeViolations(page, 'safeguarding queue')

    // Find the English flag (the Welsh one is newer, so first).
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-flag-id')))
    let found = false
    for (const id of ids) {
      await page.goto(`/staff/safeguarding/${id}`)
      if (((await page.getByTestId('flagged-text').textContent()) ?? '').includes('stepdad')) {
        found = true
        break
      }
    }
    expect(found, 'a flag for the English answer').toBe(true)
    await expect(page.getByTestId('flagged-text')).toHaveText(WORRYING.en)
    await expect(page.getByTestId('flag-categories')).toHaveText(sg('en', 'category.harm'))
    await expect(page.getByTestId('flag-status')).toHaveText(sg('en', 'status.new'))
    await expectNoAxeViolations(page, 'safeguarding flag')

    // No note: refused, with the error beside the field.
    await page.getByRole('radio', { name: sg('en', 'status.reviewed') }).check()
    await page.getByRole('button', { name: sg('en', 'flag.save') }).click()
    await expect(page.getByRole('alert')).toContainText(sg('en', 'flag.errors.note'))
    await page.getByRole('radio', { name: sg('en', 'status.reviewed') }).check()
    await page.getByLabel(sg('en', 'flag.note'), { exact: true }).fill('Spoke to the school designated safeguarding lead.')
    await page.getByRole('button', { name: sg('en', 'flag.save') }).click()
    await page.waitForURL(/\?saved=1$/)
    await expect(page.getByTestId('flag-status')).toHaveText(sg('en', 'status.reviewed'))
    await expect(page.getByTestId('flag-notes')).toContainText('Spoke to the school designated safeguarding lead.')
    const flagUrl = new URL(page.url()).pathname

    // An admin: refused, the queue and the flag alike.
    await signInAs(page, 'admin')
    expect((await page.goto('/staff/safeguarding'))?.status()).toBe(403)
    expect((await page.goto(flagUrl))?.status()).toBe(403)
    // The word lists are set up by admins too (issue 5): that page shows the lists only, no flag and no answer.
    expect((await page.goto('/staff/safeguarding/phrases'))?.status()).toBe(200)
    await expect(page.locator('main')).not.toContainText('stepdad')
    await expect(page.locator(`main a[href^="/staff/safeguarding/"]:not([href$="/phrases"])`)).toHaveCount(0)
    // …and the audit log shows the lead's looks and the change, without the child's words.
    await page.goto('/staff/audit')
    const events = page.getByTestId('audit-events')
    await expect(events.locator('tr[data-action="safeguarding.flag-view"]').first()).toBeVisible()
    await expect(events.locator('tr[data-action="safeguarding.queue-view"]').first()).toBeVisible()
    await expect(events.locator('tr[data-action="safeguarding.flag-status"]')).toHaveCount(1)
    await expect(events).not.toContainText('stepdad')
    await expect(events).not.toContainText('designated')
  })
})
