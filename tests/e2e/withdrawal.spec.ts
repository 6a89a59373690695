// Taking answers back with the receipt code, keyboard only, on a phone-sized screen, with JavaScript
// off and on: finish the demo survey, read the code, open /receipt from the thanks page, see the
// answers, say "take them back", confirm; then the planner's numbers must have dropped by exactly
// this participant's answers, and the code must find nothing (exactly like a made-up code).
// axe on every page of the receipt flow.
//
// Other spec files save answers to the same database, so every number here is relative: read on the
// planner's page after this participant finished and before they withdrew, then again after. Each
// test makes and withdraws one response, so it leaves the totals as it found them.
import { type APIResponse, expect, type Locator, type Page, test } from '@playwright/test'
import { signInAs } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { consultationTitle, optionKeys, optionLabel, prompt, QUESTION_COUNT, questionPosition, RESULTS_PATH, strings, SURVEY_PATH } from '../helpers/e2e-content'
import { chooseWithArrows, tabAndPress, tabTo } from '../helpers/e2e-keyboard'

const t = strings('en')

interface Participant {
  name: string
  javaScript: boolean
  /** priority-groups: the boxes ticked */
  groups: string[]
  /** top-priorities: the option keys from number 1 down */
  ranking: string[]
  /** feel-safe: the face chosen */
  feelSafe: 'safe' | 'sometimes' | 'not-safe'
  /** one-change: the words typed, or null for "I don't want to say" */
  text: string | null
}

const participants: Participant[] = [
  {
    name: 'JavaScript off',
    javaScript: false,
    groups: ['disabilities', 'attendance'],
    ranking: ['less-bullying', 'safer-from-crime', 'respect', 'safe-places', 'things-to-do'],
    feelSafe: 'not-safe',
    text: null,
  },
  {
    name: 'JavaScript on',
    javaScript: true,
    groups: ['mental-health', 'run-away'],
    ranking: ['things-to-do', 'safe-places', 'less-bullying', 'respect', 'safer-from-crime'],
    feelSafe: 'safe',
    text: 'Lights in the park so it is not so dark.',
  },
]

// ---- Reading the planner's page -------------------------------------------------------------------
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function numberIn(text: string | null, what: string): number {
  const cleaned = (text ?? '').replace(/,/g, '').trim()
  // Small numbers are shown as "c": this test needs them shown (the seed makes them big).
  if (!/^\d+$/.test(cleaned)) throw new Error(`${what}: expected a number on the planner's page, got ${JSON.stringify(text)}`)
  return Number(cleaned)
}

interface PlannerNumbers {
  submitted: number
  groupsAnswered: number
  groups: Record<string, number>
  rankingAnswered: number
  borda: Record<string, number>
  first: Record<string, number>
  faces: Record<string, number>
  textAnswered: number
  textSkipped: number
}

/** "Answered: 1,003. Chose "I don't want to say": 857." under a question's heading. */
async function answeredAndSkipped(page: Page, questionKey: string): Promise<{ answered: number; skipped: number | null }> {
  const region = page.getByRole('region', { name: new RegExp(escapeRegExp(prompt(questionKey, 'en'))) })
  const line = region.locator('p', { hasText: t('staff', 'results.answered') }).first()
  const text = (await line.textContent()) ?? ''
  const answered = new RegExp(`${escapeRegExp(t('staff', 'results.answered'))}\\s*([^.]*)\\.`).exec(text)?.[1] ?? null
  const skipped = new RegExp(`${escapeRegExp(t('staff', 'results.skipped'))}\\s*([^.]*)\\.`).exec(text)?.[1] ?? null
  // A skip count below the threshold shows as "c": null here, and only read where the test needs it.
  return { answered: numberIn(answered, `${questionKey} answered`), skipped: skipped !== null && /^c\b/.test(skipped.trim()) ? null : numberIn(skipped, `${questionKey} skipped`) }
}

