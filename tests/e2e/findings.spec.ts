// Themes and the plan, "You said, we did": the planner, keyboard only on a phone-sized screen, imports
// the Southwark plan (pasting its JSON), maps the "feeling safe" theme to two of its priorities with a
// weight, records an action (first leaving out what children read, to see the error), and the
// public page shows the action in English and in Welsh, with JavaScript on and off. axe on every page.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { signInAs } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { SURVEY_PATH } from '../helpers/e2e-content'
import { chooseWithArrows, tabAndPress, tabTo } from '../helpers/e2e-keyboard'

type FindingsWords = typeof import('../../locales/en/findings.json')
type PublicWords = (typeof import('../../locales/en/participant.json'))['youSaidWeDid']
const read = (locale: string, namespace: string) => JSON.parse(readFileSync(join(process.cwd(), 'locales', locale, `${namespace}.json`), 'utf8'))
const enFindings = read('en', 'findings') as FindingsWords
const enPublic = read('en', 'participant').youSaidWeDid as PublicWords
const cyPublic = read('cy', 'participant').youSaidWeDid as PublicWords
const SLUG = SURVEY_PATH.split('/').pop()!
const PUBLIC_PATH = `${SURVEY_PATH}/you-said-we-did`
const southwarkJson = readFileSync(join(process.cwd(), '..', 'shared', 'fixtures', 'plans', 'southwark-2010-13.json'), 'utf8')
const summary = { en: 'You told us you want to feel safer. Police and youth workers will walk the parks on Friday nights.', cy: "Dywedoch chi eich bod eisiau teimlo'n fwy diogel. Bydd yr heddlu a gweithwyr ieuenctid yn cerdded y parciau ar nos Wener." }

async function noSideways(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow, 'nothing wider than the 390px screen').toBeLessThanOrEqual(0)
}

