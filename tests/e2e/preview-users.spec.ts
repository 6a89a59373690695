// Staff preview, recorded audio and staff accounts, keyboard only, JavaScript off, axe on every page:
// - a planner previews the demo in Welsh, Arabic (right to left) and symbol mode, moves with Next and
//   Back, and nothing is saved (no response row);
// - a planner uploads a tiny WAV made here for question 1 (it plays on the participant page), and a
//   text file named .mp3 is refused with a plain reason while the clip stays;
// - an admin adds a coder account; the coder signs in; the admin disables them and their session ends.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { type Browser, expect, type Page, test } from '@playwright/test'
import { DEMO_PASSWORD, demoAccount } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { tabTo } from '../helpers/e2e-keyboard'
import { demoConsultation, demoQuestions } from '../../db/seed/demo-content'

type Json = { [key: string]: string | Json }
const read = (locale: string, namespace: string) => JSON.parse(fs.readFileSync(`locales/${locale}/${namespace}.json`, 'utf8')) as Json
function t(locale: string, namespace: string, key: string, values: Record<string, string | number> = {}): string {
  let node: string | Json | undefined = read(locale, namespace)
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined
  if (typeof node !== 'string') throw new Error(`no string ${locale}/${namespace}:${key}`)
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''))
}
const en = (namespace: string, key: string, values?: Record<string, string | number>) => t('en', namespace, key, values)

const SLUG = demoConsultation.slug
const PREVIEW = `/staff/consultations/${SLUG}/preview`
const DB_FILE = process.env.E2E_DATABASE_FILE ?? 'data/e2e.db'
const first = demoQuestions[0]

test.use({ javaScriptEnabled: false })
// Many axe checks (each in a fresh context, JavaScript being off) on a two-core machine: more than the default minute.
test.describe.configure({ timeout: 180_000 })
const axe = (page: Page, what: string) => expectNoAxeViolations(page, what, { javaScriptEnabled: false })

function count(sql: string): number {
  const db = new SQLite(DB_FILE, { readonly: true, fileMustExist: true })
  try {
    return Number((db.prepare(sql).get() as { n: number }).n)
  } finally {
    db.close()
  }
}

async function typeInto(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true })
  await tabTo(page, field)
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(text)
}
async function press(page: Page, role: 'link' | 'button' | 'checkbox', name: string, key: 'Enter' | 'Space' = 'Enter') {
  await tabTo(page, page.getByRole(role, { name, exact: true }).first())
  await page.keyboard.press(key)
}
async function signIn(page: Page, email: string, password: string) {
  await page.goto('/staff/sign-in')
  await typeInto(page, en('auth', 'signIn.email'), email)
  await typeInto(page, en('auth', 'signIn.password'), password)
  await page.keyboard.press('Enter')
}
async function signInAs(page: Page, role: 'planner' | 'admin') {
  await signIn(page, demoAccount(role).email, DEMO_PASSWORD)
  await page.waitForURL((url) => url.pathname === '/staff')
}

/** A real, playable WAV: 0.1 s of a quiet tone, 8 kHz mono 16-bit PCM. */
function tinyWav(): Buffer {
  const samples = 800
  const header = Buffer.alloc(44)
  header.write('RIFF', 0, 'ascii')
  header.writeUInt32LE(36 + samples * 2, 4)
  header.write('WAVE', 8, 'ascii')
  header.write('fmt ', 12, 'ascii')
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20) // PCM
  header.writeUInt16LE(1, 22) // mono
  header.writeUInt32LE(8000, 24)
  header.writeUInt32LE(16000, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36, 'ascii')
  header.writeUInt32LE(samples * 2, 40)
  const pcm = Buffer.alloc(samples * 2)
  for (let i = 0; i < samples; i++) pcm.writeInt16LE(i % 16 < 8 ? 2000 : -2000, i * 2)
  return Buffer.concat([header, pcm])
}

