// Safeguarding screening and the queue, through the real services, on SQLite and PostgreSQL: a worrying
// free-text answer raises one flag (and sends the participant to the support page), a harmless one none;
// phrases added by the safeguarding lead are used; every look at the queue and every change is audited;
// the flagged words never reach results or findings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { demoAccounts } from '../../db/seed/accounts'
import type { SurveyQuestion } from '~/domain/survey'
import { findConsultationBySlug } from '~/models/consultation.server'
import { createResponse } from '~/models/response.server'
import { findStaffUserByEmail } from '~/models/staff-user.server'
import type { StaffUser } from '~/services/auth.server'
import { buildFindings } from '~/services/findings.server'
import { commitParticipantSession, getParticipantSession, saveAnswer, startResponse } from '~/services/participation.server'
import { submitQuestionPage } from '~/services/question-page.server'
import { buildResults } from '~/services/results.server'
import { addPhrase, carryOnPath, changeStatus, removePhrase, screenAnswer, supportContact, viewFlag, viewQueue } from '~/services/safeguarding.server'
import { loadSurvey } from '~/services/survey.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

process.env.SESSION_SECRET ??= 'safeguarding-integration-test-secret-32ch'

const WORRYING = 'My stepdad hits me when he has been drinking and I am scared to go home'

