// Symbols, symbol-supported mode, Easy Read and read-aloud, keyboard only, with JavaScript on and
// off: symbols above words, every target at least 44 × 44 px, no horizontal scroll and no axe
// violations at 320 and 390 px; Easy Read text; read-aloud buttons only where they can work.
//
// These tests start responses and move between question pages by their address, but never save an
// answer, so the planner's counts checked in participant-journey.spec.ts do not change.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, type Locator, type Page, test } from '@playwright/test'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { optionKeys, optionLabel, prompt, question, QUESTION_COUNT, questionPosition, strings, SURVEY_PATH } from '../helpers/e2e-content'
import { tabAndPress } from '../helpers/e2e-keyboard'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const display = JSON.parse(fs.readFileSync(path.join(root, 'locales/en/display.json'), 'utf8')) as {
  settings: Record<string, string>
  readAloud: Record<string, string>
  credits: Record<string, string>
}
const t = strings('en')

const EASY_Q1 = 'Which children need the most help?'
const MIN_TARGET = 44

async function waitForHydration(page: Page) {
  await page.waitForFunction(() => Object.keys(document).some((k) => k.startsWith('__reactContainer')))
}

function switchButton(page: Page, name: 'symbols' | 'easyRead'): Locator {
  return page.getByRole('banner').getByRole('button', { name: display.settings[name], exact: true })
}

/** Opens the survey and presses Start with the keyboard; lands on question 1. */
async function startSurvey(page: Page, javaScript: boolean) {
  await page.goto(SURVEY_PATH)
  if (javaScript) await waitForHydration(page)
  await tabAndPress(page, page.getByRole('button', { name: t('participant', 'start.start'), exact: true }), 'Enter')
  await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/1$`))
}

async function openQuestion(page: Page, key: string, javaScript: boolean) {
  await page.goto(`${SURVEY_PATH}/q/${questionPosition(key)}`)
  if (javaScript) await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
}

/** Presses a display switch with the keyboard and waits until it shows the new state. */
async function toggle(page: Page, name: 'symbols' | 'easyRead', javaScript: boolean) {
  const button = switchButton(page, name)
  const before = await button.getAttribute('aria-pressed')
  const url = page.url()
  await tabAndPress(page, button, 'Enter')
  await expect(switchButton(page, name)).toHaveAttribute('aria-pressed', before === 'true' ? 'false' : 'true')
  await expect(page, 'the switch brings you back to the same page').toHaveURL(url)
  if (javaScript) await expect(switchButton(page, name), 'focus stays on the switch').toBeFocused()
}

/** Every visible control in the main area, with its box. */
async function targetsIn(page: Page) {
  return page.locator('main').evaluate((main) =>
    [...main.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary')]
      .filter((el) => {
        const box = el.getBoundingClientRect()
        return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden'
      })
      .map((el) => {
        const box = el.getBoundingClientRect()
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).value ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
        return { what: `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${name}"`, width: box.width, height: box.height }
      }),
  )
}

async function expectTargetsAtLeast(page: Page, min: number, where: string) {
  const targets = await targetsIn(page)
  expect(targets.length, `${where}: controls found`).toBeGreaterThan(0)
  const small = targets.filter((x) => x.width < min - 0.5 || x.height < min - 0.5).map((x) => `${x.what} ${x.width.toFixed(1)}×${x.height.toFixed(1)}`)
  expect(small, `${where}: every control in the main area is at least ${min}×${min} px`).toEqual([])
}

async function expectNoHorizontalScroll(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }))
  expect(scrollWidth, `${where}: no horizontal scroll`).toBeLessThanOrEqual(clientWidth)
}

