// The server's route matching with the patch in patches/@remix-run+router+*.patch (docs/decisions/011):
// ranked routes, compiled patterns and matches per pathname are kept instead of being worked out
// again on every request. This checks that `npm install` applied the patch and that matching is still
// right for every URL in app/routes.ts, the first time and from the cache, with copies handed out.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import type { RouteConfigEntry } from '@remix-run/route-config'
import { describe, expect, it } from 'vitest'
import routeConfig from '../../app/routes'
import { allRoutes, fillPath } from '../helpers/staff-routes'

const require = createRequire(import.meta.url)
// The CommonJS build is the one the server runtime loads.
const routerFile = require.resolve('@remix-run/router')
const router = require('@remix-run/router') as typeof import('@remix-run/router')

interface Route {
  id: string
  path?: string
  index?: boolean
  children?: Route[]
}

/** The route tree as the server sees it: a root layout, then app/routes.ts (ids are the files). */
function toRoutes(entries: RouteConfigEntry[]): Route[] {
  return entries.map((entry) => ({
    id: entry.file,
    path: entry.path,
    index: entry.index,
    children: entry.children ? toRoutes(entry.children) : undefined,
  }))
}
function tree(): Route[] {
  return [
    {
      id: 'root',
      path: '',
      children: toRoutes(routeConfig as RouteConfigEntry[]),
    },
  ]
}

const urls = allRoutes().map((route) => ({
  ...route,
  url: fillPath(route.path, {
    slug: 'have-your-say',
    position: '3',
    file: 'a.png',
  }),
}))

describe('route matching (patched @remix-run/router)', () => {
  it('runs the patched router', () => {
    expect(routerFile).toMatch(/router\.cjs\.js$/)
    expect(fs.readFileSync(routerFile, 'utf8'), 'patches/ not applied: run npm install').toContain('function forgetMatchCaches()')
  })

  it('matches every URL of the app to its own route, the first time and from the cache', () => {
    const routes = tree()
    expect(urls.length).toBeGreaterThan(60)
    const indexOf = new Map((routes[0].children ?? []).map((r) => [r.id, (r.children ?? []).find((c) => c.index)?.id]))
    for (const pass of ['first', 'cached']) {
      for (const { url, file } of urls) {
        const leaf = router.matchRoutes(routes as never, url)?.at(-1)
        // A layout's own URL goes to its index page, when it has one.
        expect(leaf?.route.id, `${pass}: ${url}`).toBe(indexOf.get(file) ?? file)
        expect(leaf?.pathname.replace(/(.)\/$/, '$1'), `${pass}: ${url}`).toBe(url)
      }
    }
  })

  it('finds the parameters, and the not-found page for a URL the app does not have', () => {
    const routes = tree()
    for (let i = 0; i < 2; i++) {
      const matches = router.matchRoutes(routes as never, '/c/bike-lanes/q/12')
      expect(matches?.at(-1)?.route.id).toBe('routes/participant/question.tsx')
      expect(matches?.at(-1)?.params).toEqual({
        slug: 'bike-lanes',
        position: '12',
      })
      expect(router.matchRoutes(routes as never, '/no/such/page/here')?.at(-1)?.route.id).toBe('routes/not-found.tsx')
    }
  })

  it('hands out copies: changing one result does not change the next', () => {
    const routes = tree()
    const first = router.matchRoutes(routes as never, '/c/have-your-say/q/2')!
    ;(first.at(-1)!.params as Record<string, string>).position = '99'
    first.pop()
    const second = router.matchRoutes(routes as never, '/c/have-your-say/q/2')!
    expect(second.at(-1)?.params.position).toBe('2')
    expect(second.at(-1)?.route.id).toBe('routes/participant/question.tsx')
  })

  it('keeps results per route tree: another tree with the same URL gets its own answer', () => {
    const one = [{ id: 'one', path: 'c/:slug' }]
    const two = [{ id: 'two', path: 'c/:slug' }]
    expect(router.matchRoutes(one as never, '/c/x')?.[0].route.id).toBe('one')
    expect(router.matchRoutes(two as never, '/c/x')?.[0].route.id).toBe('two')
  })

  it('forgets what it kept when routes are added at run time (lazy route discovery)', () => {
    const routes = [{ id: 'root', path: '/', children: [{ id: 'home', index: true }] }]
    const client = router
      .createRouter({
        routes: routes as never,
        history: router.createMemoryHistory({ initialEntries: ['/'] }),
      })
      .initialize()
    try {
      // patchRoutes adds the child to the route objects in place, so even the array from before the
      // patch now has it: what was kept for that array must be forgotten.
      const before = client.routes
      expect(router.matchRoutes(before, '/late')).toBeNull()
      client.patchRoutes('root', [{ id: 'late', path: 'late' }])
      expect(router.matchRoutes(before, '/late')?.at(-1)?.route.id).toBe('late')
      expect(router.matchRoutes(client.routes, '/late')?.at(-1)?.route.id).toBe('late')
    } finally {
      client.dispose()
    }
  })
})
