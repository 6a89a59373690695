// Staff accounts through the real services, on SQLite and PostgreSQL: sign-in, wrong passwords,
// disabled accounts, rate limits, sessions that expire, sign-out, password change, the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoAccounts, seedDemoAccounts } from '../../db/seed/accounts'
import { SESSION_IDLE_MS, SESSION_MAX_AGE_MS } from '~/domain/staff-auth'
import { deleteEndedStaffSessions, findStaffSession, findStaffUserByEmail, setStaffUserDisabled } from '~/models/staff-user.server'
import { auditPage } from '~/services/audit.server'
import {
  changePassword,
  checkCredentials,
  createSession,
  createSignInLimiter,
  createStaffUser,
  endSession,
  sessionUser,
  SIGN_IN_LIMITS,
  startSession,
  verifyPassword,
} from '~/services/auth.server'
import { sha256 } from '~/utils/crypto.server'
import { staffSessionCookie } from '~/utils/session.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

process.env.SESSION_SECRET ??= 'integration-tests-only-secret-0123456789abcdef'

async function requestWith(token: string | null): Promise<Request> {
  const headers = new Headers()
  if (token) headers.set('Cookie', (await staffSessionCookie().serialize(token)).split(';')[0])
  return new Request('http://localhost/staff', { headers })
}

/** The token inside a Set-Cookie header written by the app. */
async function tokenOf(setCookie: string): Promise<string> {
  return (await staffSessionCookie().parse(setCookie.split(';')[0])) as string
}

