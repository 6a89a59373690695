// The participant journey, keyboard only, on a phone-sized screen: with JavaScript off, with it
// on, and in Welsh; axe on every page; then the planner's page must count exactly these answers.
//
// One server and one database serve every test (see playwright.config.ts), so the tests below run
// in order (serial) and the journeys are counted explicitly: the planner's numbers are the seeded
// numbers plus what the journeys in `journeys` chose, worked out by hand in this file.
import { expect, type Locator, type Page, test } from '@playwright/test'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import {
  consultationTitle,
  type E2eLocale,
  optionKeys,
  optionLabel,
  prompt,
  QUESTION_COUNT,
  questionPosition,
  RESULTS_PATH,
  strings,
  SURVEY_PATH,
} from '../helpers/e2e-content'
import { chooseWithArrows, tabAndPress, tabTo } from '../helpers/e2e-keyboard'

// ---- What the seed put in (db/seed/demo-content.ts, haltonCountsPer1000) ----------------------
const SEED_SUBMITTED = 1000
const SEED_PRIORITY_ANSWERED = 1000
const SEED_PRIORITY_COUNTS: Record<string, number> = {
  disabilities: 612,
  'mental-health': 612,
  'in-care': 609,
  'young-carers': 573,
  'drugs-alcohol': 567,
  'teenage-parents': 565,
  'run-away': 536,
  reoffending: 517,
  attendance: 515,
  'hate-crime': 478,
}

// ---- The journeys this file makes, in order -------------------------------------------------------
interface Journey {
  name: string
  locale: E2eLocale
  javaScript: boolean
  /** priority-groups: the boxes ticked */
  groups: string[]
  /** top-priorities: a first try with two items on the same number (must be refused) */
  duplicateFirst: Record<string, number>
  /** top-priorities: the ranking finally sent (number 1..5 for each item) */
  ranking: Record<string, number>
  /** feel-safe: the face chosen */
  feelSafe: 'safe' | 'sometimes' | 'not-safe'
  /** one-change: typed in */
  text: string
}

const journeys: Journey[] = [
  {
    name: 'English, JavaScript off',
    locale: 'en',
    javaScript: false,
    groups: ['in-care', 'young-carers'],
    duplicateFirst: { 'safe-places': 1, 'less-bullying': 1, respect: 3, 'things-to-do': 4, 'safer-from-crime': 5 },
    ranking: { respect: 1, 'safe-places': 2, 'less-bullying': 3, 'things-to-do': 4, 'safer-from-crime': 5 },
    feelSafe: 'sometimes',
    text: 'A youth club that stays open late on Fridays.',
  },
  {
    name: 'English, JavaScript on',
    locale: 'en',
    javaScript: true,
    groups: ['in-care', 'young-carers'],
    duplicateFirst: { 'safe-places': 2, 'less-bullying': 1, respect: 3, 'things-to-do': 3, 'safer-from-crime': 5 },
    ranking: { 'things-to-do': 1, respect: 2, 'less-bullying': 3, 'safe-places': 4, 'safer-from-crime': 5 },
    feelSafe: 'not-safe',
    text: 'Cheaper buses so we can get into town.',
  },
  {
    name: 'Cymraeg, JavaScript on',
    locale: 'cy',
    javaScript: true,
    groups: ['in-care', 'hate-crime'],
    duplicateFirst: { 'safe-places': 1, 'less-bullying': 2, respect: 2, 'things-to-do': 4, 'safer-from-crime': 5 },
    ranking: { 'safer-from-crime': 1, 'less-bullying': 2, 'safe-places': 3, respect: 4, 'things-to-do': 5 },
    feelSafe: 'safe',
    text: 'Mwy o lefydd diogel i chwarae pêl-droed.',
  },
]

/** Names of journeys that reached the thanks page with a receipt code, in order. */
const completed: string[] = []

