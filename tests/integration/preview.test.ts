// The staff preview, through its route modules: a draft consultation in Welsh, Arabic, symbols and
// Easy Read; Next checks the answer like the participant page and moves on; nothing is ever saved
// (no response, no answer, no cookie). On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { demoAccounts } from '../../db/seed/accounts'
import { findConsultationBySlug, setConsultationStatus } from '~/models/consultation.server'
import { findStaffUserByEmail } from '~/models/staff-user.server'
import { createSession } from '~/services/auth.server'
import { staffSessionCookie } from '~/utils/session.server'
import * as start from '~/routes/participant/start'
import * as previewStart from '~/routes/staff/preview'
import * as previewQuestion from '~/routes/staff/preview.question'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

process.env.SESSION_SECRET ??= 'integration-tests-only-secret-0123456789abcdef'

type Loaded<T> = T extends (...args: never[]) => Promise<infer R> ? Exclude<R, Response> : never

describe.each(testDialects())('staff preview [%s]', (dialect) => {
  let test: TestDatabase
  let cookie: string
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    globalThis.__db = test.db
    const planner = demoAccounts.find((a) => a.role === 'planner')!
    const user = (await findStaffUserByEmail(test.db, planner.email))!
    cookie = (await staffSessionCookie().serialize(await createSession(test.db, user.id))).split(';')[0]
    // A draft: participants cannot open it; the preview can.
    const consultation = (await findConsultationBySlug(test.db, DEMO_SLUG))!
    await setConsultationStatus(test.db, consultation.id, 'draft', new Date(Date.parse(consultation.updated_at) + 1000).toISOString())
  })
  afterAll(async () => {
    globalThis.__db = undefined
    await test.drop()
  })

  const base = `http://localhost/staff/consultations/${DEMO_SLUG}/preview`
  const get = (url: string) => new Request(url, { headers: { Cookie: cookie } })
  const post = (url: string, fields: Array<[string, string]>) =>
    new Request(url, { method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' }, body: new URLSearchParams(fields).toString() })

  async function rows() {
    const responses = await test.db.selectFrom('response').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const answers = await test.db.selectFrom('answer').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    return { responses: Number(responses.n), answers: Number(answers.n) }
  }

  it('shows a draft consultation that participants cannot open, in Welsh', async () => {
    await expect(start.loader({ request: new Request(`http://localhost/c/${DEMO_SLUG}`), params: { slug: DEMO_SLUG }, context: {} })).rejects.toMatchObject({ status: 404 })
    const page = (await previewStart.loader({ request: get(`${base}?lang=cy`), params: { slug: DEMO_SLUG }, context: {} })) as Loaded<typeof previewStart.loader>
    expect(page.status).toBe('draft')
    expect(page.view).toEqual({ lang: 'cy', symbols: false, easyRead: false })
    expect(page.title).toBe('Dweud dy ddweud: ein cynllun ar gyfer plant a phobl ifanc')
    expect(page.firstHref).toBe(`/staff/consultations/${DEMO_SLUG}/preview/q/1?lang=cy`)
    // The participant strings travel in the previewed language for the browser's translator
    expect(Object.keys(page.resources)).toContain('cy')
    expect((page.resources.cy.participant as { nav: { next: string } }).nav.next).toBe('Nesaf')
  })

  it('shows a question in Arabic Easy Read with symbols', async () => {
    const page = (await previewQuestion.loader({ request: get(`${base}/q/1?lang=ar&symbols=1&easyRead=1`), params: { slug: DEMO_SLUG, position: '1' }, context: {} })) as Loaded<
      typeof previewQuestion.loader
    >
    expect(page.view).toEqual({ lang: 'ar', symbols: true, easyRead: true })
    expect(page.question.prompt).toBe('أيّ الأطفال يحتاجون إلى المساعدة أكثر من غيرهم؟')
    expect(page.question.symbol).toBe('openmoji:1F9D2')
    expect(page.backHref).toBe(`/staff/consultations/${DEMO_SLUG}/preview?lang=ar&symbols=1&easyRead=1`)
    expect(page.total).toBe(4)
    await expect(previewQuestion.loader({ request: get(`${base}/q/5`), params: { slug: DEMO_SLUG, position: '5' }, context: {} })).rejects.toMatchObject({ status: 404 })
  })

  it('checks answers like the participant page, moves on with the same view, and saves nothing at all', async () => {
    const before = await rows()
    const q = (n: number, query = '?lang=cy&symbols=1') => `${base}/q/${n}${query}`
    const next = (await previewQuestion.action({ request: post(q(1), [['answer', 'in-care'], ['answer', 'young-carers'], ['intent', 'next']]), params: { slug: DEMO_SLUG, position: '1' }, context: {} })) as Response
    expect(next.status).toBe(302)
    expect(next.headers.get('Location')).toBe(`/staff/consultations/${DEMO_SLUG}/preview/q/2?lang=cy&symbols=1`)
    expect(next.headers.get('Set-Cookie')).toBeNull()

    // An unknown option: refused with the participant page's message key, and what was chosen kept
    const refused = (await previewQuestion.action({ request: post(q(1), [['answer', 'no-such-group'], ['intent', 'next']]), params: { slug: DEMO_SLUG, position: '1' }, context: {} })) as unknown as {
      init: { status: number }
      data: { errors: Array<{ messageKey: string }> }
    }
    expect(refused.init.status).toBe(400)
    expect(refused.data.errors.length).toBeGreaterThan(0)

    const skipped = (await previewQuestion.action({ request: post(q(3), [['intent', 'skip']]), params: { slug: DEMO_SLUG, position: '3' }, context: {} })) as Response
    expect(skipped.headers.get('Location')).toBe(`/staff/consultations/${DEMO_SLUG}/preview/q/4?lang=cy&symbols=1`)
    const last = (await previewQuestion.action({ request: post(q(4), [['answer', 'More places to play'], ['intent', 'next']]), params: { slug: DEMO_SLUG, position: '4' }, context: {} })) as Response
    expect(last.headers.get('Location')).toBe(`/staff/consultations/${DEMO_SLUG}/preview?lang=cy&symbols=1&done=1`)
    const ended = (await previewStart.loader({ request: get(`http://localhost${last.headers.get('Location')}`), params: { slug: DEMO_SLUG }, context: {} })) as Loaded<typeof previewStart.loader>
    expect(ended.ended).toBe(true)

    expect(await rows()).toEqual(before)
    expect(before).toEqual({ responses: 0, answers: 0 })
  })
})