test('a planner previews the consultation in Welsh, Arabic and symbol mode, and nothing is saved', async ({ page }) => {
  const responses = count('SELECT count(*) AS n FROM response')
  await signInAs(page, 'planner')
  await press(page, 'link', en('auth', 'home.pageOf', { page: en('auth', 'home.pages.preview'), slug: SLUG }))
  await page.waitForURL((url) => url.pathname === PREVIEW)
  await expect(page.getByText(en('staffadmin', 'preview.banner'))).toBeVisible()
  const area = page.getByTestId('preview-area')
  await expect(area.getByRole('heading', { level: 1 })).toHaveText(demoConsultation.title.en)
  await axe(page, 'preview start (English)')

  // Welsh: a GET link; the preview area is in Welsh, the staff page around it is not
  await press(page, 'link', 'Cymraeg')
  await page.waitForURL((url) => url.pathname === PREVIEW && url.searchParams.get('lang') === 'cy')
  await expect(area).toHaveAttribute('lang', 'cy')
  await expect(area.getByRole('heading', { level: 1 })).toHaveText(demoConsultation.title.cy)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await axe(page, 'preview start (Welsh)')
  await press(page, 'link', t('cy', 'participant', 'start.start'))
  await page.waitForURL((url) => url.pathname === `${PREVIEW}/q/1` && url.search === '?lang=cy')
  await expect(area.getByRole('heading', { level: 1 })).toHaveText(first.prompt.cy!)
  await axe(page, 'preview question 1 (Welsh)')

  // Choose an option and go on: checked, not kept
  const option = first.options[2]
  await press(page, 'checkbox', option.label.cy!, 'Space')
  await press(page, 'button', t('cy', 'participant', 'nav.next'))
  await page.waitForURL((url) => url.pathname === `${PREVIEW}/q/2` && url.search === '?lang=cy')
  await expect(page.getByText(t('cy', 'participant', 'nav.progress', { position: 2, total: demoQuestions.length }))).toBeVisible()
  await press(page, 'link', t('cy', 'participant', 'nav.back'))
  await page.waitForURL((url) => url.pathname === `${PREVIEW}/q/1`)
  await expect(page.getByRole('checkbox', { name: option.label.cy!, exact: true })).not.toBeChecked()

  // Arabic, right to left
  await press(page, 'link', 'العربية')
  await page.waitForURL((url) => url.pathname === `${PREVIEW}/q/1` && url.searchParams.get('lang') === 'ar')
  await expect(area).toHaveAttribute('dir', 'rtl')
  await expect(area).toHaveAttribute('lang', 'ar')
  await expect(area.getByRole('heading', { level: 1 })).toHaveText(first.prompt.ar!)
  await expect(area.getByRole('button', { name: t('ar', 'participant', 'nav.next') })).toBeVisible()
  await axe(page, 'preview question 1 (Arabic)')

  // Symbol mode: the question's symbol above the words, bigger targets
  await press(page, 'link', en('staffadmin', 'preview.turnOn', { setting: en('staffadmin', 'preview.symbols') }))
  await page.waitForURL((url) => url.searchParams.get('symbols') === '1' && url.searchParams.get('lang') === 'ar')
  await expect(area).toHaveClass(/symbol-mode/)
  const symbol = area.locator('legend img').first()
  await expect(symbol).toBeVisible()
  expect(((await symbol.boundingBox())?.width ?? 0) >= 100).toBe(true)
  await axe(page, 'preview question 1 (Arabic, symbols)')

  // The last question (free text): Finish ends the preview, which says nothing was saved
  await page.goto(`${PREVIEW}/q/${demoQuestions.length}?lang=en`)
  await tabTo(page, area.getByRole('textbox'))
  await page.keyboard.type('More places to play after school')
  await press(page, 'button', en('participant', 'nav.finish'))
  await page.waitForURL((url) => url.pathname === PREVIEW && url.searchParams.get('done') === '1')
  await expect(page.getByTestId('preview-ended')).toContainText(en('staffadmin', 'preview.end'))
  await axe(page, 'end of the preview')
  expect(count('SELECT count(*) AS n FROM response')).toBe(responses)
})

