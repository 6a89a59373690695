// "Try every kind of question" (/c/every-question), keyboard only on a phone-sized screen, once
// with JavaScript off and once with it on: every question type answered, at least one validation
// error made and fixed on each type that can have one, axe on every page; then the planner's page
// shows each question with its small counts hidden (`c`) and none of the self-described words.
//
// Runs before participant-journey.spec.ts and ranking.spec.ts (Playwright runs files in name
// order); ranking.spec.ts later saves unfinished answers to this consultation too.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, type Locator, type Page, test } from '@playwright/test'
import { EVERY_QUESTION_SLUG, everyQuestionConsultation, everyQuestionQuestions } from '../../db/seed/every-question-content'
import { signInAs } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { chooseWithArrows, tabAndPress, tabTo } from '../helpers/e2e-keyboard'

const SURVEY_PATH = `/c/${EVERY_QUESTION_SLUG}`
const RESULTS_PATH = `/staff/consultations/${EVERY_QUESTION_SLUG}/results`
const TOTAL = everyQuestionQuestions.length

// ---- Words on the page, straight from the seed and locales/en --------------------------------------
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
type Json = { [key: string]: string | Json }
const namespaces = new Map<string, Json>()
function lookup(namespace: string, key: string): string | undefined {
  if (!namespaces.has(namespace)) namespaces.set(namespace, JSON.parse(fs.readFileSync(path.join(root, 'locales/en', `${namespace}.json`), 'utf8')) as Json)
  let node: string | Json | undefined = namespaces.get(namespace)
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  return typeof node === 'string' ? node : undefined
}
/** t('nav.next') (participant), t('questions:consent.errors.choose'), with {{values}} and English plurals. */
function t(id: string, values: Record<string, string | number> = {}): string {
  const [namespace, key] = id.includes(':') ? (id.split(':') as [string, string]) : ['participant', id]
  const plural = typeof values.count === 'number' ? lookup(namespace, `${key}_${values.count === 1 ? 'one' : 'other'}`) : undefined
  const template = plural ?? lookup(namespace, key)
  if (template === undefined) throw new Error(`No string ${namespace}:${key} in locales/en`)
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`))
}

function question(key: string) {
  const found = everyQuestionQuestions.find((q) => q.key === key)
  if (!found) throw new Error(`No question ${key} in every-question-content.ts`)
  return found
}
const positionOf = (key: string) => everyQuestionQuestions.findIndex((q) => q.key === key) + 1
const promptOf = (key: string) => question(key).prompt.en
function labelOf(questionKey: string, optionKey: string): string {
  const option = question(questionKey).options.find((o) => o.key === optionKey)
  if (!option) throw new Error(`No option ${optionKey} in ${questionKey}`)
  return option.label.en
}
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

// ---- Keyboard helpers ----------------------------------------------------------------------------
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => Object.keys(document).some((k) => k.startsWith('__reactContainer')))
}

/** Picks a radio in a group the way a keyboard user does: Tab into the group, then arrows (or Space). */
async function chooseRadio(page: Page, questionKey: string, optionKey: string) {
  const keys = question(questionKey).options.map((o) => o.key)
  const radios = keys.map((key) => page.getByRole('radio', { name: labelOf(questionKey, key), exact: true }))
  // Tab lands on the checked radio of the group, or on the first when none is checked.
  const checked = await Promise.all(radios.map((r) => r.isChecked()))
  const from = Math.max(0, checked.indexOf(true))
  await tabTo(page, radios[from])
  const to = keys.indexOf(optionKey)
  if (to === from && !checked[from]) await page.keyboard.press('Space')
  for (let i = from; i < to; i++) await page.keyboard.press('ArrowDown')
  for (let i = from; i > to; i--) await page.keyboard.press('ArrowUp')
  await expect(radios[to]).toBeChecked()
  await expect(radios[to]).toBeFocused()
}

async function toggleCheckbox(page: Page, questionKey: string, optionKey: string, checked: boolean) {
  const box = page.getByRole('checkbox', { name: labelOf(questionKey, optionKey), exact: true })
  await tabAndPress(page, box, 'Space')
  if (checked) await expect(box).toBeChecked()
  else await expect(box).not.toBeChecked()
}

/** Replaces what a text field holds, by keyboard. */
async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field)
  await page.keyboard.press('ControlOrMeta+A')
  if (text) await page.keyboard.type(text)
  else await page.keyboard.press('Backspace')
  await expect(field).toHaveValue(text)
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })

// ---- What each page must show --------------------------------------------------------------------
async function expectQuestion(page: Page, key: string) {
  const position = positionOf(key)
  await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/${position}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(promptOf(key))
  await expect(page.getByText(t('nav.progress', { position, total: TOTAL }), { exact: true })).toBeVisible()
  await expect(page).toHaveTitle(`${promptOf(key)} – ${everyQuestionConsultation.title.en}`)
  const skip = question(key).type === 'demographic' ? t('nav.preferNotToSay') : t('nav.skip')
  await expect(button(page, skip)).toBeVisible()
  await expect(button(page, position === TOTAL ? t('nav.finish') : t('nav.next'))).toBeVisible()
}

/**
 * After a refused page: still on it, the summary (focused when JavaScript runs) links each
 * message to its field, and each message is beside its field too.
 */
async function expectErrors(page: Page, javaScript: boolean, key: string, expected: Array<{ field: string; message: string }>) {
  await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/${positionOf(key)}$`))
  const summary = page.getByRole('alert')
  await expect(summary).toBeVisible()
  if (javaScript) await expect(summary).toBeFocused()
  // (The "Error:" page title is checked by participant-journey.spec.ts, not again here.)
  for (const { field, message } of expected) {
    await expect(summary.locator(`a[href="#${field}"]`, { hasText: message }), `summary links "${message}" to #${field}`).toBeVisible()
    await expect(page.locator(`[id="${field}"]`), `#${field} is on the page`).toHaveCount(1)
    await expect(page.locator('.field-error', { hasText: message }).first(), `"${message}" is shown beside the field`).toBeVisible()
  }
}