// ---- Hand-written arithmetic for the planner's page ----------------------------------------------
/** 1234 → "1,234" (the planner's page formats counts for en-GB). */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
/** count / base as a percent, one decimal, halves rounded up, in integers (no float surprises). */
function percentText(count: number, base: number): string {
  const tenths = Math.floor((2 * count * 1000 + base) / (2 * base))
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`
}
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
function numberIn(text: string | null): number {
  const n = Number((text ?? '').replace(/,/g, '').trim())
  if (!Number.isFinite(n)) throw new Error(`Not a number: ${JSON.stringify(text)}`)
  return n
}

// ---- The journey, keyboard only -----------------------------------------------------------------
async function waitForHydration(page: Page) {
  // React marks the hydrated document; until then a keypress may go to a plain HTML form.
  await page.waitForFunction(() => Object.keys(document).some((k) => k.startsWith('__reactContainer')))
}

async function expectQuestionPage(page: Page, journey: Journey, key: string) {
  const t = strings(journey.locale)
  const position = questionPosition(key)
  await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/${position}$`))
  await expect(page.locator('html')).toHaveAttribute('lang', journey.locale)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(prompt(key, journey.locale))
  await expect(page.getByText(t('participant', 'nav.progress', { position, total: QUESTION_COUNT }), { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: t('participant', 'nav.back'), exact: true })).toBeVisible()
  const last = position === QUESTION_COUNT
  await expect(page.getByRole('button', { name: t('participant', last ? 'nav.finish' : 'nav.next'), exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: t('participant', 'nav.skip'), exact: true })).toBeVisible()
  await expect(page).toHaveTitle(`${prompt(key, journey.locale)} – ${consultationTitle(journey.locale)}`)
}

function nextButton(page: Page, journey: Journey, last = false): Locator {
  return page.getByRole('button', { name: strings(journey.locale)('participant', last ? 'nav.finish' : 'nav.next'), exact: true })
}

function rankSelect(page: Page, journey: Journey, optionKey: string): Locator {
  return page.getByRole('combobox', { name: optionLabel('top-priorities', optionKey, journey.locale), exact: true })
}

/** Gives each item its number with Tab and the arrow keys ("Number n" is option n; 0 is "Choose a number"). */
async function rankByKeyboard(page: Page, journey: Journey, ranking: Record<string, number>) {
  for (const key of optionKeys('top-priorities')) {
    const select = rankSelect(page, journey, key)
    await tabTo(page, select)
    await chooseWithArrows(page, select, ranking[key])
  }
}

