// Every question type in every condition the product promises (issue "Accessible, symbol-supported
// surveys", Done when): each page of "Try every kind of question" (/c/every-question, one question
// of each type) is checked by axe (WCAG 2.0/2.1/2.2 A and AA), for horizontal scroll and for target
// sizes, at 320 px and 390 px wide, at 200% zoom, in symbol mode, without JavaScript, and in every
// other interface language — Welsh and the right-to-left one among them (app/i18n/config.ts
// supportedLocales, so a language added there is checked here too). In some conditions each page is
// also sent empty first, so it is checked again with its error shown.
//
// One browser context per condition: it starts a response and walks the questions in order by
// answering each one (the first option, the first N ranks, a short text), then finishes. Its
// answers go to the every-question consultation, whose planner page is checked (with exact
// suppression marks) by every-question.spec.ts, which runs before this file.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, type Page, test } from '@playwright/test'
import { EVERY_QUESTION_SLUG, everyQuestionQuestions, type ShowcaseQuestion } from '../../db/seed/every-question-content'
import { directionOf, supportedLocales } from '../../app/i18n/config'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { tabAndPress } from '../helpers/e2e-keyboard'

const SURVEY_PATH = `/c/${EVERY_QUESTION_SLUG}`
const TOTAL = everyQuestionQuestions.length
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const displayStrings = JSON.parse(fs.readFileSync(path.join(root, 'locales/en/display.json'), 'utf8')) as { settings: Record<string, string>; readAloud: Record<string, string> }

interface Condition {
  name: string
  viewport: { width: number; height: number }
  deviceScaleFactor?: number
  locale: string
  javaScript: boolean
  symbols: boolean
  /** Send each page empty first and check it again with its error shown. */
  errors: boolean
}

const narrow = { width: 320, height: 640 }
const otherLocales = supportedLocales.filter((locale) => locale !== 'en')
const rtl = otherLocales.filter((locale) => directionOf(locale) === 'rtl')

const conditions: Condition[] = [
  // 320 CSS px is also what WCAG 1.4.10 Reflow asks for: a 1280 px window at 400% zoom.
  { name: '320 px', viewport: narrow, locale: 'en', javaScript: true, symbols: false, errors: false },
  // Without JavaScript (the ranking as number selects). Its errors, made by the server, are checked
  // by axe on every type in every-question.spec.ts; not again here, as each no-JavaScript check
  // needs a browser context of its own.
  { name: '320 px, JavaScript off', viewport: narrow, locale: 'en', javaScript: false, symbols: false, errors: false },
  { name: '390 px', viewport: { width: 390, height: 844 }, locale: 'en', javaScript: true, symbols: false, errors: true },
  // 200% zoom: a 1280 × 800 desktop window zoomed to 200% lays pages out in a 640 × 400 CSS px
  // viewport (media queries, wrapping and sizes all see 640 px) and draws each CSS px with 2 device
  // pixels — which is exactly what this viewport with deviceScaleFactor 2 gives. (Playwright cannot
  // press Ctrl and + in Chromium's own zoom; this is the same layout.)
  { name: '200% zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, locale: 'en', javaScript: true, symbols: false, errors: false },
  { name: 'symbol mode, 320 px', viewport: narrow, locale: 'en', javaScript: true, symbols: true, errors: true },
  // Every other interface language at 320 px (no horizontal scroll in any language); the
  // right-to-left ones also with their errors shown.
  ...otherLocales.map((locale) => ({
    name: `${locale}${directionOf(locale) === 'rtl' ? ' (right to left)' : ''}, 320 px`,
    viewport: narrow,
    locale,
    javaScript: true,
    symbols: false,
    errors: directionOf(locale) === 'rtl',
  })),
]

// ---- Checks ----------------------------------------------------------------------------------------
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => Object.keys(document).some((k) => k.startsWith('__reactContainer')))
}

async function expectNoHorizontalScroll(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement
    return { scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth }
  })
  expect(scrollWidth, `${where}: no horizontal scroll (scrollWidth ${scrollWidth} > clientWidth ${clientWidth})`).toBeLessThanOrEqual(clientWidth)
}

/**
 * Every control a participant can press in the header and the main area, with the box that takes
 * the press: for a radio or checkbox, the input together with its label (the whole card). Links in
 * the footer are in sentences, which WCAG 2.5.8 exempts ("inline"), so the footer is not measured.
 */