/** The question's fieldset names the error in its description (what a screen reader reads on entering). */
async function expectGroupDescribedBy(page: Page, key: string, message: string) {
  await expect(page.getByRole('group', { name: promptOf(key) })).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)))
}

// ---- Ranking: selects without JavaScript; with it, whatever the page offers ------------------------
/** The ranking's own strings (locales/en/questions.json "ranking"), when the button version exists. */
function rankingButtonName(top: number | null, label: string): string | null {
  const template = lookup('questions', top ? 'ranking.addTopName' : 'ranking.addName')
  return template ? template.replace('{{label}}', label).replace('{{top}}', String(top)) : null
}

/** Selects without JavaScript; with it, the Add / Up / Down buttons if the page has replaced the selects. */
async function rankingWay(page: Page, key: string): Promise<'selects' | 'buttons'> {
  const first = question(key).options[0]
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(promptOf(key))
  return (await page.getByRole('combobox', { name: labelOf(key, first.key), exact: true }).count()) > 0 ? 'selects' : 'buttons'
}

/** Sets every item's select with the arrow keys: numbers[key] is its number, or 0 / missing for none. */
async function rankBySelects(page: Page, key: string, numbers: Record<string, number>) {
  for (const option of question(key).options) {
    const select = page.getByRole('combobox', { name: labelOf(key, option.key), exact: true })
    await tabTo(page, select)
    // "Number n" is option n of the select; 0 is "Choose a number" / "Not in my top ones".
    await chooseWithArrows(page, select, numbers[option.key] ?? 0)
  }
}

/** Presses Add on each item in turn, so they take the next free numbers. */
async function rankByButtons(page: Page, key: string, keys: string[]) {
  const rankCount = question(key).config.rankCount
  const template = lookup('questions', typeof rankCount === 'number' ? 'ranking.addTopName' : 'ranking.addName')
  if (!template) throw new Error('The ranking has neither selects nor Add buttons (no questions:ranking.addName)')
  for (const optionKey of keys) {
    const name = template.replace('{{label}}', labelOf(key, optionKey)).replace('{{top}}', String(rankCount))
    await tabAndPress(page, button(page, name), 'Enter')
  }
}

// ---- The journeys --------------------------------------------------------------------------------
interface Journey {
  name: string
  javaScript: boolean
  /** gender: the words typed for "I describe myself another way" (never shown to planners) */
  ownWords: string
  /** area and in-care: which one this journey answers with "Prefer not to say" */
  preferNotToSay: 'area' | 'in-care'
}

const journeys: Journey[] = [
  { name: 'JavaScript off', javaScript: false, ownWords: 'Genderfluid', preferNotToSay: 'area' },
  { name: 'JavaScript on', javaScript: true, ownWords: 'Just me', preferNotToSay: 'in-care' },
]
const finished: string[] = []

