// Fuzzing every upload and import path (issue 8, "Bad input"): each gets the fixture files that must be
// refused (not an image, a decompression bomb), every fixture cut short, empty and random files, and
// text files of the wrong kind or broken half-way (JSON cut mid-string, CSV with an open quote, NUL
// bytes, UTF-16). Each must be refused with a clear error (400 with at least one message for the page),
// never a 5xx or a crash, and no table may change.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { demoAccounts } from '../../db/seed/accounts'
import { findStaffUserByEmail } from '~/models/staff-user.server'
import { createSession } from '~/services/auth.server'
import { staffSessionCookie } from '~/utils/session.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

process.env.SESSION_SECRET ??= 'integration-tests-only-secret-0123456789abcdef'

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures')
const read = (file: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, file)))
const cut = (bytes: Uint8Array, at: number) => bytes.slice(0, Math.max(0, Math.floor(at)))

/** Files no upload or import may accept, with a label for the failure message. */
function brokenFiles(): Array<{ label: string; name: string; type: string; bytes: Uint8Array }> {
  const files: Array<{ label: string; name: string; type: string; bytes: Uint8Array }> = []
  const add = (label: string, name: string, type: string, bytes: Uint8Array) => files.push({ label, name, type, bytes })
  add('not-an-image.jpg', 'not-an-image.jpg', 'image/jpeg', read('images/not-an-image.jpg'))
  add('bomb-20000x20000.png', 'bomb.png', 'image/png', read('images/bomb-20000x20000.png'))
  for (const image of ['drawing.png', 'drawing-plain.jpg', 'drawing-with-gps.jpg', 'photo-rotated-exif.jpg']) {
    const bytes = read(`images/${image}`)
    add(`${image} cut at half`, image, image.endsWith('png') ? 'image/png' : 'image/jpeg', cut(bytes, bytes.length / 2))
    add(`${image} cut at 100 bytes`, image, image.endsWith('png') ? 'image/png' : 'image/jpeg', cut(bytes, 100))
  }
  add('empty file', 'empty.csv', 'text/csv', new Uint8Array())
  let seed = 7
  add('random bytes', 'random.bin', 'application/octet-stream', Uint8Array.from({ length: 4096 }, () => (seed = (seed * 48271) % 2147483647) & 0xff))
  for (const plan of ['plans/southwark-2010-13.json', 'plans/ecm-outcomes.json']) {
    const bytes = read(plan)
    add(`${plan} cut at half`, path.basename(plan), 'application/json', cut(bytes, bytes.length / 2))
  }
  add('stories JSON (the wrong kind of file)', 'quotes.json', 'application/json', read('stories/quotes.json'))
  const text = (s: string) => new TextEncoder().encode(s)
  add('CSV with an open quote', 'broken.csv', 'text/csv', text('respondent,question,option,position,skipped,text\n1,groups,"unterminated\n'))
  add('CSV with NUL bytes', 'nul.csv', 'text/csv', text('respondent,question\u0000,option\n\u0000\u0000\n'))
  add('UTF-16 text', 'utf16.csv', 'text/csv', new Uint8Array(Buffer.from('\ufeffoption,count\nsafe,3\n', 'utf16le')))
  add('JSON cut mid-string', 'survey.json', 'application/json', text('{"format":"have-your-say/survey","version":1,"consultation":{"slug":"x","title":{"en":"Unfinish'))
  return files
}

type Recipe = { route: string; url: string; file: string; params: Record<string, string>; fields: Record<string, string> }