async function undersizedTargets(page: Page, min: number): Promise<{ count: number; small: string[] }> {
  return page.evaluate((min) => {
    const controls = [...document.querySelectorAll<HTMLElement>('header a[href], header button, main a[href], main button, main input:not([type=hidden]), main select, main textarea, main summary')]
    const small: string[] = []
    let count = 0
    for (const el of controls) {
      const own = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      // Not shown: display none, visibility hidden, or visually hidden (1 × 1 px, clipped).
      if (own.width === 0 || own.height === 0 || style.visibility === 'hidden' || el.closest('.visually-hidden')) continue
      const boxes = [own]
      if (el instanceof HTMLInputElement && el.labels) for (const label of el.labels) boxes.push(label.getBoundingClientRect())
      const left = Math.min(...boxes.map((b) => b.left))
      const right = Math.max(...boxes.map((b) => b.right))
      const top = Math.min(...boxes.map((b) => b.top))
      const bottom = Math.max(...boxes.map((b) => b.bottom))
      count++
      if (right - left < min - 0.5 || bottom - top < min - 0.5) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
        small.push(`<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('type') ? ` type=${el.getAttribute('type')}` : ''}> "${name}" ${(right - left).toFixed(1)}×${(bottom - top).toFixed(1)}`)
      }
    }
    return { count, small }
  }, min)
}

async function checkPage(page: Page, condition: Condition, what: string) {
  const where = `${condition.name}: ${what}`
  // Without JavaScript each page is a full load: check it once all of it has arrived.
  await page.waitForLoadState('load')
  await expect(page.locator('html'), `${where}: language`).toHaveAttribute('lang', condition.locale)
  await expect(page.locator('html'), `${where}: direction`).toHaveAttribute('dir', directionOf(condition.locale))
  if (condition.symbols) await expect(page.locator('html'), `${where}: symbol mode`).toHaveClass(/\bsymbol-mode\b/)
  await expectNoHorizontalScroll(page, where)
  const min = condition.symbols ? 44 : 24
  const { count, small } = await undersizedTargets(page, min)
  expect(count, `${where}: controls found`).toBeGreaterThan(0)
  expect(small, `${where}: every control is at least ${min}×${min} CSS px`).toEqual([])
  await expectNoAxeViolations(page, where, { javaScriptEnabled: condition.javaScript })
  checked.pages++
}

// ---- Walking the survey ----------------------------------------------------------------------------
const nextButton = (page: Page) => page.locator('main button[name="intent"][value="next"]')

async function openedQuestion(page: Page, condition: Condition, position: number) {
  await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/${position}$`))
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  if (condition.javaScript) {
    await waitForHydration(page)
    // Rendered after hydration: the read-aloud buttons (this browser can speak), and the ranking's buttons.
    await expect(page.locator('.read-aloud--question')).toBeVisible()
    if (everyQuestionQuestions[position - 1].type === 'ranking') await expect(page.locator('.ranking-js')).toBeVisible()
  }
}

/** A valid answer: the first option, the first N options ranked in order, or a short text. */
async function answer(page: Page, question: ShowcaseQuestion, javaScript: boolean) {
  if (question.type === 'text') {
    await page.locator('textarea[name="answer"]').fill('More time to play outside.')
  } else if (question.type === 'ranking') {
    const positions = Number(question.config.rankCount ?? question.options.length)
    if (javaScript) {
      for (let i = 0; i < positions; i++) await page.locator('.ranking-js__button--add:not([aria-disabled="true"])').first().click()
      await expect(page.locator('.ranking-js__number')).toHaveCount(positions)
    } else {
      for (const [index, option] of question.options.slice(0, positions).entries()) await page.locator(`select[name="rank-${option.key}"]`).selectOption(String(index + 1))
    }
  } else {
    await page.locator('input[name="answer"]').first().check()
  }
}

const checked = { pages: 0 }

for (const condition of conditions) {
  test.describe(`question matrix: ${condition.name}`, () => {
    test.use({ viewport: condition.viewport, deviceScaleFactor: condition.deviceScaleFactor ?? 1, locale: condition.locale, javaScriptEnabled: condition.javaScript })

    test(`${condition.name}: all ${TOTAL} question pages${condition.errors ? ', each also with its error shown,' : ''} are axe-clean, fit without horizontal scroll, with targets ≥ ${condition.symbols ? 44 : 24} px`, async ({ page }) => {
      test.setTimeout(300_000)
      const started = Date.now()
      checked.pages = 0
      await page.goto(SURVEY_PATH)
      if (condition.javaScript) await waitForHydration(page)
      if (condition.symbols) {
        const symbols = page.getByRole('banner').getByRole('button', { name: displayStrings.settings.symbols, exact: true })
        await symbols.click()
        await expect(symbols).toHaveAttribute('aria-pressed', 'true')
        if (condition.javaScript) await waitForHydration(page)
      }
      await checkPage(page, condition, 'start page')
      await page.locator('main form[method="post"] button[type="submit"]').click()

      for (const [index, question] of everyQuestionQuestions.entries()) {
        const position = index + 1
        const what = `question ${position} (${question.key}, ${question.type}${question.config.rankCount ? ` top ${question.config.rankCount}` : ''}${question.config.maxChoices ? ` up to ${question.config.maxChoices}` : ''})`
        await openedQuestion(page, condition, position)
        await checkPage(page, condition, what)
        if (condition.errors) {
          // Sent with nothing given: refused, with the summary at the top and the message by the field.
          await nextButton(page).click()
          await expect(page.getByRole('alert'), `${condition.name}: ${what} refused when empty`).toBeVisible()
          await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/${position}$`))
          await expect(page.locator('.field-error').first()).toBeVisible()
          await checkPage(page, condition, `${what} with its error shown`)
        }
        await answer(page, question, condition.javaScript)
        await nextButton(page).click()
      }
      await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/thanks$`))
      await checkPage(page, condition, 'thanks page')
      test.info().annotations.push({ type: 'checked', description: `${checked.pages} pages in ${((Date.now() - started) / 1000).toFixed(1)} s` })
      console.log(`[question matrix] ${condition.name}: ${checked.pages} pages checked in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    })
  })
}