async function runJourney(page: Page, journey: Journey) {
  const t = strings(journey.locale)
  const where = (what: string) => `${journey.name}: ${what}`

  // Start page (English first; the Welsh journey switches with the header button).
  await page.goto(SURVEY_PATH)
  if (journey.javaScript) await waitForHydration(page)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  if (journey.locale === 'cy') {
    await tabAndPress(page, page.getByRole('button', { name: 'Cymraeg', exact: true }), 'Enter')
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
    await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}$`))
    await expect(page.getByRole('button', { name: 'English', exact: true })).toBeVisible()
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(consultationTitle(journey.locale))
  await expect(page.getByRole('heading', { level: 2, name: t('participant', 'notice.title'), exact: true })).toBeVisible()
  await expect(page.getByText(t('participant', 'notice.saved_other', { count: QUESTION_COUNT }), { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: t('common', 'skipToContent'), exact: true })).toBeAttached()
  await expectNoAxeViolations(page, where('start page'))
  await tabAndPress(page, page.getByRole('button', { name: t('participant', 'start.start'), exact: true }), 'Enter')

  // Question 1: tick two boxes with Space.
  await expectQuestionPage(page, journey, 'priority-groups')
  await expect(page.getByText(t('participant', 'hint.chooseAny'), { exact: true })).toBeVisible()
  await expectNoAxeViolations(page, where('question 1'))
  const box = (key: string) => page.getByRole('checkbox', { name: optionLabel('priority-groups', key, journey.locale), exact: true })
  for (const key of journey.groups) {
    await tabAndPress(page, box(key), 'Space')
    await expect(box(key)).toBeChecked()
  }
  await tabAndPress(page, nextButton(page, journey), 'Enter')

  // Question 2, then Back: question 1 must still show the boxes ticked (saved on Next).
  await expectQuestionPage(page, journey, 'top-priorities')
  await tabAndPress(page, page.getByRole('link', { name: t('participant', 'nav.back'), exact: true }), 'Enter')
  await expectQuestionPage(page, journey, 'priority-groups')
  for (const key of optionKeys('priority-groups')) {
    if (journey.groups.includes(key)) await expect(box(key), `${key} is still ticked after Back`).toBeChecked()
    else await expect(box(key), `${key} stays unticked`).not.toBeChecked()
  }
  await expectNoAxeViolations(page, where('question 1 after Back'))
  await tabAndPress(page, nextButton(page, journey), 'Enter')

  // Question 2: rank with the selects (no dragging). First with a number used twice: refused.
  await expectQuestionPage(page, journey, 'top-priorities')
  await expect(page.getByText(t('participant', 'hint.rankAll'), { exact: true })).toBeVisible()
  await expectNoAxeViolations(page, where('question 2'))
  await rankByKeyboard(page, journey, journey.duplicateFirst)
  await tabAndPress(page, nextButton(page, journey), 'Enter')
  await expectRankingErrors(page, journey)
  await expectNoAxeViolations(page, where('question 2 with errors'))
  // The summary's first link takes keyboard focus to the field it names.
  const summary = page.getByRole('alert')
  const firstLink = summary.getByRole('link').first()
  const firstTarget = (await firstLink.getAttribute('href'))?.replace(/^#/, '') ?? ''
  await tabAndPress(page, firstLink, 'Enter')
  await expect(page.locator(`[id="${firstTarget}"]`)).toBeFocused()
  // Fix it, and go on.
  await rankByKeyboard(page, journey, journey.ranking)
  await tabAndPress(page, nextButton(page, journey), 'Enter')

  // Question 3: a face on the scale. Tab enters the group on its first radio; arrows move and choose.
  await expectQuestionPage(page, journey, 'feel-safe')
  await expect(page.getByText(t('participant', 'hint.scale'), { exact: true })).toBeVisible()
  await expectNoAxeViolations(page, where('question 3'))
  const faces = optionKeys('feel-safe')
  const face = (key: string) => page.getByRole('radio', { name: optionLabel('feel-safe', key, journey.locale), exact: true })
  await tabTo(page, face(faces[0]))
  const steps = faces.indexOf(journey.feelSafe)
  if (steps === 0) await page.keyboard.press('Space')
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown')
  await expect(face(journey.feelSafe)).toBeChecked()
  await expect(face(journey.feelSafe)).toBeFocused()
  await tabAndPress(page, nextButton(page, journey), 'Enter')

  // Question 4: type a sentence, then Finish.
  await expectQuestionPage(page, journey, 'one-change')
  await expectNoAxeViolations(page, where('question 4'))
  const textbox = page.getByRole('textbox', { name: prompt('one-change', journey.locale), exact: true })
  await tabTo(page, textbox)
  await page.keyboard.type(journey.text)
  await expect(textbox).toHaveValue(journey.text)
  const max = 500
  // With JavaScript the count of letters left updates as you type; without it the limit is shown.
  const counter = journey.javaScript ? t('participant', 'text.left_other', { count: max - [...journey.text].length }) : t('participant', 'text.limit_other', { count: max })
  await expect(page.getByText(counter, { exact: true })).toBeVisible()
  await tabAndPress(page, nextButton(page, journey, true), 'Enter')

  // Thanks, with the receipt code.
  await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/thanks$`))
  await expect(page.locator('html')).toHaveAttribute('lang', journey.locale)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('participant', 'thanks.title'))
  await expect(page.getByRole('heading', { level: 2, name: t('participant', 'thanks.receiptTitle'), exact: true })).toBeVisible()
  await expect(page.getByTestId('receipt-code')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  await expectNoAxeViolations(page, where('thanks page'))
  completed.push(journey.name)
}

