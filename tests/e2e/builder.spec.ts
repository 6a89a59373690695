// The question editor, keyboard only, at 390px, with JavaScript off (every form is a real form): a
// planner creates a consultation, adds one question of every type (an error first, then fixed),
// gives each a symbol (searched, chosen; one chosen and removed again), writes a Welsh translation
// and an Easy Read text, opens the preview, opens the consultation, and a participant completes it.
// axe on every kind of page.
import { expect, type Locator, type Page, test } from '@playwright/test'
import { DEMO_PASSWORD, demoAccount } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { strings } from '../helpers/e2e-content'
import { chooseWithArrows, tabTo } from '../helpers/e2e-keyboard'

const t = strings('en') as unknown as (namespace: string, key: string, values?: Record<string, string | number>) => string
const SLUG = 'builder-e2e'
const BASE = `/staff/consultations/${SLUG}`
const TITLE = 'Our parks'

test.use({ javaScriptEnabled: false })
test.setTimeout(600_000)
const axe = (page: Page, what: string) => expectNoAxeViolations(page, what, { javaScriptEnabled: false })

/** Tabs to a control (however far down a long form it is) and presses a key on it. */
async function press(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await tabTo(page, target, { max: 250 })
  await page.keyboard.press(key)
}
async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field, { max: 250 })
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(text)
  await expect(field).toHaveValue(text)
}
/** A radio group the keyboard way: Tab lands on the first radio, the arrows move (and choose). */
async function chooseRadio(page: Page, first: string, target: string, steps: number) {
  const radio = (name: string) => page.getByRole('radio', { name, exact: true })
  await tabTo(page, radio(first), { max: 250 })
  if (steps === 0) await page.keyboard.press('Space')
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown')
  await expect(radio(target)).toBeChecked()
}
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })
const link = (page: Page, name: string) => page.getByRole('link', { name, exact: true })
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })

interface Planned {
  type: string
  /** index of the type in the "Kind of question" list (app/domain/survey.ts questionTypes) */
  index: number
  prompt: string
  options: string[]
  /** a word to search symbols with */
  symbol: string
  settings?: (page: Page) => Promise<void>
}

const planned: Planned[] = [
  { type: 'single', index: 0, prompt: 'Which park do you go to most?', options: ['Big park', 'Small park'], symbol: 'tree' },
  {
    type: 'multi',
    index: 1,
    prompt: 'What would make parks better?',
    options: ['Swings', 'Toilets', 'Lights'],
    symbol: 'playground',
    settings: (page) => typeInto(page, field(page, t('editor', 'settings.multi.maxChoices')), '2'),
  },
  {
    type: 'ranking',
    index: 2,
    prompt: 'What matters most in a park?',
    options: ['Safety', 'Fun', 'Clean'],
    symbol: 'trophy',
    settings: (page) => typeInto(page, field(page, t('editor', 'settings.ranking.rankCount')), '2'),
  },
  { type: 'scale', index: 3, prompt: 'How safe do you feel in the park?', options: ['Not safe', 'OK', 'Safe'], symbol: 'shield' },
  { type: 'text', index: 4, prompt: 'What else should we know?', options: [], symbol: 'speech balloon' },
  { type: 'demographic', index: 5, prompt: 'How old are you?', options: [], symbol: 'birthday cake' },
  {
    type: 'consent',
    index: 6,
    prompt: 'Can we quote your words in our report?',
    options: [],
    symbol: 'check mark',
    settings: async (page) => {
      const purpose = field(page, t('editor', 'settings.consent.purpose'))
      await tabTo(page, purpose, { max: 250 })
      await chooseWithArrows(page, purpose, 1) // "Quoting their words" (0 is "Choose…")
    },
  },
  { type: 'story', index: 7, prompt: 'Tell us about a good day in the park', options: [], symbol: 'sun' },
]

