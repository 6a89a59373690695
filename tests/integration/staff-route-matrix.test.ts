// The role × route matrix: every staff route registered in app/routes.ts, as a signed-out visitor and
// as each role, through the route's own loader and action. Each route module declares what it needs
// (`export const access`, app/domain/permissions.ts); what actually happens must match that:
// allowed, refused with 403, or (signed out) sent to the sign-in page. A staff route with no
// declaration fails here, so a new page cannot be added without saying who may open it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { demoAccounts } from '../../db/seed/accounts'
import { isRouteAccess, mayAccess, type Role, type RouteAccess, roles } from '~/domain/permissions'
import { findStaffUserByEmail } from '~/models/staff-user.server'
import { createSession } from '~/services/auth.server'
import { staffSessionCookie } from '~/utils/session.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'
import { fillPath, paramsOf, staffRoutes } from '../helpers/staff-routes'

process.env.SESSION_SECRET ??= 'integration-tests-only-secret-0123456789abcdef'

type Outcome = 'allowed' | 'forbidden' | 'signIn' | `error: ${string}`
type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown
interface RouteModule {
  access?: unknown
  loader?: Handler
  action?: Handler
}

const paramValues = { slug: DEMO_SLUG }
const modules = import.meta.glob<RouteModule>('../../app/routes/**/*.{ts,tsx}')

function load(file: string): Promise<RouteModule> {
  const key = `../../app/${file}`
  const importer = modules[key]
  if (!importer) throw new Error(`app/routes.ts names ${file}, which does not exist`)
  return importer()
}

function outcomeOf(value: unknown): Outcome {
  if (value instanceof Response) {
    if (value.status === 403) return 'forbidden'
    const location = value.headers.get('Location') ?? ''
    // requirePermission's redirect (not sign-out's /staff/sign-in?signedOut=1, which is where sign-out is meant to go)
    if (value.status >= 300 && value.status < 400 && (location === '/staff/sign-in' || location.startsWith('/staff/sign-in?redirectTo='))) return 'signIn'
    return 'allowed'
  }
  return 'allowed' // data, a plain object, a 404 from a missing record: the permission check was passed
}

async function run(handler: Handler, request: Request, params: Record<string, string>): Promise<Outcome> {
  try {
    return outcomeOf(await handler({ request, params, context: {} }))
  } catch (thrown) {
    if (thrown instanceof Response) return outcomeOf(thrown)
    // Remix's data() and redirectDocument() are Responses; anything else is a crash worth seeing.
    return `error: ${thrown instanceof Error ? thrown.message : String(thrown)}`
  }
}

function expected(access: RouteAccess, visitor: Role | null): Outcome {
  if (mayAccess(visitor === null ? null : [visitor], access)) return 'allowed'
  return visitor === null ? 'signIn' : 'forbidden'
}

const routes = staffRoutes()

describe('staff routes', () => {
  it('are found in app/routes.ts', () => {
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(['/staff', '/staff/sign-in', '/staff/audit', '/staff/account/password']))
  })

  it.each(routes.map((r) => [r.path, r.file]))('%s (%s) declares who may open it', async (_path, file) => {
    const module = await load(file)
    expect(isRouteAccess(module.access), `${file} must export const access: RouteAccess (a Permission, 'signedIn' or 'public') — see app/domain/permissions.ts`).toBe(true)
  })
})

describe.each(testDialects())('role × route matrix [%s]', (dialect) => {
  let test: TestDatabase
  const userIds = new Map<Role, string>()
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    globalThis.__db = test.db
    for (const account of demoAccounts) userIds.set(account.role, (await findStaffUserByEmail(test.db, account.email))!.id)
  })
  afterAll(async () => {
    globalThis.__db = undefined
    await test.drop()
  })

  /** A request as this visitor, with a fresh session each time (so signing out in one check spoils no other). */
  async function requestAs(visitor: Role | null, url: string, method: 'GET' | 'POST'): Promise<Request> {
    const headers = new Headers({ Origin: 'http://localhost' })
    if (visitor) headers.set('Cookie', (await staffSessionCookie().serialize(await createSession(test.db, userIds.get(visitor)!))).split(';')[0])
    if (method === 'GET') return new Request(`http://localhost${url}`, { headers })
    headers.set('Content-Type', 'application/x-www-form-urlencoded')
    return new Request(`http://localhost${url}`, { method, headers, body: '' })
  }

  it.each(routes.map((r) => [r.path, r.file]))('%s (%s): each role gets what the route declares', async (path, file) => {
    const module = await load(file)
    if (!isRouteAccess(module.access)) throw new Error(`${file} declares no access (see the test above)`)
    const access = module.access
    const url = fillPath(path, paramValues)
    const params = paramsOf(path, paramValues)
    const problems: string[] = []
    for (const visitor of [null, ...roles] as const) {
      for (const [method, handler] of [
        ['GET', module.loader],
        ['POST', module.action],
      ] as const) {
        if (!handler) continue
        const got = await run(handler, await requestAs(visitor, url, method), params)
        const want = expected(access, visitor)
        if (got !== want) problems.push(`${method} ${url} as ${visitor ?? 'signed-out visitor'}: expected ${want}, got ${got}`)
      }
    }
    expect(problems, `${file} declares access '${access}'`).toEqual([])
  })

  it('the staff home links only to registered pages that each role may open', async () => {
    const home = await load('routes/staff/home.tsx')
    const patterns = routes.map((r) => ({ ...r, regex: new RegExp(`^${r.path.replace(/:\w+/g, '[^/]+')}$`) }))
    for (const role of roles) {
      const data = (await home.loader!({ request: await requestAs(role, '/staff', 'GET'), params: {}, context: {} })) as {
        consultations: Array<{ slug: string; pages: string[] }>
        others: Array<{ href: string }>
      }
      const hrefs = [...data.consultations.flatMap((c) => c.pages.map((page) => `/staff/consultations/${c.slug}/${page}`)), ...data.others.map((o) => o.href)]
      for (const href of hrefs) {
        const route = patterns.find((p) => p.regex.test(href))
        expect(route, `${role}: the staff home links to ${href}, which app/routes.ts does not have`).toBeDefined()
        const access = (await load(route!.file)).access as RouteAccess
        expect(mayAccess([role], access), `${role}: the staff home links to ${href}, which needs ${access}`).toBe(true)
      }
      if (role === 'admin') expect(hrefs).toContain('/staff/audit')
      if (role === 'safeguarding') expect(hrefs).toEqual(['/staff/safeguarding', '/staff/safeguarding/phrases'])
    }
  })
})
