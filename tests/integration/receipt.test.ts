// Receipt codes: finding your own answers, wrong codes, taking answers back (and the planner's counts
// changing), and the limit on guesses — through the real services, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import type { Answer } from '~/domain/answers'
import type { Survey } from '~/domain/survey'
import { findConsultationBySlug } from '~/models/consultation.server'
import { createResponse } from '~/models/response.server'
import { deleteResponseByReceipt } from '~/models/withdrawal.server'
import { finishResponse, getParticipantSession, saveAnswer } from '~/services/participation.server'
import { findReceipt, handleReceiptForm, type ReceiptOutcome } from '~/services/receipt.server'
import { buildResults, type ConsultationResults, type QuestionResult } from '~/services/results.server'
import { loadSurvey } from '~/services/survey.server'
import { sha256 } from '~/utils/crypto.server'
import { createReceiptLookupLimiter, type ReceiptLookupLimiter } from '~/utils/rate-limit.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

// finishResponse puts the code in the participant's (signed) cookie session.
process.env.SESSION_SECRET ??= 'receipt-integration-test-secret-of-32-chars+'

function form(entries: Record<string, string>) {
  const data = new FormData()
  for (const [k, v] of Object.entries(entries)) data.append(k, v)
  return data
}

/** The cell's number; fails when it is suppressed (the tests set the threshold to 1 so none is). */
function value(cell: { kind: string; value?: number }): number {
  if (cell.kind !== 'value' || cell.value === undefined) throw new Error(`expected a shown number, got ${JSON.stringify(cell)}`)
  return cell.value
}

function question(results: ConsultationResults, key: string): QuestionResult {
  const found = results.questions.find((q) => q.key === key)
  if (!found) throw new Error(`no results for ${key}`)
  return found
}

function choiceCount(results: ConsultationResults, key: string, option: string): number {
  const q = question(results, key)
  if (q.kind !== 'choice' && q.kind !== 'scale') throw new Error(`${key} is not a choice question`)
  return value(q.rows.find((r) => r.key === option)!.count)
}

function ranking(results: ConsultationResults, option: string) {
  const q = question(results, 'top-priorities')
  if (q.kind !== 'ranking') throw new Error('not a ranking')
  const row = q.rows.find((r) => r.key === option)!
  // Shown in full here: the seed's counts are far above the suppression threshold.
  if (row.bordaScore === null) throw new Error(`${option}: Borda score hidden`)
  return { borda: row.bordaScore, first: value(row.firstPreferences) }
}

const notFound = (typed: string): ReceiptOutcome => ({ status: 200, body: { step: 'enter', error: 'notFound', typed } })