/** In every option label on the page: its symbol has loaded, and sits above its word. */
async function expectSymbolsAboveWords(page: Page, labelSelector: string, textSelector: string, count: number, where: string) {
  const labels = page.locator(labelSelector)
  await expect(labels).toHaveCount(count)
  for (let i = 0; i < count; i++) {
    const label = labels.nth(i)
    const image = label.locator('img.symbol__image')
    await image.scrollIntoViewIfNeeded()
    await expect(image, `${where}: option ${i + 1} has a symbol`).toBeVisible()
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { message: `${where}: symbol ${i + 1} loaded` }).toBeGreaterThan(0)
    // A symbol beside its word is decorative: the word names the control (docs/decisions/006-symbols.md).
    await expect(image).toHaveAttribute('alt', '')
    const imageBox = await image.boundingBox()
    const textBox = await label.locator(textSelector).boundingBox()
    expect(imageBox && textBox, `${where}: boxes of option ${i + 1}`).toBeTruthy()
    expect(imageBox!.y + imageBox!.height, `${where}: option ${i + 1}'s symbol is above its word`).toBeLessThanOrEqual(textBox!.y + 1)
    expect(imageBox!.width, `${where}: symbols are big in symbol mode`).toBeGreaterThanOrEqual(96)
  }
}

async function axeAt(page: Page, widths: number[], what: string, javaScript: boolean) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 800 })
    await expectNoHorizontalScroll(page, `${what} at ${width}px`)
    await expectNoAxeViolations(page, `${what} at ${width}px`, { javaScriptEnabled: javaScript })
  }
}