async function readPlanner(page: Page): Promise<PlannerNumbers> {
  await page.goto(RESULTS_PATH)
  await expect(page.getByTestId('results-priority-groups')).toBeVisible()
  const cell = async (table: string, option: string, name: string) =>
    numberIn(await page.getByTestId(`results-${table}`).locator(`tr[data-option="${option}"] [data-cell=${name}]`).textContent(), `${table} ${option} ${name}`)
  const numbers: PlannerNumbers = {
    submitted: numberIn(await page.getByTestId('submitted-count').textContent(), 'submitted'),
    groupsAnswered: (await answeredAndSkipped(page, 'priority-groups')).answered,
    groups: {},
    rankingAnswered: (await answeredAndSkipped(page, 'top-priorities')).answered,
    borda: {},
    first: {},
    faces: {},
    textAnswered: (await answeredAndSkipped(page, 'one-change')).answered,
    textSkipped: numberIn(String((await answeredAndSkipped(page, 'one-change')).skipped), 'one-change skipped'),
  }
  for (const key of optionKeys('priority-groups')) numbers.groups[key] = await cell('priority-groups', key, 'count')
  for (const key of optionKeys('top-priorities')) {
    numbers.borda[key] = await cell('top-priorities', key, 'borda')
    numbers.first[key] = await cell('top-priorities', key, 'first')
  }
  for (const key of optionKeys('feel-safe')) numbers.faces[key] = await cell('feel-safe', key, 'count')
  return numbers
}

/** The numbers without this participant's answers, worked out by hand from `before`. */
function withoutParticipant(before: PlannerNumbers, p: Participant): PlannerNumbers {
  const minusOneFor = (counts: Record<string, number>, chosen: string[]) => Object.fromEntries(Object.entries(counts).map(([key, n]) => [key, chosen.includes(key) ? n - 1 : n]))
  return {
    submitted: before.submitted - 1,
    groupsAnswered: before.groupsAnswered - 1,
    groups: minusOneFor(before.groups, p.groups),
    rankingAnswered: before.rankingAnswered - 1,
    // Number 1 of 5 earns 5 points … number 5 earns 1.
    borda: Object.fromEntries(Object.entries(before.borda).map(([key, n]) => [key, n - (5 - p.ranking.indexOf(key))])),
    first: minusOneFor(before.first, [p.ranking[0]]),
    faces: minusOneFor(before.faces, [p.feelSafe]),
    textAnswered: before.textAnswered - (p.text === null ? 0 : 1),
    textSkipped: before.textSkipped - (p.text === null ? 1 : 0),
  }
}

// ---- The survey, keyboard only --------------------------------------------------------------------
async function waitForHydration(page: Page) {
  await page.waitForFunction(() => Object.keys(document).some((k) => k.startsWith('__reactContainer')))
}

async function expectQuestion(page: Page, key: string) {
  await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/q/${questionPosition(key)}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(prompt(key, 'en'))
}

function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true })
}

/** Finishes the demo survey as `p` and returns the receipt code from the thanks page. */
async function completeSurvey(page: Page, p: Participant): Promise<string> {
  await page.goto(SURVEY_PATH)
  if (p.javaScript) await waitForHydration(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(consultationTitle('en'))
  await tabAndPress(page, button(page, t('participant', 'start.start')), 'Enter')

  await expectQuestion(page, 'priority-groups')
  for (const key of p.groups) {
    const box = page.getByRole('checkbox', { name: optionLabel('priority-groups', key, 'en'), exact: true })
    await tabAndPress(page, box, 'Space')
    await expect(box).toBeChecked()
  }
  await tabAndPress(page, button(page, t('participant', 'nav.next')), 'Enter')

  await expectQuestion(page, 'top-priorities')
  if (p.javaScript) {
    // With JavaScript: "Add … to my order" for each item, in order (each goes to the end of the order).
    for (const key of p.ranking) {
      await tabAndPress(page, button(page, t('questions', 'ranking.addName', { label: optionLabel('top-priorities', key, 'en') })), 'Enter')
    }
  } else {
    // Without JavaScript: a select per item, "Number n" is its option n.
    for (const key of optionKeys('top-priorities')) {
      const select = page.getByRole('combobox', { name: optionLabel('top-priorities', key, 'en'), exact: true })
      await tabTo(page, select)
      await chooseWithArrows(page, select, p.ranking.indexOf(key) + 1)
    }
  }
  for (const [index, key] of p.ranking.entries()) {
    await expect(page.locator(`[name="rank-${key}"]`).first(), `${key} is number ${index + 1}`).toHaveValue(String(index + 1))
  }
  await tabAndPress(page, button(page, t('participant', 'nav.next')), 'Enter')

  await expectQuestion(page, 'feel-safe')
  const faces = optionKeys('feel-safe')
  await tabTo(page, page.getByRole('radio', { name: optionLabel('feel-safe', faces[0], 'en'), exact: true }))
  const steps = faces.indexOf(p.feelSafe)
  if (steps === 0) await page.keyboard.press('Space')
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radio', { name: optionLabel('feel-safe', p.feelSafe, 'en'), exact: true })).toBeChecked()
  await tabAndPress(page, button(page, t('participant', 'nav.next')), 'Enter')

  await expectQuestion(page, 'one-change')
  expect(questionPosition('one-change')).toBe(QUESTION_COUNT)
  if (p.text === null) {
    await tabAndPress(page, button(page, t('participant', 'nav.skip')), 'Enter')
  } else {
    const textbox = page.getByRole('textbox', { name: prompt('one-change', 'en'), exact: true })
    await tabTo(page, textbox)
    await page.keyboard.type(p.text)
    await tabAndPress(page, button(page, t('participant', 'nav.finish')), 'Enter')
  }

  await expect(page).toHaveURL(new RegExp(`${SURVEY_PATH}/thanks$`))
  const code = ((await page.getByTestId('receipt-code').textContent()) ?? '').trim()
  expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/)
  return code
}