test('the matrix includes Welsh and a right-to-left language', () => {
  expect(otherLocales, 'Welsh is an interface language').toContain('cy')
  expect(rtl, 'a right-to-left interface language (Arabic) is in app/i18n/config.ts supportedLocales').not.toEqual([])
})

test('read-aloud: a button beside every option of every type — ranking cards, consent and demographic options too — never inside a label', async ({ page }) => {
  test.setTimeout(120_000)
  // Record what would be spoken instead of speaking (and end each utterance at once).
  await page.addInitScript(() => {
    const spoken: string[] = []
    Object.assign(window, { __spoken: spoken })
    SpeechSynthesis.prototype.speak = function (utterance: SpeechSynthesisUtterance) {
      spoken.push(utterance.text)
      setTimeout(() => utterance.dispatchEvent(new Event('end')), 10)
    }
  })
  const lastSpoken = () => page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken.at(-1))
  const listen = (label: string) => page.getByRole('button', { name: displayStrings.readAloud.option.replace('{{label}}', label), exact: true })
  const condition = conditions[2] // 390 px, JavaScript on
  await page.goto(SURVEY_PATH)
  await waitForHydration(page)
  await page.locator('main form[method="post"] button[type="submit"]').click()
  for (const [index, question] of everyQuestionQuestions.entries()) {
    await openedQuestion(page, condition, index + 1)
    const where = `question ${index + 1} (${question.key}, ${question.type})`
    await expect(page.getByRole('button', { name: displayStrings.readAloud.question, exact: true }), `${where}: the question's button`).toBeVisible()
    await expect(page.locator('.read-aloud'), `${where}: one button for the question and one per option`).toHaveCount(1 + question.options.length)
    for (const option of question.options) await expect(listen(option.label.en), `${where}: ${option.key}`).toBeVisible()
    await expect(page.locator('label .read-aloud, label button'), `${where}: no button inside a label`).toHaveCount(0)
    const first = question.options[0]
    if (first && ['ranking', 'consent', 'demographic'].includes(question.type)) {
      await tabAndPress(page, listen(first.label.en), 'Enter')
      await expect.poll(lastSpoken, `${where}: reads "${first.label.en}"`).toBe(first.label.en)
      if (question.type === 'ranking') await expect(page.locator('.ranking-js__number'), `${where}: listening placed nothing`).toHaveCount(0)
      else await expect(page.locator('input[name="answer"]:checked'), `${where}: listening chose nothing`).toHaveCount(0)
    }
    await answer(page, question, true)
    // Placed ranking cards keep their buttons.
    await expect(page.locator('.read-aloud'), `${where}: still one per option once answered`).toHaveCount(1 + question.options.length)
    if (question.type === 'ranking') {
      await expect(listen(first.label.en)).toBeVisible()
      await expectNoAxeViolations(page, `${where}, ranked, with read-aloud buttons`)
    }
    await nextButton(page).click()
  }
  await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/thanks$`))
})