/** After sending `duplicateFirst`: the error summary, its links, and the fields marked. */
async function expectRankingErrors(page: Page, journey: Journey) {
  const t = strings(journey.locale)
  await expect(page, 'the page is not left while the ranking is wrong').toHaveURL(new RegExp(`${SURVEY_PATH}/q/${questionPosition('top-priorities')}$`))
  const summary = page.getByRole('alert')
  await expect(summary).toBeVisible()
  await expect(summary.getByRole('heading', { name: t('common', 'errors.summaryTitle'), exact: true })).toBeVisible()
  await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(t('participant', 'errors.titlePrefix'))} `))
  // With JavaScript the summary takes focus, so a screen reader reads it first.
  if (journey.javaScript) await expect(summary).toBeFocused()

  // Which items share a number (worked out here from what the test sent).
  const byNumber = new Map<number, string[]>()
  for (const [key, n] of Object.entries(journey.duplicateFirst)) byNumber.set(n, [...(byNumber.get(n) ?? []), key])
  const duplicates = [...byNumber.entries()].filter(([, keys]) => keys.length > 1)
  expect(duplicates.length, 'the first try must use a number twice').toBeGreaterThan(0)
  const hrefs = await summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
  for (const [n, keys] of duplicates) {
    const message = t('participant', 'errors.rankDuplicate', { position: n })
    for (const key of keys) {
      expect(hrefs, `the summary links to #rank-${key}`).toContain(`#rank-${key}`)
      await expect(summary.locator(`a[href="#rank-${key}"]`, { hasText: message })).toBeVisible()
      const select = rankSelect(page, journey, key)
      await expect(select).toHaveAttribute('aria-invalid', 'true')
      await expect(select).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)))
    }
  }
  // The unused number is named too.
  const missing = [1, 2, 3, 4, 5].filter((n) => !byNumber.has(n))
  for (const n of missing) await expect(summary.getByRole('link', { name: t('participant', 'errors.rankMissing', { position: n }), exact: true })).toBeVisible()
}