test('a planner builds a consultation with every kind of question; a participant completes it', async ({ page }) => {
  // Sign in.
  const planner = demoAccount('planner')
  await page.goto('/staff/sign-in')
  await typeInto(page, field(page, t('auth', 'signIn.email')), planner.email)
  await typeInto(page, field(page, t('auth', 'signIn.password')), DEMO_PASSWORD)
  await page.keyboard.press('Enter')
  await page.waitForURL((url) => url.pathname === '/staff')

  // Create the consultation.
  await page.goto('/staff/consultations/new')
  await typeInto(page, field(page, t('builder', 'form.slug')), SLUG)
  await typeInto(page, field(page, t('builder', 'form.title')), TITLE)
  await press(page, page.getByRole('checkbox', { name: t('builder', 'form.ageBands.age-8-10'), exact: true }), 'Space')
  await press(page, button(page, t('builder', 'new.submit')))
  await page.waitForURL((url) => url.pathname === `${BASE}/settings`)

  // From the settings page to the editor.
  await expect(page.getByTestId('version-line')).toContainText(t('editor', 'version.number', { version: 1 }))
  await press(page, link(page, t('editor', 'settingsPage.questions')))
  await page.waitForURL((url) => url.pathname === `${BASE}/questions`)
  await expect(page.getByText(t('editor', 'list.empty'))).toBeVisible()
  await axe(page, 'empty question list')

  for (const [n, q] of planned.entries()) {
    // Add: choose the kind from the list.
    await page.goto(`${BASE}/questions`)
    const kind = field(page, t('editor', 'list.addType'))
    await tabTo(page, kind, { max: 250 })
    await chooseWithArrows(page, kind, q.index)
    await press(page, button(page, t('editor', 'list.add')))
    await page.waitForURL((url) => url.pathname === `${BASE}/questions/new`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('editor', 'new.title', { type: t('editor', `types.${q.type}`) }))
    await typeInto(page, field(page, t('editor', 'form.prompt')), q.prompt)

    if (q.type === 'single') {
      // One option only: refused, with the error beside the options and in the summary; what was typed is kept.
      await typeInto(page, field(page, t('editor', 'form.optionLabel', { n: 1 })), q.options[0])
      await press(page, button(page, t('editor', 'new.submit')))
      const message = t('editor', 'errors.optionCount', { min: 2, max: 30 })
      await expect(page.getByRole('alert').locator('a[href="#options"]')).toHaveText(message)
      await expect(page.locator('#options-error')).toContainText(message)
      await expect(field(page, t('editor', 'form.prompt'))).toHaveValue(q.prompt)
      await expect(field(page, t('editor', 'form.optionLabel', { n: 1 }))).toHaveValue(q.options[0])
      await axe(page, 'new question with an error')
      await typeInto(page, field(page, t('editor', 'form.optionLabel', { n: 2 })), q.options[1])
    } else {
      for (const [i, label] of q.options.entries()) await typeInto(page, field(page, t('editor', 'form.optionLabel', { n: i + 1 })), label)
    }
    await q.settings?.(page)
    if (n === 0) await axe(page, 'new question form')
    await press(page, button(page, t('editor', 'new.submit')))
    await page.waitForURL((url) => url.pathname.startsWith(`${BASE}/questions/`) && url.searchParams.get('done') === 'added')
    await expect(page.getByRole('status')).toHaveText(t('editor', 'edit.notices.added'))
    if (q.type === 'demographic') await axe(page, 'edit page of a demographic question')

    // Its symbol: search, choose the first result.
    await press(page, link(page, t('editor', 'form.symbolsLink')))
    await press(page, link(page, t('editor', 'symbols.chooseFor', { label: q.prompt })))
    await typeInto(page, page.getByRole('searchbox', { name: t('editor', 'symbols.searchLabel') }), q.symbol)
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('symbol-results')).toBeVisible()
    if (n === 0) await axe(page, 'symbol search results')
    await press(page, page.getByTestId('symbol-results').getByRole('button').first())
    await expect(page.getByRole('status')).toHaveText(t('editor', 'symbols.chosen'))
    await expect(page.locator('[data-target="question"] [data-testid="symbol-name"]')).not.toBeEmpty()

    if (q.type === 'single') {
      // An option's symbol: chosen, then removed again.
      await press(page, link(page, t('editor', 'symbols.chooseFor', { label: q.options[0] })))
      await typeInto(page, page.getByRole('searchbox', { name: t('editor', 'symbols.searchLabel') }), 'park')
      await page.keyboard.press('Enter')
      await press(page, page.getByTestId('symbol-results').getByRole('button').first())
      await expect(page.getByRole('status')).toHaveText(t('editor', 'symbols.chosen'))
      await press(page, button(page, t('editor', 'symbols.removeFor', { label: q.options[0] })))
      await expect(page.getByRole('status')).toHaveText(t('editor', 'symbols.removed'))
      await axe(page, 'symbols page')
    }
  }

  // The list, in order, with Up and Down.
  await page.goto(`${BASE}/questions`)
  const items = page.getByTestId('question-list').locator('> li')
  await expect(items).toHaveCount(planned.length)
  await press(page, button(page, t('editor', 'list.downN', { n: 1 })))
  await expect(page.getByRole('status')).toHaveText(t('editor', 'list.notices.moved'))
  await expect(items.first()).toContainText(planned[1].prompt)
  await press(page, button(page, t('editor', 'list.upN', { n: 2 })))
  await expect(items.first()).toContainText(planned[0].prompt)
  await axe(page, 'question list')

  // Welsh translation: the English beside each box, what is missing listed; saved in one form.
  await press(page, link(page, t('editor', 'list.texts')))
  await page.waitForURL((url) => url.pathname === `${BASE}/texts`)
  await axe(page, 'texts overview')
  await press(page, link(page, t('editor', 'texts.pageName.plain', { language: 'Cymraeg' })))
  await page.waitForURL((url) => url.pathname === `${BASE}/texts/cy/plain`)
  await expect(page.getByTestId('missing-texts')).toContainText(t('editor', 'texts.slot.questionPrompt', { n: 1 }))
  await axe(page, 'Welsh texts')
  await typeInto(page, field(page, t('editor', 'texts.slot.title')), 'Ein parciau')
  await typeInto(page, field(page, t('editor', 'texts.slot.questionPrompt', { n: 1 })), 'I ba barc wyt ti’n mynd fwyaf?')
  await press(page, button(page, t('editor', 'texts.save')))
  await expect(page.getByRole('status')).toHaveText(t('editor', 'texts.saved', { changed: 2 }))
  await expect(page.getByTestId('missing-texts')).not.toContainText(t('editor', 'texts.slot.title'))

  // Easy Read in English.
  await page.goto(`${BASE}/texts`)
  await press(page, link(page, t('editor', 'texts.pageName.easy', { language: 'English' })))
  await typeInto(page, field(page, t('editor', 'texts.slot.questionPrompt', { n: 1 })), 'Which park do you like to go to?')
  await press(page, button(page, t('editor', 'texts.save')))
  await expect(page.getByRole('status')).toHaveText(t('editor', 'texts.saved', { changed: 1 }))

  // Preview (H2's page).
  await page.goto(`${BASE}/questions`)
  await press(page, link(page, t('editor', 'list.preview')))
  await page.waitForURL((url) => url.pathname === `${BASE}/preview`)
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await axe(page, 'preview')

  // Open it.
  await page.goto(`${BASE}/settings`)
  await press(page, button(page, t('builder', 'settings.open')))
  await expect(page.getByTestId('consultation-status')).toHaveText(t('builder', 'settings.statusNow', { status: t('builder', 'status.open') }))

  // A participant completes it (a fresh browser context: no staff cookie).
  const participant = await page
    .context()
    .browser()!
    .newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, baseURL: new URL(page.url()).origin })
  const child = await participant.newPage()
  await child.goto(`/c/${SLUG}`)
  await expect(child.getByRole('heading', { level: 1 })).toHaveText(TITLE)
  await press(child, button(child, t('participant', 'start.start')))
  const next = () => press(child, button(child, t('participant', 'nav.next')))
  const heading = (q: Planned) => expect(child.getByRole('heading', { level: 1 })).toHaveText(q.prompt)

  await heading(planned[0])
  await expect(child.locator('.symbol--question')).toHaveCount(1)
  await chooseRadio(child, 'Big park', 'Small park', 1)
  await next()
  await heading(planned[1])
  await press(child, child.getByRole('checkbox', { name: 'Swings', exact: true }), 'Space')
  await press(child, child.getByRole('checkbox', { name: 'Lights', exact: true }), 'Space')
  await next()
  await heading(planned[2])
  for (const [label, number] of [
    ['Fun', 1],
    ['Safety', 2],
  ] as const) {
    const select = child.getByRole('combobox', { name: label, exact: true })
    await tabTo(child, select, { max: 250 })
    await chooseWithArrows(child, select, number)
  }
  await next()
  await heading(planned[3])
  await chooseRadio(child, 'Not safe', 'Safe', 2)
  await next()
  await heading(planned[4])
  await typeInto(child, child.locator('textarea[name="answer"]'), 'More benches please')
  await next()
  await heading(planned[5])
  await chooseRadio(child, t('builder', 'form.ageBands.age-under-8'), t('builder', 'form.ageBands.age-8-10'), 1)
  await next()
  await heading(planned[6])
  await chooseRadio(child, t('editor', 'standardOptions.yes'), t('editor', 'standardOptions.yes'), 0)
  await next()
  await heading(planned[7])
  await press(child, button(child, t('participant', 'nav.skip')))
  await expect(child.getByRole('heading', { level: 1 })).toHaveText(t('participant', 'thanks.title'))
  await axe(child, 'thank-you page')
  await participant.close()

  // Answers are in: the structure is locked, a new version can be made.
  await page.goto(`${BASE}/questions`)
  await expect(page.getByRole('heading', { level: 2, name: t('editor', 'lock.title') })).toBeVisible()
  await expect(button(page, t('editor', 'list.downN', { n: 1 }))).toHaveCount(0)
  await axe(page, 'locked question list')
  await press(page, button(page, t('editor', 'lock.newVersion')))
  await page.waitForURL((url) => url.pathname === `${BASE}-v2/questions`)
  await expect(page.getByTestId('version-line')).toContainText(t('editor', 'version.number', { version: 2 }))
  await expect(page.getByTestId('question-list').locator('> li')).toHaveCount(planned.length)
  await expect(button(page, t('editor', 'list.downN', { n: 1 }))).toBeVisible()
})
