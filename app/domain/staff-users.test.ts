import { describe, expect, it } from 'vitest'
import { checkDisable, checkRoleChange, formFields, knownRoles, newUserSchema, resetPasswordSchema, rolesSchema, userFieldErrors } from './staff-users'

function form(entries: Array<[string, string]>) {
  const data = new FormData()
  for (const [k, v] of entries) data.append(k, v)
  return data
}

describe('newUserSchema', () => {
  it('accepts an account with one or more roles, in the table order, email lower-cased later but trimmed here', () => {
    const parsed = newUserSchema.safeParse(
      formFields(form([['email', ' Coder2@Example.org '], ['name', ' Sam Coder '], ['roles', 'coder'], ['roles', 'planner'], ['password', 'a long first password']])),
    )
    expect(parsed.success && parsed.data).toEqual({ email: 'Coder2@Example.org', name: 'Sam Coder', roles: ['planner', 'coder'], password: 'a long first password' })
  })

  it('says what is wrong with each field', () => {
    const parsed = newUserSchema.safeParse(formFields(form([['email', 'not an email'], ['name', ''], ['password', 'short']])))
    expect(parsed.success).toBe(false)
    if (!parsed.success) expect(userFieldErrors(parsed.error)).toEqual({ email: 'emailInvalid', name: 'nameRequired', roles: 'rolesRequired', password: 'newTooShort' })
    const empty = newUserSchema.safeParse(formFields(new FormData()))
    if (!empty.success) expect(userFieldErrors(empty.error)).toEqual({ email: 'emailRequired', name: 'nameRequired', roles: 'rolesRequired', password: 'newRequired' })
    const long = newUserSchema.safeParse({ email: `${'a'.repeat(250)}@b.cd`, name: 'x'.repeat(101), roles: ['admin'], password: 'p'.repeat(201) })
    if (!long.success) expect(userFieldErrors(long.error)).toEqual({ email: 'emailTooLong', name: 'nameTooLong', password: 'newTooLong' })
  })

  it('ignores roles that do not exist', () => {
    expect(rolesSchema.safeParse({ roles: ['superuser'] }).success).toBe(false)
    expect(rolesSchema.safeParse({ roles: ['superuser', 'coder'] })).toEqual({ success: true, data: { roles: ['coder'] } })
    expect(knownRoles(['coder', 'nobody', 'admin', 3])).toEqual(['admin', 'coder'])
  })

  it('checks a reset password like any new one', () => {
    expect(resetPasswordSchema.safeParse({ password: 'twelve chars' }).success).toBe(true)
    expect(resetPasswordSchema.safeParse({ password: 'eleven char' }).success).toBe(false)
  })
})

describe('admin self-protection', () => {
  it('an admin cannot take away their own admin role, but can change anyone else', () => {
    expect(checkRoleChange('me', 'me', ['admin'], ['planner'])).toBe('ownAdmin')
    expect(checkRoleChange('me', 'me', ['admin', 'planner'], ['admin'])).toBeNull()
    expect(checkRoleChange('me', 'other', ['admin'], ['coder'])).toBeNull()
  })
  it('an admin cannot disable themselves, but can enable or disable others', () => {
    expect(checkDisable('me', 'me', true)).toBe('disableSelf')
    expect(checkDisable('me', 'me', false)).toBeNull()
    expect(checkDisable('me', 'other', true)).toBeNull()
  })
})
