// Staff accounts managed by an admin, through the route modules and the sign-in service: add a coder
// with a first password, who signs in; change roles; disable (their session ends at once, sign-in gives
// the one generic answer) and enable; reset a password (sessions end); an admin cannot remove their own
// admin role or disable themselves; everything audited. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../db/seed/demo'
import { demoAccounts } from '../../db/seed/accounts'
import { countStaffSessionsOfUser, findStaffUserByEmail } from '~/models/staff-user.server'
import { checkCredentials, createSession, createSignInLimiter, sessionUser } from '~/services/auth.server'
import { staffSessionCookie } from '~/utils/session.server'
import * as usersRoute from '~/routes/staff/users'
import * as userRoute from '~/routes/staff/users.edit'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

process.env.SESSION_SECRET ??= 'integration-tests-only-secret-0123456789abcdef'

const FIRST_PASSWORD = 'a first password for Sam'
type Refused = { init: { status: number }; data: { errors: Record<string, string> } }

describe.each(testDialects())('staff accounts [%s]', (dialect) => {
  let test: TestDatabase
  let adminId: string
  let adminCookie: string
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    globalThis.__db = test.db
    adminId = (await findStaffUserByEmail(test.db, demoAccounts.find((a) => a.role === 'admin')!.email))!.id
    adminCookie = await cookieFor(adminId)
  })
  afterAll(async () => {
    globalThis.__db = undefined
    await test.drop()
  })

  async function cookieFor(userId: string) {
    return (await staffSessionCookie().serialize(await createSession(test.db, userId))).split(';')[0]
  }
  const post = (path: string, fields: Array<[string, string]>, cookie = adminCookie) =>
    new Request(`http://localhost${path}`, { method: 'POST', headers: { Cookie: cookie, Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() })
  const asRequest = (cookie: string) => new Request('http://localhost/staff', { headers: { Cookie: cookie } })
  const audits = async (action: string) => test.db.selectFrom('audit_event').select(['user_id', 'subject', 'details']).where('action', '=', action).execute()
  const signIn = (email: string, password: string) => checkCredentials(test.db, email, password, createSignInLimiter())
  const sam = async () => (await findStaffUserByEmail(test.db, 'sam.coder@example.org'))!
  const edit = (fields: Array<[string, string]>, id: string) => userRoute.action({ request: post(`/staff/users/${id}`, fields), params: { userId: id }, context: {} })

  it('lists every account with roles and status', async () => {
    const page = (await usersRoute.loader({ request: new Request('http://localhost/staff/users', { headers: { Cookie: adminCookie } }), params: {}, context: {} })) as {
      me: string
      accounts: Array<{ email: string; roles: string[]; disabled: boolean }>
    }
    expect(page.me).toBe(adminId)
    expect(page.accounts.map((a) => a.email).sort()).toEqual(demoAccounts.map((a) => a.email).sort())
    expect(page.accounts.find((a) => a.email.startsWith('coder'))).toMatchObject({ roles: ['coder'], disabled: false })
    expect(JSON.stringify(page)).not.toContain('argon2')
  })

  it('adds an account with a first password; the new coder can sign in; a second one with the same email is refused', async () => {
    const fields: Array<[string, string]> = [['name', 'Sam Coder'], ['email', ' Sam.Coder@Example.org '], ['roles', 'coder'], ['password', FIRST_PASSWORD]]
    const added = (await usersRoute.action({ request: post('/staff/users', fields), params: {}, context: {} })) as Response
    expect(added.status).toBe(302)
    const account = await sam()
    expect(added.headers.get('Location')).toBe(`/staff/users?added=${account.id}`)
    expect(account).toMatchObject({ name: 'Sam Coder', roles: ['coder'], disabled: false })
    expect(account.passwordHash).toMatch(/^\$argon2id\$/)
    const signedIn = await signIn('sam.coder@example.org', FIRST_PASSWORD)
    expect(signedIn.ok).toBe(true)
    expect((await audits('staff-user.create')).find((a) => a.subject === `staff_user:${account.id}`)?.user_id).toBe(adminId)

    const again = (await usersRoute.action({ request: post('/staff/users', fields), params: {}, context: {} })) as unknown as Refused
    expect(again.init.status).toBe(400)
    expect(again.data.errors).toEqual({ email: 'emailTaken' })
    const bad = (await usersRoute.action({ request: post('/staff/users', [['email', 'nope'], ['password', 'short']]), params: {}, context: {} })) as unknown as Refused
    expect(bad.data.errors).toEqual({ email: 'emailInvalid', name: 'nameRequired', roles: 'rolesRequired', password: 'newTooShort' })
  })

  it('changes roles (audited with before and after); at least one role', async () => {
    const account = await sam()
    const done = (await edit([['intent', 'roles'], ['roles', 'coder'], ['roles', 'facilitator']], account.id)) as Response
    expect(done.headers.get('Location')).toBe(`/staff/users/${account.id}?done=roles`)
    expect((await sam()).roles).toEqual(['coder', 'facilitator'])
    expect(JSON.parse((await audits('staff-user.roles'))[0].details!)).toEqual({ from: ['coder'], to: ['facilitator', 'coder'] })
    const none = (await edit([['intent', 'roles']], account.id)) as unknown as Refused
    expect(none.data.errors).toEqual({ roles: 'rolesRequired' })
    expect((await sam()).roles).toEqual(['coder', 'facilitator'])
  })

  it('disabling ends their session at once and sign-in gives the generic answer; enabling lets them back', async () => {
    const account = await sam()
    const samCookie = await cookieFor(account.id)
    expect((await sessionUser(test.db, asRequest(samCookie)))?.user.email).toBe('sam.coder@example.org')
    const done = (await edit([['intent', 'disable']], account.id)) as Response
    expect(done.headers.get('Location')).toBe(`/staff/users/${account.id}?done=disabled`)
    expect(await countStaffSessionsOfUser(test.db, account.id)).toBe(0)
    expect(await sessionUser(test.db, asRequest(samCookie))).toBeNull()
    expect(await signIn('sam.coder@example.org', FIRST_PASSWORD)).toEqual({ ok: false, reason: 'invalid' })
    expect(await signIn('sam.coder@example.org', 'a wrong password entirely')).toEqual({ ok: false, reason: 'invalid' })
    expect((await audits('staff-user.disable')).map((a) => a.subject)).toEqual([`staff_user:${account.id}`])

    await edit([['intent', 'enable']], account.id)
    expect((await sam()).disabled).toBe(false)
    expect((await signIn('sam.coder@example.org', FIRST_PASSWORD)).ok).toBe(true)
    expect((await audits('staff-user.enable')).length).toBe(1)
  })

  it('resetting a password ends their sessions; the old password no longer works', async () => {
    const account = await sam()
    const samCookie = await cookieFor(account.id)
    const short = (await edit([['intent', 'reset'], ['password', 'too short']], account.id)) as unknown as Refused
    expect(short.data.errors).toEqual({ password: 'newTooShort' })
    expect(await sessionUser(test.db, asRequest(samCookie))).not.toBeNull()
    await edit([['intent', 'reset'], ['password', 'a brand new password']], account.id)
    expect(await sessionUser(test.db, asRequest(samCookie))).toBeNull()
    expect((await signIn('sam.coder@example.org', FIRST_PASSWORD)).ok).toBe(false)
    expect((await signIn('sam.coder@example.org', 'a brand new password')).ok).toBe(true)
    expect((await audits('staff-user.password-reset')).length).toBe(1)
  })

  it('an admin cannot remove their own admin role, disable themselves or reset their own password here', async () => {
    const ownAdmin = (await edit([['intent', 'roles'], ['roles', 'planner']], adminId)) as unknown as Refused
    expect(ownAdmin.data.errors).toEqual({ roles: 'ownAdmin' })
    const self = (await edit([['intent', 'disable']], adminId)) as unknown as Refused
    expect(self.data.errors).toEqual({ status: 'disableSelf' })
    const reset = (await edit([['intent', 'reset'], ['password', 'another long password']], adminId)) as unknown as Refused
    expect(reset.data.errors).toEqual({ password: 'resetSelf' })
    const admin = (await findStaffUserByEmail(test.db, demoAccounts.find((a) => a.role === 'admin')!.email))!
    expect(admin).toMatchObject({ roles: ['admin'], disabled: false })
    expect(await sessionUser(test.db, asRequest(adminCookie))).not.toBeNull()
    // Adding another role to themselves is fine
    await edit([['intent', 'roles'], ['roles', 'admin'], ['roles', 'planner']], adminId)
    expect((await findStaffUserByEmail(test.db, admin.email))!.roles).toEqual(['admin', 'planner'])
  })

  it('only an admin may manage accounts', async () => {
    const plannerId = (await findStaffUserByEmail(test.db, demoAccounts.find((a) => a.role === 'planner')!.email))!.id
    const plannerCookie = await cookieFor(plannerId)
    await expect(usersRoute.loader({ request: new Request('http://localhost/staff/users', { headers: { Cookie: plannerCookie } }), params: {}, context: {} })).rejects.toMatchObject({ status: 403 })
    const account = await sam()
    await expect(userRoute.action({ request: post(`/staff/users/${account.id}`, [['intent', 'disable']], plannerCookie), params: { userId: account.id }, context: {} })).rejects.toMatchObject({ status: 403 })
    expect((await sam()).disabled).toBe(false)
  })
})
