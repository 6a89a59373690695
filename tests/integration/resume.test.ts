// Leaving and coming back on the same device: the participant's cookie (signed, kept 30 days) finds
// the unfinished response again, which carries on at the first unanswered question with every
// answer kept — through the real services and cookie sessions, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../db/seed/demo'
import { EVERY_QUESTION_SLUG } from '../../db/seed/every-question-content'
import type { Survey, SurveyQuestion } from '~/domain/survey'
import { findConsultationBySlug } from '~/models/consultation.server'
import { commitParticipantSession, finishResponse, getParticipantSession, resumePoint, saveAnswer, savedAnswers, startResponse } from '~/services/participation.server'
import { loadSurvey } from '~/services/survey.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

// The participant's cookie session is signed with this secret.
process.env.SESSION_SECRET ??= 'resume-integration-test-secret-of-32-chars++'

/** A request from a device holding these cookies (Set-Cookie value from the last response), or none. */
function requestFrom(setCookie?: string): Request {
  const cookie = setCookie?.split(';')[0]
  return new Request('http://localhost/c/every-question', { headers: cookie ? { Cookie: cookie } : {} })
}

describe.each(testDialects())('resuming on the same device [%s]', (dialect) => {
  let test: TestDatabase
  let survey: Survey
  let consultationId: string
  const q = (key: string): SurveyQuestion => {
    const found = survey.questions.find((question) => question.key === key)
    if (!found) throw new Error(`no question ${key}`)
    return found
  }

  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    const consultation = await findConsultationBySlug(test.db, EVERY_QUESTION_SLUG)
    if (!consultation) throw new Error('every-question consultation missing')
    consultationId = consultation.id
    survey = await loadSurvey(test.db, consultation, 'en')
  })
  afterAll(async () => test.drop())

  /** A device that has started and answered questions 1–3; returns its cookie. */
  async function startAndAnswerThree(): Promise<{ cookie: string; responseId: number }> {
    const session = await getParticipantSession(requestFrom())
    const responseId = await startResponse(test.db, session, consultationId, 'en')
    await saveAnswer(test.db, responseId, q('travel'), { kind: 'choice', optionKeys: ['bus'] })
    await saveAnswer(test.db, responseId, q('after-school'), { kind: 'choice', optionKeys: ['sport', 'music'] })
    await saveAnswer(test.db, responseId, q('more-of'), { kind: 'skipped' })
    return { cookie: await commitParticipantSession(session), responseId }
  }

  it('carries on at the first unanswered question, with the answers given before kept', async () => {
    const { cookie, responseId } = await startAndAnswerThree()
    // Later: the same device, a new request with the cookie it was given.
    const session = await getParticipantSession(requestFrom(cookie))
    const point = await resumePoint(test.db, session, consultationId, survey)
    // "I don't want to say" on question 3 counts as an answer: carry on at 4.
    expect(point).toEqual({ responseId, position: 4, answered: 3 })
    const saved = await savedAnswers(test.db, responseId, survey)
    expect(saved.get('travel')).toEqual({ kind: 'choice', optionKeys: ['bus'] })
    expect(saved.get('after-school')).toEqual({ kind: 'choice', optionKeys: ['sport', 'music'] })
    expect(saved.get('more-of')).toEqual({ kind: 'skipped' })
  })

  it('carries on at the first gap when a later question was answered first', async () => {
    const { cookie, responseId } = await startAndAnswerThree()
    await saveAnswer(test.db, responseId, q('park-ideas'), { kind: 'ranking', order: ['lights', 'slides', 'toilets'] })
    const session = await getParticipantSession(requestFrom(cookie))
    expect(await resumePoint(test.db, session, consultationId, survey)).toEqual({ responseId, position: 4, answered: 4 })
    await saveAnswer(test.db, responseId, q('what-matters'), { kind: 'ranking', order: ['family', 'friends', 'health', 'school'] })
    expect(await resumePoint(test.db, session, consultationId, survey)).toEqual({ responseId, position: 6, answered: 5 })
  })

  it('offers nothing to another device, to a device with a cookie from another secret, or once the response is finished', async () => {
    const { cookie, responseId } = await startAndAnswerThree()
    expect(await resumePoint(test.db, await getParticipantSession(requestFrom()), consultationId, survey)).toBeUndefined()
    // A cookie whose signature does not match is ignored, not trusted.
    const forged = cookie.replace(/^([^=]+=)([^.;]*)/, '$1AAAA$2')
    expect(await resumePoint(test.db, await getParticipantSession(requestFrom(forged)), consultationId, survey)).toBeUndefined()
    // Finishing removes this consultation's token from the session; the old cookie no longer resumes either.
    const session = await getParticipantSession(requestFrom(cookie))
    await finishResponse(test.db, session, consultationId, responseId)
    expect(await resumePoint(test.db, session, consultationId, survey)).toBeUndefined()
    expect(await resumePoint(test.db, await getParticipantSession(requestFrom(cookie)), consultationId, survey)).toBeUndefined()
  })

  it('keeps two devices apart', async () => {
    const a = await startAndAnswerThree()
    const b = await startAndAnswerThree()
    expect(a.responseId).not.toBe(b.responseId)
    expect((await resumePoint(test.db, await getParticipantSession(requestFrom(a.cookie)), consultationId, survey))?.responseId).toBe(a.responseId)
    expect((await resumePoint(test.db, await getParticipantSession(requestFrom(b.cookie)), consultationId, survey))?.responseId).toBe(b.responseId)
  })
})
