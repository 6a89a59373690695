import { describe, expect, it } from 'vitest'
import { can, isPermission, isRole, isRouteAccess, mayAccess, type Permission, permissions, permissionsOf, type Role, roles } from './permissions'

// The matrix from the brief, written out in full (role → permissions), so a change to the table in
// permissions.ts has to be made here too, on purpose.
const expected: Record<Role, Permission[]> = {
  admin: ['results:view', 'results:export', 'responses:raw', 'responses:import', 'consultations:manage', 'plans:manage', 'sessions:run', 'stories:moderate', 'stories:code', 'safeguarding:phrases', 'users:manage', 'audit:view'],
  planner: ['results:view', 'results:export', 'responses:raw', 'responses:import', 'consultations:manage', 'plans:manage', 'sessions:run', 'stories:moderate', 'stories:code'],
  facilitator: ['results:view', 'sessions:run'],
  safeguarding: ['safeguarding:handle', 'safeguarding:phrases'],
  coder: ['results:view', 'stories:moderate', 'stories:code'],
}

describe('permissions', () => {
  it('has the five roles', () => {
    expect([...roles]).toEqual(['admin', 'planner', 'facilitator', 'safeguarding', 'coder'])
  })

  it.each(roles)('gives %s exactly its permissions', (role) => {
    for (const permission of permissions) expect(can([role], permission), `${role} ${permission}`).toBe(expected[role].includes(permission))
    expect(permissionsOf([role])).toEqual(expected[role])
  })

  it('keeps safeguarding concerns from everyone but the safeguarding lead, admins included', () => {
    expect(roles.filter((role) => can([role], 'safeguarding:handle'))).toEqual(['safeguarding'])
    expect(can(['admin', 'planner', 'facilitator', 'coder'], 'safeguarding:handle')).toBe(false)
  })

  it('lets raw responses be seen only by admins and planners', () => {
    expect(roles.filter((role) => can([role], 'responses:raw'))).toEqual(['admin', 'planner'])
  })

  it('adds up the permissions of several roles, and gives none without a role', () => {
    expect(permissionsOf(['facilitator', 'safeguarding'])).toEqual(['results:view', 'sessions:run', 'safeguarding:handle', 'safeguarding:phrases'])
    expect(can(['coder', 'safeguarding'], 'stories:code')).toBe(true)
    expect(permissionsOf([])).toEqual([])
    for (const permission of permissions) expect(can([], permission)).toBe(false)
  })

  it('tells roles, permissions and route declarations from anything else', () => {
    expect(isRole('planner')).toBe(true)
    expect(isRole('Planner')).toBe(false)
    expect(isRole('superuser')).toBe(false)
    expect(isPermission('audit:view')).toBe(true)
    expect(isPermission('toString')).toBe(false)
    expect(isPermission('audit')).toBe(false)
    expect(isRouteAccess('signedIn')).toBe(true)
    expect(isRouteAccess('public')).toBe(true)
    expect(isRouteAccess('results:view')).toBe(true)
    expect(isRouteAccess(undefined)).toBe(false)
    expect(isRouteAccess('everyone')).toBe(false)
  })

  it('decides access to a route for signed-out visitors and for each role', () => {
    expect(mayAccess(null, 'public')).toBe(true)
    expect(mayAccess(null, 'signedIn')).toBe(false)
    expect(mayAccess(null, 'results:view')).toBe(false)
    expect(mayAccess([], 'signedIn')).toBe(true)
    expect(mayAccess(['facilitator'], 'responses:raw')).toBe(false)
    expect(mayAccess(['planner'], 'responses:raw')).toBe(true)
  })
})
