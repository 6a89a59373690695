// Signing in as a demo staff account through the real sign-in form (the demo seed makes one account
// per role, db/seed/accounts.ts), the way a person would: type the email and password, press Sign in.
import { expect, type Page } from '@playwright/test'
import { DEMO_PASSWORD, demoAccounts, type DemoRole } from '../../db/seed/accounts'

export { DEMO_PASSWORD }

export function demoAccount(role: DemoRole) {
  const account = demoAccounts.find((a) => a.role === role)
  if (!account) throw new Error(`no demo account for role ${role}`)
  return account
}

/**
 * Signs in as the demo account for `role` and waits for the page it lands on (the staff home, or
 * `redirectTo` when given). Works with JavaScript on and off. Signs out first if someone else is signed in.
 */
export async function signInAs(page: Page, role: DemoRole, { redirectTo }: { redirectTo?: string } = {}): Promise<void> {
  const account = demoAccount(role)
  await page.goto(redirectTo ? `/staff/sign-in?redirectTo=${encodeURIComponent(redirectTo)}` : '/staff/sign-in')
  const signOut = page.getByRole('button', { name: 'Sign out' })
  if (await signOut.isVisible()) {
    await signOut.click()
    await page.waitForURL(/\/staff\/sign-in/)
    if (redirectTo) await page.goto(`/staff/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`)
  }
  await page.getByLabel('Email address').fill(account.email)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  const landing = redirectTo ?? '/staff'
  await page.waitForURL((url) => `${url.pathname}${url.search}` === landing)
  await expect(page.getByText(`Signed in as ${account.name}`)).toBeVisible()
}

/** Signs out with the Sign out button in the staff bar. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL(/\/staff\/sign-in\?signedOut=1$/)
}
