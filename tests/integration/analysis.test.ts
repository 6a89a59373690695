// Cross-tabs through the real services: answers saved as participants save them, demographics
// kept as given at the time, counted by GROUP BY on SQLite and PostgreSQL, then suppressed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../db/seed/demo'
import { EVERY_QUESTION_SLUG } from '../../db/seed/every-question-content'
import type { Answer } from '~/domain/answers'
import { NOT_GIVEN } from '~/domain/crosstab'
import type { DisclosedCell } from '~/domain/disclosure'
import type { Survey, SurveyQuestion } from '~/domain/survey'
import { findConsultationBySlug } from '~/models/consultation.server'
import { createResponse } from '~/models/response.server'
import { saveAnswer } from '~/services/participation.server'
import { buildResults, type ConsultationResults, type QuestionResult } from '~/services/results.server'
import { loadSurvey, type Consultation } from '~/services/survey.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

const value = (cell: DisclosedCell) => (cell.kind === 'value' ? cell.value : null)

function question(survey: Survey, key: string): SurveyQuestion {
  const found = survey.questions.find((q) => q.key === key)
  if (!found) throw new Error(`no question ${key}`)
  return found
}

function result(results: ConsultationResults, key: string): QuestionResult {
  const found = results.questions.find((q) => q.key === key)
  if (!found) throw new Error(`no result ${key}`)
  return found
}

// 90 participants. Age band and gender follow a fixed pattern; every 9th gives neither (never
// reached those questions), every 10th prefers not to say their gender.
const ages = ['age-8-10', 'age-11-13', 'age-14-16']
const travel = ['walk', 'bus', 'car', 'bike']
function participant(n: number) {
  const noDemographics = n % 9 === 8
  return {
    age: noDemographics ? null : ages[n % 3],
    gender: noDemographics ? null : n % 10 === 7 ? 'skip' : n % 2 === 0 ? 'girl' : 'boy',
    // Mostly walk or bus; "car" only from 4 people and "bike" from 11, so some cells are small.
    travel: n < 4 ? 'car' : n < 15 ? 'bike' : travel[n % 2],
    afterSchool: ['sport', ...(n % 3 === 0 ? ['games'] : []), ...(n % 17 === 0 ? ['reading'] : [])],
  }
}