describe.each(testDialects())('staff accounts [%s]', (dialect) => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    expect(await seedDemoAccounts(test.db)).toBe(5)
  })
  afterAll(async () => test.drop())

  it('seeds one demo account per role, once, with an argon2id hash', async () => {
    expect(await seedDemoAccounts(test.db)).toBe(0)
    for (const account of demoAccounts) {
      const user = await findStaffUserByEmail(test.db, account.email.toUpperCase())
      expect(user?.roles).toEqual([account.role])
      expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
      expect(await verifyPassword(user!.passwordHash, DEMO_PASSWORD)).toBe(true)
    }
  })

  it('signs in with the right password, whatever the case of the email', async () => {
    const result = await checkCredentials(test.db, '  Planner@Demo.INVALID ', DEMO_PASSWORD, createSignInLimiter())
    expect(result).toMatchObject({ ok: true, user: { email: 'planner@demo.invalid', name: 'Priya Planner', roles: ['planner'] } })
  })

  it('refuses a wrong password, an unknown email and a disabled account with the same answer', async () => {
    const limiter = createSignInLimiter()
    expect(await checkCredentials(test.db, 'planner@demo.invalid', 'not-the-password', limiter)).toEqual({ ok: false, reason: 'invalid' })
    expect(await checkCredentials(test.db, 'nobody@demo.invalid', DEMO_PASSWORD, limiter)).toEqual({ ok: false, reason: 'invalid' })
    const disabled = await createStaffUser(test.db, { email: 'gone@demo.invalid', name: 'Gone', password: 'a long enough password', roles: ['planner'], createdBy: null })
    await setStaffUserDisabled(test.db, disabled.id, true, new Date().toISOString())
    expect(await checkCredentials(test.db, 'gone@demo.invalid', 'a long enough password', limiter)).toEqual({ ok: false, reason: 'invalid' })
  })

  it('limits failed sign-ins per email, and a right password does not use up the allowance', async () => {
    const limiter = createSignInLimiter()
    let now = 1_000_000
    const clock = () => now
    for (let i = 0; i < 3; i++) expect((await checkCredentials(test.db, 'coder@demo.invalid', DEMO_PASSWORD, limiter, clock)).ok).toBe(true)
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit; i++) expect(await checkCredentials(test.db, 'coder@demo.invalid', 'wrong wrong wrong', limiter, clock)).toEqual({ ok: false, reason: 'invalid' })
    // Now even the right password waits: the account is being guessed at.
    expect(await checkCredentials(test.db, 'coder@demo.invalid', DEMO_PASSWORD, limiter, clock)).toMatchObject({ ok: false, reason: 'tooMany' })
    // Another account is not affected…
    expect((await checkCredentials(test.db, 'admin@demo.invalid', DEMO_PASSWORD, limiter, clock)).ok).toBe(true)
    // …and after the window the account can sign in again.
    now += SIGN_IN_LIMITS.perEmail.windowMs
    expect((await checkCredentials(test.db, 'coder@demo.invalid', DEMO_PASSWORD, limiter, clock)).ok).toBe(true)
  })

  it('limits failed sign-ins across all emails together', async () => {
    const limiter = createSignInLimiter({ perEmail: { limit: 5, windowMs: 60_000 }, everyone: { limit: 3, windowMs: 60_000 } })
    const clock = () => 5_000
    for (let i = 0; i < 3; i++) expect((await checkCredentials(test.db, `guess-${i}@demo.invalid`, 'x', limiter, clock)).ok).toBe(false)
    expect(await checkCredentials(test.db, 'guess-9@demo.invalid', 'x', limiter, clock)).toMatchObject({ reason: 'tooMany' })
  })

  it('keeps only a hash of the session token, and finds the user from the cookie', async () => {
    const planner = await findStaffUserByEmail(test.db, 'planner@demo.invalid')
    const token = await createSession(test.db, planner!.id)
    expect(token).toMatch(/^[\w-]{43}$/) // 32 random bytes
    expect(await findStaffSession(test.db, token)).toBeNull()
    expect((await findStaffSession(test.db, sha256(token)))?.user.id).toBe(planner!.id)
    const signedIn = await sessionUser(test.db, await requestWith(token))
    expect(signedIn?.user).toEqual({ id: planner!.id, email: 'planner@demo.invalid', name: 'Priya Planner', roles: ['planner'] })
    expect(await sessionUser(test.db, await requestWith(`${token.slice(0, -2)}xx`))).toBeNull()
    expect(await sessionUser(test.db, await requestWith(null))).toBeNull()
  })

  it('ends sessions 12 hours after sign-in, or after 2 hours unused, and deletes them', async () => {
    const admin = await findStaffUserByEmail(test.db, 'admin@demo.invalid')
    const start = new Date('2026-12-01T09:00:00Z')
    const token = await createSession(test.db, admin!.id, start)
    const at = (ms: number) => new Date(start.getTime() + ms)
    // Used every hour: still signed in after 11 hours…
    for (let hour = 1; hour <= 11; hour++) expect(await sessionUser(test.db, await requestWith(token), at(hour * 3_600_000))).not.toBeNull()
    // …but not at 12.
    expect(await sessionUser(test.db, await requestWith(token), at(SESSION_MAX_AGE_MS))).toBeNull()
    expect(await findStaffSession(test.db, sha256(token))).toBeNull()

    const idle = await createSession(test.db, admin!.id, start)
    expect(await sessionUser(test.db, await requestWith(idle), at(SESSION_IDLE_MS - 1000))).not.toBeNull()
    // Last seen was written at that visit (more than 5 minutes after the start), so 2 hours from the start is fine…
    expect(await sessionUser(test.db, await requestWith(idle), at(SESSION_IDLE_MS + 1000))).not.toBeNull()
    // …and 2 hours after the last visit it has ended.
    expect(await sessionUser(test.db, await requestWith(idle), at(2 * SESSION_IDLE_MS + 2000))).toBeNull()
  })

  it('tidies away sessions that have ended, and only those', async () => {
    const coder = await findStaffUserByEmail(test.db, 'coder@demo.invalid')
    const start = new Date('2026-12-02T09:00:00Z')
    const ended = await createSession(test.db, coder!.id, new Date(start.getTime() - SESSION_MAX_AGE_MS))
    const idle = await createSession(test.db, coder!.id, new Date(start.getTime() - SESSION_IDLE_MS))
    const live = await createSession(test.db, coder!.id, new Date(start.getTime() - 60_000))
    expect(await deleteEndedStaffSessions(test.db, start.toISOString(), new Date(start.getTime() - SESSION_IDLE_MS).toISOString())).toBeGreaterThanOrEqual(2)
    expect(await findStaffSession(test.db, sha256(ended))).toBeNull()
    expect(await findStaffSession(test.db, sha256(idle))).toBeNull()
    expect(await findStaffSession(test.db, sha256(live))).not.toBeNull()
  })

  it('ends the sessions of an account that is disabled', async () => {
    const user = await createStaffUser(test.db, { email: 'leaver@demo.invalid', name: 'Leaver', password: 'a long enough password', roles: ['coder'], createdBy: null })
    const token = await createSession(test.db, user.id)
    expect(await sessionUser(test.db, await requestWith(token))).not.toBeNull()
    await setStaffUserDisabled(test.db, user.id, true, new Date().toISOString())
    expect(await sessionUser(test.db, await requestWith(token))).toBeNull()
  })

  it('makes a new session at sign-in and throws away the one the browser had (session fixation)', async () => {
    const facilitator = await findStaffUserByEmail(test.db, 'facilitator@demo.invalid')
    const planted = await createSession(test.db, facilitator!.id)
    const setCookie = await startSession(test.db, await requestWith(planted), { id: facilitator!.id, email: facilitator!.email, name: facilitator!.name, roles: facilitator!.roles })
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    const fresh = await tokenOf(setCookie)
    expect(fresh).not.toBe(planted)
    expect(await findStaffSession(test.db, sha256(planted))).toBeNull()
    expect((await sessionUser(test.db, await requestWith(fresh)))?.user.id).toBe(facilitator!.id)
    // Signing out deletes the session and clears the cookie.
    const cleared = await endSession(test.db, await requestWith(fresh))
    expect(cleared).toMatch(/Max-Age=0/i)
    expect(await sessionUser(test.db, await requestWith(fresh))).toBeNull()
  })

  it('changes a password only with the right current one, and ends every other session', async () => {
    const user = await createStaffUser(test.db, { email: 'changer@demo.invalid', name: 'Changer', password: 'the first password', roles: ['planner'], createdBy: null })
    const here = await createSession(test.db, user.id)
    const elsewhere = await createSession(test.db, user.id)
    expect(await changePassword(test.db, user.id, sha256(here), 'not the first password', 'a brand new password')).toEqual({ ok: false })
    const changed = await changePassword(test.db, user.id, sha256(here), 'the first password', 'a brand new password')
    if (!changed.ok) throw new Error('password not changed')
    expect(await sessionUser(test.db, await requestWith(elsewhere))).toBeNull()
    expect(await sessionUser(test.db, await requestWith(here))).toBeNull() // replaced by a new one…
    expect((await sessionUser(test.db, await requestWith(await tokenOf(changed.setCookie))))?.user.id).toBe(user.id) // …this one
    const limiter = createSignInLimiter()
    expect((await checkCredentials(test.db, 'changer@demo.invalid', 'the first password', limiter)).ok).toBe(false)
    expect((await checkCredentials(test.db, 'changer@demo.invalid', 'a brand new password', limiter)).ok).toBe(true)
  })

  it('writes who did what and when to the audit log, newest first, with no IP address or user agent', async () => {
    const { events, total } = await auditPage(test.db, 1, 500)
    expect(total).toBe(events.length)
    const actions = events.map((e) => e.action)
    for (const action of ['staff-user.create', 'auth.sign-in', 'auth.sign-out', 'auth.sign-in-failed', 'auth.password-change', 'auth.password-change-failed']) expect(actions).toContain(action)
    const changer = await findStaffUserByEmail(test.db, 'changer@demo.invalid')
    const change = events.find((e) => e.action === 'auth.password-change')
    expect(change).toMatchObject({ userId: changer!.id, userName: 'Changer', subject: `staff_user:${changer!.id}` })
    expect(Date.parse(change!.at)).toBeGreaterThan(Date.now() - 60_000)
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((a, b) => b - a))
    const disabledFailure = events.find((e) => e.action === 'auth.sign-in-failed' && e.details?.includes('disabled'))
    expect(disabledFailure).toBeDefined()
    const columns = Object.keys((await test.db.selectFrom('audit_event').selectAll().executeTakeFirstOrThrow()) as object).sort()
    expect(columns).toEqual(['action', 'at', 'details', 'id', 'subject', 'user_id'])
    // Paging: 3 a page, the second page starts where the first stopped, a page past the end shows the last.
    const first = await auditPage(test.db, 1, 3)
    const second = await auditPage(test.db, 2, 3)
    expect(second.events[0].id).toBe(first.events[2].id - 1)
    expect((await auditPage(test.db, 10_000, 3)).page).toBe(first.pageCount)
  })
})
