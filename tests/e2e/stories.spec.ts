// Stories (issue 5), end to end and keyboard only: a participant with JavaScript off tells a story on a
// phone, with a drawing and both consents (a file that is not a picture is refused first, and the words
// and ticks are kept); a moderator hides a name and approves it; the safeguarding lead reads the original;
// the planner finds the quote, redacted, with the age band and the picture. axe on every page.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { STORY_SLUG } from '../../db/seed/stories'
import { signInAs } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { tabAndPress, tabTo } from '../helpers/e2e-keyboard'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const fixtures = path.resolve(root, '../shared/fixtures/images')
type Json = { [key: string]: string | Json }
/** A string from a locale file, {{placeholders}} filled in. */
function t(namespace: string, key: string, values: Record<string, string | number> = {}): string {
  let node: string | Json | undefined = JSON.parse(fs.readFileSync(path.join(root, 'locales/en', `${namespace}.json`), 'utf8')) as Json
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  if (typeof node !== 'string') throw new Error(`No string ${namespace}:${key}`)
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''))
}

const STORY = 'Jamie helped me build a den in the park. It made me feel happy. More dens please!'
const REDACTED = '[name] helped me build a den in the park. It made me feel happy. More dens please!'
let storyPath = ''

test.describe.configure({ mode: 'serial' })

