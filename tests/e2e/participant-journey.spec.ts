// The participant journey, keyboard only, on a phone-sized screen: with JavaScript off, with it
// on, and in Welsh; axe on every page; then the planner's page must count exactly these answers.
//
// One server and one database serve every test (see playwright.config.ts); with one worker the tests
// below run in file order. Every answer a journey gets accepted (and every finished response) is
// written to a ledger beside the test database (tests/helpers/e2e-ledger.ts), and the planner's
// numbers must equal the seeded numbers plus exactly what was saved, worked out by hand in this file.
// A failing journey therefore fails on its own, without hiding the results of the others.
//
// Ranking (question 2) is never dragged. Without JavaScript it is a <select> per item ("Number 1" to
// "Number 5"), set with Tab and the arrow keys. With JavaScript the selects become Add / Up / Down
// buttons (components/questions/ranking-reorder.tsx), pressed with Tab and Enter.
import { expect, type Locator, type Page, test } from '@playwright/test'
import { signInAs } from '../helpers/e2e-auth'
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
import { readLedger, recordBaseline, recordSaved, type SavedJourney } from '../helpers/e2e-ledger'

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
const RANK_POSITIONS = 5

// ---- The journeys this file makes, in order -------------------------------------------------------
interface Journey {
  name: string
  locale: E2eLocale
  javaScript: boolean
  /** priority-groups: the boxes ticked */
  groups: string[]
  /**
   * top-priorities, first try, which must be refused: the numbers sent. Without JavaScript two
   * items share a number; with JavaScript (where a number cannot be used twice) only some are added.
   */
  firstTry: Record<string, number>
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
    firstTry: { 'safe-places': 1, 'less-bullying': 1, respect: 3, 'things-to-do': 4, 'safer-from-crime': 5 },
    ranking: { respect: 1, 'safe-places': 2, 'less-bullying': 3, 'things-to-do': 4, 'safer-from-crime': 5 },
    feelSafe: 'sometimes',
    text: 'A youth club that stays open late on Fridays.',
  },
  {
    name: 'English, JavaScript on',
    locale: 'en',
    javaScript: true,
    groups: ['in-care', 'young-carers'],
    firstTry: { 'things-to-do': 1, respect: 2, 'less-bullying': 3 },
    ranking: { 'things-to-do': 1, respect: 2, 'less-bullying': 3, 'safe-places': 4, 'safer-from-crime': 5 },
    feelSafe: 'not-safe',
    text: 'Cheaper buses so we can get into town.',
  },
  {
    name: 'Cymraeg, JavaScript on',
    locale: 'cy',
    javaScript: true,
    groups: ['in-care', 'hate-crime'],
    firstTry: { 'safer-from-crime': 1, 'less-bullying': 2 },
    ranking: { 'safer-from-crime': 1, 'less-bullying': 2, 'safe-places': 3, respect: 4, 'things-to-do': 5 },
    feelSafe: 'safe',
    text: 'Mwy o lefydd diogel i chwarae pêl-droed.',
  },
]

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
/** Option keys by their number, 1 first. */
function byNumber(ranking: Record<string, number>): string[] {
  return Object.entries(ranking)
    .sort(([, a], [, b]) => a - b)
    .map(([key]) => key)
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

// -- Ranking without JavaScript: a select per item.
function rankSelect(page: Page, journey: Journey, optionKey: string): Locator {
  return page.getByRole('combobox', { name: optionLabel('top-priorities', optionKey, journey.locale), exact: true })
}

/** Gives each item its number with Tab and the arrow keys ("Number n" is option n; 0 is "Choose a number"). */
async function rankWithSelects(page: Page, journey: Journey, ranking: Record<string, number>) {
  for (const key of optionKeys('top-priorities')) {
    const select = rankSelect(page, journey, key)
    await tabTo(page, select)
    await chooseWithArrows(page, select, ranking[key] ?? 0)
  }
}

// -- Ranking with JavaScript: Add / Up / Down buttons.
function rankButton(page: Page, journey: Journey, action: 'add' | 'up' | 'down' | 'remove', optionKey: string): Locator {
  const name = strings(journey.locale)('questions', `ranking.${action}Name`, { label: optionLabel('top-priorities', optionKey, journey.locale) })
  return page.getByRole('button', { name, exact: true })
}

async function expectRankFields(page: Page, sent: Record<string, number>) {
  for (const key of optionKeys('top-priorities')) {
    await expect(page.locator(`input[type=hidden][name="rank-${key}"]`), `rank-${key} sent`).toHaveValue(sent[key] ? String(sent[key]) : '')
  }
}

/** Adds the not-yet-placed items in order, the last two swapped, then moves the last-but-one Up. */
async function rankWithButtons(page: Page, journey: Journey, ranking: Record<string, number>, placed: string[]) {
  const t = strings(journey.locale)
  const order = byNumber(ranking)
  const toAdd = order.filter((key) => !placed.includes(key))
  const swap = toAdd.length >= 2
  if (swap) toAdd.splice(toAdd.length - 2, 2, toAdd[toAdd.length - 1], toAdd[toAdd.length - 2])
  const status = page.getByRole('status')
  for (const key of toAdd) {
    await tabAndPress(page, rankButton(page, journey, 'add', key), 'Enter')
    const label = optionLabel('top-priorities', key, journey.locale)
    await expect(status).toHaveText(t('questions', 'ranking.added', { label, position: placed.length + toAdd.indexOf(key) + 1, total: RANK_POSITIONS }))
    // Focus stays with the item: on its Up button.
    await expect(rankButton(page, journey, 'up', key)).toBeFocused()
  }
  if (swap) {
    const key = toAdd[toAdd.length - 1] // belongs one place higher
    await tabAndPress(page, rankButton(page, journey, 'up', key), 'Enter')
    await expect(status).toHaveText(t('questions', 'ranking.moved', { label: optionLabel('top-priorities', key, journey.locale), position: ranking[key], total: RANK_POSITIONS }))
    await expect(rankButton(page, journey, 'up', key)).toBeFocused()
  }
  await expectRankFields(page, ranking)
}

async function runJourney(page: Page, journey: Journey) {
  const t = strings(journey.locale)
  const axe = (what: string) => expectNoAxeViolations(page, `${journey.name}: ${what}`, { javaScriptEnabled: journey.javaScript })

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
  await expect(page.getByText(t('participant', 'notice.saved', { count: QUESTION_COUNT }), { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: t('common', 'skipToContent'), exact: true })).toBeAttached()
  await axe('start page')
  await tabAndPress(page, page.getByRole('button', { name: t('participant', 'start.start'), exact: true }), 'Enter')

  // Question 1: tick two boxes with Space.
  await expectQuestionPage(page, journey, 'priority-groups')
  await expect(page.getByText(t('participant', 'hint.chooseAny'), { exact: true })).toBeVisible()
  await axe('question 1')
  const box = (key: string) => page.getByRole('checkbox', { name: optionLabel('priority-groups', key, journey.locale), exact: true })
  for (const key of journey.groups) {
    await tabAndPress(page, box(key), 'Space')
    await expect(box(key)).toBeChecked()
  }
  await tabAndPress(page, nextButton(page, journey), 'Enter')

  // Question 2, then Back: question 1 must still show the boxes ticked (saved on Next).
  await expectQuestionPage(page, journey, 'top-priorities')
  recordSaved(journey.name, { groups: journey.groups })
  await tabAndPress(page, page.getByRole('link', { name: t('participant', 'nav.back'), exact: true }), 'Enter')
  await expectQuestionPage(page, journey, 'priority-groups')
  for (const key of optionKeys('priority-groups')) {
    if (journey.groups.includes(key)) await expect(box(key), `${key} is still ticked after Back`).toBeChecked()
    else await expect(box(key), `${key} stays unticked`).not.toBeChecked()
  }
  await axe('question 1 after Back')
  await tabAndPress(page, nextButton(page, journey), 'Enter')

  // Question 2: rank (no dragging). The first try is refused; then the real ranking.
  await expectQuestionPage(page, journey, 'top-priorities')
  await expect(page.getByText(t('participant', 'hint.rankAll'), { exact: true })).toBeVisible()
  if (journey.javaScript) {
    await expect(page.getByRole('heading', { level: 2, name: t('questions', 'ranking.myOrder'), exact: true })).toBeVisible()
    await expect(page.getByRole('combobox'), 'with JavaScript the selects become buttons').toHaveCount(0)
  } else {
    await expect(page.getByRole('combobox')).toHaveCount(optionKeys('top-priorities').length)
  }
  await axe('question 2')
  if (journey.javaScript) {
    for (const key of byNumber(journey.firstTry)) await tabAndPress(page, rankButton(page, journey, 'add', key), 'Enter')
    await expectRankFields(page, journey.firstTry)
  } else {
    await rankWithSelects(page, journey, journey.firstTry)
  }
  await tabAndPress(page, nextButton(page, journey), 'Enter')
  const firstErrorTarget = await expectRankingErrors(page, journey)
  await axe('question 2 with errors')
  // The summary's first link takes keyboard focus to the field it names.
  await tabAndPress(page, page.getByRole('alert').getByRole('link').first(), 'Enter')
  await expect(page.locator(`[id="${firstErrorTarget}"]`)).toBeFocused()
  // Fix it, and go on.
  if (journey.javaScript) await rankWithButtons(page, journey, journey.ranking, byNumber(journey.firstTry))
  else await rankWithSelects(page, journey, journey.ranking)
  await tabAndPress(page, nextButton(page, journey), 'Enter')

  // Question 3: a face on the scale. Tab enters the group on its first radio; arrows move and choose.
  await expectQuestionPage(page, journey, 'feel-safe')
  recordSaved(journey.name, { ranking: journey.ranking })
  await expect(page.getByText(t('participant', 'hint.scale'), { exact: true })).toBeVisible()
  await axe('question 3')
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
  recordSaved(journey.name, { feelSafe: journey.feelSafe })
  await axe('question 4')
  const textbox = page.getByRole('textbox', { name: prompt('one-change', journey.locale), exact: true })
  await tabTo(page, textbox)
  await page.keyboard.type(journey.text)
  await expect(textbox).toHaveValue(journey.text)
  const max = 500
  // With JavaScript the count of letters left updates as you type; without it the limit is shown.
  const counter = journey.javaScript ? t('participant', 'text.left', { count: max - [...journey.text].length }) : t('participant', 'text.limit', { count: max })
  await expect(page.getByText(counter, { exact: true })).toBeVisible()
  await tabAndPress(page, nextButton(page, journey, true), 'Enter')

  // Thanks, with the receipt code. From here the response counts as finished.
  await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/thanks$`))
  recordSaved(journey.name, { text: journey.text, submitted: true })
  await expect(page.locator('html')).toHaveAttribute('lang', journey.locale)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('participant', 'thanks.title'))
  await expect(page.getByRole('heading', { level: 2, name: t('participant', 'thanks.receiptTitle'), exact: true })).toBeVisible()
  await expect(page.getByTestId('receipt-code')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  await axe('thanks page')
}

/**
 * After the refused first try: the error summary, its links, and the fields marked, all worked out
 * here from the numbers sent. Returns the id the summary's first link points to.
 */
async function expectRankingErrors(page: Page, journey: Journey): Promise<string> {
  const t = strings(journey.locale)
  const sent = journey.firstTry
  await expect(page, 'the page is not left while the ranking is wrong').toHaveURL(new RegExp(`${SURVEY_PATH}/q/${questionPosition('top-priorities')}$`))
  const summary = page.getByRole('alert')
  await expect(summary).toBeVisible()
  await expect(summary.getByRole('heading', { name: t('common', 'errors.summaryTitle'), exact: true })).toBeVisible()
  // With JavaScript the summary takes focus, so a screen reader reads it first.
  if (journey.javaScript) await expect(summary).toBeFocused()
  // GOV.UK pattern: the page title starts with "Error:" (soft: the journey goes on, the test still fails).
  await expect.soft(page, 'the page title starts with the error prefix').toHaveTitle(new RegExp(`^${escapeRegExp(t('participant', 'errors.titlePrefix'))} `))

  const expected: Array<{ key: string; message: string }> = []
  const keysByNumber = new Map<number, string[]>()
  for (const [key, n] of Object.entries(sent)) keysByNumber.set(n, [...(keysByNumber.get(n) ?? []), key])
  for (const [n, keys] of keysByNumber) if (keys.length > 1) for (const key of keys) expected.push({ key, message: t('participant', 'errors.rankDuplicate', { position: n }) })
  const missing = Array.from({ length: RANK_POSITIONS }, (_, i) => i + 1).filter((n) => !keysByNumber.has(n))
  if (missing.length) {
    // Named on the first item (in page order) without a number, or on the first item if all have one.
    const key = optionKeys('top-priorities').find((k) => !(k in sent)) ?? optionKeys('top-priorities')[0]
    const message = missing.length === 1 ? t('participant', 'errors.rankMissing', { position: missing[0] }) : t('participant', 'errors.rankMissingMany', { positions: missing.join(', ') })
    expected.push({ key, message })
  }
  expect(expected.length, 'the first try must be refused').toBeGreaterThan(0)

  const links = summary.getByRole('link')
  await expect(links).toHaveCount(expected.length)
  for (const { key, message } of expected) {
    await expect(summary.locator(`a[href="#rank-${key}"]`, { hasText: message }), `summary links "${message}" to #rank-${key}`).toBeVisible()
    const field = page.locator(`[id="rank-${key}"]`)
    await expect(field, `#rank-${key} is described by its error`).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)))
    await expect(page.locator(`[id="rank-${key}-error"]`)).toContainText(message)
    if (!journey.javaScript) await expect(field).toHaveAttribute('aria-invalid', 'true')
  }
  // What the participant sent is still shown, so they can see what to change.
  if (journey.javaScript) await expectRankFields(page, sent)
  else {
    for (const key of optionKeys('top-priorities')) {
      const n = sent[key] ?? 0
      await expect.soft(rankSelect(page, journey, key), `after the error, "${key}" still shows ${n ? `Number ${n}` : 'no number'}`).toHaveJSProperty('selectedIndex', n)
    }
  }
  return ((await links.first().getAttribute('href')) ?? '').replace(/^#/, '')
}

