// Exports and imports in the browser, with JavaScript off (plain links and forms): a planner
// downloads the tidy CSV and the XLSX workbook and their numbers match the results page; a
// facilitator cannot download raw data; a bad CSV is refused with its line errors and nothing
// saved; a good one is imported and removed again; the printable report hides the page furniture
// when printed. axe on every page.
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import fs from 'node:fs'
import { expect, type Page, test } from '@playwright/test'
import { signInAs } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { RESULTS_PATH } from '../helpers/e2e-content'

const SLUG = 'have-your-say'
const EXPORTS = `/staff/consultations/${SLUG}/exports`
const IMPORTS = `/staff/consultations/${SLUG}/imports`
const REPORT = `/staff/consultations/${SLUG}/report`

const en = (namespace: string) => JSON.parse(fs.readFileSync(`locales/en/${namespace}.json`, 'utf8'))
const exportsText = en('exports')
const authText = en('auth')

test.use({ javaScriptEnabled: false })
const axe = (page: Page, what: string) => expectNoAxeViolations(page, what, { javaScriptEnabled: false })

/** The count the results page shows for an option of a question, as a number. */
async function resultsCount(page: Page, question: string, option: string): Promise<number> {
  const text = await page.getByTestId(`results-${question}`).locator(`tr[data-option="${option}"] [data-cell="count"]`).first().innerText()
  return Number(text.replace(/,/g, ''))
}

