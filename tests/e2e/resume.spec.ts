// Keeping answers, with JavaScript on and off, on "Try every kind of question" (/c/every-question):
// - leaving and coming back on the same device (the browser closed and opened again, same cookies)
//   offers to carry on at the first unanswered question, with every answer so far kept; another
//   device starts afresh;
// - Back and then Next through every question type shows each answer as it was given, and so do
//   the browser's own back and forward buttons.
//
// The responses here are left unfinished; they go to the every-question consultation, whose planner
// page is checked by every-question.spec.ts, which runs before this file.
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test'
import { EVERY_QUESTION_SLUG, everyQuestionQuestions, type ShowcaseQuestion } from '../../db/seed/every-question-content'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { strings } from '../helpers/e2e-content'

const SURVEY_PATH = `/c/${EVERY_QUESTION_SLUG}`
const TOTAL = everyQuestionQuestions.length
const t = strings('en')

/** What each question is answered with: not the first options, so a default could not pass for it. */
interface Planned {
  choose?: string[]
  /** ranking: the options in order, 1 first */
  rank?: string[]
  text?: string
  /** gender: the words for "I describe myself another way" */
  words?: string
  skip?: boolean
}
const plan: Record<string, Planned> = {
  travel: { choose: ['car'] },
  'after-school': { choose: ['games', 'art'] },
  'more-of': { choose: ['youth-clubs', 'libraries'] },
  'what-matters': { rank: ['health', 'school', 'family', 'friends'] },
  'park-ideas': { rank: ['toilets', 'benches', 'slides'] },
  'like-school': { choose: ['no'] },
  'school-going': { choose: ['not-going-well'] },
  'feel-most-days': { choose: ['okay'] },
  'better-day': { text: 'A longer lunch break.' },
  'quote-consent': { choose: ['no'] },
  'age-band': { choose: ['age-17-19'] },
  gender: { choose: ['self-describe'], words: 'In my own words' },
  area: { skip: true },
}
// The last question is never sent: sending it would finish the response.
const ANSWERED = everyQuestionQuestions.slice(0, -1)
if (ANSWERED.some((q) => !plan[q.key])) throw new Error('resume.spec.ts: a question of every-question-content.ts has no planned answer')

async function waitForHydration(page: Page) {
  await page.waitForFunction(() => Object.keys(document).some((k) => k.startsWith('__reactContainer')))
}

async function atQuestion(page: Page, position: number, javaScript: boolean) {
  await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/${position}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(everyQuestionQuestions[position - 1].prompt.en)
  if (javaScript) {
    await waitForHydration(page)
    if (everyQuestionQuestions[position - 1].type === 'ranking') await expect(page.locator('.ranking-js')).toBeVisible()
  }
}

const next = (page: Page) => page.locator('main button[name="intent"][value="next"]').click()
const back = (page: Page) => page.getByRole('link', { name: t('participant', 'nav.back'), exact: true }).click()

async function give(page: Page, question: ShowcaseQuestion, javaScript: boolean) {
  const planned = plan[question.key]
  if (planned.skip) return page.locator('main button[name="intent"][value="skip"]').click()
  for (const key of planned.choose ?? []) await page.locator(`#answer-${key}`).check()
  if (planned.words !== undefined) await page.locator('#own-words').fill(planned.words)
  if (planned.text !== undefined) await page.locator('textarea[name="answer"]').fill(planned.text)
  if (planned.rank) {
    if (javaScript) {
      // Add takes the next free number, so adding in order gives the planned order.
      for (const key of planned.rank) await page.locator(`.ranking-js__button[data-focus="${key}:add"]`).click()
    } else {
      for (const [index, key] of planned.rank.entries()) await page.locator(`select[name="rank-${key}"]`).selectOption(String(index + 1))
    }
  }
  await next(page)
}

