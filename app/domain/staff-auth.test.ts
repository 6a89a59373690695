import { describe, expect, it } from 'vitest'
import { fieldErrors, newPasswordSchema, PASSWORD_MIN_LENGTH, passwordChangeSchema, SESSION_IDLE_MS, SESSION_MAX_AGE_MS, SESSION_TOUCH_MS, sessionExpiry, sessionStatus, signInSchema } from './staff-auth'

function errorsOf(schema: typeof passwordChangeSchema | typeof signInSchema, input: unknown) {
  const result = schema.safeParse(input)
  return result.success ? {} : fieldErrors(result.error, ['email', 'password', 'currentPassword', 'newPassword', 'confirmPassword'])
}

describe('password rules', () => {
  it('wants at least 12 characters, of any kind, and at most 200', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12)
    expect(newPasswordSchema.safeParse('elevenchars').success).toBe(false)
    expect(newPasswordSchema.safeParse('twelve chars').success).toBe(true)
    expect(newPasswordSchema.safeParse('🙂🙂🙂🙂🙂🙂').success).toBe(true) // 12 UTF-16 units
    expect(newPasswordSchema.safeParse('x'.repeat(200)).success).toBe(true)
    expect(newPasswordSchema.safeParse('x'.repeat(201)).success).toBe(false)
  })

  it('names one problem per field', () => {
    expect(errorsOf(passwordChangeSchema, {})).toEqual({ currentPassword: 'currentRequired', newPassword: 'newRequired' })
    expect(errorsOf(passwordChangeSchema, { currentPassword: 'old password 1', newPassword: 'short', confirmPassword: 'short' })).toEqual({ newPassword: 'newTooShort' })
    expect(errorsOf(passwordChangeSchema, { currentPassword: 'old password 1', newPassword: 'x'.repeat(201), confirmPassword: 'x'.repeat(201) })).toEqual({ newPassword: 'newTooLong' })
    expect(errorsOf(passwordChangeSchema, { currentPassword: 'same password 1', newPassword: 'same password 1', confirmPassword: 'same password 1' })).toEqual({ newPassword: 'newSameAsCurrent' })
    expect(errorsOf(passwordChangeSchema, { currentPassword: 'old password 1', newPassword: 'a new password', confirmPassword: 'a new passw0rd' })).toEqual({ confirmPassword: 'confirmMismatch' })
    expect(errorsOf(passwordChangeSchema, { currentPassword: 'old password 1', newPassword: 'a new password', confirmPassword: 'a new password' })).toEqual({})
  })

  it('keeps spaces in passwords as typed', () => {
    const parsed = passwordChangeSchema.parse({ currentPassword: ' old password ', newPassword: '  new password  ', confirmPassword: '  new password  ' })
    expect(parsed.newPassword).toBe('  new password  ')
    expect(parsed.currentPassword).toBe(' old password ')
  })
})

describe('sign-in form', () => {
  it('needs both fields, and trims the email only', () => {
    expect(errorsOf(signInSchema, {})).toEqual({ email: 'emailRequired', password: 'passwordRequired' })
    expect(errorsOf(signInSchema, { email: '   ', password: 'x' })).toEqual({ email: 'emailRequired' })
    expect(signInSchema.parse({ email: ' a@b.invalid ', password: ' p ' })).toEqual({ email: 'a@b.invalid', password: ' p ' })
    expect(errorsOf(signInSchema, { email: 'a@b.invalid', password: 'x'.repeat(201) })).toEqual({ password: 'passwordTooLong' })
  })

  it('treats a field sent twice or as a file as missing, not as a crash', () => {
    expect(errorsOf(signInSchema, { email: ['a', 'b'], password: {} })).toEqual({ email: 'emailRequired', password: 'passwordRequired' })
  })
})

describe('session lifetime', () => {
  const start = new Date('2026-12-01T09:00:00Z')
  const at = (ms: number) => new Date(start.getTime() + ms)
  const fresh = { expiresAt: sessionExpiry(start), lastSeenAt: start.toISOString() }

  it('ends 12 hours after sign-in', () => {
    expect(sessionExpiry(start)).toBe('2026-12-01T21:00:00.000Z')
    expect(sessionStatus({ ...fresh, lastSeenAt: at(SESSION_MAX_AGE_MS - 60_000).toISOString() }, at(SESSION_MAX_AGE_MS - 1)).live).toBe(true)
    expect(sessionStatus({ ...fresh, lastSeenAt: at(SESSION_MAX_AGE_MS - 60_000).toISOString() }, at(SESSION_MAX_AGE_MS)).live).toBe(false)
  })

  it('ends after 2 hours unused', () => {
    expect(sessionStatus(fresh, at(SESSION_IDLE_MS - 1)).live).toBe(true)
    expect(sessionStatus(fresh, at(SESSION_IDLE_MS)).live).toBe(false)
  })

  it('writes last-seen again only every few minutes', () => {
    expect(sessionStatus(fresh, at(SESSION_TOUCH_MS - 1))).toEqual({ live: true, touch: false })
    expect(sessionStatus(fresh, at(SESSION_TOUCH_MS))).toEqual({ live: true, touch: true })
    expect(sessionStatus(fresh, at(SESSION_IDLE_MS))).toEqual({ live: false, touch: false })
  })
})