test('a planner downloads the tidy CSV and the XLSX workbook, and their numbers match the results page', async ({ page }) => {
  await signInAs(page, 'planner', { redirectTo: RESULTS_PATH })
  const submitted = Number((await page.getByTestId('submitted-count').innerText()).replace(/,/g, ''))
  const inCare = await resultsCount(page, 'priority-groups', 'in-care')
  expect(submitted).toBeGreaterThan(10)

  await page.goto(EXPORTS)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(exportsText.page.title.split(' – ')[0])
  await expect(page.getByRole('link', { name: exportsText.kinds['tidy-csv'].name })).toBeVisible()
  await axe(page, 'downloads page')

  // The tidy CSV, downloaded by following the link as a person would
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: exportsText.kinds['tidy-csv'].name }).click()])
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${SLUG}-tidy-csv-\\d{4}-\\d{2}-\\d{2}\\.csv$`))
  const csv = fs.readFileSync((await download.path())!, 'utf8')
  const rows: Array<Record<string, string>> = parse(csv, { bom: true, columns: true })
  const finished = new Set(rows.filter((r) => r.status === 'submitted').map((r) => r.respondent))
  expect(finished.size).toBe(submitted)
  expect(rows.filter((r) => r.question === 'priority-groups' && r.option === 'in-care' && r.skipped === '0')).toHaveLength(inCare)
  expect(rows.every((r) => /^R[0-9a-f]{16}$/.test(r.respondent))).toBe(true)

  // Headers of a raw download: an attachment, typed, never cached
  const response = await page.request.get(`/staff/consultations/${SLUG}/export/xlsx`)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="have-your-say-xlsx-\d{4}-\d{2}-\d{2}\.xlsx"$/)
  expect(response.headers()['cache-control']).toBe('no-store')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await response.body()) as unknown as ExcelJS.Buffer)
  const names = workbook.worksheets.map((s) => s.name)
  expect(names[0]).toBe(exportsText.workbook.about)
  expect(names).toContain('Q1 priority-groups')
  expect(names).toContain(exportsText.workbook.data)
  const groups = workbook.getWorksheet('Q1 priority-groups')!
  const inCareRow = groups.getRows(1, groups.rowCount)!.find((r) => r.getCell(3).value === 'in-care')!
  expect(inCareRow.getCell(4).value).toBe(inCare)
  expect(workbook.getWorksheet(exportsText.workbook.data)!.rowCount).toBe(rows.length + 1)
})

test('a facilitator cannot download raw data or open the downloads page', async ({ page }) => {
  await signInAs(page, 'facilitator')
  for (const kind of ['tidy-csv', 'wide-csv', 'json', 'xlsx']) {
    const response = await page.request.get(`/staff/consultations/${SLUG}/export/${kind}`, { maxRedirects: 0 })
    expect(response.status(), kind).toBe(403)
    expect(response.headers()['content-disposition']).toBeUndefined()
  }
  await page.goto(EXPORTS)
  await expect(page.getByRole('heading', { level: 1, name: authText.forbidden.title })).toBeVisible()
  await axe(page, 'downloads page refused')
})

test('a bad CSV is refused with each line and its problem, and nothing is saved; a good one is imported and removed', async ({ page }) => {
  await signInAs(page, 'planner', { redirectTo: IMPORTS })
  await expect(page.getByText(exportsText.imports.fileHint.replace('{{max}}', '10'), { exact: true }).first()).toBeVisible()
  await axe(page, 'imports page')

  const bad = [
    'respondent,question,option,position,skipped,text',
    'A,priority-groups,in-care,,0,',
    'A,priority-groups,not-an-option,,0,',
    'B,top-priorities,respect,9,0,',
    'C,feel-safe,safe,,maybe,',
  ].join('\n')
  await page.getByLabel(exportsText.imports.responses.fileLabel).setInputFiles({ name: 'paper.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) })
  await page.getByRole('button', { name: exportsText.imports.responses.submit }).click()
  const summary = page.getByRole('alert')
  await expect(summary).toContainText(exportsText.import.refused.replace('{{count}}', '3'))
  const errors = page.getByTestId('responses-errors')
  await expect(errors.locator('li')).toHaveText([
    'Line 3: ‘not-an-option’ is not an option of ‘priority-groups’.',
    'Line 4: the position for ‘top-priorities’ must be from 1 to 5.',
    'Line 5: skipped must be 1, 0 or empty.',
  ])
  await expect(page.getByTestId('response-imports')).toHaveCount(0)
  await axe(page, 'imports page with errors')

  // A file of the wrong type says so
  await page.getByLabel(exportsText.imports.responses.fileLabel).setInputFiles({ name: 'paper.xlsx', mimeType: 'application/zip', buffer: Buffer.from([0x50, 0x4b, 3, 4]) })
  await page.getByRole('button', { name: exportsText.imports.responses.submit }).click()
  await expect(page.getByTestId('responses-errors')).toContainText(exportsText.import.errors.notCsv)

  // A good file is imported, listed, and can be taken out again
  const good = ['respondent,question,option,position,skipped,text', 'A,feel-safe,safe,,0,', 'B,feel-safe,not-safe,,0,', 'B,one-change,,,0,"More buses, please"'].join('\n')
  await page.getByLabel(exportsText.imports.responses.fileLabel).setInputFiles({ name: 'paper.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
  await page.getByRole('button', { name: exportsText.imports.responses.submit }).click()
  await expect(page.getByTestId('import-done')).toHaveText(exportsText.imports.responses.done.replace('{{count}}', '2'))
  await expect(page.getByTestId('response-imports').getByRole('rowheader', { name: 'paper.csv' })).toBeVisible()
  await axe(page, 'imports page after an import')
  await page.getByRole('button', { name: `${exportsText.imports.remove} paper.csv` }).click()
  await expect(page.getByText(exportsText.imports.removed)).toBeVisible()
  await expect(page.getByTestId('response-imports')).toHaveCount(0)
})

test('the printable report shows the suppressed tables and prints without the page furniture', async ({ page }) => {
  await signInAs(page, 'planner', { redirectTo: REPORT })
  await expect(page.getByRole('heading', { level: 1 })).toContainText(exportsText.report.title.split(' – ')[0])
  await expect(page.getByTestId('report-priority-groups')).toBeVisible()
  await axe(page, 'report')
  await page.emulateMedia({ media: 'print' })
  await expect(page.locator('.site-header')).toBeHidden()
  await expect(page.locator('.staff-bar')).toBeHidden()
  await expect(page.getByText(exportsText.report.howToPrint)).toBeHidden()
  const breaks = await page.locator('.report__question').evaluateAll((sections) => sections.map((s) => getComputedStyle(s).breakBefore))
  expect(breaks.length).toBeGreaterThan(1)
  expect(breaks.every((b) => b === 'page')).toBe(true)
})