/** The page shows exactly the planned answer (and nothing else chosen). */
async function expectKept(page: Page, question: ShowcaseQuestion, javaScript: boolean, how: string) {
  const planned = plan[question.key]
  const where = `${question.key} (${question.type}) after ${how}`
  if (question.type === 'ranking') {
    const order = planned.rank ?? []
    if (javaScript) {
      const placed = () => page.locator('.ranking-js ol.ranking > li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.key))
      await expect.poll(placed, { message: `${where}: the placed order` }).toEqual(order)
    } else {
      for (const option of question.options) {
        const index = order.indexOf(option.key)
        await expect(page.locator(`select[name="rank-${option.key}"]`), `${where}: ${option.key}'s number`).toHaveValue(index >= 0 ? String(index + 1) : '')
      }
    }
  } else if (question.type === 'text') {
    await expect(page.locator('textarea[name="answer"]'), where).toHaveValue(planned.text ?? '')
  } else {
    const chosen = planned.choose ?? []
    for (const option of question.options) {
      const input = page.locator(`#answer-${option.key}`)
      if (chosen.includes(option.key)) await expect(input, `${where}: ${option.key} chosen`).toBeChecked()
      else await expect(input, `${where}: ${option.key} not chosen`).not.toBeChecked()
    }
    if (planned.words !== undefined) await expect(page.locator('#own-words'), `${where}: own words`).toHaveValue(planned.words)
  }
}

async function newContext(browser: Browser, javaScript: boolean, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) {
  const baseURL = test.info().project.use.baseURL
  return browser.newContext({ javaScriptEnabled: javaScript, viewport: { width: 390, height: 844 }, baseURL, storageState })
}

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'JavaScript on' : 'JavaScript off'

  test(`${mode}: leaving after question 3 and coming back on the same device carries on at question 4, answers kept`, async ({ browser }) => {
    const first = await newContext(browser, javaScript)
    const page = await first.newPage()
    await page.goto(SURVEY_PATH)
    if (javaScript) await waitForHydration(page)
    await expect(page.getByRole('heading', { name: t('participant', 'start.resumeTitle') })).toHaveCount(0)
    await page.getByRole('button', { name: t('participant', 'start.start'), exact: true }).click()
    for (const question of everyQuestionQuestions.slice(0, 3)) {
      await atQuestion(page, everyQuestionQuestions.indexOf(question) + 1, javaScript)
      await give(page, question, javaScript)
    }
    await atQuestion(page, 4, javaScript)
    // The browser is closed; later it is opened again with the same cookies.
    const saved = await first.storageState()
    await first.close()

    const again = await newContext(browser, javaScript, saved)
    const returned = await again.newPage()
    await returned.goto(SURVEY_PATH)
    if (javaScript) await waitForHydration(returned)
    const welcome = returned.getByRole('region', { name: t('participant', 'start.resumeTitle'), exact: true })
    await expect(welcome).toBeVisible()
    await expect(welcome).toContainText(t('participant', 'start.resume', { position: 4, total: TOTAL }))
    await expectNoAxeViolations(returned, `${mode}: start page, coming back`, { javaScriptEnabled: javaScript })
    await returned.getByRole('button', { name: t('participant', 'start.continue'), exact: true }).click()
    await atQuestion(returned, 4, javaScript)
    // Everything given before leaving is still there.
    for (let position = 3; position >= 1; position--) {
      await back(returned)
      await atQuestion(returned, position, javaScript)
      await expectKept(returned, everyQuestionQuestions[position - 1], javaScript, 'coming back')
    }
    await again.close()

    // Another device (no cookies) starts afresh.
    const other = await newContext(browser, javaScript)
    const elsewhere = await other.newPage()
    await elsewhere.goto(SURVEY_PATH)
    await expect(elsewhere.getByRole('button', { name: t('participant', 'start.start'), exact: true })).toBeVisible()
    await expect(elsewhere.getByRole('region', { name: t('participant', 'start.resumeTitle'), exact: true })).toHaveCount(0)
    await elsewhere.goto(`${SURVEY_PATH}/q/4`)
    await expect(elsewhere, 'a question page without a response on this device goes to the start').toHaveURL(new RegExp(`${SURVEY_PATH}$`))
    await other.close()
  })

  test(`${mode}: Back and Next, and the browser's back and forward, keep the answer of every question type`, async ({ browser }) => {
    test.setTimeout(120_000)
    const context = await newContext(browser, javaScript)
    const page = await context.newPage()
    await page.goto(SURVEY_PATH)
    if (javaScript) await waitForHydration(page)
    await page.getByRole('button', { name: t('participant', 'start.start'), exact: true }).click()
    for (const [index, question] of ANSWERED.entries()) {
      await atQuestion(page, index + 1, javaScript)
      await give(page, question, javaScript)
    }
    await atQuestion(page, TOTAL, javaScript)

    // Back, page by page, to the first question.
    for (let position = TOTAL - 1; position >= 1; position--) {
      await back(page)
      await atQuestion(page, position, javaScript)
      await expectKept(page, everyQuestionQuestions[position - 1], javaScript, 'Back')
    }
    // Then Next without changing anything, page by page: each is sent again as it is, and kept.
    for (let position = 1; position < TOTAL; position++) {
      const question = everyQuestionQuestions[position - 1]
      await expectKept(page, question, javaScript, 'Back then Next')
      if (plan[question.key].skip) await page.locator('main button[name="intent"][value="skip"]').click()
      else await next(page)
      await atQuestion(page, position + 1, javaScript)
    }
    // The browser's back button, twice, then forward once.
    await page.goBack()
    await atQuestion(page, TOTAL - 1, javaScript)
    await expectKept(page, everyQuestionQuestions[TOTAL - 2], javaScript, 'the browser’s back')
    await page.goBack()
    await atQuestion(page, TOTAL - 2, javaScript)
    await expectKept(page, everyQuestionQuestions[TOTAL - 3], javaScript, 'the browser’s back, twice')
    await page.goForward()
    await atQuestion(page, TOTAL - 1, javaScript)
    await expectKept(page, everyQuestionQuestions[TOTAL - 2], javaScript, 'the browser’s forward')
    // And coming back later lands on the one question never sent.
    await page.goto(SURVEY_PATH)
    await expect(page.getByRole('region', { name: t('participant', 'start.resumeTitle'), exact: true })).toContainText(t('participant', 'start.resume', { position: TOTAL, total: TOTAL }))
    await context.close()
  })
}
