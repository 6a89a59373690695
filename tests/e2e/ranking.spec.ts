// Ranking once JavaScript runs: Add / Up / Down / Remove buttons (keyboard only), every move read
// out in a polite live region, focus kept on the moved item's button, the same `rank-<key>` fields
// sent as the no-JavaScript selects (checked by reading the saved answer back, with and without
// JavaScript), and drag with a mouse or a finger as an extra. Phone-sized screen, axe on each state.
//
// Each test starts its own response and saves a ranking on question 2 of the demo without finishing
// the survey. The planner's tables count saved answers of unfinished responses too, so this file
// must run after participant-journey.spec.ts (Playwright runs files in name order), whose planner
// check works its numbers out from what it saved itself.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test'
import { EVERY_QUESTION_SLUG, everyQuestionQuestions } from '../../db/seed/every-question-content'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { optionKeys, optionLabel, prompt, questionPosition, strings, SURVEY_PATH } from '../helpers/e2e-content'
import { tabAndPress, tabTo } from '../helpers/e2e-keyboard'

const RANKING = 'top-priorities'
const RANKING_PATH = `${SURVEY_PATH}/q/${questionPosition(RANKING)}`
const t = strings('en')

/** locales/en/questions.json "ranking.*" with {{placeholders}} filled in. */
const questionsJson = JSON.parse(fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales/en/questions.json'), 'utf8')) as { ranking: Record<string, string> }
function r(key: string, values: Record<string, string | number> = {}): string {
  const template = questionsJson.ranking[key]
  if (template === undefined) throw new Error(`No string questions:ranking.${key}`)
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name]))
}

const label = (key: string) => optionLabel(RANKING, key, 'en')
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

async function waitForHydration(page: Page) {
  await page.waitForFunction(() => Object.keys(document).some((k) => k.startsWith('__reactContainer')))
}

/** Start page → Start → skip question 1 (so its counts do not change) → question 2, by keyboard. */
async function openRankingQuestion(page: Page) {
  await page.goto(SURVEY_PATH)
  await waitForHydration(page)
  await tabAndPress(page, page.getByRole('button', { name: t('participant', 'start.start'), exact: true }), 'Enter')
  await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/1$`))
  await tabAndPress(page, page.getByRole('button', { name: t('participant', 'nav.skip'), exact: true }), 'Enter')
  await expect(page).toHaveURL(new RegExp(`${RANKING_PATH}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(prompt(RANKING, 'en'))
}

function widget(page: Page, questionPrompt = prompt(RANKING, 'en')) {
  const group = page.getByRole('group', { name: questionPrompt })
  return {
    group,
    placed: group.getByRole('list', { name: r('myOrder'), exact: true }),
    status: group.getByRole('status'),
    button: (name: string) => group.getByRole('button', { name, exact: true }),
  }
}

/** The placed list reads "1 <label>", "2 <label>", … in this order. */
async function expectOrder(list: Locator, keys: string[], labelOf: (key: string) => string = label) {
  await expect(list.getByRole('listitem')).toHaveText(keys.map((key, i) => new RegExp(`^${i + 1}${escapeRegExp(labelOf(key))}`)))
}

