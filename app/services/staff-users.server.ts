// Staff accounts as an admin manages them: list, add (with a first password), change roles, disable
// or enable, reset a password. Disabling and resetting end the person's sessions at once. An admin
// cannot take away their own admin role or disable themselves. Every change is in the audit log.
import type { Role } from '~/domain/permissions'
import { checkDisable, checkRoleChange, formFields, newUserSchema, resetPasswordSchema, rolesSchema, type UserField, type UserFieldError, userFieldErrors } from '~/domain/staff-users'
import {
  deleteStaffSessionsOfUser,
  findStaffUserByEmail,
  findStaffUserById,
  listStaffUsers,
  setStaffRoles,
  setStaffUserDisabled,
  updatePasswordHash,
} from '~/models/staff-user.server'
import { recordAudit } from '~/services/audit.server'
import { createStaffUser, hashPassword, type StaffUser } from '~/services/auth.server'
import type { DB } from '~/utils/db.server'

export type UserErrors = Partial<Record<UserField | 'status', UserFieldError>>
export type NewUserValues = { email: string; name: string; roles: Role[] }

export const listAccounts = listStaffUsers

/** The account, or a 404 (thrown). */
export async function requireAccount(db: DB, id: string | undefined) {
  const account = id ? await findStaffUserById(db, id) : null
  if (!account) throw new Response('Not found', { status: 404 })
  const { passwordHash: _hash, ...shown } = account
  return shown
}

export async function addAccount(db: DB, form: FormData, actor: StaffUser): Promise<{ ok: true; id: string } | { ok: false; errors: UserErrors; values: NewUserValues }> {
  const fields = formFields(form)
  const values: NewUserValues = {
    email: String(fields.email ?? '').slice(0, 300),
    name: String(fields.name ?? '').slice(0, 300),
    roles: rolesSchema.safeParse({ roles: fields.roles }).data?.roles ?? [],
  }
  const parsed = newUserSchema.safeParse(fields)
  if (!parsed.success) return { ok: false, errors: userFieldErrors(parsed.error), values }
  if (await findStaffUserByEmail(db, parsed.data.email)) return { ok: false, errors: { email: 'emailTaken' }, values }
  try {
    const user = await createStaffUser(db, { ...parsed.data, createdBy: actor.id })
    return { ok: true, id: user.id }
  } catch (error) {
    // Two admins adding the same email at once: the unique index keeps one
    if (await findStaffUserByEmail(db, parsed.data.email)) return { ok: false, errors: { email: 'emailTaken' }, values }
    throw error
  }
}

type Outcome = { ok: true } | { ok: false; errors: UserErrors }

export async function changeRoles(db: DB, targetId: string, form: FormData, actor: StaffUser): Promise<Outcome & { roles?: Role[] }> {
  const target = await requireAccount(db, targetId)
  const parsed = rolesSchema.safeParse({ roles: form.getAll('roles') })
  if (!parsed.success) return { ok: false, errors: userFieldErrors(parsed.error) }
  const refused = checkRoleChange(actor.id, target.id, target.roles, parsed.data.roles)
  if (refused) return { ok: false, errors: { roles: refused } }
  await setStaffRoles(db, target.id, parsed.data.roles)
  await recordAudit(db, { userId: actor.id, action: 'staff-user.roles', subject: `staff_user:${target.id}`, details: { from: target.roles, to: parsed.data.roles } })
  return { ok: true }
}

/** Disables (ending every session of theirs at once) or enables an account. */
export async function setAccountDisabled(db: DB, targetId: string, disable: boolean, actor: StaffUser): Promise<Outcome> {
  const target = await requireAccount(db, targetId)
  const refused = checkDisable(actor.id, target.id, disable)
  if (refused) return { ok: false, errors: { status: refused } }
  await setStaffUserDisabled(db, target.id, disable, new Date().toISOString())
  if (disable) await deleteStaffSessionsOfUser(db, target.id)
  await recordAudit(db, { userId: actor.id, action: disable ? 'staff-user.disable' : 'staff-user.enable', subject: `staff_user:${target.id}` })
  return { ok: true }
}

/** Sets a new password given by the admin and ends every session of the account. Not for one's own (that needs the current password). */
export async function resetAccountPassword(db: DB, targetId: string, form: FormData, actor: StaffUser): Promise<Outcome> {
  const target = await requireAccount(db, targetId)
  if (target.id === actor.id) return { ok: false, errors: { password: 'resetSelf' } }
  const parsed = resetPasswordSchema.safeParse({ password: form.get('password') })
  if (!parsed.success) return { ok: false, errors: userFieldErrors(parsed.error) }
  await updatePasswordHash(db, target.id, await hashPassword(parsed.data.password), new Date().toISOString())
  await deleteStaffSessionsOfUser(db, target.id)
  await recordAudit(db, { userId: actor.id, action: 'staff-user.password-reset', subject: `staff_user:${target.id}` })
  return { ok: true }
}