describe.each(testDialects())('safeguarding [%s]', (dialect) => {
  let test: TestDatabase
  let consultationId: string
  let textQuestion: SurveyQuestion
  let lead: StaffUser
  let device = 0

  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    globalThis.__db = test.db
    const consultation = await findConsultationBySlug(test.db, DEMO_SLUG)
    if (!consultation) throw new Error('demo missing')
    consultationId = consultation.id
    const survey = await loadSurvey(test.db, consultation, 'en')
    textQuestion = survey.questions.find((q) => q.type === 'text')!
    const account = demoAccounts.find((a) => a.role === 'safeguarding')!
    const row = (await findStaffUserByEmail(test.db, account.email))!
    lead = { id: row.id, email: row.email, name: row.name, roles: row.roles }
  })
  afterAll(async () => {
    globalThis.__db = undefined
    await test.drop()
  })

  async function newResponse() {
    return createResponse(test.db, { consultationId, resumeHash: `sg-device-${device++}`, locale: 'en', now: new Date().toISOString() })
  }
  const flagsFor = (responseId: number) => test.db.selectFrom('safeguarding_flag').selectAll().where('response_id', '=', responseId).execute()
  const auditActions = async (action: string) => (await test.db.selectFrom('audit_event').select(['action', 'subject', 'details', 'user_id']).where('action', '=', action).execute())

  it('a worrying answer is saved as usual and raises exactly one flag, with a reference and no copy of the words', async () => {
    const responseId = await newResponse()
    const answer = { kind: 'text' as const, text: WORRYING }
    await saveAnswer(test.db, responseId, textQuestion, answer)
    const match = await screenAnswer(test.db, consultationId, responseId, textQuestion, answer)
    expect(match?.categories).toEqual(['harm'])
    // Saved again (the participant pressed Back and Continue): still one flag.
    await screenAnswer(test.db, consultationId, responseId, textQuestion, answer)
    const flags = await flagsFor(responseId)
    expect(flags).toHaveLength(1)
    expect(flags[0]).toMatchObject({ consultation_id: consultationId, question_id: textQuestion.id, status: 'new' })
    expect(JSON.parse(flags[0].categories)).toEqual(['harm'])
    expect(JSON.stringify(flags[0])).not.toContain('stepdad')
    const saved = await test.db.selectFrom('answer').select('text').where('response_id', '=', responseId).executeTakeFirst()
    expect(saved?.text).toBe(WORRYING)
  })

  it('a harmless answer raises no flag', async () => {
    const responseId = await newResponse()
    const answer = { kind: 'text' as const, text: 'More youth clubs, and we are killing it at the skate park' }
    await saveAnswer(test.db, responseId, textQuestion, answer)
    expect(await screenAnswer(test.db, consultationId, responseId, textQuestion, answer)).toBeNull()
    expect(await flagsFor(responseId)).toEqual([])
  })

  it('the last page with a worrying answer finishes the response and goes to the support page first', async () => {
    const request = new Request(`http://localhost/c/${DEMO_SLUG}`)
    const session = await getParticipantSession(request)
    const responseId = await startResponse(test.db, session, consultationId, 'en')
    const cookie = (await commitParticipantSession(session)).split(';')[0]
    const post = (text: string) =>
      new Request(`http://localhost/c/${DEMO_SLUG}/q/${textQuestion.position}`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ answer: text }).toString(),
      })
    const result = await submitQuestionPage(post('i want to diiie'), DEMO_SLUG, String(textQuestion.position))
    expect(result).toBeInstanceOf(Response)
    expect((result as Response).headers.get('Location')).toBe(`/c/${DEMO_SLUG}/support?next=thanks`)
    expect((await flagsFor(responseId)).map((f) => JSON.parse(f.categories))).toEqual([['suicide']])
    const response = await test.db.selectFrom('response').select('status').where('id', '=', responseId).executeTakeFirstOrThrow()
    expect(response.status).toBe('submitted')
    expect(carryOnPath(DEMO_SLUG, 'thanks', 4)).toBe(`/c/${DEMO_SLUG}/thanks`)
    expect(carryOnPath(DEMO_SLUG, '2', 4)).toBe(`/c/${DEMO_SLUG}/q/2`)
    expect(carryOnPath(DEMO_SLUG, 'https://evil.example', 4)).toBe(`/c/${DEMO_SLUG}`)
    expect(carryOnPath(DEMO_SLUG, '9', 4)).toBe(`/c/${DEMO_SLUG}`)
  })

  it('phrases added by the safeguarding lead are merged with the defaults (and stop when removed)', async () => {
    const text = 'They make me sleep in the shed'
    const first = await newResponse()
    expect(await screenAnswer(test.db, consultationId, first, textQuestion, { kind: 'text', text })).toBeNull()
    expect(await addPhrase(test.db, lead, { locale: 'en', category: 'neglect', phrase: 'sleep in the shed' })).toEqual({ ok: true })
    expect(await addPhrase(test.db, lead, { locale: 'en', category: 'neglect', phrase: 'sleep in the shed' })).toEqual({ ok: false, reason: 'duplicate' })
    expect(await addPhrase(test.db, lead, { locale: 'en', category: 'suicide', phrase: 'want to die' })).toEqual({ ok: false, reason: 'duplicate' })
    const second = await newResponse()
    expect((await screenAnswer(test.db, consultationId, second, textQuestion, { kind: 'text', text }))?.categories).toEqual(['neglect'])
    expect(await flagsFor(second)).toHaveLength(1)
    const [added] = await auditActions('safeguarding.phrase-add')
    expect(added.user_id).toBe(lead.id)
    const phrase = await test.db.selectFrom('safeguarding_phrase').select('id').executeTakeFirstOrThrow()
    expect(await removePhrase(test.db, lead, phrase.id)).toBe(true)
    expect(await screenAnswer(test.db, consultationId, await newResponse(), textQuestion, { kind: 'text', text })).toBeNull()
  })

  it('the queue lists new flags first; each view and each status change is audited, with the note kept on the flag', async () => {
    const before = (await auditActions('safeguarding.queue-view')).length
    const queue = await viewQueue(test.db, lead)
    expect(queue.flags.length).toBeGreaterThanOrEqual(3)
    expect(queue.flags.every((f) => f.status === 'new')).toBe(true)
    expect(await auditActions('safeguarding.queue-view')).toHaveLength(before + 1)

    const target = queue.flags[queue.flags.length - 1]
    const flag = await viewFlag(test.db, lead, target.id)
    expect(flag?.text).toBe(WORRYING)
    expect(flag?.changedSince).toBe(false)
    expect((await auditActions('safeguarding.flag-view')).filter((e) => e.subject === `safeguarding_flag:${target.id}`)).toHaveLength(1)

    expect(await changeStatus(test.db, lead, { flagId: target.id, from: 'new', to: 'reviewed', note: 'Passed to the school DSL today.' })).toEqual({ ok: true })
    // A form showing the old status: refused, nothing changed.
    expect(await changeStatus(test.db, lead, { flagId: target.id, from: 'new', to: 'no_action_needed', note: 'late' })).toEqual({ ok: false, reason: 'stale' })
    const changes = (await auditActions('safeguarding.flag-status')).filter((e) => e.subject === `safeguarding_flag:${target.id}`)
    expect(changes).toHaveLength(1)
    expect(JSON.parse(changes[0].details!)).toEqual({ from: 'new', to: 'reviewed' })
    expect(changes[0].details).not.toContain('DSL')
    const again = await viewFlag(test.db, lead, target.id)
    expect(again?.status).toBe('reviewed')
    expect(again?.notes.map((n) => [n.statusFrom, n.statusTo, n.note, n.userName])).toEqual([['new', 'reviewed', 'Passed to the school DSL today.', lead.name]])
    expect((await viewQueue(test.db, lead)).flags.at(-1)?.id).toBe(target.id)
    expect((await viewQueue(test.db, lead, 'reviewed')).flags.map((f) => f.id)).toEqual([target.id])
  })

  it('the flag page says when the answer was changed since, or taken back (the flag stays)', async () => {
    const responseId = await newResponse()
    await saveAnswer(test.db, responseId, textQuestion, { kind: 'text', text: 'I want to die' })
    await screenAnswer(test.db, consultationId, responseId, textQuestion, { kind: 'text', text: 'I want to die' })
    const [flag] = await flagsFor(responseId)
    // Changed to something harmless: the flag keeps what matched, and its page says the words changed.
    await saveAnswer(test.db, responseId, textQuestion, { kind: 'text', text: 'More parks please' })
    expect(await screenAnswer(test.db, consultationId, responseId, textQuestion, { kind: 'text', text: 'More parks please' })).toBeNull()
    const changed = await viewFlag(test.db, lead, flag.id)
    expect(changed).toMatchObject({ text: 'More parks please', changedSince: true, categories: ['suicide'] })
    // Taken back with the receipt code (the response is deleted): the flag is still there, without words.
    await test.db.deleteFrom('answer').where('response_id', '=', responseId).execute()
    await test.db.deleteFrom('response').where('id', '=', responseId).execute()
    const withdrawn = await viewFlag(test.db, lead, flag.id)
    expect(withdrawn).toMatchObject({ text: undefined, changedSince: false, status: 'new' })
  })

  it('the flagged words appear in no results or findings', async () => {
    const consultation = (await findConsultationBySlug(test.db, DEMO_SLUG))!
    const views = JSON.stringify([await buildResults(test.db, consultation, 'en'), await buildFindings(test.db, consultation, 'en')])
    expect(views).not.toContain('stepdad')
    expect(views).not.toContain('diiie')
  })

  it('an identified consultation promises contact as its notice says, or the default', async () => {
    const consultation = (await findConsultationBySlug(test.db, DEMO_SLUG))!
    expect(await supportContact(test.db, consultation, 'en')).toBeNull()
    await test.db
      .insertInto('translation')
      .values({ entity_type: 'consultation', entity_id: consultation.id, field: 'safeguardingContact', locale: 'en', register: 'plain', value: 'Jo from the youth service will phone you tomorrow.' })
      .execute()
    expect(await supportContact(test.db, consultation, 'en')).toBe('Jo from the youth service will phone you tomorrow.')
    expect(await supportContact(test.db, consultation, 'cy')).toBe('Jo from the youth service will phone you tomorrow.')
  })
})