type RouteModule = { action?: (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown }
const modules = import.meta.glob<RouteModule>('../../app/routes/**/*.{ts,tsx}')
const load = (file: string) => modules[`../../app/routes/${file}`]()

/** Any non-empty list of messages in what the action gave back (each page names its own lists). */
function messagesIn(data: unknown): number {
  if (!data || typeof data !== 'object') return 0
  return Object.entries(data as Record<string, unknown>)
    .filter(([key, value]) => /errors$/i.test(key) && Array.isArray(value))
    .reduce((n, [, value]) => n + (value as unknown[]).length, 0)
}

async function outcome(run: () => unknown): Promise<{ status: number; messages: number } | { crash: string }> {
  try {
    const value = await run()
    if (value instanceof Response) return { status: value.status, messages: 0 }
    if (value && typeof value === 'object' && (value as { type?: unknown }).type === 'DataWithResponseInit') {
      const { data, init } = value as { data: unknown; init?: { status?: number } }
      return { status: init?.status ?? 200, messages: messagesIn(data) }
    }
    return { status: 200, messages: messagesIn(value) }
  } catch (error) {
    if (error instanceof Response) return { status: error.status, messages: 0 }
    return { crash: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }
  }
}

describe.each(testDialects())('fuzzing every upload and import [%s]', (dialect) => {
  let test: TestDatabase
  let planner = ''
  let admin = ''

  /** Rows in every table but the audit log (a refusal may be audited; nothing else may change). */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables = (await test.db.introspection.getTables()).map((t) => t.name).filter((name) => name !== 'audit_event' && !name.startsWith('kysely_') && !name.startsWith('sqlite_'))
    const counts: Record<string, number> = {}
    for (const table of tables.sort()) {
      const row = await test.db
        .selectFrom(table as 'response')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow()
      counts[table] = Number(row.n)
    }
    return counts
  }

  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    globalThis.__db = test.db
    const cookieFor = async (role: string) => {
      const account = demoAccounts.find((a) => a.role === role)!
      const userId = (await findStaffUserByEmail(test.db, account.email))!.id
      return (await staffSessionCookie().serialize(await createSession(test.db, userId))).split(';')[0]
    }
    planner = await cookieFor('planner')
    admin = await cookieFor('admin')
  })
  afterAll(async () => {
    globalThis.__db = undefined
    await test.drop()
  })

  it('refuses every broken file on every upload path with a clear message, changing nothing', async () => {
    const organisation = (await test.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id
    const recipes: Recipe[] = [
      { route: 'staff/symbols.tsx', url: '/staff/symbols', file: 'file', params: {}, fields: { name: 'Fuzz', licence: 'CC BY 4.0', attribution: 'Fuzz', organisation } },
      { route: 'staff/consultations.import.tsx', url: '/staff/consultations/new-from-file', file: 'file', params: {}, fields: { slug: 'fuzz-import' } },
      { route: 'staff/plans.tsx', url: '/staff/plans', file: 'file', params: {}, fields: { intent: 'import', organisation } },
      { route: 'staff/imports.tsx', url: `/staff/consultations/${DEMO_SLUG}/imports?form=responses`, file: 'file', params: { slug: DEMO_SLUG }, fields: {} },
      { route: 'staff/imports.tsx', url: `/staff/consultations/${DEMO_SLUG}/imports?form=aggregates`, file: 'file', params: { slug: DEMO_SLUG }, fields: {} },
    ]
    const before = await rowCounts()
    const problems: string[] = []
    let cases = 0
    for (const recipe of recipes) {
      const module = await load(recipe.route)
      expect(module.action, recipe.route).toBeTypeOf('function')
      for (const file of brokenFiles()) {
        const form = new FormData()
        for (const [name, value] of Object.entries(recipe.fields)) form.append(name, value)
        form.append(recipe.file, new File([new Uint8Array(file.bytes)], file.name, { type: file.type }))
        const request = new Request(`http://localhost${recipe.url}`, { method: 'POST', headers: { Origin: 'http://localhost', Cookie: recipe.route.includes('symbols') ? admin : planner }, body: form })
        const got = await outcome(() => module.action!({ request, params: recipe.params, context: {} }))
        cases++
        const label = `${recipe.url} with ${file.label}`
        if ('crash' in got) problems.push(`${label}: threw ${got.crash}`)
        else if (got.status >= 500) problems.push(`${label}: status ${got.status}`)
        else if (got.status !== 400 && got.status !== 413 && got.status !== 422) problems.push(`${label}: status ${got.status}, expected a refusal`)
        else if (got.messages === 0) problems.push(`${label}: refused without a message for the page`)
      }
    }
    expect(problems).toEqual([])
    expect(cases).toBe(recipes.length * brokenFiles().length)
    expect(await rowCounts()).toEqual(before)
  }, 120_000)
})