// ---- The receipt pages ----------------------------------------------------------------------------
function codeBox(page: Page): Locator {
  return page.getByRole('textbox', { name: t('receipt', 'enter.label'), exact: true })
}

/** Types a code on /receipt and sends it; returns the HTTP status of the POST. */
async function sendCode(page: Page, typed: string): Promise<number> {
  const box = codeBox(page)
  await tabTo(page, box)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Backspace')
  await page.keyboard.type(typed)
  await expect(box).toHaveValue(typed)
  const posted = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.startsWith('/receipt'))
  await tabAndPress(page, button(page, t('receipt', 'enter.submit')), 'Enter')
  return (await posted).status()
}

/** The receipt page always stays at /receipt: the code is never put in the address. */
async function expectReceiptUrl(page: Page) {
  await expect(page).toHaveURL(/\/receipt$/)
  const url = new URL(page.url())
  expect({ path: url.pathname, query: url.search, fragment: url.hash }).toEqual({ path: '/receipt', query: '', fragment: '' })
}

async function expectHeadingFocusedWithJavaScript(page: Page, p: Participant, name: string) {
  const heading = page.getByRole('heading', { level: 1, name, exact: true })
  await expect(heading).toBeVisible()
  // With JavaScript the page changes without loading, so focus is moved to the new heading.
  if (p.javaScript) await expect(heading).toBeFocused()
}

async function expectMyAnswers(page: Page, p: Participant) {
  const list = page.getByTestId('receipt-answers')
  const item = (key: string) => list.locator(`li[data-question="${key}"]`)
  await expect(list.locator(':scope > li')).toHaveCount(QUESTION_COUNT)
  for (const key of ['priority-groups', 'top-priorities', 'feel-safe', 'one-change']) {
    await expect(item(key).getByRole('heading', { level: 2 })).toHaveText(prompt(key, 'en'))
  }
  // Boxes ticked, in the order the question lists them.
  const groups = optionKeys('priority-groups').filter((key) => p.groups.includes(key))
  await expect(item('priority-groups').getByRole('listitem')).toHaveText(groups.map((key) => optionLabel('priority-groups', key, 'en')))
  await expect(item('top-priorities').getByRole('listitem')).toHaveText(
    p.ranking.map((key, index) => t('receipt', 'answers.rankedItem', { position: index + 1, label: optionLabel('top-priorities', key, 'en') })),
  )
  await expect(item('feel-safe').locator('p')).toHaveText(optionLabel('feel-safe', p.feelSafe, 'en'))
  await expect(item('one-change').locator('p')).toHaveText(p.text ?? t('receipt', 'answers.skipped'))
}