test('a planner uploads a recorded clip for question 1; a text file is refused and the clip stays', async ({ page, browser }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h2-audio-'))
  const wavFile = path.join(dir, 'question-1.wav')
  fs.writeFileSync(wavFile, tinyWav())
  const fakeFile = path.join(dir, 'question-1.mp3')
  fs.writeFileSync(fakeFile, 'This is a text file, not a recording.\n')

  await signInAs(page, 'planner')
  await page.goto(`${PREVIEW}/q/1?lang=en`)
  await press(page, 'link', en('staffadmin', 'preview.audio'))
  await page.waitForURL((url) => /\/questions\/[^/]+\/audio$/.test(url.pathname))
  await expect(page.getByTestId('audio-none')).toBeVisible()
  await axe(page, 'audio page, no clip')

  const fileInput = page.getByLabel(en('staffadmin', 'audio.fileLabel'))
  await tabTo(page, fileInput)
  await fileInput.setInputFiles(wavFile)
  await press(page, 'button', en('staffadmin', 'audio.upload'))
  await expect(page.getByTestId('audio-done')).toHaveText(en('staffadmin', 'audio.done.uploaded'))
  const player = page.locator('audio').first()
  const src = await player.getAttribute('src')
  expect(src).toMatch(/^\/audio\/[0-9a-f-]{36}\.wav$/)
  const served = await page.request.get(src!)
  expect(served.status()).toBe(200)
  expect(served.headers()['content-type']).toBe('audio/wav')
  expect(served.headers()['x-content-type-options']).toBe('nosniff')
  expect(Buffer.compare(await served.body(), tinyWav())).toBe(0)
  await axe(page, 'audio page with a clip')

  // A text file named .mp3: refused, said plainly beside the field and in the summary; the clip stays
  await tabTo(page, fileInput)
  await fileInput.setInputFiles(fakeFile)
  await press(page, 'button', en('staffadmin', 'audio.replace'))
  const reason = en('staffadmin', 'audio.errors.notAudio')
  await expect(page.getByRole('alert')).toContainText(reason)
  await expect(page.locator('#audio-file-error')).toContainText(reason)
  await expect(page.locator('#audio-file-error')).toContainText(en('staffadmin', 'audio.errors.kept'))
  await expect(page.locator('audio').first()).toHaveAttribute('src', src!)
  await axe(page, 'audio page, refused file')

  // The preview has the player
  await page.goto(`${PREVIEW}/q/1?lang=en`)
  await expect(page.getByTestId('preview-area').locator('audio')).toHaveAttribute('src', src!)

  // A participant (JavaScript on, to hear it) gets the clip on question 1, and the browser can play it
  const participant = await browser.newContext({ javaScriptEnabled: true })
  try {
    const child = await participant.newPage()
    await child.goto(`/c/${SLUG}`)
    await child.getByRole('button', { name: en('participant', 'start.start') }).press('Enter')
    await child.waitForURL((url) => url.pathname === `/c/${SLUG}/q/1`)
    const audio = child.locator('audio').first()
    await expect(audio).toHaveAttribute('src', src!)
    const duration = await audio.evaluate(
      (el: HTMLAudioElement) =>
        new Promise<number>((resolve) => {
          el.addEventListener('loadedmetadata', () => resolve(el.duration), { once: true })
          el.addEventListener('error', () => resolve(-1), { once: true })
          el.preload = 'metadata'
          el.load()
        }),
    )
    expect(duration).toBeGreaterThan(0.05)
  } finally {
    await participant.close()
  }

  // Remove it again: the question has no clip, and the old address is gone
  await page.goto(`/staff/consultations/${SLUG}/preview/q/1?lang=en`)
  await press(page, 'link', en('staffadmin', 'preview.audio'))
  await press(page, 'button', en('staffadmin', 'audio.remove'))
  await expect(page.getByTestId('audio-done')).toHaveText(en('staffadmin', 'audio.done.removed'))
  expect((await page.request.get(src!)).status()).toBe(404)
})

async function coderSignsIn(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await signIn(page, email, password)
  return { context, page }
}