test.describe('ranking with JavaScript, keyboard only, at 390 × 844', () => {
  test.use({ javaScriptEnabled: true, viewport: { width: 390, height: 844 } })

  test('Add, then Up and Down: every move announced, focus kept, the order saved and shown again after Back', async ({ page, browser }) => {
    await openRankingQuestion(page)
    const w = widget(page)
    // The buttons replaced the selects; nothing is placed yet (no order is given for the child).
    await expect(w.group.getByRole('combobox')).toHaveCount(0)
    await expect(w.placed).toHaveCount(0)
    await expect(w.group.getByText(r('empty'), { exact: true })).toBeVisible()
    await expectNoAxeViolations(page, 'ranking, nothing placed yet', { javaScriptEnabled: true })

    // Add all five in the page's order: each is announced, and focus goes to its Up button.
    const keys = optionKeys(RANKING)
    for (const [index, key] of keys.entries()) {
      await tabAndPress(page, w.button(r('addName', { label: label(key) })), 'Enter')
      await expect(w.status).toHaveText(r('added', { label: label(key), position: index + 1, total: 5 }))
      await expect(w.button(r('upName', { label: label(key) }))).toBeFocused()
    }
    await expectOrder(w.placed, keys)
    // Now: 1 safe-places, 2 less-bullying, 3 respect, 4 things-to-do, 5 safer-from-crime.

    // "More respect" up twice with Enter, Enter: focus stays on its Up button between presses.
    const respectUp = w.button(r('upName', { label: label('respect') }))
    await tabTo(page, respectUp, { backwards: true })
    await page.keyboard.press('Enter')
    await expect(w.status).toHaveText(r('moved', { label: label('respect'), position: 2, total: 5 }))
    await expect(respectUp).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(w.status).toHaveText(r('moved', { label: label('respect'), position: 1, total: 5 }))
    await expect(respectUp).toBeFocused()
    // Once more: it is already first, and says so.
    await page.keyboard.press('Enter')
    await expect(w.status).toHaveText(r('alreadyFirst', { label: label('respect') }))
    await expect(respectUp).toHaveAttribute('aria-disabled', 'true')
    await expectOrder(w.placed, ['respect', 'safe-places', 'less-bullying', 'things-to-do', 'safer-from-crime'])

    // "Feeling safer from crime" (number 5) up twice → number 3.
    const saferUp = w.button(r('upName', { label: label('safer-from-crime') }))
    await tabTo(page, saferUp)
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await expect(w.status).toHaveText(r('moved', { label: label('safer-from-crime'), position: 3, total: 5 }))
    await expect(saferUp).toBeFocused()
    await expectOrder(w.placed, ['respect', 'safe-places', 'safer-from-crime', 'less-bullying', 'things-to-do'])

    // "Safer places" down twice → number 4; then "Less bullying" up from number 3 to number 2.
    const safePlacesDown = w.button(r('downName', { label: label('safe-places') }))
    await tabTo(page, safePlacesDown, { backwards: true })
    await page.keyboard.press('Enter')
    await expect(w.status).toHaveText(r('moved', { label: label('safe-places'), position: 3, total: 5 }))
    await page.keyboard.press('Enter')
    await expect(w.status).toHaveText(r('moved', { label: label('safe-places'), position: 4, total: 5 }))
    await expect(safePlacesDown).toBeFocused()
    const lessBullyingUp = w.button(r('upName', { label: label('less-bullying') }))
    await tabTo(page, lessBullyingUp, { backwards: true })
    await page.keyboard.press('Enter')
    await expect(w.status).toHaveText('Less bullying moved to number 2 of 5')
    const finalOrder = ['respect', 'less-bullying', 'safer-from-crime', 'safe-places', 'things-to-do']
    await expectOrder(w.placed, finalOrder)
    await expectNoAxeViolations(page, 'ranking, all placed and reordered', { javaScriptEnabled: true })

    // Send it, then come Back: the saved order is shown again.
    await tabAndPress(page, page.getByRole('button', { name: t('participant', 'nav.next'), exact: true }), 'Enter')
    await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/${questionPosition(RANKING) + 1}$`))
    await tabAndPress(page, page.getByRole('link', { name: t('participant', 'nav.back'), exact: true }), 'Enter')
    await expect(page).toHaveURL(new RegExp(`${RANKING_PATH}$`))
    await expectOrder(widget(page).placed, finalOrder)
    await page.reload()
    await waitForHydration(page)
    await expectOrder(widget(page).placed, finalOrder)

    // The server holds exactly the numbers the selects would have sent: without JavaScript, the same
    // device sees them in the selects.
    await expectSelectsWithoutJavaScript(browser, page, { respect: '1', 'less-bullying': '2', 'safer-from-crime': '3', 'safe-places': '4', 'things-to-do': '5' })
  })

  test('Remove, and an unfinished order refused by the server: errors beside the item and in the summary', async ({ page }) => {
    await openRankingQuestion(page)
    const w = widget(page)
    for (const key of ['less-bullying', 'respect', 'safe-places']) await tabAndPress(page, w.button(r('addName', { label: label(key) })), 'Enter')
    // Take "More respect" (number 2) out: "Safer places" moves up to number 2; focus goes to its Add button.
    await tabAndPress(page, w.button(r('removeName', { label: label('respect') })), 'Enter')
    await expect(w.status).toHaveText(r('removed', { label: label('respect') }))
    await expect(w.button(r('addName', { label: label('respect') }))).toBeFocused()
    await expectOrder(w.placed, ['less-bullying', 'safe-places'])

    // Next with only two numbered: refused, nothing saved, and the page says which numbers are missing.
    await tabAndPress(page, page.getByRole('button', { name: t('participant', 'nav.next'), exact: true }), 'Enter')
    const summary = page.getByRole('alert')
    const message = t('participant', 'errors.rankMissingMany', { positions: '3, 4, 5' })
    await expect(summary.getByRole('link', { name: message, exact: true })).toBeVisible()
    await expect(summary).toBeFocused()
    await expect(page).toHaveURL(new RegExp(`${RANKING_PATH}$`))
    // The order so far is kept; the message sits beside the first item with no number ("More respect").
    await expectOrder(w.placed, ['less-bullying', 'safe-places'])
    const respectAdd = w.button(r('addName', { label: label('respect') }))
    await expect(respectAdd).toHaveAccessibleDescription(new RegExp(escapeRegExp(message)))
    await expectNoAxeViolations(page, 'ranking with an error', { javaScriptEnabled: true })
    // The summary's link takes focus to that item's Add button.
    await tabAndPress(page, summary.getByRole('link', { name: message, exact: true }), 'Enter')
    await expect(respectAdd).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(w.status).toHaveText(r('added', { label: label('respect'), position: 3, total: 5 }))
    for (const key of ['things-to-do', 'safer-from-crime']) await tabAndPress(page, w.button(r('addName', { label: label(key) })), 'Enter')
    await tabAndPress(page, page.getByRole('button', { name: t('participant', 'nav.next'), exact: true }), 'Enter')
    await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/${questionPosition(RANKING) + 1}$`))
  })

  test('top 3 of 6: Add stops at 3 and says why; Remove makes room', async ({ page }) => {
    const question = everyQuestionQuestions.find((q) => q.key === 'park-ideas')
    if (!question) throw new Error('The every-question demo has no park-ideas question')
    const position = everyQuestionQuestions.indexOf(question) + 1
    const parkLabel = (key: string) => question.options.find((o) => o.key === key)?.label.en ?? key
    await page.goto(`/c/${EVERY_QUESTION_SLUG}`)
    await waitForHydration(page)
    await tabAndPress(page, page.getByRole('button', { name: t('participant', 'start.start'), exact: true }), 'Enter')
    await expect(page).toHaveURL(new RegExp(`/c/${EVERY_QUESTION_SLUG}/q/1$`))
    await page.goto(`/c/${EVERY_QUESTION_SLUG}/q/${position}`)
    await waitForHydration(page)
    const w = widget(page, question.prompt.en)
    const top = w.group.getByRole('list', { name: r('myTop', { top: 3 }), exact: true })
    for (const [index, key] of ['lights', 'toilets', 'skate-park'].entries()) {
      await tabAndPress(page, w.button(r('addTopName', { label: parkLabel(key), top: 3 })), 'Enter')
      await expect(w.status).toHaveText(r('added', { label: parkLabel(key), position: index + 1, total: 3 }))
    }
    await expectOrder(top, ['lights', 'toilets', 'skate-park'], parkLabel)
    // Full: the other Add buttons say so instead of adding.
    await expect(w.group.getByText(r('full', { top: 3 }), { exact: true })).toBeVisible()
    const slidesAdd = w.button(r('addTopName', { label: parkLabel('slides'), top: 3 }))
    await expect(slidesAdd).toHaveAttribute('aria-disabled', 'true')
    await tabAndPress(page, slidesAdd, 'Enter')
    await expect(w.status).toHaveText(r('full', { top: 3 }))
    await expect(slidesAdd).toBeFocused()
    await expectOrder(top, ['lights', 'toilets', 'skate-park'], parkLabel)
    await expectNoAxeViolations(page, 'top 3, full', { javaScriptEnabled: true })
    // Remove "Toilets", then "Slides" fits, as number 3.
    await tabAndPress(page, w.button(r('removeTopName', { label: parkLabel('toilets'), top: 3 })), 'Enter')
    await expect(w.button(r('addTopName', { label: parkLabel('toilets'), top: 3 }))).toBeFocused()
    await tabAndPress(page, slidesAdd, 'Enter', { backwards: true })
    await expect(w.status).toHaveText(r('added', { label: parkLabel('slides'), position: 3, total: 3 }))
    await expectOrder(top, ['lights', 'skate-park', 'slides'], parkLabel)
    await tabAndPress(page, page.getByRole('button', { name: t('participant', 'nav.next'), exact: true }), 'Enter')
    await expect(page).toHaveURL(new RegExp(`/c/${EVERY_QUESTION_SLUG}/q/${position + 1}$`))
    await page.goto(`/c/${EVERY_QUESTION_SLUG}/q/${position}`)
    await expectOrder(widget(page, question.prompt.en).group.getByRole('list', { name: r('myTop', { top: 3 }), exact: true }), ['lights', 'skate-park', 'slides'], parkLabel)
  })

  test('targets are at least 44 × 44 px, nothing scrolls sideways at 320 px, and right-to-left mirrors the cards', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 })
    await openRankingQuestion(page)
    const w = widget(page)
    for (const key of optionKeys(RANKING)) await w.button(r('addName', { label: label(key) })).click()
    // Wait until the last card (and its buttons) is drawn before measuring.
    await expectOrder(w.placed, optionKeys(RANKING))
    await expect(w.placed.locator('button, .ranking-js__grip')).toHaveCount(5 * 5)
    const sizes = await w.placed.locator('button, .ranking-js__grip').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((b) => [b.width, b.height]))
    expect(sizes.length).toBe(5 * 5) // Listen (read aloud), Up, Down, Remove and the handle for each of 5
    for (const [width, height] of sizes) {
      expect(width).toBeGreaterThanOrEqual(44)
      expect(height).toBeGreaterThanOrEqual(44)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    // Right to left: the handle and number come first on the right, the label to their left.
    const first = w.placed.getByRole('listitem').first()
    const x = async (selector: string) => (await first.locator(selector).boundingBox())?.x ?? Number.NaN
    expect(await x('.ranking-js__grip')).toBeLessThan(await x('.ranking__label'))
    await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'))
    expect(await x('.ranking-js__grip')).toBeGreaterThan(await x('.ranking__label'))
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
  })
})

