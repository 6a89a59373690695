// Staff accounts as an admin manages them (/staff/users): the forms (zod) and the rules that keep an
// admin from locking themselves out. Pure; app/services/staff-users.server.ts applies them.
import { z } from 'zod'
import { isRole, type Role, roles } from './permissions'
import { EMAIL_MAX_LENGTH, newPasswordSchema } from './staff-auth'

export const NAME_MAX_LENGTH = 100

/** Error keys, translated in locales/<lng>/staffadmin.json under users.errors. */
export type UserFieldError =
  | 'emailRequired'
  | 'emailTooLong'
  | 'emailInvalid'
  | 'emailTaken'
  | 'nameRequired'
  | 'nameTooLong'
  | 'rolesRequired'
  | 'newRequired'
  | 'newTooShort'
  | 'newTooLong'
  | 'ownAdmin'
  | 'disableSelf'
  | 'resetSelf'

export type UserField = 'email' | 'name' | 'roles' | 'password'

const text = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string())
/** Something@something.something, no spaces: enough to catch a typo; the person's first sign-in proves the rest. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const rolesField = z.preprocess(
  (v) => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]),
  z.array(z.string()).transform((list) => roles.filter((role) => list.includes(role))),
).pipe(z.array(z.enum(roles)).min(1, 'rolesRequired'))

export const newUserSchema = z.object({
  email: text.pipe(z.string().trim().min(1, 'emailRequired').max(EMAIL_MAX_LENGTH, 'emailTooLong').regex(EMAIL, 'emailInvalid')),
  name: text.pipe(z.string().trim().min(1, 'nameRequired').max(NAME_MAX_LENGTH, 'nameTooLong')),
  roles: rolesField,
  // Passwords are used exactly as typed: no trimming.
  password: text.pipe(newPasswordSchema),
})
export type NewUser = z.infer<typeof newUserSchema>

export const rolesSchema = z.object({ roles: rolesField })
export const resetPasswordSchema = z.object({ password: text.pipe(newPasswordSchema) })

/** A form's fields as zod reads them: roles is every checked box. */
export function formFields(form: FormData): Record<string, unknown> {
  return { email: form.get('email'), name: form.get('name'), roles: form.getAll('roles').filter((v) => typeof v === 'string'), password: form.get('password') }
}

/** The first problem of each field from a failed zod parse. */
export function userFieldErrors(error: z.ZodError): Partial<Record<UserField, UserFieldError>> {
  const result: Partial<Record<UserField, UserFieldError>> = {}
  for (const issue of error.issues) {
    const field = issue.path[0] as UserField
    if (!result[field]) result[field] = issue.message as UserFieldError
  }
  return result
}

/** An admin may not take away their own admin role (nobody else could give it back). */
export function checkRoleChange(actorId: string, targetId: string, currentRoles: readonly Role[], nextRoles: readonly Role[]): 'ownAdmin' | null {
  return actorId === targetId && currentRoles.includes('admin') && !nextRoles.includes('admin') ? 'ownAdmin' : null
}

/** An admin may not disable their own account. */
export function checkDisable(actorId: string, targetId: string, disable: boolean): 'disableSelf' | null {
  return disable && actorId === targetId ? 'disableSelf' : null
}

/** Roles named in a list, known ones only, in the table's order. */
export function knownRoles(list: readonly unknown[]): Role[] {
  return roles.filter((role) => list.some((r) => isRole(r) && r === role))
}
