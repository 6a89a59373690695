// Group sessions (issue #6) through the real routes, services and cookies, on SQLite and PostgreSQL:
// starting a session with a code unique among open ones, joining at /join (wrong, closed and missing
// codes answered alike, failures limited per browser with Retry-After), responses recording the
// session, the live board's counts with small-number suppression, the shared-tablet (kiosk) rules,
// and a save that fails on the server saying so and keeping what was typed.
import { sql } from 'kysely'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { JOIN_ALPHABET } from '~/domain/join-code'
import type { Survey } from '~/domain/survey'
import { findConsultationBySlug } from '~/models/consultation.server'
import { findSession } from '~/models/session.server'
import * as joinRoute from '~/routes/participant/join'
import * as finishRoute from '~/routes/participant/join.finish'
import * as resetRoute from '~/routes/participant/join.reset'
import * as questionRoute from '~/routes/participant/question'
import * as startRoute from '~/routes/participant/start'
import * as thanksRoute from '~/routes/participant/thanks'
import { boardData, closeSession, createSession, JOIN_LIMITS, resetJoinLimits } from '~/services/sessions.server'
import { loadSurvey } from '~/services/survey.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

process.env.SESSION_SECRET ??= 'sessions-integration-test-secret-0123456789'

/** A browser: keeps the cookies it is given, sends them back. */
class Device {
  cookies = new Map<string, string>()
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
  take(headers: Headers | undefined) {
    for (const line of headers?.getSetCookie() ?? []) {
      const [pair, ...attributes] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1)
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a))
      if (expired || value === '') this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
  get(path: string) {
    return new Request(`http://localhost${path}`, { headers: { Cookie: this.header() } })
  }
  post(path: string, fields: Record<string, string>) {
    return new Request(`http://localhost${path}`, {
      method: 'POST',
      headers: { Cookie: this.header(), 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
      body: new URLSearchParams(fields).toString(),
    })
  }
}

type Outcome = { status: number; headers: Headers; body: unknown; location: string | null }

/** Runs a loader or action the way Remix would, catching thrown Responses; keeps cookies on the device. */
async function run(device: Device, handler: (args: never) => unknown, request: Request, params: Record<string, string> = {}): Promise<Outcome> {
  let result: unknown
  try {
    result = await handler({ request, params, context: {} } as never)
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown
    result = thrown
  }
  if (result instanceof Response) {
    device.take(result.headers)
    return { status: result.status, headers: result.headers, body: null, location: result.headers.get('Location') }
  }
  if (result && typeof result === 'object' && (result as { type?: string }).type === 'DataWithResponseInit') {
    const { data, init } = result as { data: unknown; init: ResponseInit | null }
    const headers = new Headers(init?.headers)
    device.take(headers)
    return { status: init?.status ?? 200, headers, body: data, location: null }
  }
  return { status: 200, headers: new Headers(), body: result, location: null }
}

