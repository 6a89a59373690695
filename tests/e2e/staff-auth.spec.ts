// Staff sign-in, keyboard only, with JavaScript off and on: the sign-in form, the one message for any
// failure, the staff home, signing out, coming back to the page you asked for, and a facilitator
// refused what their role does not allow. axe on the sign-in page, the staff home and the audit log.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, type Page, test } from '@playwright/test'
import { DEMO_PASSWORD, demoAccount, signInAs, signOut } from '../helpers/e2e-auth'
import { expectNoAxeViolations } from '../helpers/e2e-axe'
import { strings } from '../helpers/e2e-content'
import { tabTo } from '../helpers/e2e-keyboard'
import { fillPath, staffRoutes } from '../helpers/staff-routes'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const t = strings('en') as unknown as (namespace: string, key: string, values?: Record<string, string | number>) => string
const DEMO_SLUG = 'have-your-say'

/** Types into a field reached with Tab only. */
async function tabAndType(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true })
  await tabTo(page, field)
  await page.keyboard.type(text)
}

async function signInWithKeyboard(page: Page, email: string, password: string) {
  await tabAndType(page, t('auth', 'signIn.email'), email)
  await tabAndType(page, t('auth', 'signIn.password'), password)
  await page.keyboard.press('Enter') // sends the form from the password box
}

