// Coding into themes, keyboard only, axe on every page. A coder filters to uncoded free-text answers
// and codes with the shortcuts (number keys tick themes, s saves and moves on, j/k move) with
// JavaScript on, and with the real buttons with it off. The planner chooses a double-coding sample and
// codes it; the coder codes the same items on their own; the agreement page shows Cohen's kappa.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { cohensKappa } from '../../app/domain/kappa'
import { signInAs } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { SURVEY_PATH } from '../helpers/e2e-content'
import { chooseWithArrows, tabAndPress, tabTo } from '../helpers/e2e-keyboard'

type CodingWords = typeof import('../../locales/en/coding.json')
const en = JSON.parse(readFileSync(join(process.cwd(), 'locales', 'en', 'coding.json'), 'utf8')) as CodingWords
const SLUG = SURVEY_PATH.split('/').pop()!
const CODING = `/staff/consultations/${SLUG}/coding`
const THINGS_TO_DO = 'Things to do and places to go'
const MENTAL_HEALTH = 'Mental health and wellbeing'

/** "Item 3 of 140" → [3, 140] */
async function position(page: Page): Promise<[number, number]> {
  const text = (await page.locator('#item-heading').textContent()) ?? ''
  const match = /Item (\d+) of (\d+)/.exec(text)
  if (!match) throw new Error(`no position in "${text}"`)
  return [Number(match[1]), Number(match[2])]
}

async function showUncodedAnswers(page: Page) {
  const status = page.getByLabel(en.filters.status, { exact: true })
  await tabTo(page, status)
  await chooseWithArrows(page, status, 1) // Not coded yet
  const kind = page.getByLabel(en.filters.kind, { exact: true })
  await tabTo(page, kind)
  await chooseWithArrows(page, kind, 1) // Free-text answers
  await tabAndPress(page, page.getByRole('button', { name: en.filters.show }), 'Enter')
  await expect(page).toHaveURL(/status=uncoded/)
  await expect(page).toHaveURL(/kind=answer/)
}

test('a coder codes free-text answers with keyboard shortcuts (JavaScript on)', async ({ page }) => {
  test.setTimeout(120_000)
  await signInAs(page, 'coder', { redirectTo: CODING })
  await expect(page.getByRole('heading', { level: 2, name: en.keys.title })).toBeVisible() // hydrated: the keys work
  await showUncodedAnswers(page)
  await expect(page.getByRole('heading', { level: 2, name: en.keys.title })).toBeVisible()
  const [index, total] = await position(page)
  expect(index).toBe(1)
  expect(total).toBeGreaterThan(2)
  const firstText = await page.getByTestId('coding-text').textContent()
  await expectNoAxeViolations(page, 'coding workspace')

  // The demo's first answer, "More free stuff near where people live.", is suggested for "things to do" by its keywords, not ticked.
  const things = page.getByRole('checkbox', { name: THINGS_TO_DO })
  await expect(things).not.toBeChecked()
  if (firstText?.includes('free stuff')) await expect(page.locator('.coding-suggested')).toHaveCount(1)

  // Themes are in title order: "Things to do" is the 8th, "Mental health" the 5th.
  await page.keyboard.press('8')
  await expect(things).toBeChecked()
  await page.keyboard.press('5')
  await expect(page.getByRole('checkbox', { name: MENTAL_HEALTH })).toBeChecked()
  await page.keyboard.press('5')
  await expect(page.getByRole('checkbox', { name: MENTAL_HEALTH })).not.toBeChecked()
  await page.keyboard.press('s')
  await expect(page.getByRole('status')).toHaveText(en.workspace.saved)
  await expect(page.locator('#item-heading')).toHaveText(`Item 1 of ${total - 1}`)
  await expect(page.locator('#item-heading')).toBeFocused()
  const secondText = await page.getByTestId('coding-text').textContent()
  expect(secondText).not.toBe(firstText)

  // j and k move without saving.
  await page.keyboard.press('j')
  await expect(page.locator('#item-heading')).toHaveText(`Item 2 of ${total - 1}`)
  await page.keyboard.press('k')
  await expect(page.locator('#item-heading')).toHaveText(`Item 1 of ${total - 1}`)
  await expect(page.getByTestId('coding-text')).toHaveText(secondText!)

  // The coded item is found by the theme filter, ticked as saved.
  const theme = page.getByLabel(en.filters.theme, { exact: true })
  await tabTo(page, theme)
  const thingsIndex = await theme.evaluate((el, title) => [...(el as HTMLSelectElement).options].findIndex((o) => o.text === title), THINGS_TO_DO)
  await chooseWithArrows(page, theme, thingsIndex)
  const status = page.getByLabel(en.filters.status, { exact: true })
  await tabTo(page, status, { backwards: true })
  await chooseWithArrows(page, status, 0)
  await tabAndPress(page, page.getByRole('button', { name: en.filters.show }), 'Enter')
  await expect(page).toHaveURL(/theme=/)
  await expect(page.getByTestId('coding-text')).toHaveText(firstText!)
  await expect(page.getByRole('checkbox', { name: THINGS_TO_DO })).toBeChecked()
  await expectNoAxeViolations(page, 'coding workspace filtered by theme')
})