describe.each(testDialects())('group sessions [%s]', (dialect) => {
  let test: TestDatabase
  let consultationId: string
  let survey: Survey
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    globalThis.__db = test.db
    const consultation = await findConsultationBySlug(test.db, DEMO_SLUG)
    if (!consultation) throw new Error('demo missing')
    consultationId = consultation.id
    survey = await loadSurvey(test.db, consultation, 'en')
  })
  afterAll(async () => {
    globalThis.__db = undefined
    await test.drop()
  })
  beforeEach(() => resetJoinLimits())

  const newSession = (kiosk = false, code?: () => string) =>
    createSession(test.db, { consultationId, setting: 'youth_club', groupType: 'Tuesday club', expectedParticipants: 12, kiosk, createdBy: null }, code)

  /** Joins with the code and starts; returns the device and the response id. */
  async function joinAndStart(code: string): Promise<{ device: Device; responseId: number }> {
    const device = new Device()
    const joined = await run(device, joinRoute.action, device.post('/join', { code }))
    expect(joined.status).toBe(302)
    expect(joined.location).toBe(`/c/${DEMO_SLUG}`)
    const started = await run(device, startRoute.action, device.post(`/c/${DEMO_SLUG}`, {}), { slug: DEMO_SLUG })
    expect(started.location).toBe(`/c/${DEMO_SLUG}/q/1`)
    const row = await test.db.selectFrom('response').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()
    return { device, responseId: row.id }
  }

  /** Answers every question: the first option of each (rankings in option order, text words). */
  async function answerAll(device: Device) {
    for (const question of survey.questions) {
      const fields: Record<string, string> = { intent: 'next' }
      if (question.type === 'text') fields.answer = 'More places to go.'
      else if (question.type === 'ranking') question.options.forEach((o, i) => (fields[`rank-${o.key}`] = String(i + 1)))
      else fields.answer = question.options[0].key
      const saved = await run(device, questionRoute.action, device.post(`/c/${DEMO_SLUG}/q/${question.position}`, fields), { slug: DEMO_SLUG, position: String(question.position) })
      expect(saved.status, `question ${question.key}: ${JSON.stringify(saved.body)}`).toBe(302)
    }
  }

  it('starts sessions with codes from the alphabet, unique among open sessions, reusable once closed', async () => {
    const codes = ['AAAAAA', 'AAAAAA', 'CCCCCC']
    const first = await newSession(false, () => 'AAAAAA')
    // The next session is offered the same code first: it takes another.
    const second = await newSession(false, () => codes.shift()!)
    expect((await findSession(test.db, first))!.join_code).toBe('AAAAAA')
    expect((await findSession(test.db, second))!.join_code).toBe('CCCCCC')
    await closeSession(test.db, (await findSession(test.db, first))!, null)
    const third = await newSession(false, () => 'AAAAAA')
    expect((await findSession(test.db, third))!.join_code).toBe('AAAAAA')
    const random = (await findSession(test.db, await newSession()))!.join_code
    expect(random).toMatch(new RegExp(`^[${JOIN_ALPHABET}]{6}$`))
    // The database itself refuses two open sessions with one code.
    await expect(
      test.db.insertInto('session').values({ id: 'dup-session-1', consultation_id: consultationId, join_code: 'CCCCCC', setting: 'school', group_type: 'x', expected_participants: null, kiosk: 0, status: 'open', created_by: null, created_at: new Date().toISOString(), closed_at: null }).execute(),
    ).rejects.toThrow()
  })

  it('joins with the code typed in any case and with spaces, and the response records the session', async () => {
    const id = await newSession(false, () => 'MXTC47')
    const device = new Device()
    const joined = await run(device, joinRoute.action, device.post('/join', { code: ' mx tc-47 ' }))
    expect(joined.status).toBe(302)
    expect(device.cookies.has('__group')).toBe(true)
    const start = await run(device, startRoute.loader, device.get(`/c/${DEMO_SLUG}`), { slug: DEMO_SLUG })
    expect((start.body as { groupNote: string }).groupNote).toBe('You are in a group session.')
    await run(device, startRoute.action, device.post(`/c/${DEMO_SLUG}`, {}), { slug: DEMO_SLUG })
    const response = await test.db.selectFrom('response').select(['session_id']).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(response.session_id).toBe(id)
  })

  it('answers a wrong, a closed and a malformed code the same way, and limits failures per browser', async () => {
    const closed = await newSession(false, () => 'QQQQQQ')
    await closeSession(test.db, (await findSession(test.db, closed))!, null)
    const device = new Device()
    const answers = []
    for (const code of ['QQQQQQ', 'WWWWWW', '0OIL1', '']) {
      const outcome = await run(device, joinRoute.action, device.post('/join', { code }))
      answers.push({ status: outcome.status, error: (outcome.body as { error: string }).error })
    }
    expect(answers).toEqual(Array(4).fill({ status: 400, error: 'notFound' }))
    expect(device.cookies.has('__group')).toBe(false)
    for (let i = 4; i < JOIN_LIMITS.perBrowser.limit; i++) expect((await run(device, joinRoute.action, device.post('/join', { code: 'WWWWWW' }))).status).toBe(400)
    const limited = await run(device, joinRoute.action, device.post('/join', { code: 'WWWWWW' }))
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((limited.body as { error: string }).error).toBe('slowDown')
    // Another browser is not held up by this one.
    const other = new Device()
    expect((await run(other, joinRoute.action, other.post('/join', { code: 'WWWWWW' }))).status).toBe(400)
  })

  it('shows the session board: only its finished responses, small numbers hidden', async () => {
    const id = await newSession(false, () => 'HJKMNP')
    const session = (await findSession(test.db, id))!
    const empty = await boardData(test.db, session, 'en')
    expect(empty.finished).toBe(0)
    // Three finish in the session, one more only starts; one finishes outside any session.
    for (let i = 0; i < 3; i++) await answerAll((await joinAndStart('HJKMNP')).device)
    await joinAndStart('HJKMNP')
    const outsider = new Device()
    await run(outsider, startRoute.action, outsider.post(`/c/${DEMO_SLUG}`, {}), { slug: DEMO_SLUG })
    await answerAll(outsider)

    const board = await boardData(test.db, session, 'en')
    expect(board.finished).toBe(3)
    expect(board.version).not.toBe(empty.version)
    const first = board.questions[0]
    // Three is under the demo's threshold of 10: nothing but "hidden".
    expect(first.tooFew).toBe(true)
    expect(first.rows.every((r) => r.count.kind === 'suppressed')).toBe(true)
    // With a threshold of 3 the numbers show, and they are this session's only.
    await test.db.updateTable('organisation').set({ suppression_threshold: 3 }).execute()
    const shown = await boardData(test.db, session, 'en')
    await test.db.updateTable('organisation').set({ suppression_threshold: 10 }).execute()
    const q1 = shown.questions[0]
    expect(q1.answered).toEqual({ kind: 'value', value: 3 })
    expect(q1.rows[0].count).toEqual({ kind: 'value', value: 3 })
    expect(q1.rows.slice(1).every((r) => r.count.kind === 'value' && r.count.value === 0)).toBe(true)
    // No demographic question is ever on the board, and text only as a number.
    const types = new Map(survey.questions.map((q) => [q.key, q.type]))
    expect(shown.questions.some((q) => types.get(q.key) === 'demographic')).toBe(false)
    expect(shown.questions.filter((q) => q.kind === 'text').every((q) => q.rows.length === 0)).toBe(true)
  })

  describe('on a shared tablet (kiosk)', () => {
    it("clears the child's cookies after they finish, and the next child starts afresh", async () => {
      const id = await newSession(true, () => 'RTUVWX')
      const { device, responseId } = await joinAndStart('RTUVWX')
      const page = await run(device, questionRoute.loader, device.get(`/c/${DEMO_SLUG}/q/1`), { slug: DEMO_SLUG, position: '1' })
      expect(page.headers.get('Cache-Control')).toBe('no-store')
      expect((page.body as { kiosk: { finish: string } }).kiosk.finish).toBe("I'm finished")
      await answerAll(device)
      const thanks = await run(device, thanksRoute.loader, device.get(`/c/${DEMO_SLUG}/thanks`), { slug: DEMO_SLUG })
      expect((thanks.body as { receipt: string | null }).receipt).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/)
      expect(thanks.headers.get('Cache-Control')).toBe('no-store')
      // Nothing of the child's is left: only the tablet's place in the session (and /join's rate-limit id).
      expect([...device.cookies.keys()].sort()).toEqual(['__group', '__tries'])
      // Back to a question page: nothing to show, back to the start.
      const back = await run(device, questionRoute.loader, device.get(`/c/${DEMO_SLUG}/q/2`), { slug: DEMO_SLUG, position: '2' })
      expect(back.location).toBe(`/c/${DEMO_SLUG}`)
      // The thank-you page again: the receipt is gone.
      const again = await run(device, thanksRoute.loader, device.get(`/c/${DEMO_SLUG}/thanks`), { slug: DEMO_SLUG })
      expect((again.body as { receipt: string | null }).receipt).toBeNull()
      // The next child starts a new response in the same session.
      await run(device, startRoute.action, device.post(`/c/${DEMO_SLUG}`, {}), { slug: DEMO_SLUG })
      const next = await test.db.selectFrom('response').select(['id', 'session_id', 'status']).orderBy('id', 'desc').executeTakeFirstOrThrow()
      expect(next.id).not.toBe(responseId)
      expect(next).toMatchObject({ session_id: id, status: 'in_progress' })
    })

    it('"I\'m finished" keeps the answers so far and finishes the response', async () => {
      await newSession(true, () => 'EFGH34')
      const { device, responseId } = await joinAndStart('EFGH34')
      const first = survey.questions[0]
      await run(device, questionRoute.action, device.post(`/c/${DEMO_SLUG}/q/1`, { intent: 'next', answer: first.options[1].key }), { slug: DEMO_SLUG, position: '1' })
      const finished = await run(device, finishRoute.action, device.post('/join/finish', { slug: DEMO_SLUG }))
      expect(finished.location).toBe(`/c/${DEMO_SLUG}/thanks`)
      const row = await test.db.selectFrom('response').select(['status']).where('id', '=', responseId).executeTakeFirstOrThrow()
      expect(row.status).toBe('submitted')
      const answers = await test.db.selectFrom('answer').select('option_id').where('response_id', '=', responseId).execute()
      expect(answers.map((a) => a.option_id)).toEqual([first.options[1].id])
    })

    it('never offers to carry on the last child\'s answers, and refuses a stale resume', async () => {
      await newSession(true, () => 'DFGH67')
      const { device, responseId } = await joinAndStart('DFGH67')
      const start = await run(device, startRoute.loader, device.get(`/c/${DEMO_SLUG}`), { slug: DEMO_SLUG })
      expect((start.body as { resume: unknown }).resume).toBeNull()
      expect(start.headers.get('Cache-Control')).toBe('no-store')
      // The tablet left alone: its group cookie says it was last used 21 minutes ago.
      const { serializeGroupDevice } = await import('~/utils/group-cookie.server')
      const group = (await findSession(test.db, (await test.db.selectFrom('response').select('session_id').where('id', '=', responseId).executeTakeFirstOrThrow()).session_id!))!
      device.take(new Headers({ 'Set-Cookie': await serializeGroupDevice({ sessionId: group.id, kiosk: true, seenAt: Date.now() - 21 * 60_000 }) }))
      const stale = await run(device, questionRoute.loader, device.get(`/c/${DEMO_SLUG}/q/1`), { slug: DEMO_SLUG, position: '1' })
      expect(stale.location).toBe(`/c/${DEMO_SLUG}`)
      expect(device.cookies.has('__participant')).toBe(false)
      // The idle reset (no JavaScript) clears the child's cookies too and changes no answers.
      const other = await joinAndStart('DFGH67')
      const reset = await run(other.device, resetRoute.loader, other.device.get(`/join/reset?slug=${DEMO_SLUG}`))
      expect(reset.location).toBe(`/c/${DEMO_SLUG}`)
      expect([...other.device.cookies.keys()].sort()).toEqual(['__group', '__tries'])
      const row = await test.db.selectFrom('response').select('status').where('id', '=', other.responseId).executeTakeFirstOrThrow()
      expect(row.status).toBe('in_progress')
    })
  })

  it('says plainly that an answer was not saved when the save fails, and keeps what was typed', async () => {
    const device = new Device()
    await run(device, startRoute.action, device.post(`/c/${DEMO_SLUG}`, {}), { slug: DEMO_SLUG })
    const text = survey.questions.find((q) => q.type === 'text')!
    // The database refuses every new answer row, as a full disk would.
    if (dialect === 'sqlite') await sql`create trigger refuse_answers before insert on answer begin select raise(abort, 'disk full'); end`.execute(test.db)
    else {
      await sql`create function refuse_answers() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`.execute(test.db)
      await sql`create trigger refuse_answers before insert on answer for each row execute function refuse_answers()`.execute(test.db)
    }
    try {
      const outcome = await run(device, questionRoute.action, device.post(`/c/${DEMO_SLUG}/q/${text.position}`, { intent: 'next', answer: 'A skate park, please' }), { slug: DEMO_SLUG, position: String(text.position) })
      expect(outcome.status).toBe(503)
      expect(outcome.body).toEqual({ errors: [{ field: 'answer', messageKey: 'errors.notSaved' }], draft: { kind: 'text', text: 'A skate park, please' } })
    } finally {
      if (dialect === 'sqlite') await sql`drop trigger refuse_answers`.execute(test.db)
      else {
        await sql`drop trigger refuse_answers on answer`.execute(test.db)
        await sql`drop function refuse_answers()`.execute(test.db)
      }
    }
  })
})
