// Who may do what on the staff side. Pure: the roles a user holds in, a yes or no out.
// Every staff loader and action asks `requirePermission(request, permission)` (app/services/auth.server.ts),
// and every staff route module says which permission it needs in `export const access` (see RouteAccess),
// so the role × route test (tests/integration/staff-route-matrix.test.ts) can check each route against this table.

export const roles = ['admin', 'planner', 'facilitator', 'safeguarding', 'coder'] as const
export type Role = (typeof roles)[number]

/** Each permission and the roles that have it. A user with several roles has every permission of each. */
export const permissionRoles = {
  /** Aggregated, suppressed results, findings and cross-tabs. */
  'results:view': ['admin', 'planner', 'facilitator', 'coder'],
  /** Suppressed exports (CSV, spreadsheet). */
  'results:export': ['admin', 'planner'],
  /** Raw response data: view or export. Every use is recorded in the audit log. */
  'responses:raw': ['admin', 'planner'],
  'responses:import': ['admin', 'planner'],
  'consultations:manage': ['admin', 'planner'],
  /** Themes, plans, actions, "you said, we did". */
  'plans:manage': ['admin', 'planner'],
  'sessions:run': ['admin', 'planner', 'facilitator'],
  'stories:moderate': ['admin', 'planner', 'coder'],
  'stories:code': ['admin', 'planner', 'coder'],
  /** Possible disclosures: the safeguarding lead only, on purpose not even an admin. */
  'safeguarding:handle': ['safeguarding'],
  /** The word lists that decide what is flagged: set up by admins or the safeguarding lead. No flags, no answers. */
  'safeguarding:phrases': ['admin', 'safeguarding'],
  'users:manage': ['admin'],
  'audit:view': ['admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof permissionRoles
export const permissions = Object.keys(permissionRoles) as Permission[]

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value)
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(permissionRoles, value)
}

/** True when any of the roles grants the permission. No roles, no permissions. */
export function can(userRoles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = permissionRoles[permission]
  return userRoles.some((role) => allowed.includes(role))
}

/** Everything the roles allow, in the order of the table. */
export function permissionsOf(userRoles: readonly Role[]): Permission[] {
  return permissions.filter((permission) => can(userRoles, permission))
}

/**
 * What a staff route module declares in `export const access`:
 * - a Permission: its loader and action call requirePermission with it;
 * - 'signedIn': any signed-in staff user (their own home page, password, sign-out);
 * - 'public': no sign-in (the sign-in page itself, the staff layout that only shows who is signed in).
 */
export type RouteAccess = Permission | 'signedIn' | 'public'

export function isRouteAccess(value: unknown): value is RouteAccess {
  return value === 'signedIn' || value === 'public' || isPermission(value)
}

/** Whether a user with these roles (or nobody signed in: null) may open a route declaring `access`. */
export function mayAccess(userRoles: readonly Role[] | null, access: RouteAccess): boolean {
  if (access === 'public') return true
  if (userRoles === null) return false
  if (access === 'signedIn') return true
  return can(userRoles, access)
}
