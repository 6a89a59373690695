// Group activities and paper entry in the browser (issue #6), keyboard only and axe-clean: a facilitator
// starts a session, enters a diamond 9 (a row chosen for each card, no dragging), dot votes and a group
// ranking, types up a paper form, uploads a malformed paper tally (refused, each wrong line named) and a
// good one; the live board shows the group results, and the results page shows the group evidence and
// the paper evidence in their own sections, apart from the answers given online.
//
// The file name makes it run after participant-journey.spec.ts (one worker, files in name order): its
// paper forms add finished responses to the demo consultation, whose exact counts that spec checks.
import fs from 'node:fs'
import { expect, type Locator, type Page, test } from '@playwright/test'
import sharp from 'sharp'
import { signInAs } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { chooseWithArrows, tabAndPress, tabTo } from '../helpers/e2e-keyboard'

const SLUG = 'have-your-say'
const en = (namespace: string) => JSON.parse(fs.readFileSync(`locales/en/${namespace}.json`, 'utf8'))
const groups = en('groups')
const sessions = en('sessions')
const exportsText = en('exports')

/** Fills {{placeholders}}. */
const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''))

async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field)
  await page.keyboard.press('Control+A')
  await page.keyboard.type(text)
}

/** Chooses the option of a select whose value is `value`, with the keyboard. */
async function chooseValue(page: Page, select: Locator, value: string) {
  await tabTo(page, select)
  const index = await select.evaluate((el, v) => [...(el as HTMLSelectElement).options].findIndex((o) => o.value === v), value)
  expect(index, `option ${value}`).toBeGreaterThanOrEqual(0)
  await chooseWithArrows(page, select, index)
}