for (const javaScript of [false, true]) {
  const mode = javaScript ? 'JavaScript on' : 'JavaScript off'
  test.describe(`symbols and Easy Read, ${mode}`, () => {
    test.use({ javaScriptEnabled: javaScript, viewport: { width: 320, height: 800 } })

    test(`${mode}: symbol mode by keyboard — symbols above words, targets ≥ 44 px, axe-clean at 320 and 390 px`, async ({ page }) => {
      await startSurvey(page, javaScript)
      await expect(page.locator('html')).not.toHaveClass(/symbol-mode/)
      await expect(switchButton(page, 'symbols')).toHaveAttribute('aria-pressed', 'false')
      await toggle(page, 'symbols', javaScript)
      await expect(page.locator('html')).toHaveClass(/\bsymbol-mode\b/)

      // Question 1 (choose any): a big symbol above every word; the heading still reads as the prompt.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(prompt('priority-groups', 'en'))
      await expect(page.locator('legend img.symbol__image')).toBeVisible()
      await expectSymbolsAboveWords(page, '.choice__label', '.choice__text', optionKeys('priority-groups').length, 'question 1')
      for (const key of optionKeys('priority-groups')) {
        await expect(page.getByRole('checkbox', { name: optionLabel('priority-groups', key, 'en'), exact: true }), `${key} is named by its word alone`).toBeAttached()
      }
      await expectTargetsAtLeast(page, MIN_TARGET, 'question 1 in symbol mode')
      await axeAt(page, [320, 390], 'question 1 in symbol mode', javaScript)

      // Question 2 (ranking): the prompt has two sentences, one per line.
      await page.setViewportSize({ width: 390, height: 800 })
      await openQuestion(page, 'top-priorities', javaScript)
      await expect(page.locator('html')).toHaveClass(/\bsymbol-mode\b/) // remembered across pages
      const heading = page.getByRole('heading', { level: 1 })
      await expect(heading).toHaveText(prompt('top-priorities', 'en'))
      const sentences = heading.locator('.sentence')
      await expect(sentences).toHaveText(['Put these in order.', 'What matters most to you?'])
      const [first, second] = [await sentences.nth(0).boundingBox(), await sentences.nth(1).boundingBox()]
      expect(second!.y, 'the second sentence starts on a new line').toBeGreaterThanOrEqual(first!.y + first!.height - 1)
      if (!javaScript) await expectSymbolsAboveWords(page, '.ranking__label', 'span', optionKeys('top-priorities').length, 'question 2')
      await expectTargetsAtLeast(page, MIN_TARGET, 'question 2 in symbol mode')
      await axeAt(page, [320, 390], 'question 2 in symbol mode', javaScript)

      // Question 3 (face scale) and question 4 (free text).
      await openQuestion(page, 'feel-safe', javaScript)
      await expectSymbolsAboveWords(page, '.scale__label', '.scale__text', optionKeys('feel-safe').length, 'question 3')
      await expectTargetsAtLeast(page, MIN_TARGET, 'question 3 in symbol mode')
      await axeAt(page, [320, 390], 'question 3 in symbol mode', javaScript)
      await openQuestion(page, 'one-change', javaScript)
      await expect(page.getByRole('textbox', { name: prompt('one-change', 'en'), exact: true })).toBeVisible()
      await expectTargetsAtLeast(page, MIN_TARGET, 'question 4 in symbol mode')
      await axeAt(page, [320, 390], 'question 4 in symbol mode', javaScript)

      // And off again.
      await toggle(page, 'symbols', javaScript)
      await expect(page.locator('html')).not.toHaveClass(/symbol-mode/)
    })

    test(`${mode}: Easy Read by keyboard changes the question and the privacy notice`, async ({ page }) => {
      await startSurvey(page, javaScript)
      const heading = page.getByRole('heading', { level: 1 })
      await expect(heading).toHaveText(prompt('priority-groups', 'en'))
      await toggle(page, 'easyRead', javaScript)
      expect(question('priority-groups').prompt.enEasy).toBe(EASY_Q1)
      await expect(heading).toHaveText(EASY_Q1)
      await expect(page).toHaveTitle(new RegExp(`^${EASY_Q1.replace(/\?/g, '\\?')}`))
      // Options without an Easy Read label keep their plain words.
      await expect(page.getByRole('checkbox', { name: optionLabel('priority-groups', 'in-care', 'en'), exact: true })).toBeAttached()
      await axeAt(page, [320], 'question 1 in Easy Read', javaScript)

      // The start page's notice in Easy Read: what happens, who sees, anonymous, safety, taking answers back.
      await page.goto(SURVEY_PATH)
      const notice = page.getByRole('region', { name: t('participant', 'noticeEasy.title'), exact: true })
      await expect(notice).toBeVisible()
      for (const key of ['answers', 'whoSees', 'anonymous', 'safety', 'withdraw']) {
        await expect(notice.locator('li'), `Easy Read point ${key}`).toContainText([t('participant', `noticeEasy.${key}`).split('. ')[0]])
      }
      await expect(notice).toContainText(t('participant', 'noticeEasy.saved', { count: QUESTION_COUNT }).split('. ')[0])
      await expect(notice.locator('img.symbol__image')).toHaveCount(7)
      await expect(page.getByRole('heading', { level: 2, name: t('participant', 'notice.title'), exact: true })).toHaveCount(0)
      await axeAt(page, [320, 390], 'start page in Easy Read', javaScript)

      // Back to plain words.
      await page.goto(`${SURVEY_PATH}/q/1`)
      if (javaScript) await waitForHydration(page)
      await toggle(page, 'easyRead', javaScript)
      await expect(heading).toHaveText(prompt('priority-groups', 'en'))
    })
  })
}

