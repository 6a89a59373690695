// The download routes themselves: headers of a streamed file, an audit entry for every raw download
// (and none for a refused one), summary downloads without the raw permission. SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccounts } from '../../db/seed/accounts'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { loader as rawLoader } from '~/routes/staff/export-raw'
import { loader as summaryLoader } from '~/routes/staff/export-summary'
import { findStaffUserByEmail } from '~/models/staff-user.server'
import { createSession } from '~/services/auth.server'
import { staffSessionCookie } from '~/utils/session.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

process.env.SESSION_SECRET ??= 'integration-tests-only-secret-0123456789abcdef'

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>

describe.each(testDialects())('download routes [%s]', (dialect) => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 40 })
    globalThis.__db = test.db
  })
  afterAll(async () => {
    globalThis.__db = undefined
    await test.drop()
  })

  async function get(loader: Loader, role: string, kind: string): Promise<Response> {
    const account = demoAccounts.find((a) => a.role === role)!
    const user = await findStaffUserByEmail(test.db, account.email)
    const cookie = (await staffSessionCookie().serialize(await createSession(test.db, user!.id))).split(';')[0]
    const request = new Request(`http://localhost/staff/consultations/${DEMO_SLUG}/export/${kind}`, { headers: { Cookie: cookie } })
    try {
      return (await loader({ request, params: { slug: DEMO_SLUG }, context: {} })) as Response
    } catch (thrown) {
      if (thrown instanceof Response) return thrown
      throw thrown
    }
  }

  async function rawExportAudits() {
    return test.db.selectFrom('audit_event').selectAll().where('action', '=', 'responses.raw-export').execute()
  }

  it('streams a raw download with the right headers and records it in the audit log', async () => {
    const response = await get(rawLoader as Loader, 'planner', 'tidy-csv')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="have-your-say-tidy-csv-\d{4}-\d{2}-\d{2}\.csv"$/)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    const bytes = Buffer.from(await response.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // the UTF-8 byte-order mark, for Excel
    const text = bytes.subarray(3).toString('utf8')
    expect(text.split('\n')[0]).toBe('respondent,status,question,type,option,position,value,skipped,text,age_band,gender,area,disability,in_care,young_carer,parent_carer')
    expect(text.split('\n').length).toBeGreaterThan(40)
    const audits = await rawExportAudits()
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ subject: `consultation:${DEMO_SLUG}`, details: JSON.stringify({ kind: 'tidy-csv' }) })
  })

  it('refuses raw data to a facilitator, writing nothing', async () => {
    for (const kind of ['tidy-csv', 'xlsx']) expect((await get(rawLoader as Loader, 'facilitator', kind)).status).toBe(403)
    expect(await rawExportAudits()).toHaveLength(1)
  })

  it('gives the summary workbook to roles allowed to export results, without an audit entry', async () => {
    const response = await get(summaryLoader as Loader, 'planner', 'summary-xlsx')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]) // a zip file
    expect(await rawExportAudits()).toHaveLength(1)
    expect((await get(summaryLoader as Loader, 'facilitator', 'summary-csv')).status).toBe(403)
    // A raw kind is not served by the summary route
    expect((await get(summaryLoader as Loader, 'planner', 'tidy-csv')).status).toBe(404)
  })
})