test('an admin adds a coder, who signs in; the admin disables them and their session ends', async ({ page, browser }) => {
  const email = `e2e.coder.${Date.now()}@example.org`
  const password = 'a first password for the coder'
  await signInAs(page, 'admin')
  await press(page, 'link', en('auth', 'home.users'))
  await page.waitForURL((url) => url.pathname === '/staff/users')
  await expect(page.getByTestId('staff-accounts')).toContainText(demoAccount('coder').email)
  await axe(page, 'staff accounts')

  // Nothing filled in: each problem beside its field and in the summary
  await press(page, 'button', en('staffadmin', 'users.add'))
  const summary = page.getByRole('alert')
  await expect(summary).toContainText(en('staffadmin', 'users.errors.nameRequired'))
  await expect(summary).toContainText(en('staffadmin', 'users.errors.rolesRequired'))
  await expect(page.locator('#new-email-error')).toContainText(en('staffadmin', 'users.errors.emailRequired'))
  await axe(page, 'add account with errors')

  await typeInto(page, en('staffadmin', 'users.nameLabel'), 'Robin Coder')
  await typeInto(page, en('staffadmin', 'users.emailLabel'), email)
  await press(page, 'checkbox', en('auth', 'roles.coder'), 'Space')
  await typeInto(page, en('staffadmin', 'users.passwordLabel'), password)
  await press(page, 'button', en('staffadmin', 'users.add'))
  await expect(page.getByTestId('user-added')).toHaveText(en('staffadmin', 'users.done.added'))
  const row = page.getByTestId('staff-accounts').locator(`tr[data-email="${email}"]`)
  await expect(row).toContainText(en('auth', 'roles.coder'))
  await expect(row).toContainText(en('staffadmin', 'users.active'))

  // The coder signs in in their own browser
  const coder = await coderSignsIn(browser, email, password)
  try {
    await coder.page.waitForURL((url) => url.pathname === '/staff')
    await expect(coder.page.getByText(en('auth', 'layout.signedInAs', { name: 'Robin Coder' }))).toBeVisible()

    // The admin disables them
    await press(page, 'link', en('staffadmin', 'users.manageLabel', { name: 'Robin Coder' }))
    await page.waitForURL((url) => url.pathname.startsWith('/staff/users/'))
    await axe(page, 'one account')
    await press(page, 'button', en('staffadmin', 'users.disable'))
    await expect(page.getByTestId('user-done')).toHaveText(en('staffadmin', 'users.done.disabled'))
    await expect(page.getByTestId('account-status')).toHaveText(en('staffadmin', 'users.isDisabled'))

    // Their next page: signed out, and signing in again gets the one generic answer
    await coder.page.goto('/staff')
    await coder.page.waitForURL((url) => url.pathname === '/staff/sign-in')
    await signIn(coder.page, email, password)
    await expect(coder.page.getByRole('alert')).toContainText(en('auth', 'errors.invalid'))
  } finally {
    await coder.context.close()
  }

  // An admin cannot disable themselves: said plainly
  await page.goto('/staff/users')
  await press(page, 'link', en('staffadmin', 'users.manageLabel', { name: demoAccount('admin').name }))
  await press(page, 'button', en('staffadmin', 'users.disable'))
  await expect(page.getByRole('alert')).toContainText(en('staffadmin', 'users.errors.disableSelf'))
  await expect(page.locator('#status-error')).toContainText(en('staffadmin', 'users.errors.disableSelf'))
  await axe(page, 'disable self refused')
})

test('with JavaScript on, the preview hydrates in the previewed language and Next moves on without a page load', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: true })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  try {
    await signInAs(page, 'planner')
    const responses = count('SELECT count(*) AS n FROM response')
    await page.goto(`${PREVIEW}/q/1?lang=ar`)
    const area = page.getByTestId('preview-area')
    await expect(area.getByRole('heading', { level: 1 })).toHaveText(first.prompt.ar!)
    // Hydrated: the read-aloud button (rendered only in the browser) is in Arabic
    await expect(area.getByRole('button', { name: t('ar', 'display', 'readAloud.question') })).toBeVisible()
    await press(page, 'checkbox', first.options[0].label.ar!, 'Space')
    await press(page, 'button', t('ar', 'participant', 'nav.next'))
    await page.waitForURL((url) => url.pathname === `${PREVIEW}/q/2` && url.searchParams.get('lang') === 'ar')
    await expect(area.getByRole('heading', { level: 1 })).toHaveText(demoQuestions[1].prompt.ar!)
    await expect(area).toHaveAttribute('dir', 'rtl')
    expect(count('SELECT count(*) AS n FROM response')).toBe(responses)
    expect(problems).toEqual([])
  } finally {
    await context.close()
  }
})