test.describe('read-aloud', () => {
  test('JavaScript off: no read-aloud buttons at all (nothing that cannot work)', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } })
    const page = await context.newPage()
    await startSurvey(page, false)
    for (const key of ['priority-groups', 'top-priorities', 'feel-safe', 'one-change']) {
      await openQuestion(page, key, false)
      await expect(page.locator('.read-aloud')).toHaveCount(0)
      await expect(page.getByRole('button', { name: new RegExp(`^${display.readAloud.questionShort}`) })).toHaveCount(0)
    }
    await context.close()
  })

  test('JavaScript on: the question and each option are read in the page’s language; buttons sit outside labels', async ({ page }) => {
    // Record what would be spoken instead of speaking (and end each utterance at once).
    await page.addInitScript(() => {
      const spoken: Array<{ text: string; lang: string }> = []
      Object.assign(window, { __spoken: spoken })
      SpeechSynthesis.prototype.speak = function (utterance: SpeechSynthesisUtterance) {
        spoken.push({ text: utterance.text, lang: utterance.lang })
        setTimeout(() => utterance.dispatchEvent(new Event('end')), 10)
      }
    })
    const spoken = () => page.evaluate(() => (window as unknown as { __spoken: Array<{ text: string; lang: string }> }).__spoken)
    await startSurvey(page, true)
    const options = optionKeys('priority-groups')
    const optionButton = (key: string) => page.getByRole('button', { name: display.readAloud.option.replace('{{label}}', optionLabel('priority-groups', key, 'en')), exact: true })
    await expect(page.getByRole('button', { name: display.readAloud.question, exact: true })).toBeVisible()
    for (const key of options) await expect(optionButton(key)).toBeVisible()
    await expect(page.locator('label .read-aloud, label button')).toHaveCount(0)

    await tabAndPress(page, page.getByRole('button', { name: display.readAloud.question, exact: true }), 'Enter')
    await expect.poll(spoken).toEqual([{ text: prompt('priority-groups', 'en'), lang: 'en' }])
    await tabAndPress(page, optionButton('in-care'), 'Enter')
    await expect.poll(spoken).toEqual([
      { text: prompt('priority-groups', 'en'), lang: 'en' },
      { text: optionLabel('priority-groups', 'in-care', 'en'), lang: 'en' },
    ])
    // Pressing it did not tick the box beside it.
    await expect(page.getByRole('checkbox', { name: optionLabel('priority-groups', 'in-care', 'en'), exact: true })).not.toBeChecked()
    await expectTargetsAtLeast(page, MIN_TARGET, 'question 1 with read-aloud')
    await expectNoAxeViolations(page, 'question 1 with read-aloud buttons')

    // In Welsh the voice is asked for Welsh.
    await tabAndPress(page, page.getByRole('button', { name: 'Cymraeg', exact: true }), 'Enter')
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
    await waitForHydration(page)
    const cy = JSON.parse(fs.readFileSync(path.join(root, 'locales/cy/display.json'), 'utf8')) as typeof display
    await tabAndPress(page, page.getByRole('button', { name: cy.readAloud.question, exact: true }), 'Enter')
    await expect.poll(async () => (await spoken()).at(-1)).toEqual({ text: prompt('priority-groups', 'cy'), lang: 'cy' })
  })

  test('JavaScript on, but no speech in this browser: no read-aloud buttons', async ({ page }) => {
    await page.addInitScript(() => {
      delete (Window.prototype as unknown as Record<string, unknown>).speechSynthesis
      delete (window as unknown as Record<string, unknown>).speechSynthesis
      delete (window as unknown as Record<string, unknown>).SpeechSynthesisUtterance
    })
    await startSurvey(page, true)
    expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(false)
    await expect(page.getByRole('checkbox').first()).toBeVisible()
    await expect(page.locator('.read-aloud')).toHaveCount(0)
  })
})

test('symbol credits: linked from the footer, with the licence served locally', async ({ page }) => {
  await page.goto(SURVEY_PATH)
  const link = page.getByRole('contentinfo').getByRole('link', { name: display.credits.footerLink, exact: true })
  await tabAndPress(page, link, 'Enter')
  await expect(page).toHaveURL(/\/symbols\/credits$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(display.credits.title)
  await expect(page.getByText(/HfG Schwäbisch Gmünd/)).toBeVisible()
  await expect(page.getByText(/CC BY-SA 4\.0/).first()).toBeVisible()
  const licence = page.getByRole('link', { name: display.credits.licenceText, exact: true })
  await expect(licence).toHaveAttribute('href', '/symbols/licence.txt')
  const text = await page.request.get('/symbols/licence.txt')
  expect(text.status()).toBe(200)
  expect(await text.text()).toContain('Attribution-ShareAlike 4.0 International')
  await expectNoAxeViolations(page, 'symbol credits')
})