async function runJourney(page: Page, journey: Journey) {
  const js = journey.javaScript
  const axe = (what: string) => expectNoAxeViolations(page, `${journey.name}: ${what}`, { javaScriptEnabled: js })
  const next = (key: string) => tabAndPress(page, button(page, positionOf(key) === TOTAL ? t('nav.finish') : t('nav.next')), 'Enter')
  const skipOn = (key: string) => tabAndPress(page, button(page, question(key).type === 'demographic' ? t('nav.preferNotToSay') : t('nav.skip')), 'Enter')
  const firstOption = (key: string) => `answer-${question(key).options[0].key}`

  await page.goto(SURVEY_PATH)
  if (js) await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(everyQuestionConsultation.title.en)
  await expect(page.getByText(t('notice.saved', { count: TOTAL }), { exact: true })).toBeVisible()
  await axe('start page')
  await tabAndPress(page, button(page, t('start.start')), 'Enter')

  // 1. Single choice: Next with nothing chosen is refused; then choose by arrows.
  await expectQuestion(page, 'travel')
  await axe('single choice')
  await next('travel')
  await expectErrors(page, js, 'travel', [{ field: firstOption('travel'), message: t('errors.chooseOne') }])
  await expectGroupDescribedBy(page, 'travel', t('errors.chooseOne'))
  await axe('single choice with an error')
  await chooseRadio(page, 'travel', js ? 'bike' : 'bus')
  await next('travel')

  // 2. Multiple choice: nothing ticked is refused; then tick two.
  await expectQuestion(page, 'after-school')
  await expect(page.getByText(t('hint.chooseAny'), { exact: true })).toBeVisible()
  await axe('multiple choice')
  await next('after-school')
  await expectErrors(page, js, 'after-school', [{ field: firstOption('after-school'), message: t('errors.chooseAtLeastOne') }])
  await axe('multiple choice with an error')
  await toggleCheckbox(page, 'after-school', 'sport', true)
  await toggleCheckbox(page, 'after-school', 'music', true)
  await next('after-school')

  // 3. Choose up to 3 of 6: four is refused (and kept ticked); untick one.
  await expectQuestion(page, 'more-of')
  await expect(page.getByText(t('hint.chooseUpTo', { count: 3 }), { exact: true })).toBeVisible()
  await axe('choose up to 3')
  for (const key of ['parks', 'buses', 'libraries', 'events']) await toggleCheckbox(page, 'more-of', key, true)
  await next('more-of')
  const tooMany = t('errors.tooMany', { count: 4, max: 3 })
  await expectErrors(page, js, 'more-of', [{ field: firstOption('more-of'), message: tooMany }])
  await expectGroupDescribedBy(page, 'more-of', tooMany)
  for (const key of ['parks', 'buses', 'libraries', 'events']) await expect(page.getByRole('checkbox', { name: labelOf('more-of', key), exact: true })).toBeChecked()
  await axe('choose up to 3 with an error')
  await toggleCheckbox(page, 'more-of', 'events', false)
  await next('more-of')

  // 4. Full ranking of 4. Selects: a number used twice (and so one unused) is refused.
  //    Buttons (JavaScript): a number cannot be used twice, so three of four placed is refused.
  await expectQuestion(page, 'what-matters')
  await axe('full ranking')
  if ((await rankingWay(page, 'what-matters')) === 'selects') {
    await rankBySelects(page, 'what-matters', { friends: 1, family: 1, school: 3, health: 4 })
    await next('what-matters')
    await expectErrors(page, js, 'what-matters', [
      { field: 'rank-friends', message: t('errors.rankDuplicate', { position: 1 }) },
      { field: 'rank-family', message: t('errors.rankDuplicate', { position: 1 }) },
      { field: 'rank-friends', message: t('errors.rankMissing', { position: 2 }) },
    ])
    await expect(page.getByRole('combobox', { name: labelOf('what-matters', 'family'), exact: true })).toHaveAttribute('aria-invalid', 'true')
    await axe('full ranking with errors')
    await rankBySelects(page, 'what-matters', { family: 1, friends: 2, health: 3, school: 4 })
  } else {
    await rankByButtons(page, 'what-matters', ['family', 'friends', 'health'])
    await next('what-matters')
    // The first item without a number carries the message.
    await expectErrors(page, js, 'what-matters', [{ field: 'rank-school', message: t('errors.rankMissing', { position: 4 }) }])
    await axe('full ranking with an error')
    await rankByButtons(page, 'what-matters', ['school'])
  }
  await next('what-matters')

  // 5. Top 3 of 6: only two numbers given is refused; then the third.
  await expectQuestion(page, 'park-ideas')
  await axe('top-3 ranking')
  const topWay = await rankingWay(page, 'park-ideas')
  if (topWay === 'selects') {
    await expect(page.getByText(t('hint.rankTop', { count: 3 }), { exact: true })).toBeVisible()
    await rankBySelects(page, 'park-ideas', { lights: 1, slides: 2 })
  } else await rankByButtons(page, 'park-ideas', ['lights', 'slides'])
  await next('park-ideas')
  await expectErrors(page, js, 'park-ideas', [{ field: 'rank-skate-park', message: t('errors.rankMissing', { position: 3 }) }])
  await axe('top-3 ranking with an error')
  if (topWay === 'selects') await rankBySelects(page, 'park-ideas', { lights: 1, slides: 2, football: 3 })
  else await rankByButtons(page, 'park-ideas', ['football'])
  await next('park-ideas')

  // 6–8. Scales of 2, 3 and 5 faces: the first refused with no face chosen.
  await expectQuestion(page, 'like-school')
  await expect(page.getByText(t('hint.scale'), { exact: true })).toBeVisible()
  await axe('2-point scale')
  await next('like-school')
  await expectErrors(page, js, 'like-school', [{ field: firstOption('like-school'), message: t('errors.chooseScale') }])
  await axe('2-point scale with an error')
  await chooseRadio(page, 'like-school', js ? 'no' : 'yes')
  await next('like-school')

  await expectQuestion(page, 'school-going')
  for (const key of ['going-well', 'sometimes', 'not-going-well']) await expect(page.getByRole('radio', { name: labelOf('school-going', key), exact: true })).toBeVisible()
  await axe('3-point scale')
  await chooseRadio(page, 'school-going', 'sometimes')
  await next('school-going')

  await expectQuestion(page, 'feel-most-days')
  await axe('5-point scale')
  await chooseRadio(page, 'feel-most-days', js ? 'very-happy' : 'very-sad')
  await next('feel-most-days')

  // 9. Free text, limit 300: 301 letters refused (and kept); then a short answer.
  await expectQuestion(page, 'better-day')
  await axe('free text')
  const textbox = page.getByRole('textbox', { name: promptOf('better-day'), exact: true })
  const tooLong = 'a'.repeat(301)
  await typeInto(page, textbox, tooLong)
  // With JavaScript the count updates while typing; without it the limit is shown.
  await expect(page.getByText(js ? t('text.over', { count: 1 }) : t('text.limit', { count: 300 }), { exact: true })).toBeVisible()
  await next('better-day')
  const textError = t('errors.tooLong', { count: 301, max: 300 })
  await expectErrors(page, js, 'better-day', [{ field: 'answer', message: textError }])
  await expect(textbox).toHaveValue(tooLong)
  await expect(textbox).toHaveAccessibleDescription(new RegExp(escapeRegExp(textError)))
  await axe('free text with an error')
  await typeInto(page, textbox, 'More time to play outside.')
  await next('better-day')

  // 10. Consent: nothing is chosen for the child, and Next with nothing is refused.
  await expectQuestion(page, 'quote-consent')
  await expect(page.getByText(`${t('questions:consent.purpose.quote')} ${t('questions:consent.noIsFine')}`, { exact: true })).toBeVisible()
  for (const key of ['yes', 'no']) await expect(page.getByRole('radio', { name: labelOf('quote-consent', key), exact: true })).not.toBeChecked()
  await axe('consent')
  await next('quote-consent')
  await expectErrors(page, js, 'quote-consent', [{ field: 'answer-yes', message: t('questions:consent.errors.choose') }])
  await axe('consent with an error')
  await chooseRadio(page, 'quote-consent', js ? 'no' : 'yes')
  await next('quote-consent')

  // 11. Age band: always optional, its skip says "Prefer not to say"; Next with nothing is refused.
  await expectQuestion(page, 'age-band')
  await expect(page.getByText(t('questions:demographic.hint'), { exact: true })).toBeVisible()
  await expect(button(page, t('nav.skip'))).toHaveCount(0)
  await axe('age band')
  await next('age-band')
  const ageError = t('questions:demographic.errors.choose')
  await expectErrors(page, js, 'age-band', [{ field: 'answer-age-under-8', message: ageError }])
  await expectGroupDescribedBy(page, 'age-band', ageError)
  await axe('age band with an error')
  await chooseRadio(page, 'age-band', js ? 'age-14-16' : 'age-11-13')
  await next('age-band')

  // 12. Gender: "I describe myself another way" opens a box for own words (up to 100 letters).
  await expectQuestion(page, 'gender')
  const ownWords = page.getByRole('textbox', { name: t('questions:demographic.selfDescribeLabel'), exact: true })
  await expect(ownWords, 'the box shows only once its option is chosen').toBeHidden()
  await axe('gender')
  await chooseRadio(page, 'gender', 'self-describe')
  await expect(ownWords).toBeVisible()
  await expect(ownWords).toHaveAccessibleDescription(t('questions:demographic.selfDescribeHint', { count: 100 }))
  await typeInto(page, ownWords, 'b'.repeat(101))
  await next('gender')
  const wordsError = t('errors.tooLong', { count: 101, max: 100 })
  await expectErrors(page, js, 'gender', [{ field: 'own-words', message: wordsError }])
  await expect(page.getByRole('radio', { name: labelOf('gender', 'self-describe'), exact: true })).toBeChecked()
  await expect(ownWords).toHaveAttribute('aria-invalid', 'true')
  await expect(ownWords).toHaveAccessibleDescription(new RegExp(escapeRegExp(wordsError)))
  await axe('gender with an error')
  await typeInto(page, ownWords, journey.ownWords)
  await next('gender')

  // Back keeps the choice and the words.
  await expectQuestion(page, 'area')
  await tabAndPress(page, page.getByRole('link', { name: t('nav.back'), exact: true }), 'Enter')
  await expectQuestion(page, 'gender')
  await expect(page.getByRole('radio', { name: labelOf('gender', 'self-describe'), exact: true })).toBeChecked()
  await expect(ownWords).toHaveValue(journey.ownWords)
  await axe('gender after Back')
  await next('gender')

  // 13–14. Area (the planner's list) and in care: one answered, one "Prefer not to say".
  await expectQuestion(page, 'area')
  await axe('area')
  if (journey.preferNotToSay === 'area') await skipOn('area')
  else {
    await chooseRadio(page, 'area', 'riverside')
    await next('area')
  }
  await expectQuestion(page, 'in-care')
  await expect(page.getByText(question('in-care').hint!.en, { exact: true })).toBeVisible()
  await axe('in care')
  if (journey.preferNotToSay === 'in-care') await skipOn('in-care')
  else {
    await chooseRadio(page, 'in-care', 'not-sure')
    await next('in-care')
  }

  await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/thanks$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('thanks.title'))
  await expect(page.getByTestId('receipt-code')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  await axe('thanks page')
  finished.push(journey.name)
}

