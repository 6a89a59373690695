// The staff symbol library with JavaScript off (a GET search form and a multipart upload form):
// a planner finds "school" among the OpenMoji symbols, uploads a PNG with its licence and sees it
// listed and served, then uploads a text file named .jpg and is told why it was refused, with what
// they typed kept; axe-clean at 390 px. A facilitator may not open the page.
import fs from 'node:fs'
import path from 'node:path'
import { expect, type Page, test } from '@playwright/test'
import { signInAs } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'

const FIXTURES = process.env.IMAGE_FIXTURES ?? '/work/shared/fixtures/images'
const en = (namespace: string) => JSON.parse(fs.readFileSync(`locales/en/${namespace}.json`, 'utf8'))
const text = en('symbols')
const auth = en('auth')
const common = en('common')
const LIBRARY = '/staff/symbols'

test.use({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } })
const axe = (page: Page, what: string) => expectNoAxeViolations(page, what, { javaScriptEnabled: false })

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
}

test('a planner searches OpenMoji, uploads a symbol with its licence, and is told why a non-image is refused', async ({ page }) => {
  await signInAs(page, 'planner')
  await page.getByRole('link', { name: auth.home.symbols }).click()
  await expect(page).toHaveURL(LIBRARY)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.library.title)
  await axe(page, 'symbol library')

  // Search: a GET form, so the query is in the address and the page can be bookmarked
  await page.getByLabel(text.library.searchLabel).fill('school')
  await page.getByRole('button', { name: text.library.searchButton }).click()
  await expect(page).toHaveURL(/\/staff\/symbols\?q=school/)
  const results = page.getByTestId('symbol-results')
  const school = results.locator('li[data-reference="openmoji:1F3EB"]')
  await expect(school).toContainText('school')
  await expect(school).toContainText('openmoji:1F3EB')
  const image = school.locator('img')
  await expect(image).toHaveAttribute('src', '/symbols/openmoji/1F3EB.png?size=64')
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  await noHorizontalScroll(page)
  await axe(page, 'search results')

  // Upload a PNG with its licence
  await page.getByLabel(text.upload.fileLabel).setInputFiles(path.join(FIXTURES, 'drawing.png'))
  await page.getByLabel(text.upload.nameLabel).fill('Our school drawing, classroom')
  await page.getByLabel(text.upload.licenceLabel, { exact: true }).fill('CC BY 4.0')
  await page.getByLabel(text.upload.attributionLabel).fill('Drawn by Class 4')
  await page.getByRole('button', { name: text.upload.submit }).click()
  await expect(page.getByTestId('symbol-added')).toBeVisible()
  const reference = /upload:[A-Za-z0-9_-]+/.exec(await page.getByTestId('symbol-added').innerText())?.[0]
  expect(reference).toBeTruthy()
  const row = page.getByTestId('own-symbols').locator(`tr[data-reference="${reference}"]`)
  await expect(row.getByRole('rowheader')).toHaveText('Our school drawing')
  await expect(row).toContainText('classroom')
  await expect(row).toContainText('CC BY 4.0')
  await expect(row).toContainText('Drawn by Class 4')
  await axe(page, 'after an upload')

  // Served from /symbols/upload/<id>, long-cached
  const id = reference!.slice('upload:'.length)
  const served = await page.request.get(`/symbols/upload/${id}.webp?size=128`)
  expect(served.status()).toBe(200)
  expect(served.headers()['content-type']).toBe('image/webp')
  expect(served.headers()['cache-control']).toBe('public, max-age=31536000, immutable')

  // It is found by search, as an upload:<id> reference, before OpenMoji's school
  await page.goto(`${LIBRARY}?q=school`)
  await expect(results.locator('li').first()).toHaveAttribute('data-reference', reference!)
  await expect(results.locator('li').first()).toContainText(text.library.ownSymbol)

  // A text file named .jpg: refused, the reason beside the field and in the summary, typed text kept
  await page.getByLabel(text.upload.fileLabel).setInputFiles(path.join(FIXTURES, 'not-an-image.jpg'))
  await page.getByLabel(text.upload.nameLabel).fill('Not a picture')
  await page.getByLabel(text.upload.licenceLabel, { exact: true }).fill('CC0')
  await page.getByRole('button', { name: text.upload.submit }).click()
  const reason = text.upload.errors.notImage
  const summary = page.getByRole('alert')
  await expect(summary.getByRole('heading')).toHaveText(common.errors.summaryTitle)
  await expect(summary.getByRole('link', { name: reason })).toHaveAttribute('href', '#symbol-file')
  await expect(page.locator('#symbol-file-error')).toContainText(reason)
  await expect(page.getByLabel(text.upload.fileLabel)).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel(text.upload.nameLabel)).toHaveValue('Not a picture')
  await expect(page.getByLabel(text.upload.licenceLabel, { exact: true })).toHaveValue('CC0')
  await expect(page.getByTestId('own-symbols').getByText('Not a picture')).toHaveCount(0)
  await noHorizontalScroll(page)
  await axe(page, 'a refused upload')

  // A file over the byte limit is refused before it is read, with the limit in the reason
  const big = Buffer.alloc(3 * 1024 * 1024, 0)
  fs.readFileSync(path.join(FIXTURES, 'drawing.png')).copy(big)
  const tooBig = await page.request.post(LIBRARY, { multipart: { name: 'Big', licence: 'CC0', file: { name: 'big.png', mimeType: 'image/png', buffer: big } }, maxRedirects: 0 })
  expect(tooBig.status()).toBe(400)
  expect(await tooBig.text()).toContain(text.upload.errors.tooBig.replace('{{max}}', '2'))
})

test('a facilitator may not open the symbol library or upload', async ({ page }) => {
  await signInAs(page, 'facilitator')
  await expect(page.getByRole('link', { name: auth.home.symbols })).toHaveCount(0)
  const response = await page.goto(LIBRARY)
  expect(response?.status()).toBe(403)
  const upload = await page.request.post(LIBRARY, {
    multipart: { name: 'x', licence: 'x', file: { name: 'a.png', mimeType: 'image/png', buffer: fs.readFileSync(path.join(FIXTURES, 'drawing.png')) } },
    maxRedirects: 0,
  })
  expect(upload.status()).toBe(403)
})