test('the planner imports the Southwark plan, maps a theme to its priorities and records an action; children see it', async ({ page }) => {
  // One journey across nine pages, each checked with axe: longer than the default minute on a busy 2-core machine.
  test.setTimeout(180_000)
  await signInAs(page, 'planner', { redirectTo: '/staff/plans' })
  await expect(page.getByRole('heading', { level: 1, name: enFindings.plans.title })).toBeVisible()

  // A broken file first: the problem is named by its path, beside the field and in the summary.
  await tabTo(page, page.getByLabel(enFindings.plans.paste))
  await page.keyboard.insertText('{"plan": "Broken", "priorities": [{"title": ""}]}')
  await tabAndPress(page, page.getByRole('button', { name: enFindings.plans.import }), 'Enter')
  const summaryBox = page.getByRole('alert')
  await expect(summaryBox.getByRole('link', { name: 'priorities[0].title must not be empty' })).toBeVisible()
  await expectNoAxeViolations(page, 'plan import with an error')

  // Then the real plan, pasted in place of the broken one.
  const paste = page.getByLabel(enFindings.plans.paste)
  await tabTo(page, paste)
  await page.keyboard.press('Control+A')
  await page.keyboard.insertText(southwarkJson)
  await tabAndPress(page, page.getByRole('button', { name: enFindings.plans.import }), 'Enter')
  await expect(page.getByRole('heading', { level: 1, name: "Southwark Children and Young People's Plan 2010-2013 (draft)" })).toBeVisible()
  await expect(page.getByTestId('plan-items').locator('[data-item=SA\\.3]')).toHaveText('SA.3 Less crime by and against young people')
  await noSideways(page)
  await expectNoAxeViolations(page, 'the imported plan')

  // Map "feeling safe" to two priorities: SA.3 with weight 3, and WT as a whole.
  await tabAndPress(page, page.getByRole('link', { name: `Map themes of ${SLUG}` }), 'Enter')
  await expect(page.getByLabel(enFindings.map.plan, { exact: true })).toHaveValue(/^plan-/)
  const themeSelect = page.getByLabel(enFindings.map.theme, { exact: true })
  await tabTo(page, themeSelect)
  const safetyIndex = await themeSelect.evaluate((el) => [...(el as HTMLSelectElement).options].findIndex((o) => o.value === 'safety'))
  await chooseWithArrows(page, themeSelect, safetyIndex)
  await tabAndPress(page, page.getByRole('button', { name: enFindings.map.show }), 'Enter')
  await expect(page).toHaveURL(/theme=safety/)
  await tabAndPress(page, page.getByRole('checkbox', { name: 'SA.3 Less crime by and against young people' }), 'Space')
  await tabTo(page, page.getByLabel('Weight for SA.3 (optional)'))
  await page.keyboard.type('3')
  await tabAndPress(page, page.getByRole('checkbox', { name: 'WT as a whole' }), 'Space', { backwards: false })
  await tabAndPress(page, page.getByRole('button', { name: enFindings.map.save }), 'Enter', { backwards: false })
  await expect(page.getByRole('status')).toContainText('Saved')
  await expect(page.getByRole('checkbox', { name: 'SA.3 Less crime by and against young people' })).toBeChecked()
  await expect(page.getByLabel('Weight for SA.3 (optional)')).toHaveValue('3')
  await noSideways(page)
  await expectNoAxeViolations(page, 'theme → plan mapping')

  // Record an action: leave out what children read, see the error, then fill it in.
  await page.goto(`/staff/consultations/${SLUG}/actions`)
  await tabAndPress(page, page.getByRole('link', { name: enFindings.actions.new }), 'Enter')
  await tabTo(page, page.getByLabel(enFindings.actions.decision))
  await page.keyboard.type('Park patrols by police and youth workers on Friday nights')
  await tabTo(page, page.getByLabel(enFindings.actions.decidedBy))
  await page.keyboard.type('Community Safety Partnership')
  await tabTo(page, page.getByRole('radio', { name: enFindings.status.planned }))
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radio', { name: enFindings.status.in_progress })).toBeChecked()
  await tabAndPress(page, page.getByRole('checkbox', { name: 'Feeling safe: crime, bullying and safe places' }), 'Space')
  await tabTo(page, page.getByLabel(enFindings.actions.symbol))
  await page.keyboard.type('openmoji:1F6E1')
  await tabAndPress(page, page.getByRole('button', { name: enFindings.actions.save }), 'Enter')
  await expect(page.getByRole('alert').getByRole('link', { name: enFindings.errors.summaryRequired })).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Feeling safe: crime, bullying and safe places' })).toBeChecked()
  await expectNoAxeViolations(page, 'action form with an error')
  await tabAndPress(page, page.getByRole('link', { name: enFindings.errors.summaryRequired }), 'Enter')
  await expect(page.getByLabel(enFindings.languages['en-plain'], { exact: true })).toBeFocused()
  await page.keyboard.type(summary.en)
  await tabTo(page, page.getByLabel(enFindings.languages['cy-plain'], { exact: true }))
  await page.keyboard.type(summary.cy)
  await tabAndPress(page, page.getByRole('button', { name: enFindings.actions.save }), 'Enter')
  await expect(page.getByRole('status')).toHaveText(enFindings.actions.saved)
  await expect(page.getByTestId('actions')).toContainText('Park patrols by police and youth workers on Friday nights')
  await noSideways(page)
  await expectNoAxeViolations(page, 'actions list')

  // The findings page: the theme's action, and the Southwark plan fed by the theme (weight 3).
  await page.goto(`/staff/consultations/${SLUG}/findings`)
  await expect(page.locator('[data-theme=safety]')).toContainText('Park patrols by police and youth workers on Friday nights')
  // Approved quotes under their themes (the seed codes demo stories), each with a way to the quote bank.
  await expect(page.locator('[data-testid^="quotes-"] blockquote').first()).toBeVisible()
  const southwark = page.locator('section[data-plan]', { hasText: 'Southwark' })
  await expect(southwark.getByRole('img')).toHaveCount(1)
  await expect(southwark.locator('tr', { hasText: 'SA.3' })).toContainText('(×3,')
  await expect(page.getByRole('img', { name: enFindings.findings.chartTitle })).toBeVisible()
  await noSideways(page)
  await expectNoAxeViolations(page, 'findings')

  // The themes page (options → themes) and the participation record: real forms and tables, axe-clean.
  await page.goto(`/staff/consultations/${SLUG}/themes`)
  await expect(page.locator('fieldset[data-option="q-top-priorities.less-bullying"]').getByRole('checkbox', { name: 'Feeling safe: crime, bullying and safe places' })).toBeChecked()
  await noSideways(page)
  await expectNoAxeViolations(page, 'themes')
  await page.goto(`/staff/consultations/${SLUG}/participation`)
  await expect(page.getByTestId('actions-fed-back')).toContainText('3')
  // How and where they took part: every method is listed, and answers not given in a session are counted apart.
  await expect(page.getByTestId('participation-method').locator('tbody tr')).toHaveCount(5)
  await expect(page.getByTestId('participation-setting').locator('tr[data-row="no-session"]')).toBeVisible()
  await noSideways(page)
  await expectNoAxeViolations(page, 'participation record')

  // Children's page, in English then Welsh.
  await page.goto(PUBLIC_PATH)
  const action = page.getByTestId('we-did').locator('li', { hasText: summary.en })
  await expect(action).toContainText(enPublic.status.in_progress)
  await expect(page.getByTestId('you-said').locator('li')).not.toHaveCount(0)
  await noSideways(page)
  await expectNoAxeViolations(page, 'you said, we did')
  await tabAndPress(page, page.getByRole('button', { name: 'Cymraeg', exact: true }), 'Enter')
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy')
  await expect(page.getByRole('heading', { level: 1, name: cyPublic.title })).toBeVisible()
  await expect(page.getByTestId('we-did').locator('li', { hasText: summary.cy })).toContainText(cyPublic.status.in_progress)
  await noSideways(page)
  await expectNoAxeViolations(page, 'you said, we did in Welsh')
})

test.describe('the public page with JavaScript off', () => {
  test.use({ javaScriptEnabled: false })

  test('shows the top findings and the demo’s actions, and Easy Read when chosen', async ({ page }) => {
    await page.goto(PUBLIC_PATH)
    await expect(page.getByRole('heading', { level: 1, name: enPublic.title })).toBeVisible()
    expect(await page.getByTestId('you-said').locator('li').count()).toBeGreaterThanOrEqual(3)
    await expect(page.getByTestId('we-did')).toContainText('We are opening two more youth clubs on Friday nights')
    await expectNoAxeViolations(page, 'you said, we did, JavaScript off', { javaScriptEnabled: false })
    await page.getByRole('button', { name: /Easy Read/ }).first().click()
    await expect(page.getByTestId('we-did')).toContainText('More youth clubs on Friday nights. A bus takes you home.')
    await expect(page.getByText(enPublic.easy.privacy)).toBeVisible()
  })
})

test('the public page in Arabic reads right to left and is axe-clean', async ({ page }) => {
  const arPublic = read('ar', 'participant').youSaidWeDid as PublicWords
  await page.goto(PUBLIC_PATH)
  await page.getByRole('button', { name: 'العربية', exact: true }).click()
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
  await expect(page.getByRole('heading', { level: 1, name: arPublic.title })).toBeVisible()
  await expect(page.getByTestId('we-did')).toContainText('سنفتح ناديين آخرين للشباب')
  await noSideways(page)
  await expectNoAxeViolations(page, 'you said, we did in Arabic')
})