// ---- The tests, in order ------------------------------------------------------------------------
test.describe.serial('participant journeys, keyboard only, then the planner’s counts', () => {
  const baseline = { borda: new Map<string, number>(), first: new Map<string, number>(), feelSafe: new Map<string, number>() }

  test('planner page before any journey shows the seeded numbers', async ({ page }) => {
    const t = strings('en')
    await page.goto(RESULTS_PATH)
    await expect(page.getByTestId('submitted-count')).toHaveText(grouped(SEED_SUBMITTED))
    const priority = page.getByTestId('results-priority-groups')
    for (const [key, count] of Object.entries(SEED_PRIORITY_COUNTS)) {
      const row = priority.locator(`tr[data-option="${key}"]`)
      await expect(row.locator('[data-cell=count]')).toHaveText(grouped(count))
      await expect(row.locator('[data-cell=percent]')).toHaveText(percentText(count, SEED_PRIORITY_ANSWERED))
    }
    await expect(page.getByRole('region', { name: new RegExp(escapeRegExp(prompt('priority-groups', 'en'))) })).toContainText(`${t('staff', 'results.answered')} ${grouped(SEED_PRIORITY_ANSWERED)}.`)
    // Ranking and scale numbers come from a seeded random draw: remember them, and check the change later.
    for (const key of optionKeys('top-priorities')) {
      const row = page.getByTestId('results-top-priorities').locator(`tr[data-option="${key}"]`)
      baseline.borda.set(key, numberIn(await row.locator('[data-cell=borda]').textContent()))
      baseline.first.set(key, numberIn(await row.locator('[data-cell=first]').textContent()))
    }
    for (const key of optionKeys('feel-safe')) {
      const row = page.getByTestId('results-feel-safe').locator(`tr[data-option="${key}"]`)
      baseline.feelSafe.set(key, numberIn(await row.locator('[data-cell=count]').textContent()))
    }
    const bordaTotal = [...baseline.borda.values()].reduce((a, b) => a + b, 0)
    // Everyone ranked all five: 5+4+3+2+1 = 15 points per response.
    expect(bordaTotal).toBe(15 * SEED_SUBMITTED)
    expect([...baseline.first.values()].reduce((a, b) => a + b, 0)).toBe(SEED_SUBMITTED)
  })

  for (const journey of journeys) {
    test.describe(journey.name, () => {
      test.use({ javaScriptEnabled: journey.javaScript, viewport: { width: 390, height: 844 } })
      test(`${journey.name}: start → 4 questions (Back keeps answers, ranking error fixed) → receipt`, async ({ page }) => {
        await runJourney(page, journey)
      })
    })
  }

  test('planner page counts exactly the seed plus the journeys above', async ({ page }) => {
    expect(completed, 'every journey above finished before counting').toEqual(journeys.map((j) => j.name))
    const t = strings('en')
    const submitted = SEED_SUBMITTED + journeys.length
    const answered = SEED_PRIORITY_ANSWERED + journeys.length // every journey answered question 1

    await page.goto(RESULTS_PATH)
    await expect(page.getByText(t('staff', 'results.submitted'), { exact: true })).toBeVisible()
    await expect(page.getByTestId('submitted-count')).toHaveText(grouped(submitted))
    await expect(page.getByRole('region', { name: new RegExp(escapeRegExp(prompt('priority-groups', 'en'))) })).toContainText(`${t('staff', 'results.answered')} ${grouped(answered)}.`)

    const priority = page.getByTestId('results-priority-groups')
    for (const [key, seeded] of Object.entries(SEED_PRIORITY_COUNTS)) {
      const count = seeded + journeys.filter((j) => j.groups.includes(key)).length
      const row = priority.locator(`tr[data-option="${key}"]`)
      await expect(row.locator('[data-cell=count]'), `${key} count`).toHaveText(grouped(count))
      await expect(row.locator('[data-cell=percent]'), `${key} percent`).toHaveText(percentText(count, answered))
    }
    // The example worked by hand: in-care 609 + 3 journeys = 612 of 1,003 answered = 61.0%.
    await expect(priority.locator('tr[data-option="in-care"] [data-cell=count]')).toHaveText('612')
    await expect(priority.locator('tr[data-option="in-care"] [data-cell=percent]')).toHaveText('61.0%')

    // Ranking: number 1 of 5 earns 5 points, number 5 earns 1.
    const ranking = page.getByTestId('results-top-priorities')
    for (const key of optionKeys('top-priorities')) {
      const points = journeys.reduce((sum, j) => sum + (6 - j.ranking[key]), 0)
      const firsts = journeys.filter((j) => j.ranking[key] === 1).length
      const row = ranking.locator(`tr[data-option="${key}"]`)
      await expect(row.locator('[data-cell=borda]'), `${key} Borda score`).toHaveText(grouped(baseline.borda.get(key)! + points))
      await expect(row.locator('[data-cell=first]'), `${key} number 1 choices`).toHaveText(grouped(baseline.first.get(key)! + firsts))
    }

    const scale = page.getByTestId('results-feel-safe')
    for (const key of optionKeys('feel-safe')) {
      const chosen = journeys.filter((j) => j.feelSafe === key).length
      await expect(scale.locator(`tr[data-option="${key}"] [data-cell=count]`), `${key} count`).toHaveText(grouped(baseline.feelSafe.get(key)! + chosen))
    }
  })

  // Last, so that an accessibility failure here cannot stop the journeys and counts from running.
  test('planner page has no axe violations at phone width', async ({ page }) => {
    await page.goto(RESULTS_PATH)
    await expect(page.getByTestId('results-priority-groups')).toBeVisible()
    await expectNoAxeViolations(page, 'planner results page')
  })
})