for (const javaScript of [false, true]) {
  test.describe(`JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: javaScript })
    const axe = (page: Page, what: string) => expectNoAxeViolations(page, what, { javaScriptEnabled: javaScript })

    test('a planner signs in with the keyboard only and sees what they may do', async ({ page, context }) => {
      const planner = demoAccount('planner')
      await page.goto('/staff')
      await expect(page).toHaveURL(/\/staff\/sign-in$/)
      await expect(page.getByRole('heading', { level: 1, name: t('auth', 'signIn.title') })).toBeVisible()
      await axe(page, 'sign-in page')

      await signInWithKeyboard(page, planner.email.toUpperCase(), DEMO_PASSWORD)
      await page.waitForURL((url) => url.pathname === '/staff')
      await expect(page.getByRole('heading', { level: 1, name: t('auth', 'home.title') })).toBeVisible()
      await expect(page.getByText(t('auth', 'layout.signedInAs', { name: planner.name }))).toBeVisible()
      // Links only to what a planner may open: results yes, the audit log no.
      await expect(page.getByRole('link', { name: t('auth', 'home.pageOf', { page: t('auth', 'home.pages.results'), slug: DEMO_SLUG }) })).toBeVisible()
      await expect(page.getByRole('link', { name: t('auth', 'home.auditLog') })).toHaveCount(0)
      await expect(page.getByTestId('staff-permissions').locator('[data-permission="responses:raw"]')).toBeVisible()
      await expect(page.getByTestId('staff-permissions').locator('[data-permission="safeguarding:handle"]')).toHaveCount(0)
      await axe(page, 'staff home')

      // The session cookie: httpOnly, SameSite=Lax, Secure (the server runs as in production).
      const cookie = (await context.cookies()).find((c) => c.name === '__staff')
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true })
    })

    test('the password page says what is wrong next to each box', async ({ page }) => {
      await signInAs(page, 'coder')
      await tabTo(page, page.getByRole('link', { name: t('auth', 'home.changePassword') }))
      await page.keyboard.press('Enter')
      await page.waitForURL((url) => url.pathname === '/staff/account/password')
      await expect(page.getByRole('heading', { level: 1, name: t('auth', 'password.title') })).toBeVisible()
      await tabAndType(page, t('auth', 'password.currentPassword'), DEMO_PASSWORD)
      await tabAndType(page, t('auth', 'password.newPassword'), 'too short')
      await tabAndType(page, t('auth', 'password.confirmPassword'), 'not the same')
      await page.keyboard.press('Enter')
      const tooShort = t('auth', 'errors.newTooShort', { min: 12 })
      await expect(page.getByRole('alert').getByRole('link', { name: tooShort })).toBeVisible()
      await expect(page.locator('#newPassword-error')).toContainText(tooShort)
      await expect(page.locator('#confirmPassword-error')).toContainText(t('auth', 'errors.confirmMismatch'))
      await axe(page, 'password page with errors')
      // A wrong current password changes nothing, and says so.
      await page.goto('/staff/account/password')
      await tabAndType(page, t('auth', 'password.currentPassword'), 'not my password at all')
      await tabAndType(page, t('auth', 'password.newPassword'), 'a perfectly long password')
      await tabAndType(page, t('auth', 'password.confirmPassword'), 'a perfectly long password')
      await page.keyboard.press('Enter')
      await expect(page.locator('#currentPassword-error')).toContainText(t('auth', 'errors.currentWrong'))
      await signOut(page)
      await signInAs(page, 'coder') // the demo password still works
    })

    test('a wrong password, an unknown email and empty boxes get clear messages', async ({ page }) => {
      await page.goto('/staff/sign-in')
      // Nothing typed: a message next to each box, and in the summary.
      await tabTo(page, page.getByRole('button', { name: t('auth', 'signIn.submit') }))
      await page.keyboard.press('Enter')
      const summary = page.getByRole('alert')
      await expect(summary.getByRole('link', { name: t('auth', 'errors.emailRequired') })).toBeVisible()
      await expect(summary.getByRole('link', { name: t('auth', 'errors.passwordRequired') })).toBeVisible()
      await expect(page.locator('#email-error')).toContainText(t('auth', 'errors.emailRequired'))
      await expect(page.locator('#password-error')).toContainText(t('auth', 'errors.passwordRequired'))
      await axe(page, 'sign-in page with errors')

      const invalid = t('auth', 'errors.invalid')
      for (const [email, password] of [
        [demoAccount('coder').email, 'not the right password'],
        ['nobody@demo.invalid', DEMO_PASSWORD],
      ]) {
        await page.goto('/staff/sign-in')
        await signInWithKeyboard(page, email, password)
        await expect(page.getByRole('alert').getByRole('link', { name: invalid })).toBeVisible()
        await expect(page.locator('#email-error')).toContainText(invalid)
        await expect(page.getByLabel(t('auth', 'signIn.email'), { exact: true })).toHaveValue(email) // kept, so it can be corrected
        await expect(page.getByLabel(t('auth', 'signIn.password'), { exact: true })).toHaveValue('') // never sent back
        await expect(page).toHaveURL(/\/staff\/sign-in$/)
      }
    })

    test('signing out ends the session, and signing in again goes back to the page asked for', async ({ page }) => {
      await signInAs(page, 'admin')
      await tabTo(page, page.getByRole('button', { name: t('auth', 'layout.signOut') }))
      await page.keyboard.press('Enter')
      await page.waitForURL(/\/staff\/sign-in\?signedOut=1$/)
      await expect(page.getByText(t('auth', 'signIn.signedOut'))).toBeVisible()

      // Signed out: the audit log sends you to sign in, and back to it afterwards.
      await page.goto('/staff/audit')
      await expect(page).toHaveURL(/\/staff\/sign-in\?redirectTo=%2Fstaff%2Faudit$/)
      await signInWithKeyboard(page, demoAccount('admin').email, DEMO_PASSWORD)
      await page.waitForURL((url) => url.pathname === '/staff/audit')
      await expect(page.getByRole('heading', { level: 1, name: t('auth', 'audit.title') })).toBeVisible()
      const events = page.getByTestId('audit-events')
      await expect(events.locator('tr[data-action="auth.sign-out"]').first()).toContainText(demoAccount('admin').name)
      await expect(events.locator('tr[data-action="auth.sign-in"]').first()).toBeVisible()
      await axe(page, 'audit log')
      await signOut(page)
    })

    test('a facilitator is refused the audit log and raw responses', async ({ page }) => {
      await signInAs(page, 'facilitator')
      await expect(page.getByRole('link', { name: t('auth', 'home.auditLog') })).toHaveCount(0)
      const refused = await page.goto('/staff/audit')
      expect(refused?.status()).toBe(403)
      await expect(page.getByRole('heading', { level: 1, name: t('auth', 'forbidden.title') })).toBeVisible()
      await axe(page, 'refused page')

      // Every raw-response route registered so far (found from app/routes.ts): refused for a facilitator.
      const raw = staffRoutes().filter((r) => /export const access(?::\s*RouteAccess)?\s*=\s*'responses:raw'/.test(fs.readFileSync(path.join(root, 'app', r.file), 'utf8')))
      expect(raw.length, 'app/routes.ts should have at least one route declaring responses:raw').toBeGreaterThan(0)
      for (const route of raw) {
        const url = fillPath(route.path, { slug: DEMO_SLUG })
        expect((await page.request.get(url, { maxRedirects: 0 })).status(), `GET ${url} as a facilitator`).toBe(403)
      }
      test.info().annotations.push({ type: 'raw-response routes checked', description: raw.map((r) => r.path).join(', ') || 'none registered yet' })
    })
  })
}
