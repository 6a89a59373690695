// Staff accounts, their roles and their sign-in sessions. SQL only; the rules live in app/services/auth.server.ts.
import { isRole, type Role } from '~/domain/permissions'
import type { DB } from '~/utils/db.server'

export interface StaffUserRecord {
  id: string
  email: string
  name: string
  passwordHash: string
  disabled: boolean
  roles: Role[]
}

/** Emails are kept lower-cased and trimmed, so "Planner@Demo.invalid " finds planner@demo.invalid. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

async function rolesOf(db: DB, userId: string): Promise<Role[]> {
  const rows = await db.selectFrom('staff_role').select('role').where('user_id', '=', userId).orderBy('role').execute()
  return rows.map((r) => r.role).filter(isRole)
}

type UserRow = { id: string; email: string; name: string; password_hash: string; disabled: number }

async function withRoles(db: DB, row: UserRow | undefined): Promise<StaffUserRecord | null> {
  if (!row) return null
  return { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash, disabled: row.disabled === 1, roles: await rolesOf(db, row.id) }
}

const userColumns = ['id', 'email', 'name', 'password_hash', 'disabled'] as const

export async function findStaffUserByEmail(db: DB, email: string): Promise<StaffUserRecord | null> {
  return withRoles(db, await db.selectFrom('staff_user').select(userColumns).where('email', '=', normaliseEmail(email)).executeTakeFirst())
}

export async function findStaffUserById(db: DB, id: string): Promise<StaffUserRecord | null> {
  return withRoles(db, await db.selectFrom('staff_user').select(userColumns).where('id', '=', id).executeTakeFirst())
}

export async function insertStaffUser(db: DB, user: { id: string; email: string; name: string; passwordHash: string; roles: Role[]; now: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('staff_user')
      .values({ id: user.id, email: normaliseEmail(user.email), name: user.name, password_hash: user.passwordHash, disabled: 0, created_at: user.now, updated_at: user.now })
      .execute()
    if (user.roles.length) await trx.insertInto('staff_role').values(user.roles.map((role) => ({ user_id: user.id, role }))).execute()
  })
}

export async function updatePasswordHash(db: DB, userId: string, passwordHash: string, now: string): Promise<void> {
  await db.updateTable('staff_user').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', userId).execute()
}

export async function setStaffUserDisabled(db: DB, userId: string, disabled: boolean, now: string): Promise<void> {
  await db.updateTable('staff_user').set({ disabled: disabled ? 1 : 0, updated_at: now }).where('id', '=', userId).execute()
}

export async function setStaffRoles(db: DB, userId: string, roles: Role[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('staff_role').where('user_id', '=', userId).execute()
    if (roles.length) await trx.insertInto('staff_role').values(roles.map((role) => ({ user_id: userId, role }))).execute()
  })
}

// ---- Sessions ---------------------------------------------------------------------------------------

export interface StaffSessionRecord {
  id: string
  userId: string
  createdAt: string
  expiresAt: string
  lastSeenAt: string
}

export async function insertStaffSession(db: DB, session: StaffSessionRecord): Promise<void> {
  await db
    .insertInto('staff_session')
    .values({ id: session.id, user_id: session.userId, created_at: session.createdAt, expires_at: session.expiresAt, last_seen_at: session.lastSeenAt })
    .execute()
}

/** The session with this hashed id and its user, whoever they are (the caller checks expiry and disabled). */
export async function findStaffSession(db: DB, id: string): Promise<{ session: StaffSessionRecord; user: StaffUserRecord } | null> {
  const row = await db
    .selectFrom('staff_session')
    .innerJoin('staff_user', 'staff_user.id', 'staff_session.user_id')
    .select([
      'staff_session.id as session_id',
      'staff_session.created_at',
      'staff_session.expires_at',
      'staff_session.last_seen_at',
      'staff_user.id',
      'staff_user.email',
      'staff_user.name',
      'staff_user.password_hash',
      'staff_user.disabled',
    ])
    .where('staff_session.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const user = await withRoles(db, row)
  if (!user) return null
  return { session: { id: row.session_id, userId: row.id, createdAt: row.created_at, expiresAt: row.expires_at, lastSeenAt: row.last_seen_at }, user }
}

export async function touchStaffSession(db: DB, id: string, now: string): Promise<void> {
  await db.updateTable('staff_session').set({ last_seen_at: now }).where('id', '=', id).execute()
}

export async function deleteStaffSession(db: DB, id: string): Promise<void> {
  await db.deleteFrom('staff_session').where('id', '=', id).execute()
}

/** Signs a user out everywhere, except (optionally) the session they are using. */
export async function deleteStaffSessionsOfUser(db: DB, userId: string, exceptId?: string): Promise<void> {
  let query = db.deleteFrom('staff_session').where('user_id', '=', userId)
  if (exceptId) query = query.where('id', '!=', exceptId)
  await query.execute()
}

/** Sessions that have ended by `now`: past their end, or last seen before `idleBefore` (ISO strings compare in time order). */
export async function deleteEndedStaffSessions(db: DB, now: string, idleBefore: string): Promise<number> {
  const result = await db
    .deleteFrom('staff_session')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

// ---- Account management (/staff/users) ------------------------------------------------------------

export interface StaffUserSummary {
  id: string
  email: string
  name: string
  disabled: boolean
  roles: Role[]
}

/** Every account with its roles, by name then email (no password hashes). */
export async function listStaffUsers(db: DB): Promise<StaffUserSummary[]> {
  const [users, roleRows] = await Promise.all([
    db.selectFrom('staff_user').select(['id', 'email', 'name', 'disabled']).orderBy('name').orderBy('email').execute(),
    db.selectFrom('staff_role').select(['user_id', 'role']).orderBy('role').execute(),
  ])
  const byUser = new Map<string, Role[]>()
  for (const row of roleRows) if (isRole(row.role)) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row.role])
  return users.map((u) => ({ id: u.id, email: u.email, name: u.name, disabled: u.disabled === 1, roles: byUser.get(u.id) ?? [] }))
}

export async function countStaffSessionsOfUser(db: DB, userId: string): Promise<number> {
  const row = await db.selectFrom('staff_session').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirst()
  return Number(row?.n ?? 0)
}
