// Staff sign-in: argon2id passwords, database-backed sessions, and the checks every staff loader and
// action makes (`requirePermission`). What each role may do is in app/domain/permissions.ts.
//
// Sessions: the browser holds a random 32-byte token in a signed, httpOnly cookie; the database holds
// only its sha-256, so a copy of the database cannot be used to sign in. A new token is made at every
// sign-in (an old session id planted in the browser is thrown away), and sessions end 12 hours after
// sign-in or after 2 hours unused (app/domain/staff-auth.ts).
//
// Sign-in failures all look the same: one message, and an unknown email costs the same argon2 work
// as a known one (a dummy hash is checked). Failed attempts are limited per email and per server (no
// IP address: we never keep them), counted in memory only.
import crypto from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import { redirect } from '@remix-run/node'
import { can, type Permission, type Role } from '~/domain/permissions'
import { type Bucket, FixedWindowCounter, giveBackToAll, takeFromAll, type WindowRule } from '~/domain/rate-limit'
import { safeRedirectPath } from '~/domain/safe-redirect'
import { SESSION_IDLE_MS, sessionExpiry, sessionStatus } from '~/domain/staff-auth'
import {
  deleteEndedStaffSessions,
  deleteStaffSession,
  deleteStaffSessionsOfUser,
  findStaffSession,
  findStaffUserByEmail,
  insertStaffSession,
  insertStaffUser,
  normaliseEmail,
  touchStaffSession,
  updatePasswordHash,
} from '~/models/staff-user.server'
import { recordAudit } from '~/services/audit.server'
import { randomToken, sha256 } from '~/utils/crypto.server'
import { type DB, getDb } from '~/utils/db.server'
import { staffSessionCookie } from '~/utils/session.server'
import { wholeServer } from '~/utils/rate-limit.server'

export interface StaffUser {
  id: string
  email: string
  name: string
  roles: Role[]
}

export const SIGN_IN_PATH = '/staff/sign-in'
export const STAFF_HOME_PATH = '/staff'

// ---- Passwords --------------------------------------------------------------------------------------

/** argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: the OWASP minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false // a damaged hash never signs anyone in
  }
}

let dummyHash: Promise<string> | undefined
/** A hash of a random password, checked for unknown emails so they take as long as known ones. */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomToken(24))
  return dummyHash
}

// ---- Accounts ---------------------------------------------------------------------------------------

export async function createStaffUser(db: DB, input: { email: string; name: string; password: string; roles: Role[]; createdBy: string | null }): Promise<StaffUser> {
  const id = crypto.randomUUID()
  const email = normaliseEmail(input.email)
  await insertStaffUser(db, { id, email, name: input.name.trim(), passwordHash: await hashPassword(input.password), roles: input.roles, now: new Date().toISOString() })
  await recordAudit(db, { userId: input.createdBy, action: 'staff-user.create', subject: `staff_user:${id}`, details: { roles: input.roles } })
  return { id, email, name: input.name.trim(), roles: input.roles }
}

// ---- Rate limits ------------------------------------------------------------------------------------

export const SIGN_IN_LIMITS = {
  /** Failed sign-ins for one email: 5 per 15 minutes, then that account waits. */
  perEmail: { limit: 5, windowMs: 15 * 60_000 },
  /** Failed sign-ins on this server for all emails together: stops trying many emails at once. */
  everyone: { limit: 60, windowMs: 60_000 },
} satisfies Record<string, WindowRule>

export interface SignInLimiter {
  perEmail: FixedWindowCounter
  everyone: FixedWindowCounter
}

export function createSignInLimiter(limits = SIGN_IN_LIMITS): SignInLimiter {
  return { perEmail: new FixedWindowCounter(limits.perEmail, 10_000), everyone: new FixedWindowCounter(wholeServer(limits.everyone), 1) }
}

declare global {
  var __signInLimiter: SignInLimiter | undefined
}

export function signInLimiter(): SignInLimiter {
  globalThis.__signInLimiter ??= createSignInLimiter()
  return globalThis.__signInLimiter
}

// ---- Signing in -------------------------------------------------------------------------------------

export type SignInResult = { ok: true; user: StaffUser } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'tooMany'; retryAfterMs: number }

/**
 * Checks an email and password. Only failures count towards the limits (a hit is taken first and
 * given back on success, so many attempts at once cannot slip past). A disabled account, an unknown
 * email and a wrong password are all 'invalid'.
 */
export async function checkCredentials(db: DB, email: string, password: string, limiter: SignInLimiter = signInLimiter(), now = Date.now): Promise<SignInResult> {
  const key = normaliseEmail(email)
  const buckets: Bucket[] = [
    { counter: limiter.everyone, key: 'sign-in' },
    { counter: limiter.perEmail, key },
  ]
  const allowed = takeFromAll(buckets, now())
  if (!allowed.allowed) return { ok: false, reason: 'tooMany', retryAfterMs: allowed.retryAfterMs }

  const dummy = dummyPasswordHash() // made once per process, while the account is looked up
  const user = await findStaffUserByEmail(db, key)
  const matches = await verifyPassword(user?.passwordHash ?? (await dummy), password)
  if (!user || !matches || user.disabled) {
    if (user) await recordAudit(db, { userId: user.id, action: 'auth.sign-in-failed', subject: `staff_user:${user.id}`, details: { disabled: user.disabled || undefined } })
    return { ok: false, reason: 'invalid' }
  }
  giveBackToAll(buckets, now())
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, roles: user.roles } }
}