for (const p of participants) {
  test.describe(`take answers back with the receipt code, ${p.name}`, () => {
    test.use({ javaScriptEnabled: p.javaScript, viewport: { width: 390, height: 844 } })

    test(`${p.name}: finish → code → see answers → take back → confirm → counts drop, code finds nothing`, async ({ page }) => {
      const axe = (what: string) => expectNoAxeViolations(page, `${p.name}: ${what}`, { javaScriptEnabled: p.javaScript })
      const code = await completeSurvey(page, p)

      // The planner's numbers with this response in them, in a second tab.
      const planner = await page.context().newPage()
      await signInAs(planner, 'planner')
      const before = await readPlanner(planner)

      // From the thanks page to /receipt by its link.
      await tabAndPress(page, page.getByRole('link', { name: t('participant', 'thanks.receiptLink'), exact: true }), 'Enter')
      await expect(page).toHaveURL(/\/receipt$/)
      if (p.javaScript) await waitForHydration(page)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('receipt', 'pageTitle'))
      await expect(page).toHaveTitle(t('receipt', 'pageTitle'))
      // The hint, with the shape of a code, is read with the box.
      await expect(codeBox(page)).toHaveAccessibleDescription(t('receipt', 'enter.hint', { example: '7KQ4-MXTC' }).replace(/<\/?example>/g, ''))
      await expect(codeBox(page)).toHaveAttribute('autocomplete', 'off')
      await axe('enter your code')

      // Typed the way a child might: lower case, a space instead of the dash.
      const typed = `${code.slice(0, 4).toLowerCase()} ${code.slice(5).toLowerCase()}`
      expect(await sendCode(page, typed)).toBe(200)
      await expectHeadingFocusedWithJavaScript(page, p, t('receipt', 'answers.title'))
      await expectReceiptUrl(page)
      await expectMyAnswers(page, p)
      // The code goes with the next POST in a hidden field, normalised.
      await expect(page.locator('input[type=hidden][name=code]')).toHaveValue(code)
      // The rate-limit cookie holds a random id only, out of reach of scripts.
      expect((await page.context().cookies()).find((c) => c.name === '__tries')).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' })
      await axe('your answers')

      // "Take my answers back" → "Are you sure?"; "No" goes back to the answers, nothing deleted.
      await tabAndPress(page, button(page, t('receipt', 'answers.takeBack')), 'Enter')
      await expectHeadingFocusedWithJavaScript(page, p, t('receipt', 'confirm.title'))
      await expect(page.getByText(t('receipt', 'confirm.cannotUndo'), { exact: true })).toBeVisible()
      await expectReceiptUrl(page)
      await axe('are you sure?')
      await tabAndPress(page, button(page, t('receipt', 'confirm.no')), 'Enter')
      await expectHeadingFocusedWithJavaScript(page, p, t('receipt', 'answers.title'))
      await expectMyAnswers(page, p)
      expect((await readPlanner(planner)).submitted, 'saying No deletes nothing').toBe(before.submitted)

      await tabAndPress(page, button(page, t('receipt', 'answers.takeBack')), 'Enter')
      await expectHeadingFocusedWithJavaScript(page, p, t('receipt', 'confirm.title'))
      await tabAndPress(page, button(page, t('receipt', 'confirm.yes')), 'Enter')
      await expectHeadingFocusedWithJavaScript(page, p, t('receipt', 'withdrawn.title'))
      await expect(page.getByText(t('receipt', 'withdrawn.codeGone'), { exact: true })).toBeVisible()
      await expectReceiptUrl(page)
      await axe('answers deleted')

      // The planner's numbers without exactly this participant.
      const after = await readPlanner(planner)
      expect(after).toEqual(withoutParticipant(before, p))
      await planner.close()

      // The code finds nothing now: exactly what a made-up code gets (same status, same page).
      const outcome = async (typedCode: string) => {
        await page.goto('/receipt')
        if (p.javaScript) await waitForHydration(page)
        const status = await sendCode(page, typedCode)
        const summary = page.getByRole('alert')
        await expect(summary).toContainText(t('receipt', 'errors.notFound'))
        if (p.javaScript) await expect(summary).toBeFocused()
        await expect(codeBox(page)).toHaveAttribute('aria-invalid', 'true')
        await expect(codeBox(page)).toHaveAccessibleDescription(new RegExp(escapeRegExp(t('receipt', 'errors.notFound'))))
        await expectReceiptUrl(page)
        return { status, main: await page.locator('main').innerText() }
      }
      const withdrawn = await outcome(code)
      await axe('code not found')
      const madeUp = await outcome('ACDE-FGHJ')
      expect(withdrawn.status).toBe(200)
      expect(madeUp).toEqual(withdrawn)
      await expect(page.getByRole('link', { name: t('receipt', 'errors.notFound'), exact: true })).toHaveAttribute('href', '#code')
    })
  })
}

test('guessing codes: after 5 wrong codes in a minute this browser must wait (429, Retry-After), with the same kind words', async ({ request }) => {
  // The API context keeps cookies like a browser, so all seven tries are one browser's.
  const statuses: number[] = []
  let last: APIResponse | undefined
  for (const guess of ['ACDE-FGH3', 'ACDE-FGH4', 'ACDE-FGH6', 'ACDE-FGH7', 'ACDE-FGH9', 'ACDE-FGHA', 'ACDE-FGHC']) {
    last = await request.post('/receipt', { form: { code: guess, intent: 'show' }, maxRedirects: 0 })
    statuses.push(last.status())
  }
  expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429])
  if (!last) throw new Error('no response')
  const retryAfter = Number(last.headers()['retry-after'])
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(60)
  expect(last.headers()['cache-control']).toBe('no-store')
  // What the page shows, not the page's strings for the browser (sent as data in <script> elements).
  const html = (await last.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
  expect(html).toContain(t('receipt', 'errors.tooMany'))
  expect(html).not.toContain(t('receipt', 'errors.notFound'))
})