describe.each(testDialects())('receipt codes [%s]', (dialect) => {
  let test: TestDatabase
  let survey: Survey
  let consultation: NonNullable<Awaited<ReturnType<typeof findConsultationBySlug>>>
  let limiter: ReceiptLookupLimiter
  let clock = 0
  // A generous limiter of its own per test file, on a clock the tests move by hand.
  const attempt = (browser = 'browser-1') => limiter.attempt(browser, () => clock)

  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    consultation = (await findConsultationBySlug(test.db, DEMO_SLUG))!
    // Threshold 1: every count is shown, so a change of one can be seen.
    await test.db.updateTable('organisation').set({ suppression_threshold: 1 }).where('id', '=', consultation.organisation_id).execute()
    survey = await loadSurvey(test.db, consultation, 'en')
    limiter = createReceiptLookupLimiter({ everyone: { limit: 1000, windowMs: 60_000 }, perBrowser: { limit: 1000, windowMs: 60_000 } })
  })
  afterAll(async () => test.drop())

  let device = 0
  /** A whole journey through the real services: answers saved page by page, then finished. Returns the code. */
  async function participate(answers: Record<string, Answer>): Promise<{ code: string; responseId: number }> {
    const responseId = await createResponse(test.db, { consultationId: consultation.id, resumeHash: `receipt-device-${++device}`, locale: 'en', now: new Date().toISOString() })
    for (const q of survey.questions) if (answers[q.key]) await saveAnswer(test.db, responseId, q, answers[q.key])
    const session = await getParticipantSession(new Request('http://localhost/'))
    const code = await finishResponse(test.db, session, consultation.id, responseId)
    return { code, responseId }
  }

  const mine: Record<string, Answer> = {
    'priority-groups': { kind: 'choice', optionKeys: ['young-carers', 'in-care'] },
    'top-priorities': { kind: 'ranking', order: ['respect', 'safe-places', 'less-bullying', 'things-to-do', 'safer-from-crime'] },
    'feel-safe': { kind: 'choice', optionKeys: ['sometimes'] },
    'one-change': { kind: 'skipped' },
  }
  const someoneElse: Record<string, Answer> = {
    'priority-groups': { kind: 'choice', optionKeys: ['in-care'] },
    'top-priorities': { kind: 'ranking', order: ['safe-places', 'respect', 'less-bullying', 'things-to-do', 'safer-from-crime'] },
    'feel-safe': { kind: 'choice', optionKeys: ['safe'] },
    'one-change': { kind: 'text', text: 'A bus on Sundays' },
  }

  it('finds your own answers by your code, typed any way, in your language', async () => {
    const { code, responseId } = await participate(mine)
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/)
    // Only the hash is stored.
    const stored = await test.db.selectFrom('response').select('receipt_hash').where('id', '=', responseId).executeTakeFirstOrThrow()
    expect(stored.receipt_hash).toBe(sha256(code))

    const found = await findReceipt(test.db, code, 'en')
    expect(found).toMatchObject({ code, responseId, title: 'Have your say: our plan for children and young people' })
    expect(found!.answers).toEqual([
      { key: 'priority-groups', prompt: 'Which groups of children and young people should be a priority?', answer: { kind: 'choices', labels: ['Children in care', 'Young carers looking after family members'] } },
      {
        key: 'top-priorities',
        prompt: 'Put these in order. What matters most to you?',
        answer: { kind: 'ranking', labels: ['More respect for children and young people', 'Safer places to hang out and play outside', 'Less bullying', 'More things to do, and transport to get there', 'Feeling safer from crime'] },
      },
      { key: 'feel-safe', prompt: survey.questions[2].prompt, answer: { kind: 'choices', labels: ['Sometimes safe'] } },
      { key: 'one-change', prompt: survey.questions[3].prompt, answer: { kind: 'skipped' } },
    ])

    // Lower case, spaces instead of the dash, extra spaces: the same response.
    const typed = ` ${code.slice(0, 4).toLowerCase()} ${code.slice(5).toLowerCase()} `
    expect((await findReceipt(test.db, typed, 'en'))?.responseId).toBe(responseId)
    expect((await findReceipt(test.db, code.replace('-', ''), 'en'))?.responseId).toBe(responseId)

    const welsh = await findReceipt(test.db, code, 'cy')
    expect(welsh!.title).toBe('Dweud dy ddweud: ein cynllun ar gyfer plant a phobl ifanc')
    expect(welsh!.answers[0]).toEqual({ key: 'priority-groups', prompt: 'Pa grwpiau o blant a phobl ifanc ddylai fod yn flaenoriaeth?', answer: { kind: 'choices', labels: ['Plant mewn gofal', "Gofalwyr ifanc sy'n gofalu am aelodau o'r teulu"] } })
    expect(welsh!.answers[2].answer).toEqual({ kind: 'choices', labels: ['Diogel weithiau'] })
    // Easy Read when the participant chose it, plain text where there is no Easy Read version.
    const easy = await findReceipt(test.db, code, 'en', 'easy')
    const easySurvey = await loadSurvey(test.db, consultation, 'en', 'easy')
    expect(easy!.answers.map((a) => a.prompt)).toEqual(easySurvey.questions.map((q) => q.prompt))
    expect(easy!.answers[0].prompt).toBe('Which children need the most help?')

    // The page: status 200, the answers, and the code to send again (normalised), never anything else.
    const page = await handleReceiptForm(test.db, form({ code: typed }), 'en', attempt())
    // The consultation's public link too, for its "You said, we did" page (not secret: it is in every survey URL).
    expect(page).toEqual({ status: 200, body: { step: 'answers', code, title: found!.title, answers: found!.answers, slug: DEMO_SLUG } })
  })

  it('answers a wrong, a made-up, a malformed and an unfinished code all in exactly the same way', async () => {
    const { code } = await participate(mine)
    // One character changed (to another allowed one): a wrong code.
    const wrong = `${code.slice(0, 8)}${code[8] === '3' ? '4' : '3'}`
    const cases = [wrong, 'ACDE-FGHJ', '7KQ4-MXT', 'not a code at all', '0000-0000', '7KQ4-MXTC-7KQ4']
    for (const typed of cases) {
      expect(await findReceipt(test.db, typed, 'en'), typed).toBeNull()
      expect(await handleReceiptForm(test.db, form({ code: typed }), 'en', attempt()), typed).toEqual(notFound(typed))
      expect(await handleReceiptForm(test.db, form({ code: typed, intent: 'withdraw' }), 'en', attempt()), typed).toEqual(notFound(typed))
    }
    // A response still being filled in has no receipt code at all; its resume token is no code either.
    await createResponse(test.db, { consultationId: consultation.id, resumeHash: sha256('UNFI-NISH'), locale: 'en', now: new Date().toISOString() })
    expect(await handleReceiptForm(test.db, form({ code: 'UNFI-NISH' }), 'en', attempt())).toEqual(notFound('UNFI-NISH'))
    // Nothing typed is a different, harmless problem: it asks for the code (and is no guess).
    expect(await handleReceiptForm(test.db, form({ code: '   ' }), 'en', attempt())).toEqual({ status: 400, body: { step: 'enter', error: 'required', typed: '' } })
  })

  it('takes answers back: the "are you sure?" step changes nothing; withdrawing deletes the response and its answers, and the counts drop by exactly them', async () => {
    await participate(someoneElse)
    const { code, responseId } = await participate(mine)
    const before = await buildResults(test.db, consultation, 'en')
    const answerRows = () => test.db.selectFrom('answer').select('id').where('response_id', '=', responseId).execute()
    // 2 ticked boxes + 5 ranked items + 1 face + 1 "I don't want to say" row.
    expect(await answerRows()).toHaveLength(9)

    const confirm = await handleReceiptForm(test.db, form({ code, intent: 'confirm' }), 'en', attempt())
    expect(confirm).toEqual({ status: 200, body: { step: 'confirm', code, title: before.title } })
    expect(await answerRows()).toHaveLength(9)
    expect(value((await buildResults(test.db, consultation, 'en')).submitted)).toBe(value(before.submitted))

    const done = await handleReceiptForm(test.db, form({ code: code.toLowerCase(), intent: 'withdraw' }), 'en', attempt())
    expect(done).toEqual({ status: 200, body: { step: 'withdrawn' } })
    expect(await answerRows()).toHaveLength(0)
    expect(await test.db.selectFrom('response').select('id').where('id', '=', responseId).executeTakeFirst()).toBeUndefined()

    const after = await buildResults(test.db, consultation, 'en')
    expect(value(after.submitted)).toBe(value(before.submitted) - 1)
    // priority-groups: one fewer respondent, one fewer for each box ticked, others unchanged.
    expect(value(question(after, 'priority-groups').answered)).toBe(value(question(before, 'priority-groups').answered) - 1)
    expect(choiceCount(after, 'priority-groups', 'in-care')).toBe(choiceCount(before, 'priority-groups', 'in-care') - 1)
    expect(choiceCount(after, 'priority-groups', 'young-carers')).toBe(choiceCount(before, 'priority-groups', 'young-carers') - 1)
    expect(choiceCount(after, 'priority-groups', 'disabilities')).toBe(choiceCount(before, 'priority-groups', 'disabilities'))
    // Ranking: number 1 earns 5 points … number 5 earns 1. respect was number 1, safe-places number 2.
    const points = { respect: 5, 'safe-places': 4, 'less-bullying': 3, 'things-to-do': 2, 'safer-from-crime': 1 }
    for (const [option, lost] of Object.entries(points)) {
      expect(ranking(after, option).borda, option).toBe(ranking(before, option).borda - lost)
      expect(ranking(after, option).first, option).toBe(ranking(before, option).first - (option === 'respect' ? 1 : 0))
    }
    expect(choiceCount(after, 'feel-safe', 'sometimes')).toBe(choiceCount(before, 'feel-safe', 'sometimes') - 1)
    expect(choiceCount(after, 'feel-safe', 'safe')).toBe(choiceCount(before, 'feel-safe', 'safe'))
    // one-change was "I don't want to say": one fewer skipped, answered unchanged.
    expect(value(question(after, 'one-change').skipped)).toBe(value(question(before, 'one-change').skipped) - 1)
    expect(value(question(after, 'one-change').answered)).toBe(value(question(before, 'one-change').answered))

    // The code now finds nothing: the same answer as a code that never existed, for every step.
    for (const intent of ['show', 'confirm', 'withdraw']) {
      expect(await handleReceiptForm(test.db, form({ code, intent }), 'en', attempt())).toEqual(notFound(code))
    }
  })

  it('deletes in one transaction: with the wrong hash nothing at all is deleted', async () => {
    const { code, responseId } = await participate(someoneElse)
    const rows = async () => (await test.db.selectFrom('answer').select('id').where('response_id', '=', responseId).execute()).length
    expect(await rows()).toBe(8)
    // The answers are deleted first inside the transaction; the response then does not match the hash, so all is rolled back.
    expect(await deleteResponseByReceipt(test.db, responseId, sha256('ACDE-FGHJ'))).toBe(false)
    expect(await rows()).toBe(8)
    expect(await deleteResponseByReceipt(test.db, responseId, sha256(code))).toBe(true)
    expect(await rows()).toBe(0)
    // A second withdrawal of the same response (two taps at once) finds nothing and deletes nothing.
    expect(await deleteResponseByReceipt(test.db, responseId, sha256(code))).toBe(false)
  })

  it('limits failed look-ups per browser and for everyone; right codes do not count, and a limited look-up reveals nothing', async () => {
    const { code } = await participate(mine)
    const strict = createReceiptLookupLimiter({ everyone: { limit: 3, windowMs: 60_000 }, perBrowser: { limit: 2, windowMs: 60_000 } })
    const now = 1_000_000
    const tryCode = (typed: string, browser: string, at = now) => handleReceiptForm(test.db, form({ code: typed }), 'en', strict.attempt(browser, () => at))
    const tooMany = (typed: string, waitMs: number): ReceiptOutcome => ({ status: 429, body: { step: 'enter', error: 'tooMany', typed }, retryAfterMs: waitMs })

    // Right codes, many times: never counted.
    for (let i = 0; i < 5; i++) expect((await tryCode(code, 'a')).body.step).toBe('answers')
    // Browser a: two wrong codes, then it must wait (even with the right code: no hint that it is right).
    expect(await tryCode('ACDE-FGHJ', 'a')).toEqual(notFound('ACDE-FGHJ'))
    expect(await tryCode('ACDE-FGHK', 'a', now + 10_000)).toEqual(notFound('ACDE-FGHK'))
    expect(await tryCode('ACDE-FGHM', 'a', now + 20_000)).toEqual(tooMany('ACDE-FGHM', 40_000))
    expect(await tryCode(code, 'a', now + 20_000)).toEqual(tooMany(code, 40_000))
    // Browser b: one wrong code uses up the last of everyone's 3; then b (and anyone new) must wait too.
    expect(await tryCode('ACDE-FGHN', 'b', now + 30_000)).toEqual(notFound('ACDE-FGHN'))
    expect(await tryCode('ACDE-FGHP', 'b', now + 30_000)).toEqual(tooMany('ACDE-FGHP', 30_000))
    expect(await tryCode(code, 'c', now + 30_000)).toEqual(tooMany(code, 30_000))
    // Asking for the code without typing one is not a guess: it is answered, and costs nothing.
    expect((await handleReceiptForm(test.db, form({ code: '' }), 'en', strict.attempt('c', () => now + 30_000))).status).toBe(400)
    // A minute after the first failure everyone may try again.
    expect((await tryCode(code, 'c', now + 60_000)).body.step).toBe('answers')
    expect((await tryCode(code, 'a', now + 60_000)).body.step).toBe('answers')
  })
})