describe.each(testDialects())('cross-tabs by group [%s]', (dialect) => {
  let test: TestDatabase
  let consultation: Consultation
  const people = Array.from({ length: 90 }, (_, n) => participant(n))

  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    const found = await findConsultationBySlug(test.db, EVERY_QUESTION_SLUG)
    if (!found) throw new Error('every-question consultation missing')
    consultation = found
    // The threshold is the organisation's own setting.
    await test.db.updateTable('organisation').set({ suppression_threshold: 5 }).where('id', '=', consultation.organisation_id).execute()
    const survey = await loadSurvey(test.db, consultation, 'en')
    for (const [n, person] of people.entries()) {
      const id = await createResponse(test.db, { consultationId: consultation.id, resumeHash: `analysis-${n}`, locale: 'en', now: new Date().toISOString() })
      const save = (key: string, answer: Answer) => saveAnswer(test.db, id, question(survey, key), answer)
      await save('travel', { kind: 'choice', optionKeys: [person.travel] })
      await save('after-school', { kind: 'choice', optionKeys: person.afterSchool })
      if (person.age) await save('age-band', { kind: 'choice', optionKeys: [person.age] })
      if (person.gender) await save('gender', person.gender === 'skip' ? { kind: 'skipped' } : { kind: 'choice', optionKeys: [person.gender] })
    }
  }, 120_000)
  afterAll(async () => test.drop())

  it('breaks single choice down by age band, with every group as a row and the organisation’s threshold', async () => {
    const results = await buildResults(test.db, consultation, 'en', { breakdown: ['ageBand'] })
    expect(results.threshold).toBe(5)
    expect(results.breakdownFields).toEqual(expect.arrayContaining(['ageBand', 'gender', 'area', 'inCare']))
    const tab = result(results, 'travel').crossTab!
    expect(tab.additive).toBe(true)
    expect(tab.groups.map((g) => g.key)).toEqual(['age-8-10', 'age-11-13', 'age-14-16', NOT_GIVEN])
    expect(tab.groups[0].parts[0].label).toBe('8 to 10')

    // What the participants above gave, counted here by hand.
    const truth = tab.groups.map((g) => tab.columns.map((c) => people.filter((p) => (p.age ?? NOT_GIVEN) === g.key && p.travel === c.key).length))
    const bases = tab.groups.map((g) => people.filter((p) => (p.age ?? NOT_GIVEN) === g.key).length)
    tab.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (cell.count.kind === 'value') expect(cell.count.value).toBe(truth[i][j])
        if (truth[i][j] > 0 && truth[i][j] < 5) expect(cell.count.kind).toBe('suppressed')
      }),
    )
    tab.bases.forEach((cell, i) => cell.kind === 'value' && expect(cell.value).toBe(bases[i]))
    expect(value(tab.grandTotal)).toBe(90)
    // The question's own table and the cross-tab agree on what they show.
    const own = result(results, 'travel')
    if (own.kind !== 'choice') throw new Error('travel is single choice')
    own.rows.forEach((row, j) => {
      if (row.count.kind === 'value' && tab.columnTotals[j].kind === 'value') expect(tab.columnTotals[j]).toEqual(row.count)
      if (row.count.kind !== 'value') expect(tab.columnTotals[j].kind).toBe('suppressed')
    })
    // "car" was chosen by 4 people in all: hidden everywhere.
    expect(tab.columnTotals[travel.indexOf('car')].kind).toBe('suppressed')
  })

  it('breaks multi-select down by two fields, with prefer not to say and not given as their own rows', async () => {
    const results = await buildResults(test.db, consultation, 'en', { breakdown: ['ageBand', 'gender'] })
    const tab = result(results, 'after-school').crossTab!
    expect(tab.additive).toBe(false)
    expect(tab.fields).toEqual(['ageBand', 'gender'])
    const keyOf = (p: ReturnType<typeof participant>) => `${p.age ?? NOT_GIVEN}|${p.gender === 'skip' ? 'prefer-not-to-say' : (p.gender ?? NOT_GIVEN)}`
    const expectedGroups = [...new Set(people.map(keyOf))]
    expect([...tab.groups.map((g) => g.key)].sort()).toEqual(expectedGroups.sort())
    expect(tab.groups.at(-1)!.key).toBe(`${NOT_GIVEN}|${NOT_GIVEN}`)
    expect(tab.groups.find((g) => g.key === 'age-8-10|prefer-not-to-say')?.parts).toEqual([
      { value: 'age-8-10', label: '8 to 10' },
      { value: 'prefer-not-to-say', label: null },
    ])
    const sport = tab.columns.findIndex((c) => c.key === 'sport')
    tab.groups.forEach((g, i) => {
      const members = people.filter((p) => keyOf(p) === g.key)
      const cell = tab.cells[i][sport]
      if (cell.count.kind === 'value') expect(cell.count.value).toBe(members.length)
      else expect(members.length).toBeLessThan(90)
    })
    expect(value(tab.columnTotals[sport])).toBe(90)
    // Each column with its total: never exactly one hidden count.
    tab.columns.forEach((_, j) => {
      const hidden = tab.cells.filter((row) => row[j].count.kind !== 'value').length + (tab.columnTotals[j].kind === 'value' ? 0 : 1)
      expect(hidden).not.toBe(1)
    })
  })

  it('keeps the table by age band × gender safe against the table by age band alone', async () => {
    const [byAge, byBoth] = await Promise.all([
      buildResults(test.db, consultation, 'en', { breakdown: ['ageBand'] }),
      buildResults(test.db, consultation, 'en', { breakdown: ['ageBand', 'gender'] }),
    ])
    for (const key of ['travel', 'after-school']) {
      const coarse = result(byAge, key).crossTab!
      const fine = result(byBoth, key).crossTab!
      coarse.groups.forEach((group, r) => {
        const block = fine.groups.flatMap((g, i) => (g.key.split('|')[0] === group.key ? [i] : []))
        expect(block.length).toBeGreaterThan(0)
        // Each column of the block adds up to the age band's cell: never exactly one hidden entry among them.
        coarse.columns.forEach((_, j) => {
          const hidden = block.filter((i) => fine.cells[i][j].count.kind !== 'value').length + (coarse.cells[r][j].count.kind !== 'value' ? 1 : 0)
          expect(hidden, `${key} ${group.key} ${coarse.columns[j].key}`).not.toBe(1)
        })
        const hiddenBases = block.filter((i) => fine.bases[i].kind !== 'value').length + (coarse.bases[r].kind !== 'value' ? 1 : 0)
        expect(hiddenBases).not.toBe(1)
      })
    }
  })

  it('ignores breakdown fields the survey does not ask about, and gives no cross-tab without one', async () => {
    const none = await buildResults(test.db, consultation, 'en', { breakdown: ['youngCarer'] })
    expect(none.breakdown).toBeNull()
    expect(none.questions.every((q) => q.crossTab === null)).toBe(true)
  })
})