// ---- The tests, in file order -------------------------------------------------------------------
test.describe('participant journeys, keyboard only, then the planner’s counts', () => {
  test('planner page before any journey shows the seeded numbers', async ({ page }) => {
    const t = strings('en')
    expect(readLedger().journeys, 'no journey has run against this database yet').toEqual({})
    await signInAs(page, 'planner')
    await page.goto(RESULTS_PATH)
    await expect(page.getByTestId('submitted-count')).toHaveText(grouped(SEED_SUBMITTED))
    const priority = page.getByTestId('results-priority-groups')
    for (const [key, count] of Object.entries(SEED_PRIORITY_COUNTS)) {
      const row = priority.locator(`tr[data-option="${key}"]`)
      await expect(row.locator('[data-cell=count]'), `${key} count`).toHaveText(grouped(count))
      await expect(row.locator('[data-cell=percent]'), `${key} percent`).toHaveText(percentText(count, SEED_PRIORITY_ANSWERED))
    }
    await expect(page.getByRole('region', { name: new RegExp(escapeRegExp(prompt('priority-groups', 'en'))) })).toContainText(`${t('staff', 'results.answered')} ${grouped(SEED_PRIORITY_ANSWERED)}.`)
    // Ranking and scale numbers come from a seeded random draw: remember them, and check the change later.
    const baseline = { borda: {} as Record<string, number>, first: {} as Record<string, number>, feelSafe: {} as Record<string, number> }
    for (const key of optionKeys('top-priorities')) {
      const row = page.getByTestId('results-top-priorities').locator(`tr[data-option="${key}"]`)
      baseline.borda[key] = numberIn(await row.locator('[data-cell=borda]').textContent())
      baseline.first[key] = numberIn(await row.locator('[data-cell=first]').textContent())
    }
    for (const key of optionKeys('feel-safe')) {
      baseline.feelSafe[key] = numberIn(await page.getByTestId('results-feel-safe').locator(`tr[data-option="${key}"] [data-cell=count]`).textContent())
    }
    // Every seeded response ranked all five: 5+4+3+2+1 = 15 points each, and one number 1 each.
    expect(Object.values(baseline.borda).reduce((a, b) => a + b, 0)).toBe(15 * SEED_SUBMITTED)
    expect(Object.values(baseline.first).reduce((a, b) => a + b, 0)).toBe(SEED_SUBMITTED)
    recordBaseline(baseline)
  })

  for (const journey of journeys) {
    test.describe(journey.name, () => {
      test.use({ javaScriptEnabled: journey.javaScript, viewport: { width: 390, height: 844 } })
      test(`${journey.name}: start → 4 questions (Back keeps answers, ranking error fixed) → receipt`, async ({ page }) => {
        await runJourney(page, journey)
      })
    })
  }

  test('planner page counts exactly the seed plus what the journeys above saved', async ({ page }) => {
    const ledger = readLedger()
    expect(ledger.baseline, 'the first test in this file read the seeded numbers').toBeTruthy()
    const baseline = ledger.baseline!
    for (const name of Object.keys(ledger.journeys)) expect(journeys.map((j) => j.name), 'only this file saves answers').toContain(name)
    const saved: SavedJourney[] = Object.values(ledger.journeys)
    const finished = saved.filter((j) => j.submitted)
    const withGroups = saved.filter((j) => j.groups)
    const withRanking = saved.filter((j) => j.ranking)
    const withFace = saved.filter((j) => j.feelSafe)
    test.info().annotations.push({
      type: 'counted',
      description:
        Object.entries(ledger.journeys)
          .map(([name, j]) => `${name}: ${j.submitted ? 'finished' : `saved ${Object.keys(j).join(', ') || 'nothing'}`}`)
          .join('; ') || 'no journeys',
    })

    const t = strings('en')
    // The planner's tables count every saved answer (unfinished responses too); "Finished responses" only finished ones.
    const submitted = SEED_SUBMITTED + finished.length
    const answered = SEED_PRIORITY_ANSWERED + withGroups.length

    await signInAs(page, 'planner')
    await page.goto(RESULTS_PATH)
    await expect(page.getByText(t('staff', 'results.submitted'), { exact: true })).toBeVisible()
    await expect(page.getByTestId('submitted-count')).toHaveText(grouped(submitted))
    await expect(page.getByRole('region', { name: new RegExp(escapeRegExp(prompt('priority-groups', 'en'))) })).toContainText(`${t('staff', 'results.answered')} ${grouped(answered)}.`)

    const priority = page.getByTestId('results-priority-groups')
    for (const [key, seeded] of Object.entries(SEED_PRIORITY_COUNTS)) {
      const count = seeded + withGroups.filter((j) => j.groups!.includes(key)).length
      const row = priority.locator(`tr[data-option="${key}"]`)
      await expect(row.locator('[data-cell=count]'), `${key} count`).toHaveText(grouped(count))
      await expect(row.locator('[data-cell=percent]'), `${key} percent`).toHaveText(percentText(count, answered))
    }
    if (finished.length === journeys.length) {
      // The same worked by hand: in-care 609 + 3 journeys = 612 of 1,003 answered = 61.0%.
      await expect(page.getByTestId('submitted-count')).toHaveText('1,003')
      await expect(priority.locator('tr[data-option="in-care"] [data-cell=count]')).toHaveText('612')
      await expect(priority.locator('tr[data-option="in-care"] [data-cell=percent]')).toHaveText('61.0%')
      await expect(priority.locator('tr[data-option="young-carers"] [data-cell=count]')).toHaveText('575')
      await expect(priority.locator('tr[data-option="young-carers"] [data-cell=percent]')).toHaveText('57.3%')
    }

    // Ranking: number 1 of 5 earns 5 points, number 5 earns 1.
    const ranking = page.getByTestId('results-top-priorities')
    for (const key of optionKeys('top-priorities')) {
      const points = withRanking.reduce((sum, j) => sum + (RANK_POSITIONS + 1 - j.ranking![key]), 0)
      const firsts = withRanking.filter((j) => j.ranking![key] === 1).length
      const row = ranking.locator(`tr[data-option="${key}"]`)
      await expect(row.locator('[data-cell=borda]'), `${key} Borda score`).toHaveText(grouped(baseline.borda[key] + points))
      await expect(row.locator('[data-cell=first]'), `${key} number 1 choices`).toHaveText(grouped(baseline.first[key] + firsts))
    }

    const scale = page.getByTestId('results-feel-safe')
    for (const key of optionKeys('feel-safe')) {
      const chosen = withFace.filter((j) => j.feelSafe === key).length
      await expect(scale.locator(`tr[data-option="${key}"] [data-cell=count]`), `${key} count`).toHaveText(grouped(baseline.feelSafe[key] + chosen))
    }
  })

  // Last, so that an accessibility failure here cannot stop the journeys and counts from running.
  test('planner page has no axe violations at phone width', async ({ page }) => {
    await signInAs(page, 'planner')
    await page.goto(RESULTS_PATH)
    await expect(page.getByTestId('results-priority-groups')).toBeVisible()
    await expectNoAxeViolations(page, 'planner results page')
  })
})