test.describe('stories', () => {
  test('a participant (JavaScript off, keyboard only) tells a story with a drawing and both consents', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`/c/${STORY_SLUG}`)
    await tabAndPress(page, page.getByRole('button', { name: t('participant', 'start.start'), exact: true }), 'Enter')
    await page.waitForURL(new RegExp(`/c/${STORY_SLUG}/q/1$`))

    // The gentle prompts and the visible limit.
    for (const key of ['happened', 'feel', 'better']) await expect(page.getByText(t('participant', `story.prompts.${key}`))).toBeVisible()
    await expect(page.getByText(t('participant', 'text.limit_other', { count: 1000 }))).toBeVisible()
    const words = page.getByRole('textbox', { name: 'Tell us about something that happened to you where you live' })
    const file = page.getByLabel(t('participant', 'story.picture.label'))
    const consentWords = page.getByRole('checkbox', { name: new RegExp(t('participant', 'story.consent.words').replace('.', '\\.')) })
    const consentPicture = page.getByRole('checkbox', { name: new RegExp(t('participant', 'story.consent.picture').replace('.', '\\.')) })
    // Consents are off until the child ticks them.
    await expect(consentWords).not.toBeChecked()
    await expect(consentPicture).not.toBeChecked()
    await expect(file).toHaveAttribute('accept', 'image/*')
    await expectNoAxeViolations(page, 'story question', { javaScriptEnabled: false })

    await tabTo(page, words)
    await page.keyboard.type(STORY)
    await tabTo(page, file)
    // The file chooser is the browser's own dialog; choosing a file in it is simulated here.
    await file.setInputFiles(path.join(fixtures, 'not-an-image.jpg'))
    await tabAndPress(page, consentWords, 'Space')
    await tabAndPress(page, consentPicture, 'Space')
    await tabAndPress(page, page.getByRole('button', { name: t('participant', 'nav.next'), exact: true }), 'Enter')

    // Refused: a plain message in the summary and beside the field; the words and ticks are still there.
    const message = t('participant', 'story.errors.picture.notImage')
    await expect(page.getByRole('alert')).toContainText(message)
    await expect(page.locator('#picture-error')).toContainText(message)
    await expect(page).toHaveTitle(/^Error:/)
    await expect(words).toHaveValue(STORY)
    await expect(consentWords).toBeChecked()
    await expect(consentPicture).toBeChecked()
    await expectNoAxeViolations(page, 'story question with a refused picture', { javaScriptEnabled: false })

    // The summary's link leads to the file field; a real drawing this time (it carries GPS and a name in EXIF).
    await tabAndPress(page, page.getByRole('alert').getByRole('link', { name: message }), 'Enter')
    await tabTo(page, file)
    await file.setInputFiles(path.join(fixtures, 'drawing-with-gps.jpg'))
    await tabAndPress(page, page.getByRole('button', { name: t('participant', 'nav.next'), exact: true }), 'Enter')
    await page.waitForURL(new RegExp(`/c/${STORY_SLUG}/q/2$`))

    // Back keeps the story: the words, the ticks, and the saved picture.
    await tabAndPress(page, page.getByRole('link', { name: t('participant', 'nav.back') }), 'Enter')
    await page.waitForURL(new RegExp(`/c/${STORY_SLUG}/q/1$`))
    await expect(words).toHaveValue(STORY)
    await expect(consentWords).toBeChecked()
    await expect(page.getByText(t('participant', 'story.picture.saved'))).toBeVisible()
    await tabAndPress(page, page.getByRole('button', { name: t('participant', 'nav.next'), exact: true }), 'Enter')
    await page.waitForURL(new RegExp(`/c/${STORY_SLUG}/q/2$`))

    // A radio group is one Tab stop: arrow keys move the choice (Under 8 → 8 to 10 → 11 to 13).
    await tabAndPress(page, page.getByRole('radio', { name: 'Under 8' }), 'Space')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect(page.getByRole('radio', { name: '11 to 13' })).toBeChecked()
    await tabAndPress(page, page.getByRole('button', { name: t('participant', 'nav.finish'), exact: true }), 'Enter')
    await page.waitForURL(new RegExp(`/c/${STORY_SLUG}/thanks$`))
    await expect(page.getByTestId('receipt-code')).toBeVisible()
    await context.close()
  })

  test('with JavaScript on, the letters left are counted and a picture is sent with the story', async ({ page }) => {
    await page.goto(`/c/${STORY_SLUG}`)
    await page.getByRole('button', { name: t('participant', 'start.start'), exact: true }).click()
    await page.waitForURL(new RegExp(`/c/${STORY_SLUG}/q/1$`))
    await tabTo(page, page.getByRole('textbox', { name: 'Tell us about something that happened to you where you live' }))
    await page.keyboard.type('A short one.')
    await expect(page.getByText(t('participant', 'text.left_other', { count: 1000 - 'A short one.'.length }))).toBeVisible()
    await page.getByLabel(t('participant', 'story.picture.label')).setInputFiles(path.join(fixtures, 'drawing.png'))
    await tabAndPress(page, page.getByRole('button', { name: t('participant', 'nav.next'), exact: true }), 'Enter')
    await page.waitForURL(new RegExp(`/c/${STORY_SLUG}/q/2$`))
    await tabAndPress(page, page.getByRole('link', { name: t('participant', 'nav.back') }), 'Enter')
    await page.waitForURL(new RegExp(`/c/${STORY_SLUG}/q/1$`))
    await expect(page.getByText(t('participant', 'story.picture.saved'))).toBeVisible()
    await expect(page.getByRole('checkbox', { name: new RegExp(t('participant', 'story.consent.words').replace('.', '\\.')) })).not.toBeChecked()
  })

  test('a moderator hides the name and approves the story (keyboard only)', async ({ page }) => {
    await signInAs(page, 'coder')
    await tabAndPress(page, page.getByRole('link', { name: t('auth', 'home.stories') }), 'Enter')
    await page.waitForURL(/\/staff\/stories$/)
    await expect(page.getByRole('heading', { level: 1, name: t('stories', 'queue.title') })).toBeVisible()
    await expectNoAxeViolations(page, 'story queue')
    await tabAndPress(page, page.getByRole('link', { name: STORY }), 'Enter')
    await page.waitForURL(/\/staff\/stories\/[\w-]+$/)
    storyPath = new URL(page.url()).pathname
    await expect(page.getByTestId('story-text')).toHaveText(STORY)
    await expect(page.getByRole('img', { name: t('stories', 'story.pictureAlt') })).toBeVisible()
    await expectNoAxeViolations(page, 'story moderation')

    // A reason is needed.
    await tabTo(page, page.getByLabel(t('stories', 'story.redactWords')))
    await page.keyboard.type('Jamie')
    await tabAndPress(page, page.getByRole('button', { name: t('stories', 'story.redactButton') }), 'Enter')
    await expect(page.getByRole('alert')).toContainText(t('stories', 'story.errors.reasonRequired'))
    await expect(page.getByLabel(t('stories', 'story.redactWords'))).toHaveValue('Jamie')
    await tabTo(page, page.getByLabel(t('stories', 'story.redactReason')))
    await page.keyboard.type("A child's name")
    await tabAndPress(page, page.getByRole('button', { name: t('stories', 'story.redactButton') }), 'Enter')
    await expect(page.getByRole('status')).toHaveText(t('stories', 'story.done.redacted'))
    await expect(page.getByTestId('story-text')).toHaveText(REDACTED)
    await expect(page.getByText('Jamie')).toHaveCount(0)
    await expectNoAxeViolations(page, 'story moderation after hiding a name')

    await tabAndPress(page, page.getByRole('button', { name: t('stories', 'story.approve'), exact: true }), 'Enter')
    await expect(page.getByRole('status')).toHaveText(t('stories', 'story.done.approved'))
    await expect(page.getByTestId('story-status')).toHaveText(t('stories', 'status.approved'))
  })

  test('body limits: a picture up to 11 MB may reach a question page, nothing else grows past 64 KB', async ({ baseURL }) => {
    const base = baseURL!
    const start = await fetch(`${base}/c/${STORY_SLUG}`, { method: 'POST', redirect: 'manual', headers: { origin: base } })
    const cookie = start.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
    const multipart = (bytes: number) => {
      const form = new FormData()
      form.append('answer', 'A story with a very big file')
      form.append('intent', 'next')
      const png = new Uint8Array(bytes)
      png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      form.append('picture', new Blob([png], { type: 'image/png' }), 'big.png')
      return form
    }
    const send = (url: string, body: FormData | string, type?: string) =>
      fetch(`${base}${url}`, { method: 'POST', redirect: 'manual', headers: { origin: base, cookie, ...(type ? { 'content-type': type } : {}) }, body })
    // 10.5 MB: through the door, then refused by the picture rules with the plain message, the words kept.
    const tooBigPicture = await send(`/c/${STORY_SLUG}/q/1`, multipart(10.5 * 1024 * 1024))
    expect(tooBigPicture.status).toBe(400)
    const html = await tooBigPicture.text()
    expect(html).toContain(t('participant', 'story.errors.picture.tooBig'))
    expect(html).toContain('A story with a very big file')
    // Over 11 MB: refused before the app reads it.
    // The server judges the length it is told before reading anything, answers 413 and closes: so only the
    // headers are sent here (with node:http, which reads that answer), as a browser would start a big upload.
    const statusOf = (url: string, length: number) =>
      new Promise<number>((resolve, reject) => {
        const boundary = 'stories-e2e-boundary'
        const request = http.request(`${base}${url}`, { method: 'POST', headers: { origin: base, cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': length } }, (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
          request.destroy()
        })
        request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)))
        request.flushHeaders()
      })
    expect(await statusOf(`/c/${STORY_SLUG}/q/1`, 11 * 1024 * 1024 + 1)).toBe(413)
    // Multipart anywhere else, and forms that are not multipart, keep the 64 KB limit.
    expect(await statusOf('/receipt', 70 * 1024)).toBe(413)
    expect((await send(`/c/${STORY_SLUG}/q/1`, `answer=${'x'.repeat(65 * 1024)}&intent=next`, 'application/x-www-form-urlencoded')).status).toBe(413)
  })

  // H4: "a coder codes it": the coder gives the new consultation a theme, then codes the story, reading only the redacted words.
  test('a coder codes the approved story into a theme with the keyboard', async ({ page }) => {
    expect(storyPath, 'the moderator test ran first').not.toBe('')
    await signInAs(page, 'coder', { redirectTo: `/staff/consultations/${STORY_SLUG}/codebook` })
    await tabTo(page, page.getByLabel(t('coding', 'codebook.keyLabel')))
    await page.keyboard.type('play')
    await tabTo(page, page.getByLabel(t('coding', 'codebook.titleLabel'), { exact: true }))
    await page.keyboard.type('Places to play')
    await tabTo(page, page.getByLabel(t('coding', 'codebook.keywordsLabel')))
    await page.keyboard.type('den*')
    await tabAndPress(page, page.getByRole('button', { name: t('coding', 'codebook.add') }), 'Enter')
    await expect(page.getByRole('status')).toHaveText(t('coding', 'codebook.done.created'))
    await page.goto(`/staff/consultations/${STORY_SLUG}/coding?kind=story&status=uncoded`)
    await expect(page.getByRole('heading', { level: 2, name: t('coding', 'keys.title') })).toBeVisible()
    await expect(page.getByTestId('coding-text')).toHaveText(REDACTED)
    await expect(page.getByText('Jamie')).toHaveCount(0)
    await expect(page.locator('.coding-suggested')).toHaveText(t('coding', 'workspace.suggested', { words: 'den*' }))
    await expectNoAxeViolations(page, 'coding the story')
    await page.keyboard.press('1')
    await expect(page.getByRole('checkbox', { name: 'Places to play' })).toBeChecked()
    await page.keyboard.press('s')
    await expect(page.getByText(t('coding', 'workspace.noneInFilter'))).toBeVisible()
    await page.goto(`/staff/consultations/${STORY_SLUG}/coding?kind=story`)
    await expect(page.getByRole('checkbox', { name: 'Places to play' })).toBeChecked()
  })

  test('only the safeguarding lead reads the original words', async ({ page }) => {
    expect(storyPath, 'the moderator test ran first').not.toBe('')
    await signInAs(page, 'planner')
    const refused = await page.goto(`${storyPath}/original`)
    expect(refused?.status()).toBe(403)
    await signInAs(page, 'safeguarding')
    await page.goto(`${storyPath}/original`)
    await expect(page.getByTestId('story-original')).toHaveText(STORY)
    await expect(page.getByTestId('story-redacted')).toHaveText(REDACTED)
    await expectNoAxeViolations(page, 'original story')
  })

  test('the planner finds the quote, redacted, with the age band and the picture', async ({ page }) => {
    await signInAs(page, 'planner')
    const link = page.getByRole('link', { name: t('auth', 'home.pageOf', { page: t('auth', 'home.pages.quotes'), slug: STORY_SLUG }) })
    await tabAndPress(page, link, 'Enter')
    await page.waitForURL(new RegExp(`/staff/consultations/${STORY_SLUG}/quotes$`))
    const bank = page.getByTestId('quote-bank')
    await expect(bank.locator('blockquote')).toHaveText([REDACTED])
    await expect(bank.locator('figcaption')).toHaveText([`— ${t('stories', 'ageBand.age-11-13')}`])
    const picture = bank.getByRole('img', { name: t('stories', 'quotes.pictureAlt') })
    await expect(picture).toBeVisible()
    // decode() waits for the picture to load (and fails for a broken one); the stored drawing is 1200 px wide.
    expect(await picture.evaluate(async (img) => (await (img as HTMLImageElement).decode(), (img as HTMLImageElement).naturalWidth))).toBe(1200)
    await expect(page.getByText('Jamie')).toHaveCount(0)
    await expectNoAxeViolations(page, 'quote bank')
  })
})