/** A new session for the user: returns the token for the cookie (the database keeps only its hash). */
export async function createSession(db: DB, userId: string, now = new Date()): Promise<string> {
  const token = randomToken(32)
  const at = now.toISOString()
  await insertStaffSession(db, { id: sha256(token), userId, createdAt: at, expiresAt: sessionExpiry(now), lastSeenAt: at })
  return token
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await staffSessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && /^[\w-]{32,64}$/.test(value) ? value : null
}

/**
 * Signs in with a checked user: throws away any session this browser already had (session fixation),
 * makes a new one, records it, and returns the Set-Cookie header.
 */
export async function startSession(db: DB, request: Request, user: StaffUser): Promise<string> {
  const old = await tokenFrom(request)
  if (old) await deleteStaffSession(db, sha256(old))
  // Tidy up: sessions that have ended are of no use to anyone (a sign-in is a rare enough moment).
  const now = new Date()
  await deleteEndedStaffSessions(db, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString())
  const token = await createSession(db, user.id, now)
  await recordAudit(db, { userId: user.id, action: 'auth.sign-in', subject: `staff_user:${user.id}` })
  return staffSessionCookie().serialize(token)
}

/** Ends this browser's session (if any) and returns the Set-Cookie header that clears the cookie. */
export async function endSession(db: DB, request: Request): Promise<string> {
  const token = await tokenFrom(request)
  if (token) {
    const found = await findStaffSession(db, sha256(token))
    await deleteStaffSession(db, sha256(token))
    if (found) await recordAudit(db, { userId: found.user.id, action: 'auth.sign-out', subject: `staff_user:${found.user.id}` })
  }
  return staffSessionCookie().serialize('', { maxAge: 0, expires: new Date(0) })
}

/** The signed-in user and their session id (the hash), or null: no cookie, unknown, expired or disabled. */
export async function sessionUser(db: DB, request: Request, now = new Date()): Promise<{ user: StaffUser; sessionId: string } | null> {
  const token = await tokenFrom(request)
  if (!token) return null
  const id = sha256(token)
  const found = await findStaffSession(db, id)
  if (!found) return null
  const status = sessionStatus(found.session, now)
  if (!status.live || found.user.disabled) {
    await deleteStaffSession(db, id)
    return null
  }
  if (status.touch) await touchStaffSession(db, id, now.toISOString())
  const { user } = found
  return { user: { id: user.id, email: user.email, name: user.name, roles: user.roles }, sessionId: id }
}

export async function getStaffUser(request: Request): Promise<StaffUser | null> {
  return (await sessionUser(getDb(), request))?.user ?? null
}

/** Where the sign-in page should send someone back to after signing in. */
export function signInUrl(request: Request): string {
  const url = new URL(request.url)
  const back = safeRedirectPath(`${url.pathname}${url.search}`, STAFF_HOME_PATH)
  return back === STAFF_HOME_PATH ? SIGN_IN_PATH : `${SIGN_IN_PATH}?redirectTo=${encodeURIComponent(back)}`
}

/** Any signed-in staff user; otherwise a redirect to the sign-in page (thrown). */
export async function requireStaffUser(request: Request): Promise<StaffUser> {
  const user = await getStaffUser(request)
  if (!user) throw redirect(signInUrl(request))
  return user
}

/**
 * The signed-in user, if their roles allow `permission`. Signed out: throws a redirect to the sign-in
 * page (coming back here afterwards). Signed in without the permission: throws a 403 Response.
 */
export async function requirePermission(request: Request, permission: Permission): Promise<StaffUser> {
  const user = await requireStaffUser(request)
  if (!can(user.roles, permission)) throw new Response('Forbidden', { status: 403, statusText: 'Forbidden', headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return user
}

// ---- Password change --------------------------------------------------------------------------------

/**
 * Changes a password when the current one is right. Every other session of the user ends, and the
 * one in use is replaced by a new one (returned as a Set-Cookie header).
 */
export async function changePassword(db: DB, userId: string, sessionId: string, currentPassword: string, newPassword: string): Promise<{ ok: true; setCookie: string } | { ok: false }> {
  const found = await findStaffSession(db, sessionId)
  if (!found || found.user.id !== userId || !(await verifyPassword(found.user.passwordHash, currentPassword))) {
    await recordAudit(db, { userId, action: 'auth.password-change-failed', subject: `staff_user:${userId}` })
    return { ok: false }
  }
  await updatePasswordHash(db, userId, await hashPassword(newPassword), new Date().toISOString())
  await deleteStaffSessionsOfUser(db, userId)
  const token = await createSession(db, userId)
  await recordAudit(db, { userId, action: 'auth.password-change', subject: `staff_user:${userId}` })
  return { ok: true, setCookie: await staffSessionCookie().serialize(token) }
}
