// The page's interface strings travel with the root loader's data, in one language, and the browser
// translates with app/i18n/translator.ts. Here, in English, Welsh and Arabic: pages hydrate with no
// React error or warning, stay in their language after client-side navigation, and the language
// switch works with JavaScript on and off.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, type Page, test } from '@playwright/test'
import { demoConsultation, demoQuestions } from '../../db/seed/demo-content'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
type Locale = 'en' | 'cy' | 'ar'
const locales: Locale[] = ['en', 'cy', 'ar']
const names: Record<Locale, string> = { en: 'English', cy: 'Cymraeg', ar: 'العربية' }
const SURVEY = `/c/${demoConsultation.slug}`

function text(locale: Locale, namespace: string, key: string): string {
  const strings = JSON.parse(fs.readFileSync(path.join(root, 'locales', locale, `${namespace}.json`), 'utf8'))
  return key.split('.').reduce((node, part) => node[part], strings) as string
}

/** Every console error or warning and uncaught error (React reports hydration mismatches there). */
function collectProblems(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  return problems
}

for (const locale of locales) {
  test.describe(`in ${names[locale]}`, () => {
    test.use({ locale })

    test('JavaScript on: pages hydrate without errors and keep their language after client-side navigation', async ({ page }) => {
      const problems = collectProblems(page)
      await page.goto(SURVEY)
      await expect(page.locator('html')).toHaveAttribute('lang', locale)
      await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr')
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoConsultation.title[locale])
      await page.getByRole('button', { name: text(locale, 'participant', 'start.start'), exact: true }).click()
      await expect(page).toHaveURL(new RegExp(`${SURVEY}/q/1$`))
      await expect(page.locator('#question-heading')).toHaveText(demoQuestions[0].prompt[locale])
      // Question 1 → 2 with JavaScript is a client-side navigation: the ranking buttons (loaded on
      // demand) and their words must be in the page's language.
      await page.getByRole('button', { name: text(locale, 'participant', 'nav.skip'), exact: true }).click()
      await expect(page).toHaveURL(new RegExp(`${SURVEY}/q/2$`))
      await expect(page.getByRole('heading', { level: 2, name: text(locale, 'questions', 'ranking.myOrder'), exact: true })).toBeVisible()
      await expect(page.getByRole('button', { name: text(locale, 'questions', 'ranking.addName').replace('{{label}}', demoQuestions[1].options[0].label[locale]) })).toBeVisible()
      await expect(page.getByRole('link', { name: text(locale, 'participant', 'nav.back') })).toBeVisible()
      // A full load of a ranking page hydrates too, then swaps the selects for the buttons.
      await page.reload()
      await expect(page.getByRole('heading', { level: 2, name: text(locale, 'questions', 'ranking.myOrder'), exact: true })).toBeVisible()
      expect(problems).toEqual([])
    })
  })
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`language switch, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled, locale: 'en' })

    test('English → العربية → Cymraeg → English, on the same page', async ({ page }) => {
      const problems = collectProblems(page)
      await page.goto(SURVEY)
      for (const locale of ['ar', 'cy', 'en'] as const) {
        await page.getByRole('button', { name: names[locale], exact: true }).click()
        await expect(page.locator('html')).toHaveAttribute('lang', locale)
        await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr')
        await expect(page).toHaveURL(new RegExp(`${SURVEY}$`))
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoConsultation.title[locale])
        await expect(page.getByRole('link', { name: text(locale, 'common', 'skipToContent') })).toBeAttached()
        await expect(page.getByRole('button', { name: text(locale, 'participant', 'start.start'), exact: true })).toBeVisible()
      }
      expect(problems).toEqual([])
    })
  })
}
