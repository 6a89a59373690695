// Saving answers and counting them, through the real services, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_SLUG, seedDemo } from '../../db/seed/demo'
import { findConsultationBySlug } from '~/models/consultation.server'
import { replaceAnswer } from '~/models/response.server'
import { saveAnswer, savedAnswers } from '~/services/participation.server'
import { buildResults, type QuestionResult } from '~/services/results.server'
import { loadSurvey } from '~/services/survey.server'
import { createResponse } from '~/models/response.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

function choiceRow(result: QuestionResult | undefined, key: string) {
  if (!result || (result.kind !== 'choice' && result.kind !== 'scale')) throw new Error('not a choice result')
  return result.rows.find((r) => r.key === key)
}

describe.each(testDialects())('participation and counts [%s]', (dialect) => {
  let test: TestDatabase
  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
  })
  afterAll(async () => test.drop())

  async function demo() {
    const consultation = await findConsultationBySlug(test.db, DEMO_SLUG)
    if (!consultation) throw new Error('demo missing')
    return { consultation, survey: await loadSurvey(test.db, consultation, 'en') }
  }

  it('loads the seeded survey in English and Welsh with the default language as fallback', async () => {
    const { consultation, survey } = await demo()
    expect(survey.questions.map((q) => q.type)).toEqual(['multi', 'ranking', 'scale', 'text'])
    expect(survey.questions[0].options).toHaveLength(10)
    const welsh = await loadSurvey(test.db, consultation, 'cy')
    expect(welsh.questions[2].prompt).toBe("Pa mor ddiogel wyt ti'n teimlo lle rwyt ti'n byw?")
    const easy = await loadSurvey(test.db, consultation, 'en', 'easy')
    expect(easy.questions[0].prompt).toBe('Which children need the most help?')
    // No Easy Read label for this option, so the plain label is used.
    expect(easy.questions[0].options[2].label).toBe('Children in care')
  })

  it('saves a page, replaces it when saved again, and reads it back', async () => {
    const { consultation, survey } = await demo()
    const id = await createResponse(test.db, { consultationId: consultation.id, resumeHash: 'device-1', locale: 'en', now: new Date().toISOString() })
    const [groups, ranking] = survey.questions
    await saveAnswer(test.db, id, groups, { kind: 'choice', optionKeys: ['in-care', 'young-carers'] })
    await saveAnswer(test.db, id, groups, { kind: 'choice', optionKeys: ['disabilities'] })
    await saveAnswer(test.db, id, ranking, { kind: 'ranking', order: ['less-bullying', 'safe-places', 'respect', 'things-to-do', 'safer-from-crime'] })
    const saved = await savedAnswers(test.db, id, survey)
    expect(saved.get('priority-groups')).toEqual({ kind: 'choice', optionKeys: ['disabilities'] })
    expect(saved.get('top-priorities')).toEqual({ kind: 'ranking', order: ['less-bullying', 'safe-places', 'respect', 'things-to-do', 'safer-from-crime'] })
    expect(saved.has('feel-safe')).toBe(false)
  })

  it('rolls back a page that fails half way, leaving the earlier answer intact', async () => {
    const { consultation, survey } = await demo()
    const id = await createResponse(test.db, { consultationId: consultation.id, resumeHash: 'device-rollback', locale: 'en', now: new Date().toISOString() })
    const groups = survey.questions[0]
    await saveAnswer(test.db, id, groups, { kind: 'choice', optionKeys: ['in-care'] })
    await expect(replaceAnswer(test.db, id, groups.id, [{ optionId: 'no-such-option', rank: null, value: null, text: null, skipped: false }])).rejects.toThrow()
    expect((await savedAnswers(test.db, id, survey)).get('priority-groups')).toEqual({ kind: 'choice', optionKeys: ['in-care'] })
  })

  it('counts respondents per option with suppression below the threshold of 10', async () => {
    const { consultation, survey } = await demo()
    const [groups, , scale] = survey.questions
    // 12 respondents choose in-care; 3 of them also choose teenage-parents; 2 skip the question.
    for (let i = 0; i < 14; i++) {
      const id = await createResponse(test.db, { consultationId: consultation.id, resumeHash: `count-${i}`, locale: 'en', now: new Date().toISOString() })
      if (i >= 12) await saveAnswer(test.db, id, groups, { kind: 'skipped' })
      else await saveAnswer(test.db, id, groups, { kind: 'choice', optionKeys: i < 3 ? ['in-care', 'teenage-parents'] : ['in-care'] })
      await saveAnswer(test.db, id, scale, { kind: 'choice', optionKeys: [i < 11 ? 'safe' : 'not-safe'] })
    }
    const results = await buildResults(test.db, consultation, 'en')
    const q1 = results.questions[0]
    // Respondents from earlier tests in this file: device-1 chose disabilities; device-rollback chose in-care.
    expect(q1.answered).toEqual({ kind: 'value', value: 14 })
    expect(q1.skipped).toEqual({ kind: 'suppressed', mark: 'c' })
    expect(choiceRow(q1, 'in-care')).toMatchObject({ count: { kind: 'value', value: 13 }, percent: 92.9, rank: 1 })
    expect(choiceRow(q1, 'teenage-parents')).toMatchObject({ count: { kind: 'suppressed', mark: 'c' }, percent: 'c', rank: null })
    expect(choiceRow(q1, 'attendance')).toMatchObject({ count: { kind: 'value', value: 0 } })
    // Scale: 11 safe, 3 not safe, which adds up to the shown base of 14 — so the 11 is hidden too.
    const q3 = results.questions[2]
    expect(q3.answered).toEqual({ kind: 'value', value: 14 })
    expect(choiceRow(q3, 'not-safe')?.count).toEqual({ kind: 'suppressed', mark: 'c' })
    expect(choiceRow(q3, 'safe')?.count).toEqual({ kind: 'suppressed', mark: 'c' })
    expect(choiceRow(q3, 'sometimes')?.count).toEqual({ kind: 'value', value: 0 })
    void scale
  })
})
