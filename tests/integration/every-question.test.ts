// The "Try every kind of question" consultation, demographic snapshots and consent answers,
// through the real services, on SQLite and PostgreSQL.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../db/seed/demo'
import { EVERY_QUESTION_SLUG, everyQuestionQuestions } from '../../db/seed/every-question-content'
import type { Survey, SurveyQuestion } from '~/domain/survey'
import { findConsultationBySlug, listQuestions } from '~/models/consultation.server'
import { createResponse, findResponseDemographics, listAnswerRows } from '~/models/response.server'
import { saveAnswer, savedAnswers } from '~/services/participation.server'
import { buildResults, type QuestionResult } from '~/services/results.server'
import { loadSurvey } from '~/services/survey.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

function question(survey: Survey, key: string): SurveyQuestion {
  const found = survey.questions.find((q) => q.key === key)
  if (!found) throw new Error(`no question ${key}`)
  return found
}

function counts(result: QuestionResult | undefined) {
  if (!result || result.kind !== 'choice') throw new Error('not a choice result')
  return Object.fromEntries(result.rows.map((r) => [r.key, r.count.kind === 'value' ? r.count.value : r.count.mark]))
}

describe.each(testDialects())('every kind of question [%s]', (dialect) => {
  let test: TestDatabase
  let survey: Survey
  let consultationId: string
  let device = 0
  const newResponse = () => createResponse(test.db, { consultationId, resumeHash: `every-${device++}`, locale: 'en', now: new Date().toISOString() })

  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    const consultation = await findConsultationBySlug(test.db, EVERY_QUESTION_SLUG)
    if (!consultation) throw new Error('every-question consultation missing')
    consultationId = consultation.id
    survey = await loadSurvey(test.db, consultation, 'en')
  })
  afterAll(async () => test.drop())

  it('is seeded with one question of each kind, in order, with no responses', async () => {
    expect(survey.title).toBe('Try every kind of question')
    expect(survey.questions.map((q) => [q.key, q.type])).toEqual([
      ['travel', 'single'],
      ['after-school', 'multi'],
      ['more-of', 'multi'],
      ['what-matters', 'ranking'],
      ['park-ideas', 'ranking'],
      ['like-school', 'scale'],
      ['school-going', 'scale'],
      ['feel-most-days', 'scale'],
      ['better-day', 'text'],
      ['quote-consent', 'consent'],
      ['age-band', 'demographic'],
      ['gender', 'demographic'],
      ['area', 'demographic'],
      ['in-care', 'demographic'],
    ])
    expect(question(survey, 'more-of')).toMatchObject({ config: { maxChoices: 3 } })
    expect(question(survey, 'more-of').options).toHaveLength(6)
    expect(question(survey, 'what-matters').options).toHaveLength(4)
    expect(question(survey, 'park-ideas')).toMatchObject({ config: { rankCount: 3 } })
    expect(question(survey, 'park-ideas').options).toHaveLength(6)
    expect(question(survey, 'like-school').options).toHaveLength(2)
    expect(question(survey, 'school-going').options.map((o) => o.label)).toEqual(['Going well', 'Sometimes', 'Not going well'])
    expect(question(survey, 'feel-most-days').options).toHaveLength(5)
    expect(question(survey, 'better-day')).toMatchObject({ config: { maxLength: 300 } })
    expect(question(survey, 'quote-consent')).toMatchObject({ config: { purpose: 'quote' } })
    expect(question(survey, 'quote-consent').options.map((o) => o.key)).toEqual(['yes', 'no'])
    expect(question(survey, 'gender').options.map((o) => o.key)).toEqual(['girl', 'boy', 'non-binary', 'self-describe'])
    expect(question(survey, 'in-care').options.map((o) => o.key)).toEqual(['yes', 'no', 'not-sure'])
    expect((await buildResults(test.db, (await findConsultationBySlug(test.db, EVERY_QUESTION_SLUG))!, 'en')).submitted).toEqual({ kind: 'value', value: 0 })
  })

  it('has an OpenMoji symbol that exists on every question and option', () => {
    const missing: string[] = []
    for (const q of survey.questions) {
      for (const symbol of [q.symbol, ...q.options.map((o) => o.symbol)]) {
        const hex = /^openmoji:([0-9A-F]+(?:-[0-9A-F]+)*)$/.exec(symbol ?? '')?.[1]
        if (!hex || !fs.existsSync(path.resolve('node_modules/openmoji/color/svg', `${hex}.svg`))) missing.push(`${q.key}: ${symbol}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('has Welsh and Easy Read prompts for every question, in both languages', async () => {
    const consultation = (await findConsultationBySlug(test.db, EVERY_QUESTION_SLUG))!
    const welsh = await loadSurvey(test.db, consultation, 'cy')
    const easy = await loadSurvey(test.db, consultation, 'en', 'easy')
    const welshEasy = await loadSurvey(test.db, consultation, 'cy', 'easy')
    expect(welsh.title).toBe('Rho gynnig ar bob math o gwestiwn')
    for (const [i, seeded] of everyQuestionQuestions.entries()) {
      expect(welsh.questions[i].prompt).toBe(seeded.prompt.cy)
      expect(easy.questions[i].prompt).toBe(seeded.prompt.enEasy)
      expect(welshEasy.questions[i].prompt).toBe(seeded.prompt.cyEasy)
      expect(welsh.questions[i].options.map((o) => o.label)).toEqual(seeded.options.map((o) => o.label.cy))
    }
    expect(question(welsh, 'gender').options[3].label).toBe("Dw i'n disgrifio fy hun mewn ffordd arall")
  })

  it('is seeded once: seeding again adds nothing', async () => {
    const before = await listQuestions(test.db, consultationId)
    expect(await seedDemo(test.db, { syntheticResponses: 0 })).toBe(false)
    expect(await listQuestions(test.db, consultationId)).toEqual(before)
  })

  it('keeps demographic answers with the response as given, replacing a field when answered again', async () => {
    const id = await newResponse()
    expect(await findResponseDemographics(test.db, id)).toBeNull()
    // Non-demographic answers leave the snapshot alone.
    await saveAnswer(test.db, id, question(survey, 'travel'), { kind: 'choice', optionKeys: ['bus'] })
    await saveAnswer(test.db, id, question(survey, 'quote-consent'), { kind: 'choice', optionKeys: ['yes'] })
    expect(await findResponseDemographics(test.db, id)).toBeNull()

    await saveAnswer(test.db, id, question(survey, 'in-care'), { kind: 'choice', optionKeys: ['yes'] })
    expect(JSON.parse((await findResponseDemographics(test.db, id))!)).toEqual({ inCare: 'yes' })
    await saveAnswer(test.db, id, question(survey, 'age-band'), { kind: 'choice', optionKeys: ['age-8-10'] })
    await saveAnswer(test.db, id, question(survey, 'age-band'), { kind: 'choice', optionKeys: ['age-11-13'] })
    await saveAnswer(test.db, id, question(survey, 'gender'), { kind: 'choice', optionKeys: ['self-describe'], selfDescribed: 'genderfluid' })
    await saveAnswer(test.db, id, question(survey, 'area'), { kind: 'skipped' })
    expect(await findResponseDemographics(test.db, id)).toBe('{"ageBand":"age-11-13","gender":"self-describe","area":"prefer-not-to-say","inCare":"yes"}')

    // The own words are kept with the answer (not in the snapshot) and shown again on Back.
    const saved = await savedAnswers(test.db, id, survey)
    expect(saved.get('gender')).toEqual({ kind: 'choice', optionKeys: ['self-describe'], selfDescribed: 'genderfluid' })
    expect(saved.get('quote-consent')).toEqual({ kind: 'choice', optionKeys: ['yes'] })
    expect(saved.get('area')).toEqual({ kind: 'skipped' })
    const genderRows = (await listAnswerRows(test.db, id)).filter((r) => r.questionId === question(survey, 'gender').id)
    expect(genderRows.map((r) => [r.row.optionId, r.row.text])).toEqual([['eq-gender.self-describe', 'genderfluid']])
  })

  it('loses no field when two demographic pages are saved at the same moment', async () => {
    const id = await newResponse()
    await Promise.all([
      saveAnswer(test.db, id, question(survey, 'age-band'), { kind: 'choice', optionKeys: ['age-14-16'] }),
      saveAnswer(test.db, id, question(survey, 'gender'), { kind: 'choice', optionKeys: ['girl'] }),
      saveAnswer(test.db, id, question(survey, 'area'), { kind: 'choice', optionKeys: ['riverside'] }),
      saveAnswer(test.db, id, question(survey, 'in-care'), { kind: 'choice', optionKeys: ['no'] }),
    ])
    expect(JSON.parse((await findResponseDemographics(test.db, id))!)).toEqual({ ageBand: 'age-14-16', gender: 'girl', area: 'riverside', inCare: 'no' })
  })

  it('counts demographic and consent answers like single choice, hiding small numbers and every self-described word', async () => {
    // Respondents so far: the first test response (age 11-13, self-describe, consent yes) and the
    // concurrent one (age 14-16, girl). Add 10 more: 9 aged 11-13 saying no, 1 aged 17-19 saying yes.
    for (let i = 0; i < 10; i++) {
      const id = await newResponse()
      await saveAnswer(test.db, id, question(survey, 'age-band'), { kind: 'choice', optionKeys: [i < 9 ? 'age-11-13' : 'age-17-19'] })
      await saveAnswer(test.db, id, question(survey, 'quote-consent'), { kind: 'choice', optionKeys: [i < 9 ? 'no' : 'yes'] })
      await saveAnswer(test.db, id, question(survey, 'gender'), { kind: 'choice', optionKeys: ['self-describe'], selfDescribed: `secret words ${i}` })
    }
    const consultation = (await findConsultationBySlug(test.db, EVERY_QUESTION_SLUG))!
    const results = await buildResults(test.db, consultation, 'en')
    const byKey = (key: string) => results.questions.find((q) => q.key === key)

    // Age: 12 answered: 10 × 11-13, 1 × 14-16, 1 × 17-19. The two 1s are hidden; 10 is shown, since
    // 12 − 10 gives only the sum of two hidden cells, not either one.
    const age = byKey('age-band')
    expect(age).toMatchObject({ kind: 'choice', multi: false, answered: { kind: 'value', value: 12 }, tooFew: false })
    expect(counts(age)).toEqual({ 'age-under-8': 0, 'age-8-10': 0, 'age-11-13': 10, 'age-14-16': 'c', 'age-17-19': 'c', 'age-20-25': 0 })

    // Consent: 11 answered: 9 no, 2 yes: both under 10, both hidden.
    const consent = byKey('quote-consent')
    expect(consent).toMatchObject({ kind: 'choice', multi: false, answered: { kind: 'value', value: 11 } })
    expect(counts(consent)).toEqual({ yes: 'c', no: 'c' })

    // Gender: 12 answered: 11 self-describe, 1 girl. The 1 is hidden, so the 11 is too (else 12 − 11
    // gives it away). Nothing in the result carries the words.
    const gender = byKey('gender')
    expect(gender).toMatchObject({ answered: { kind: 'value', value: 12 } })
    expect(counts(gender)).toEqual({ girl: 'c', boy: 0, 'non-binary': 0, 'self-describe': 'c' })
    expect(JSON.stringify(results)).not.toMatch(/secret words|genderfluid/)
  })
})