test.describe.serial('every kind of question, keyboard only, then the planner’s page', () => {
  for (const journey of journeys) {
    test.describe(journey.name, () => {
      test.use({ javaScriptEnabled: journey.javaScript, viewport: { width: 390, height: 844 } })
      test(`${journey.name}: all ${TOTAL} questions, an error made and fixed on each type, axe on every page`, async ({ page }) => {
        // About 30 pages, each checked by axe (without JavaScript, on a copy of the page): longer than one page's budget.
        test.setTimeout(300_000)
        await runJourney(page, journey)
      })
    })
  }

  test('the planner’s page lists every question with small counts hidden, and no self-described words', async ({ page }) => {
    expect(finished, 'both journeys finished first').toEqual(journeys.map((j) => j.name))
    await signInAs(page, 'planner')
    await page.goto(RESULTS_PATH)
    // Two responses: every count is below the threshold, so marks, never numbers.
    await expect(page.getByTestId('submitted-count')).toHaveText(/^c\b/)
    for (const [index, q] of everyQuestionQuestions.entries()) {
      const section = page.getByRole('region', { name: t('staff:results.questionHeading', { position: index + 1, prompt: q.prompt.en }), exact: true })
      await expect(section, `${q.key} answered by both journeys`).toContainText(new RegExp(`${escapeRegExp(t('staff:results.answered'))}\\s*c\\b`))
    }
    // The demographic questions each journey skipped with "Prefer not to say": skipped once, shown as c.
    for (const key of ['area', 'in-care']) {
      const section = page.getByRole('region', { name: t('staff:results.questionHeading', { position: positionOf(key), prompt: promptOf(key) }), exact: true })
      await expect(section).toContainText(new RegExp(`${escapeRegExp(t('staff:results.skipped'))}\\s*c\\b`))
    }
    for (const journey of journeys) await expect(page.locator('body')).not.toContainText(journey.ownWords)
    await expectNoAxeViolations(page, 'planner results for every-question')
  })
})
