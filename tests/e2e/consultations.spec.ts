// The consultation builder, keyboard only, at 390px with JavaScript off (every form is a real form):
// a planner creates a consultation (an error first, then fixed), duplicates the demo, downloads its
// survey file, imports a broken file and reads the path of each problem, and opens the join link page
// with its QR code. axe on every page. A facilitator is refused.
import fs from 'node:fs'
import { expect, type Page, test } from '@playwright/test'
import { DEMO_PASSWORD, demoAccount, signInAs } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { strings } from '../helpers/e2e-content'
import { tabTo } from '../helpers/e2e-keyboard'

const t = strings('en') as unknown as (namespace: string, key: string, values?: Record<string, string | number>) => string
const DEMO_SLUG = 'have-your-say'

test.use({ javaScriptEnabled: false })
const axe = (page: Page, what: string) => expectNoAxeViolations(page, what, { javaScriptEnabled: false })

async function tabAndType(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true })
  await tabTo(page, field)
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(text)
}

async function tabAndPress(page: Page, name: string, role: 'link' | 'button' | 'checkbox', key: 'Enter' | 'Space' = 'Enter') {
  const target = page.getByRole(role, { name, exact: true })
  await tabTo(page, target)
  await page.keyboard.press(key)
}

async function signInWithKeyboard(page: Page) {
  const planner = demoAccount('planner')
  await page.goto('/staff/sign-in')
  await tabAndType(page, t('auth', 'signIn.email'), planner.email)
  await tabAndType(page, t('auth', 'signIn.password'), DEMO_PASSWORD)
  await page.keyboard.press('Enter')
  await page.waitForURL((url) => url.pathname === '/staff')
}

test('a planner creates, duplicates, exports, imports and shares consultations with the keyboard', async ({ page }) => {
  await signInWithKeyboard(page)

  // From the staff home to the list.
  await tabAndPress(page, t('auth', 'home.builder'), 'link')
  await page.waitForURL((url) => url.pathname === '/staff/consultations')
  await expect(page.getByRole('heading', { level: 1, name: t('builder', 'list.title') })).toBeVisible()
  await expect(page.getByTestId('consultations').locator(`tr[data-slug="${DEMO_SLUG}"]`)).toContainText(t('builder', 'status.open'))
  await axe(page, 'consultations list')

  // Create: no title and no age group first, then fixed.
  await tabAndPress(page, t('builder', 'list.create'), 'link')
  await page.waitForURL((url) => url.pathname === '/staff/consultations/new')
  await axe(page, 'create form')
  await tabAndType(page, t('builder', 'form.slug'), 'summer-play-2027')
  await tabAndPress(page, t('builder', 'new.submit'), 'button')
  const summary = page.getByRole('alert')
  await expect(summary).toContainText(t('builder', 'errors.titleMissing'))
  await expect(summary).toContainText(t('builder', 'errors.audienceMissing'))
  await expect(page.locator('#title-error')).toContainText(t('builder', 'errors.titleMissing'))
  await axe(page, 'create form with errors')
  await tabAndType(page, t('builder', 'form.title'), 'Summer play 2027')
  await tabAndPress(page, t('builder', 'form.ageBands.age-8-10'), 'checkbox', 'Space')
  await tabAndPress(page, t('builder', 'form.ageBands.age-11-13'), 'checkbox', 'Space')
  await tabAndPress(page, t('builder', 'new.submit'), 'button')
  await page.waitForURL((url) => url.pathname === '/staff/consultations/summer-play-2027/settings')
  await expect(page.getByRole('status')).toHaveText(t('builder', 'settings.created'))
  await expect(page.getByTestId('consultation-status')).toHaveText(t('builder', 'settings.statusNow', { status: t('builder', 'status.draft') }))
  await expect(page.getByLabel(t('builder', 'form.ageBands.age-8-10'))).toBeChecked()
  await axe(page, 'settings page')

  // Duplicate the demo.
  await page.goto(`/staff/consultations/${DEMO_SLUG}/settings`)
  await tabAndType(page, t('builder', 'settings.duplicateSlug'), 'e2e-copy-of-demo')
  await tabAndPress(page, t('builder', 'settings.duplicate'), 'button')
  await page.waitForURL((url) => url.pathname === '/staff/consultations/e2e-copy-of-demo/settings')
  await expect(page.getByRole('status')).toHaveText(t('builder', 'settings.duplicated'))
  await expect(page.getByTestId('consultation-status')).toHaveText(t('builder', 'settings.statusNow', { status: t('builder', 'status.draft') }))

  // Export the demo's survey file.
  await page.goto(`/staff/consultations/${DEMO_SLUG}/settings`)
  const downloading = page.waitForEvent('download')
  await tabAndPress(page, t('builder', 'settings.export'), 'link')
  const download = await downloading
  expect(download.suggestedFilename()).toBe(`${DEMO_SLUG}-survey.json`)
  const definition = JSON.parse(fs.readFileSync((await download.path()) as string, 'utf8'))
  expect(definition).toMatchObject({ format: 'have-your-say/survey', version: 1 })
  expect(definition.questions.map((q: { type: string }) => q.type)).toEqual(['multi', 'ranking', 'scale', 'text'])

  // Import a broken copy: each problem named by its path; nothing saved.
  definition.questions[1].options[0].label = {}
  definition.questions[2].config = { style: 'sparkly' }
  await page.goto('/staff/consultations/new-from-file')
  await axe(page, 'import form')
  await tabAndType(page, t('builder', 'form.slug'), 'broken-import')
  await page
    .getByLabel(t('builder', 'import.file'), { exact: true })
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(definition)) })
  await tabAndPress(page, t('builder', 'import.submit'), 'button')
  await expect(page.getByRole('alert')).toContainText('questions[1].options[0].label: must have the text in at least one language')
  await expect(page.getByTestId('file-problems')).toContainText('questions[2].config.style')
  await axe(page, 'import form with file problems')
  expect((await page.request.get('/staff/consultations/broken-import/settings')).status()).toBe(404)

  // The join link and QR code of the open demo.
  await page.goto(`/staff/consultations/${DEMO_SLUG}/settings`)
  await tabAndPress(page, t('builder', 'settings.shareLink'), 'link')
  await page.waitForURL((url) => url.pathname === `/staff/consultations/${DEMO_SLUG}/share`)
  const url = `${new URL(page.url()).origin}/c/${DEMO_SLUG}`
  await expect(page.getByRole('link', { name: url })).toBeVisible()
  const qr = page.getByRole('img', { name: t('builder', 'share.qrName', { url }) })
  await expect(qr).toBeVisible()
  expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg')
  await axe(page, 'share page')
  const svg = await page.request.get(`/staff/consultations/${DEMO_SLUG}/qr.svg`)
  expect(svg.headers()['content-type']).toContain('image/svg+xml')
  expect(await svg.text()).toContain('role="img"')
})

test('a facilitator is refused the builder pages', async ({ page }) => {
  await signInAs(page, 'facilitator')
  await expect(page.getByRole('link', { name: t('auth', 'home.builder') })).toHaveCount(0)
  const refused = await page.goto('/staff/consultations')
  expect(refused?.status()).toBe(403)
  for (const path of [
    '/staff/consultations/new',
    `/staff/consultations/${DEMO_SLUG}/settings`,
    `/staff/consultations/${DEMO_SLUG}/definition.json`,
    `/staff/consultations/${DEMO_SLUG}/share`,
    `/staff/consultations/${DEMO_SLUG}/qr.svg`,
  ]) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), `GET ${path} as a facilitator`).toBe(403)
  }
})
