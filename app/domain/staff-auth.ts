// Staff sign-in rules that need no database: the forms (zod), password rules, and how long a
// signed-in session lasts. app/services/auth.server.ts applies them.
import { z } from 'zod'

export const PASSWORD_MIN_LENGTH = 12
/** argon2 would hash a megabyte happily; a cap keeps one request from costing much. */
export const PASSWORD_MAX_LENGTH = 200
export const EMAIL_MAX_LENGTH = 254

/** Error keys, translated in locales/<lng>/auth.json under `errors`. */
export type AuthFieldError = 'emailRequired' | 'emailTooLong' | 'passwordRequired' | 'passwordTooLong' | 'currentRequired' | 'newRequired' | 'newTooShort' | 'newTooLong' | 'newSameAsCurrent' | 'confirmMismatch'

const text = z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string())

/** Sign-in: both fields must be there; whether they are right is only ever answered with one message. */
export const signInSchema = z.object({
  email: text.pipe(z.string().trim().min(1, 'emailRequired').max(EMAIL_MAX_LENGTH, 'emailTooLong')),
  // Passwords are used exactly as typed: no trimming.
  password: text.pipe(z.string().min(1, 'passwordRequired').max(PASSWORD_MAX_LENGTH, 'passwordTooLong')),
})

/** A new password: at least 12 characters (any characters: spaces and passphrases welcome), at most 200. */
export const newPasswordSchema = z.string().min(1, 'newRequired').min(PASSWORD_MIN_LENGTH, 'newTooShort').max(PASSWORD_MAX_LENGTH, 'newTooLong')

export const passwordChangeSchema = z
  .object({
    currentPassword: text.pipe(z.string().min(1, 'currentRequired').max(PASSWORD_MAX_LENGTH, 'passwordTooLong')),
    newPassword: text.pipe(newPasswordSchema),
    confirmPassword: text,
  })
  .superRefine((form, ctx) => {
    if (form.newPassword && form.newPassword === form.currentPassword) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'newSameAsCurrent' })
    if (form.confirmPassword !== form.newPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'confirmMismatch' })
  })

export type FieldErrors<F extends string> = Partial<Record<F, AuthFieldError>>

/** The first problem of each field, in form order, from a failed zod parse. */
export function fieldErrors<F extends string>(error: z.ZodError, fields: readonly F[]): FieldErrors<F> {
  const result: FieldErrors<F> = {}
  for (const issue of error.issues) {
    const field = issue.path[0] as F
    if (fields.includes(field) && !result[field]) result[field] = issue.message as AuthFieldError
  }
  return result
}

// ---- Sessions ---------------------------------------------------------------------------------------

/** A session ends 12 hours after sign-in, whatever happens (a working day and a bit). */
export const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000
/** …and sooner, after 2 hours without a page (a shared office computer left signed in). */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000
/** "Last seen" is written at most this often, not on every page. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000

export interface SessionTimes {
  expiresAt: string
  lastSeenAt: string
}

export function sessionExpiry(createdAt: Date): string {
  return new Date(createdAt.getTime() + SESSION_MAX_AGE_MS).toISOString()
}

/** 'live', 'expired' (past its end or idle too long), and whether last-seen is worth writing again. */
export function sessionStatus(session: SessionTimes, now: Date): { live: boolean; touch: boolean } {
  const t = now.getTime()
  const lastSeen = Date.parse(session.lastSeenAt)
  const live = t < Date.parse(session.expiresAt) && t < lastSeen + SESSION_IDLE_MS
  return { live, touch: live && t - lastSeen >= SESSION_TOUCH_MS }
}