test.describe('ranking with JavaScript: drag as an extra', () => {
  test.use({ javaScriptEnabled: true, viewport: { width: 390, height: 844 } })

  async function placeAll(page: Page) {
    await openRankingQuestion(page)
    const w = widget(page)
    for (const key of optionKeys(RANKING)) await w.button(r('addName', { label: label(key) })).click()
    await expectOrder(w.placed, optionKeys(RANKING))
    // Pointer and touch coordinates are in the viewport: bring the whole list into it.
    await w.placed.evaluate((list) => list.scrollIntoView({ block: 'center' }))
    return w
  }

  /** Middle of an element, in page coordinates. */
  async function centre(target: Locator) {
    const box = await target.boundingBox()
    if (!box) throw new Error(`${target} has no box`)
    return { x: box.x + box.width / 2, y: box.y + box.height / 2, top: box.y, bottom: box.y + box.height }
  }

  test('dragging a card by its handle with the mouse reorders, is announced, and is what gets saved', async ({ page }) => {
    const w = await placeAll(page)
    const items = w.placed.getByRole('listitem')
    // "Feeling safer from crime" (number 5) to the top: drop above the middle of the first card.
    const handle = await centre(items.nth(4).locator('.ranking-js__grip'))
    const firstCard = await centre(items.nth(0))
    await page.mouse.move(handle.x, handle.y)
    await page.mouse.down()
    for (let step = 1; step <= 10; step++) await page.mouse.move(handle.x, handle.y + ((firstCard.top + 5 - handle.y) * step) / 10)
    await page.mouse.up()
    await expectOrder(w.placed, ['safer-from-crime', 'safe-places', 'less-bullying', 'respect', 'things-to-do'])
    await expect(w.status).toHaveText(r('moved', { label: label('safer-from-crime'), position: 1, total: 5 }))

    // And down again, to number 3: between the third and fourth cards' middles.
    const firstHandle = await centre(items.nth(0).locator('.ranking-js__grip'))
    const third = await centre(items.nth(2))
    await page.mouse.move(firstHandle.x, firstHandle.y)
    await page.mouse.down()
    for (let step = 1; step <= 10; step++) await page.mouse.move(firstHandle.x, firstHandle.y + ((third.y + 10 - firstHandle.y) * step) / 10)
    await page.mouse.up()
    await expectOrder(w.placed, ['safe-places', 'less-bullying', 'safer-from-crime', 'respect', 'things-to-do'])
    await expect(w.status).toHaveText(r('moved', { label: label('safer-from-crime'), position: 3, total: 5 }))

    await page.getByRole('button', { name: t('participant', 'nav.next'), exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/${questionPosition(RANKING) + 1}$`))
    await page.goBack()
    await expectOrder(widget(page).placed, ['safe-places', 'less-bullying', 'safer-from-crime', 'respect', 'things-to-do'])
  })

  test('dragging with a finger (touch) reorders too', async ({ page }) => {
    const w = await placeAll(page)
    const items = w.placed.getByRole('listitem')
    const handle = await centre(items.nth(1).locator('.ranking-js__grip'))
    const last = await centre(items.nth(4))
    // Real touch events through the DevTools protocol (Playwright has no touch-move of its own).
    const cdp = await page.context().newCDPSession(page)
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] })
    await touch('touchStart', handle.x, handle.y)
    for (let step = 1; step <= 10; step++) await touch('touchMove', handle.x, handle.y + ((last.bottom - 5 - handle.y) * step) / 10)
    await touch('touchEnd', 0, 0)
    await expectOrder(w.placed, ['safe-places', 'respect', 'things-to-do', 'safer-from-crime', 'less-bullying'])
    await expect(w.status).toHaveText(r('moved', { label: label('less-bullying'), position: 5, total: 5 }))
  })
})

test.describe('ranking without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })

  test('the server sends the number selects, not the buttons', async ({ page }) => {
    // Start a response for this browser (the page's cookies) the way the Start button does.
    const started = await page.request.post(SURVEY_PATH, { headers: { origin: new URL(test.info().project.use.baseURL ?? '').origin }, maxRedirects: 0 })
    expect(started.status()).toBe(302)
    await page.goto(RANKING_PATH)
    await expect(page).toHaveURL(new RegExp(`${RANKING_PATH}$`))
    const group = page.getByRole('group', { name: prompt(RANKING, 'en') })
    await expect(group.getByRole('combobox')).toHaveCount(5)
    await expect(group.getByRole('button')).toHaveCount(0)
  })
})

/** Opens question 2 on the same device (its cookies) with JavaScript off and reads the selects. */
async function expectSelectsWithoutJavaScript(browser: Browser, page: Page, expected: Record<string, string>) {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState(), baseURL: new URL(page.url()).origin })
  try {
    const plain = await context.newPage()
    await plain.goto(RANKING_PATH)
    for (const key of optionKeys(RANKING)) {
      await expect(plain.getByRole('combobox', { name: label(key), exact: true }), `${key} without JavaScript`).toHaveValue(expected[key])
    }
  } finally {
    await context.close()
  }
}