test('a coder codes with the buttons when JavaScript is off', async ({ browser }) => {
  test.setTimeout(120_000)
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await signInAs(page, 'coder', { redirectTo: CODING })
  await expect(page.getByRole('heading', { level: 2, name: en.keys.title })).toHaveCount(0) // no shortcuts without JavaScript
  await showUncodedAnswers(page)
  const [, total] = await position(page)
  const text = await page.getByTestId('coding-text').textContent()
  await expectNoAxeViolations(page, 'coding workspace, JavaScript off', { javaScriptEnabled: false })
  await tabAndPress(page, page.getByRole('checkbox', { name: MENTAL_HEALTH }), 'Space')
  await expect(page.getByRole('checkbox', { name: MENTAL_HEALTH })).toBeChecked()
  await tabAndPress(page, page.getByRole('button', { name: en.workspace.saveNext }), 'Enter')
  await expect(page.getByRole('status')).toHaveText(en.workspace.saved)
  await expect(page.locator('#item-heading')).toHaveText(`Item 1 of ${total - 1}`)
  await expect(page.getByTestId('coding-text')).not.toHaveText(text!)
  // Next and previous are links.
  await tabAndPress(page, page.getByRole('link', { name: en.workspace.next }), 'Enter')
  await expect(page.locator('#item-heading')).toHaveText(`Item 2 of ${total - 1}`)
  await context.close()
})

