// The download routes themselves: headers of a streamed file, an audit entry for every raw download
// (and none for a refused one), summary downloads without the raw permission. SQLite and PostgreSQL.
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoAccounts } from '../../db/seed/accounts'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { loader as rawLoader } from '~/routes/staff/export-raw'
import { loader as summaryLoader } from '~/routes/staff/export-summary'
import { insertAggregateImport } from '~/models/aggregate.server'
import { findConsultationBySlug } from '~/models/consultation.server'
import { insertGroupResult } from '~/models/group-result.server'
import { insertSession } from '~/models/session.server'
import { findStaffUserByEmail } from '~/models/staff-user.server'
import { loadSurvey } from '~/services/survey.server'
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

  it('puts the group and paper evidence in the summary CSV and workbook, apart from the answers and suppressed', async () => {
    const consultation = (await findConsultationBySlug(test.db, DEMO_SLUG))!
    const feelSafe = (await loadSurvey(test.db, consultation, 'en')).questions.find((q) => q.key === 'feel-safe')!
    const planner = (await findStaffUserByEmail(test.db, 'planner@demo.invalid'))!.id
    const now = new Date().toISOString()
    await insertSession(test.db, { id: 'export-session', consultationId: consultation.id, joinCode: 'EXPSES', setting: 'school', groupType: 'Year 6', expectedParticipants: null, kiosk: false, createdBy: planner, now })
    const result = (kind: 'dots' | 'ranking', people: number, values: number[]) =>
      insertGroupResult(test.db, {
        kind,
        sessionId: 'export-session',
        consultationId: consultation.id,
        questionId: feelSafe.id,
        label: null,
        people,
        dotsPerPerson: kind === 'dots' ? 3 : null,
        agreed: null,
        enteredBy: planner,
        imageId: null,
        now,
        items: feelSafe.options.map((o, i) => ({ optionId: o.id, tier: null, dots: kind === 'dots' ? values[i] : null, rank: kind === 'ranking' ? values[i] : null })),
      })
    // Dots: 6 and 7 people (13, shown); a group ranking with 3 people (too few: no options, people hidden).
    await result('dots', 6, [12, 6, 0])
    await result('dots', 7, [14, 7, 0])
    await result('ranking', 3, [1, 2, 3])
    const [safe, sometimes, notSafe] = feelSafe.options.map((o) => o.id)
    await insertAggregateImport(test.db, {
      consultationId: consultation.id,
      filename: 'tally.csv',
      userId: planner,
      now,
      sessionId: 'export-session',
      counts: [
        { group: 'Class 1', questionId: feelSafe.id, optionId: safe, position: null, count: 20, statedTotal: 27 },
        { group: 'Class 1', questionId: feelSafe.id, optionId: sometimes, position: null, count: 4, statedTotal: 27 },
        { group: 'Class 1', questionId: feelSafe.id, optionId: notSafe, position: null, count: 3, statedTotal: 27 },
      ],
    })

    const csv = await (await get(summaryLoader as Loader, 'planner', 'summary-csv')).text()
    const rows: Array<Record<string, string>> = parse(csv, { bom: true, columns: true })
    expect(rows.filter((r) => r.source === 'answers').length).toBeGreaterThan(0)
    const dots = rows.filter((r) => r.source === 'group-dots')
    // Two-thirds of each group's dots went to "safe": 66.7% weighted, first.
    expect(dots.map((r) => [r.question, r.option, r.rank, r.groups, r.people, r.weighted])).toEqual([
      ['feel-safe', 'safe', '1', '2', '13', '66.7'],
      ['feel-safe', 'sometimes', '2', '2', '13', '33.3'],
      ['feel-safe', 'not-safe', '3', '2', '13', '0'],
    ])
    expect(rows.filter((r) => r.source === 'group-ranking').map((r) => [r.option, r.groups, r.people, r.weighted])).toEqual([['', '1', 'c', '']])
    // Paper: 27 counted; 4 and 3 are hidden.
    expect(rows.filter((r) => r.source === 'paper').map((r) => [r.option, r.count, r.people])).toEqual([
      ['safe', '20', '27'],
      ['sometimes', 'c', '27'],
      ['not-safe', 'c', '27'],
    ])

    const book = new ExcelJS.Workbook()
    await book.xlsx.load((await (await get(summaryLoader as Loader, 'planner', 'summary-xlsx')).arrayBuffer()) as unknown as ExcelJS.Buffer)
    const cells = (name: string) => {
      const sheet = book.getWorksheet(name)!
      const values: unknown[][] = []
      sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)))
      return values
    }
    const group = cells('Group evidence')
    expect(group).toContainEqual([1, 'Safe', 'safe', 66.7, 26])
    expect(group).toContainEqual(['Fewer than 10 people were in these groups, so their results are not shown.'])
    const paper = cells('Paper evidence')
    expect(paper).toContainEqual([1, 'Safe', 'safe', 20, 74.1])
    expect(paper.some((row) => row.includes(4) || row.includes(3))).toBe(false)
  })
})