test('a facilitator records group activities and paper forms, and the results show them apart', async ({ page }) => {
  test.setTimeout(180_000)
  await signInAs(page, 'facilitator', { redirectTo: '/staff/sessions' })

  // Start a session for the demo consultation
  await chooseValue(page, page.locator('#consultation'), SLUG)
  await chooseValue(page, page.locator('#setting'), 'youth_club')
  await typeInto(page, page.getByLabel(sessions.start.groupType), 'Tuesday youth club')
  await tabAndPress(page, page.getByRole('button', { name: sessions.start.submit }), 'Enter')
  await page.waitForURL(/\/staff\/sessions\/[^/]+$/)
  const sessionPath = new URL(page.url()).pathname

  await tabAndPress(page, page.getByRole('link', { name: groups.overview.fromSession }), 'Enter')
  await page.waitForURL(`${sessionPath}/groups`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(fill(groups.overview.title, { title: '' }).trim())
  await expectNoAxeViolations(page, 'group activities page')

  // ---- Diamond 9: the only question with nine cards or more, so no question to choose
  await tabAndPress(page, page.getByRole('link', { name: groups.overview.enterKind.diamond9 }), 'Enter')
  await page.waitForURL(`${sessionPath}/groups/diamond9`)
  await expectNoAxeViolations(page, 'diamond 9 form')
  const tiers: Record<string, string> = {
    disabilities: '1',
    'mental-health': '1', // a mistake first: two cards in row 1
    'in-care': '2',
    'young-carers': '3',
    'drugs-alcohol': '3',
    'teenage-parents': '3',
    'run-away': '4',
    reoffending: '4',
    attendance: '5',
    'hate-crime': 'discard',
  }
  await typeInto(page, page.getByLabel(groups.entry.label), 'Table 1')
  await typeInto(page, page.getByLabel(groups.entry.people), '12')
  for (const [card, tier] of Object.entries(tiers)) await chooseValue(page, page.locator(`#tier-${card}`), tier)
  await tabAndPress(page, page.getByRole('button', { name: groups.entry.save }), 'Enter')
  const summary = page.locator('.error-summary')
  await expect(summary).toBeFocused()
  await expect(summary).toContainText(fill(groups.errors.rowTooMany, { row: 1, need: 1, got: 2 }))
  await expect(summary).toContainText(fill(groups.errors.rowTooFew, { row: 2, need: 2, got: 1 }))
  await expectNoAxeViolations(page, 'diamond 9 form with errors')
  // Mend it: mental health goes to row 2
  await chooseValue(page, page.locator('#tier-mental-health'), '2')
  // The photo of the paper diamond: a file chooser has no keyboard path in a headless browser, so the file is set on the input
  await page.locator('#photo').setInputFiles({ name: 'diamond.png', mimeType: 'image/png', buffer: await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a7ab0' } }).png().toBuffer() })
  await tabAndPress(page, page.getByRole('button', { name: groups.entry.save }), 'Enter')
  await page.waitForURL(`${sessionPath}/groups?done=diamond9`)
  await expect(page.getByTestId('group-done')).toContainText(groups.overview.done.diamond9)
  const diamondRow = page.getByTestId('group-results').locator('tr[data-kind="diamond9"]')
  await expect(diamondRow).toContainText('Table 1')
  await expect(diamondRow).toContainText('Children and young people with disabilities')
  const photoLink = diamondRow.getByRole('link', { name: groups.overview.viewPhoto })
  await expect(photoLink).toBeVisible()
  // The photo was processed like a story's picture: WebP, and never cached by a shared cache
  const photo = await page.request.get((await photoLink.getAttribute('href'))!)
  expect(photo.status()).toBe(200)
  expect(photo.headers()['content-type']).toBe('image/webp')
  expect(photo.headers()['cache-control']).toContain('no-store')

  // ---- Dot voting: choose the question first
  await tabAndPress(page, page.getByRole('link', { name: groups.overview.enterKind.dots }), 'Enter')
  await chooseValue(page, page.getByLabel(groups.entry.chooseQuestion), 'top-priorities')
  await tabAndPress(page, page.getByRole('button', { name: groups.entry.continue }), 'Enter')
  await page.waitForURL(/groups\/dots\?question=top-priorities$/)
  await expectNoAxeViolations(page, 'dot voting form')
  await typeInto(page, page.getByLabel(groups.entry.people), '10')
  await typeInto(page, page.getByLabel(groups.entry.dotsPerPerson), '3')
  await typeInto(page, page.locator('#dots-less-bullying'), '14')
  await typeInto(page, page.locator('#dots-safe-places'), '9')
  await typeInto(page, page.locator('#dots-respect'), '4')
  await tabAndPress(page, page.getByRole('button', { name: groups.entry.save }), 'Enter')
  await page.waitForURL(`${sessionPath}/groups?done=dots`)

  // ---- Group ranking
  await tabAndPress(page, page.getByRole('link', { name: groups.overview.enterKind.ranking }), 'Enter')
  await chooseValue(page, page.getByLabel(groups.entry.chooseQuestion), 'top-priorities')
  await tabAndPress(page, page.getByRole('button', { name: groups.entry.continue }), 'Enter')
  await page.waitForURL(/groups\/ranking\?question=top-priorities$/)
  await typeInto(page, page.getByLabel(groups.entry.people), '11')
  await typeInto(page, page.locator('#rank-respect'), '1')
  await typeInto(page, page.locator('#rank-less-bullying'), '2')
  await typeInto(page, page.locator('#rank-things-to-do'), '3')
  await typeInto(page, page.getByLabel(groups.entry.agreed), '9')
  await tabAndPress(page, page.getByRole('button', { name: groups.entry.save }), 'Enter')
  await page.waitForURL(`${sessionPath}/groups?done=ranking`)
  await expect(page.getByTestId('group-results').locator('tbody tr')).toHaveCount(3)

  // ---- A paper form typed up: first with a mistake the participant pages' rules catch
  await tabAndPress(page, page.getByRole('link', { name: groups.overview.paperLink }), 'Enter')
  await page.waitForURL(`${sessionPath}/paper`)
  await expectNoAxeViolations(page, 'paper entry form')
  await tabAndPress(page, page.locator('#q-priority-groups-answer-in-care'), 'Space')
  await typeInto(page, page.locator('#q-top-priorities-rank-respect'), '1')
  await tabAndPress(page, page.getByRole('button', { name: groups.paper.save }), 'Enter')
  await expect(summary).toBeFocused()
  await expect(summary).toContainText(fill(groups.paper.errorIn, { number: 2, message: '' }).trim())
  await expectNoAxeViolations(page, 'paper entry form with errors')
  // Fill in the rest of the ranking, the scale (arrow keys in the radio group) and the written answer
  const ranks = { 'safe-places': '2', 'less-bullying': '3', 'things-to-do': '4', 'safer-from-crime': '5' }
  for (const [option, rank] of Object.entries(ranks)) await typeInto(page, page.locator(`#q-top-priorities-rank-${option}`), rank)
  await tabTo(page, page.locator('#q-feel-safe-blank'))
  await page.keyboard.press('ArrowDown')
  await expect(page.locator('#q-feel-safe-answer-safe')).toBeChecked()
  await typeInto(page, page.locator('#q-one-change-answer'), 'A skate park near the library')
  await tabAndPress(page, page.getByRole('button', { name: groups.paper.save }), 'Enter')
  await expect(page.getByTestId('paper-saved')).toContainText(fill(groups.paper.saved, { n: 1 }))
  // Save and next form: an empty form for the next sheet
  await expect(page.locator('#q-priority-groups-answer-in-care')).not.toBeChecked()
  await expect(page.locator('#q-one-change-answer')).toHaveValue('')
  await expect(page.locator('#q-feel-safe-blank')).toBeChecked()

  // ---- A paper tally: a malformed file is refused line by line and nothing is kept
  await page.goto(`${sessionPath}/tally`)
  await expectNoAxeViolations(page, 'paper tally form')
  await chooseValue(page, page.getByLabel(groups.tally.question), 'feel-safe')
  await typeInto(page, page.getByLabel(groups.tally.statedTotal), '20')
  await page.locator('#file').setInputFiles({ name: 'tally.csv', mimeType: 'text/csv', buffer: Buffer.from('option,count\nSafe,12\nangry,3\nsometimes,lots\n') })
  await tabAndPress(page, page.getByRole('button', { name: groups.tally.submit }), 'Enter')
  const lineErrors = page.getByTestId('tally-errors')
  await expect(lineErrors).toContainText(fill(exportsText.import.refused, { count: 2 }))
  await expect(lineErrors.locator('li[data-line="3"]')).toContainText(fill(exportsText.import.line, { line: 3, problem: '' }).trim())
  await expect(lineErrors.locator('li[data-line="4"]')).toContainText(fill(exportsText.import.line, { line: 4, problem: '' }).trim())
  await expectNoAxeViolations(page, 'paper tally refused')
  // The good tally: options by label or key
  await chooseValue(page, page.getByLabel(groups.tally.question), 'feel-safe')
  await typeInto(page, page.getByLabel(groups.tally.statedTotal), '20')
  await page.locator('#file').setInputFiles({ name: 'tally.csv', mimeType: 'text/csv', buffer: Buffer.from('option,count\nSafe,12\nsometimes,5\nnot-safe,3\n') })
  await tabAndPress(page, page.getByRole('button', { name: groups.tally.submit }), 'Enter')
  await page.waitForURL(`${sessionPath}/groups?done=tally&count=3`)
  await expect(page.getByTestId('tallies').locator('li')).toHaveCount(1)
  await expect(page.getByTestId('paper-count')).toContainText(fill(groups.overview.paperForms, { n: 1 }))

  // ---- The live board shows the session's group results
  await page.goto(`${sessionPath}/board`)
  const board = page.locator('.live-board__groups')
  await expect(board).toContainText(groups.kinds.diamond9)
  await expect(board).toContainText(groups.kinds.dots)
  await expect(board).toContainText(groups.kinds.ranking)

  // ---- The results: group evidence and paper evidence, each in its own section
  await page.goto(`/staff/consultations/${SLUG}/results`)
  const evidence = page.getByTestId('group-evidence')
  await expect(evidence.getByRole('heading', { level: 2 })).toHaveText(groups.results.groupTitle)
  const diamond = evidence.locator('[data-evidence="priority-groups-diamond9"]')
  // Row 1 scores 5 points, times 12 people
  await expect(diamond.locator('tr[data-option="disabilities"] [data-cell="weighted"]')).toHaveText('60')
  await expect(evidence.locator('[data-evidence="top-priorities-dots"] tr[data-option="less-bullying"] [data-cell="weighted"]')).toHaveText('51.9%')
  await expect(evidence.locator('[data-evidence="top-priorities-ranking"] tr[data-option="respect"] [data-cell="weighted"]')).toHaveText('55')
  const paper = page.getByTestId('paper-evidence')
  await expect(paper.locator('[data-evidence="feel-safe"] tr[data-option="safe"] [data-cell="count"]')).toHaveText('12')
  // Apart from the online answers: the group and paper sections come after every question's own table
  const order = await page.evaluate(() => {
    const sections = [...document.querySelectorAll('[data-testid^="results-"], [data-testid="group-evidence"], [data-testid="paper-evidence"]')]
    return sections.map((s) => s.getAttribute('data-testid'))
  })
  expect(order.slice(-2)).toEqual(['group-evidence', 'paper-evidence'])
  await expectNoAxeViolations(page, 'results with group and paper evidence')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('dot votes and a paper form are real posts: refused with the values kept, then saved', async ({ page }) => {
    await signInAs(page, 'facilitator', { redirectTo: '/staff/sessions' })
    await chooseValue(page, page.locator('#consultation'), SLUG)
    await chooseValue(page, page.locator('#setting'), 'school')
    await typeInto(page, page.getByLabel(sessions.start.groupType), 'Year 6 school council')
    await tabAndPress(page, page.getByRole('button', { name: sessions.start.submit }), 'Enter')
    await page.waitForURL(/\/staff\/sessions\/[^/]+$/)
    const sessionPath = new URL(page.url()).pathname

    await page.goto(`${sessionPath}/groups/dots?question=feel-safe`)
    await typeInto(page, page.getByLabel(groups.entry.people), '2')
    await typeInto(page, page.getByLabel(groups.entry.dotsPerPerson), '3')
    await typeInto(page, page.locator('#dots-safe'), '7')
    await tabAndPress(page, page.getByRole('button', { name: groups.entry.save }), 'Enter')
    await expect(page.locator('.error-summary')).toContainText(fill(groups.errors.tooManyDots, { total: 7, max: 6, people: 2, perPerson: 3 }))
    await expect(page.getByLabel(groups.entry.people)).toHaveValue('2')
    await expect(page.locator('#dots-safe')).toHaveValue('7')
    await expectNoAxeViolations(page, 'dot voting refused, JavaScript off', { javaScriptEnabled: false })
    await typeInto(page, page.locator('#dots-safe'), '6')
    await tabAndPress(page, page.getByRole('button', { name: groups.entry.save }), 'Enter')
    await page.waitForURL(`${sessionPath}/groups?done=dots`)
    await expect(page.getByTestId('group-done')).toContainText(groups.overview.done.dots)

    await page.goto(`${sessionPath}/paper`)
    await tabTo(page, page.locator('#q-feel-safe-blank'))
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect(page.locator('#q-feel-safe-answer-sometimes')).toBeChecked()
    await tabAndPress(page, page.getByRole('button', { name: groups.paper.save }), 'Enter')
    await expect(page.getByTestId('paper-saved')).toContainText(fill(groups.paper.saved, { n: 1 }))
    await expect(page.locator('#q-feel-safe-blank')).toBeChecked()
    await expectNoAxeViolations(page, 'paper form saved, JavaScript off', { javaScriptEnabled: false })
  })
})
