// Every staff route registered in app/routes.ts, read from the route config itself, so a route added
// there is covered by the role × route tests without anyone listing it again.
import type { RouteConfigEntry } from '@remix-run/route-config'
import routes from '../../app/routes'

export interface StaffRoute {
  /** The full URL pattern, e.g. /staff/consultations/:slug/results */
  path: string
  /** The module, relative to app/ */
  file: string
}

function join(parent: string, path: string | undefined): string {
  if (!path) return parent
  return `${parent.replace(/\/$/, '')}/${path}`
}

function walk(entries: RouteConfigEntry[], parent: string, into: StaffRoute[]): StaffRoute[] {
  for (const entry of entries) {
    const path = join(parent, entry.path)
    into.push({ path, file: entry.file })
    if (entry.children) walk(entry.children, path, into)
  }
  return into
}

/** Every route with a URL, in the order app/routes.ts lists them. */
export function allRoutes(): StaffRoute[] {
  return walk(routes as RouteConfigEntry[], '', []).filter((r) => r.path !== '')
}

/** Routes whose URL is /staff or under it (layouts included), in the order app/routes.ts lists them. */
export function staffRoutes(): StaffRoute[] {
  return walk(routes as RouteConfigEntry[], '', []).filter((r) => r.path === '/staff' || r.path.startsWith('/staff/'))
}

/** A concrete URL for a pattern: each :param from `values`, or "x" when not given. */
export function fillPath(pattern: string, values: Record<string, string> = {}): string {
  return pattern.replace(/:(\w+)\??/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x')).replace(/\/\*$/, '/x')
}

export function paramsOf(pattern: string, values: Record<string, string> = {}): Record<string, string> {
  const params: Record<string, string> = {}
  for (const [, name] of pattern.matchAll(/:(\w+)/g)) params[name] = values[name] ?? 'x'
  return params
}