test('two coders double-code a sample and the agreement page shows kappa', async ({ page }) => {
  test.setTimeout(180_000)
  const agreementPath = `${CODING}/agreement`
  await signInAs(page, 'planner', { redirectTo: agreementPath })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Double coding and agreement: ${SLUG}`)
  await expectNoAxeViolations(page, 'agreement page, no sample')
  // A broken size first: the error is beside the field and in the summary.
  const size = page.getByLabel(en.agreement.sizeLabel)
  await tabTo(page, size)
  await page.keyboard.press('Control+A')
  await page.keyboard.type('lots')
  await tabAndPress(page, page.getByRole('button', { name: en.agreement.choose }), 'Enter')
  await expect(page.getByRole('alert').getByRole('link', { name: en.errors.sampleSize })).toBeVisible()
  await expectNoAxeViolations(page, 'agreement page with an error')
  await tabTo(page, page.getByLabel(en.agreement.sizeLabel))
  await page.keyboard.press('Control+A')
  await page.keyboard.type('4')
  await tabTo(page, page.getByLabel(en.agreement.seedLabel))
  await page.keyboard.type('e2e')
  await tabAndPress(page, page.getByRole('button', { name: en.agreement.choose }), 'Enter')
  await expect(page.getByRole('status')).toHaveText('Sample chosen. Items in it: 4.')
  await expect(page.getByTestId('sample-summary')).toContainText('Items in the sample: 4 of')

  // The planner codes every sample item "things to do".
  async function codeSample(first: string) {
    await tabAndPress(page, page.getByRole('link', { name: en.agreement.codeSample }), 'Enter')
    await expect(page).toHaveURL(/sample=1/)
    await expect(page.getByRole('heading', { level: 2, name: en.keys.title })).toBeVisible()
    for (let n = 0; n < 4; n++) {
      if (!(await page.locator('#item-heading').isVisible())) break
      await expect(page.locator('.notice')).toHaveText(en.workspace.inSample)
      const box = page.getByRole('checkbox', { name: first })
      await expect(box).not.toBeChecked() // uncoded for this coder, whatever the other coder did
      await page.keyboard.press(first === THINGS_TO_DO ? '8' : '5')
      await expect(box).toBeChecked()
      const key = await page.locator('section[data-item]').getAttribute('data-item')
      await page.keyboard.press('s')
      await expect(page).toHaveURL(new RegExp(`saved=${encodeURIComponent(key!)}`))
      await expect(page.getByRole('status').first()).toHaveText(en.workspace.saved)
    }
    await expect(page.getByText(en.workspace.noneInFilter)).toBeVisible()
  }
  await codeSample(THINGS_TO_DO)

  // The coder sees none of the planner's codes on the sample, and codes it "mental health".
  await signInAs(page, 'coder', { redirectTo: agreementPath })
  await codeSample(MENTAL_HEALTH)
  await page.goto(agreementPath)
  await expect(page.getByTestId('agreement-pair')).toContainText('Comparing')
  await expect(page.getByTestId('agreement-pair')).toContainText('Priya Planner')
  await expect(page.getByTestId('agreement-pair')).toContainText('Cai Coder')
  const row = page.getByTestId('agreement-table').locator('tr', { hasText: THINGS_TO_DO })
  const cells = await row.locator('td').allTextContents()
  const [a, b, c, d] = cells.slice(0, 4).map(Number)
  expect(a + b + c + d).toBe(4)
  const expected = cohensKappa({ a, b, c, d })
  const shown = await row.locator('td[data-kappa]').getAttribute('data-kappa')
  if (expected.kappa === null) expect(shown).toBe('')
  else expect(Number(shown)).toBeCloseTo(expected.kappa, 4)
  // The planner gave every item "things to do": both, or only the planner.
  const plannerFirst = (await page.getByTestId('agreement-pair').textContent())!.indexOf('Priya Planner') < (await page.getByTestId('agreement-pair').textContent())!.indexOf('Cai Coder')
  expect(plannerFirst ? a + b : a + c).toBe(4)
  await expect(page.getByTestId('disagreements').locator('li').first()).toBeVisible()
  await expectNoAxeViolations(page, 'agreement page with kappa')

  // A third coder: the planner can pick which two to compare (a GET form, keyboard only).
  await signInAs(page, 'admin', { redirectTo: agreementPath })
  await codeSample(MENTAL_HEALTH)
  await page.goto(agreementPath)
  const first = page.getByLabel(en.agreement.firstCoder)
  const second = page.getByLabel(en.agreement.secondCoder)
  const indexOf = async (select: typeof first, name: string) => (await select.locator('option').allTextContents()).findIndex((text) => text.startsWith(name))
  await tabTo(page, first)
  await chooseWithArrows(page, first, await indexOf(first, 'Ada Admin'))
  await tabTo(page, second)
  await chooseWithArrows(page, second, await indexOf(second, 'Ada Admin'))
  await tabAndPress(page, page.getByRole('button', { name: en.agreement.compare }), 'Enter')
  // The same coder twice: said in the summary and beside the field; the usual pair is shown meanwhile.
  await expect(page.getByRole('alert').getByRole('link', { name: en.agreement.pairSame })).toBeVisible()
  await expect(second).toHaveAttribute('aria-invalid', 'true')
  await expectNoAxeViolations(page, 'agreement page, same coder twice')
  await tabTo(page, page.getByLabel(en.agreement.secondCoder))
  await chooseWithArrows(page, page.getByLabel(en.agreement.secondCoder), await indexOf(page.getByLabel(en.agreement.secondCoder), 'Cai Coder'))
  await tabAndPress(page, page.getByRole('button', { name: en.agreement.compare }), 'Enter')
  await expect(page).toHaveURL(/first=.*&second=/)
  await expect(page.getByTestId('agreement-pair')).toHaveText(/Comparing Ada Admin and Cai Coder on the items both of them coded: 4\./)
  // Both gave every item "mental health": they agree on all four.
  const health = page.getByTestId('agreement-table').locator('tr', { hasText: MENTAL_HEALTH })
  expect((await health.locator('td').allTextContents()).slice(0, 4).map(Number)).toEqual([4, 0, 0, 0])
  await expectNoAxeViolations(page, 'agreement page, a chosen pair')
})

test('a coder builds a codebook: import with a path-named error, a sub-theme, themes from the plan', async ({ page }) => {
  test.setTimeout(120_000)
  // On the "every question" demo, so the main demo's codebook (and the number keys above) stay as they are.
  const codebook = '/staff/consultations/every-question/codebook'
  await signInAs(page, 'coder', { redirectTo: codebook })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Codebook: every-question')
  await expectNoAxeViolations(page, 'codebook')

  const paste = page.getByLabel(en.import.paste)
  await tabTo(page, paste)
  await page.keyboard.insertText('{"version": 1, "themes": [{"key": "transport", "title": ""}]}')
  await tabAndPress(page, page.getByRole('button', { name: en.import.submit }), 'Enter')
  await expect(page.getByRole('alert').getByRole('link', { name: 'themes[0].title: is empty' })).toBeVisible()
  await expectNoAxeViolations(page, 'codebook import with an error')

  await tabTo(page, page.getByLabel(en.import.paste))
  await page.keyboard.press('Control+A')
  await page.keyboard.insertText(JSON.stringify({ version: 1, themes: [{ key: 'transport', title: 'Getting about', keywords: ['bus*'], subThemes: [{ key: 'bus-fares', title: 'Bus fares' }] }] }))
  await tabAndPress(page, page.getByRole('button', { name: en.import.submit }), 'Enter')
  await expect(page.getByRole('status')).toHaveText('Codebook imported: 2 themes added, 0 changed.')
  const list = page.getByTestId('codebook')
  await expect(list.locator('li[data-theme=transport] + li[data-theme=bus-fares]')).toHaveClass('codebook__sub')

  // A theme with no title is refused, beside the field and in the summary.
  await tabTo(page, page.getByLabel(en.codebook.keyLabel))
  await page.keyboard.type('play')
  await tabAndPress(page, page.getByRole('button', { name: en.codebook.add }), 'Enter')
  await expect(page.getByRole('alert').getByRole('link', { name: en.errors.titleRequired })).toBeVisible()
  await expect(page.locator('#new-title-error')).toContainText(en.errors.titleRequired)

  // Start from the Every Child Matters plan: five outcomes become themes.
  const plan = page.getByLabel(en.fromPlan.plan, { exact: true })
  await tabTo(page, plan)
  const ecm = await plan.evaluate((el) => [...(el as HTMLSelectElement).options].findIndex((o) => o.text === 'Every Child Matters outcomes'))
  await chooseWithArrows(page, plan, ecm)
  await tabAndPress(page, page.getByRole('button', { name: en.fromPlan.submit }), 'Enter')
  await expect(page.getByRole('status')).toHaveText('Themes made from the plan: 5 added, 0 changed.')
  await expect(list.locator('li[data-theme]')).toHaveCount(7)
  await expectNoAxeViolations(page, 'codebook with themes')
})
