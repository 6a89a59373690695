// The tally cells must always equal a count from scratch. A seeded random run of everything that
// changes answers — pages saved and saved again (demographics changing), finishing, finishing twice,
// saving after finishing, taking answers back, imports in and out, retention — then the kept cells are
// compared with a rebuild, and the results' counts with a plain GROUP BY over every answer.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDemo } from '../../db/seed/demo'
import { EVERY_QUESTION_SLUG } from '../../db/seed/every-question-content'
import type { Answer } from '~/domain/answers'
import type { ImportedResponse } from '~/domain/csv-format'
import type { Survey, SurveyQuestion } from '~/domain/survey'
import { countAnswersByGroup } from '~/models/analysis.server'
import { findConsultationBySlug } from '~/models/consultation.server'
import { deleteResponseImport, insertResponseImport } from '~/models/import.server'
import { createResponse, submitResponse } from '~/models/response.server'
import { countOptionAnswers, countQuestionBases, countResponses } from '~/models/results.server'
import { deleteResponsesStartedBefore } from '~/models/retention.server'
import { listTallyCells, rebuildTallies, type TallyCell } from '~/models/tally-cell.server'
import { deleteResponseByReceipt } from '~/models/withdrawal.server'
import { saveAnswer } from '~/services/participation.server'
import { loadSurvey } from '~/services/survey.server'
import { createTestDatabase, type TestDatabase, testDialects } from '../helpers/databases'

let seed = 424242
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
const shuffled = <T>(items: readonly T[]): T[] => [...items].map((item) => ({ item, key: random() })).sort((a, b) => a.key - b.key).map((x) => x.item)

function randomAnswer(question: SurveyQuestion): Answer {
  if (random() < 0.15) return { kind: 'skipped' }
  const keys = question.options.map((o) => o.key)
  if (keys.length === 0 && question.type !== 'text') return { kind: 'skipped' } // a story: its words live elsewhere
  switch (question.type) {
    case 'text':
      return { kind: 'text', text: `words ${Math.floor(random() * 1000)}` }
    case 'ranking':
      return { kind: 'ranking', order: shuffled(keys).slice(0, 1 + Math.floor(random() * keys.length)) }
    case 'multi':
      return { kind: 'choice', optionKeys: shuffled(keys).slice(0, 1 + Math.floor(random() * Math.min(3, keys.length))) }
    default:
      return { kind: 'choice', optionKeys: [pick(keys)] }
  }
}

const sortCells = (cells: TallyCell[]) => cells.map((c) => JSON.stringify([c.questionId, c.kind, c.optionId, c.rank, c.profile, c.n])).sort()

describe.each(testDialects())('tally cells [%s]', (dialect) => {
  let test: TestDatabase
  let consultationId: string
  let survey: Survey

  beforeAll(async () => {
    test = await createTestDatabase(dialect)
    await seedDemo(test.db, { syntheticResponses: 0 })
    const consultation = (await findConsultationBySlug(test.db, EVERY_QUESTION_SLUG))!
    consultationId = consultation.id
    survey = await loadSurvey(test.db, consultation, 'en')
  })
  afterAll(async () => test.drop())

  it('equal a count from scratch after a random mix of every kind of change', async () => {
    const inProgress: number[] = []
    const submitted: Array<{ id: number; hash: string }> = []
    const imports: string[] = []
    let device = 0
    let purged = 0
    let withdrawn = 0
    let importsRemoved = 0
    const isDemographic = survey.questions.some((q) => q.type === 'demographic')
    expect(isDemographic).toBe(true) // the breakdown below needs demographics to move between groups

    for (let step = 0; step < 160; step++) {
      const roll = random()
      if (roll < 0.35 || inProgress.length === 0) {
        const id = await createResponse(test.db, { consultationId, resumeHash: `cells-${++device}`, locale: 'en', now: new Date(Date.UTC(2026, 10, 1 + (device % 20))).toISOString() })
        for (const question of survey.questions) if (random() < 0.8) await saveAnswer(test.db, id, question, randomAnswer(question))
        inProgress.push(id)
      } else if (roll < 0.5) {
        // Saved again, often a demographic: the response moves between groups.
        const id = pick(inProgress)
        const question = random() < 0.6 ? pick(survey.questions.filter((q) => q.type === 'demographic')) : pick(survey.questions)
        await saveAnswer(test.db, id, question, randomAnswer(question))
      } else if (roll < 0.72) {
        const id = inProgress.splice(Math.floor(random() * inProgress.length), 1)[0]
        const hash = `hash-${id}`
        await submitResponse(test.db, id, `first-${hash}`, new Date().toISOString())
        if (random() < 0.2) await submitResponse(test.db, id, hash, new Date().toISOString()) // the last page sent twice
        else await test.db.updateTable('response').set({ receipt_hash: hash }).where('id', '=', id).execute()
        submitted.push({ id, hash })
        // A save arriving after the finish changes nothing.
        const before = await test.db.selectFrom('answer').select(['question_id', 'option_id', 'rank', 'text', 'skipped']).where('response_id', '=', id).orderBy('id').execute()
        expect(await saveAnswer(test.db, id, survey.questions[0], randomAnswer(survey.questions[0]))).toBe(false)
        expect(await test.db.selectFrom('answer').select(['question_id', 'option_id', 'rank', 'text', 'skipped']).where('response_id', '=', id).orderBy('id').execute()).toEqual(before)
      } else if (roll < 0.8 && submitted.length > 0) {
        const { id, hash } = submitted.splice(Math.floor(random() * submitted.length), 1)[0]
        expect(await deleteResponseByReceipt(test.db, id, hash)).toBe(true)
        expect(await deleteResponseByReceipt(test.db, id, hash)).toBe(false)
        withdrawn++
      } else if (roll < 0.9) {
        const responses: ImportedResponse[] = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => ({
          respondent: `r${i}`,
          status: random() < 0.8 ? 'submitted' : 'in_progress',
          demographics: random() < 0.5 ? {} : { ageBand: pick(['8-10', '11-13', '14-16']) },
          answers: survey.questions
            .filter((q) => q.options.length > 0 && q.type !== 'demographic')
            .map((q) => ({ questionId: q.id, optionId: random() < 0.2 ? null : pick(q.options).id, rank: q.type === 'ranking' ? 1 : null, value: null, text: null, skipped: false }))
            .map((a) => (a.optionId === null ? { ...a, skipped: true } : a)),
        }))
        imports.push((await insertResponseImport(test.db, { consultationId, locale: 'en', filename: 'paper.csv', userId: null, responses, now: new Date().toISOString() })).id)
      } else if (imports.length > 0 && random() < 0.5) {
        expect(await deleteResponseImport(test.db, consultationId, imports.splice(Math.floor(random() * imports.length), 1)[0])).toBe(true)
        importsRemoved++
      } else {
        const gone = await deleteResponsesStartedBefore(test.db, consultationId, new Date(Date.UTC(2026, 10, 2 + Math.floor(random() * 3))).toISOString(), 3)
        const left = new Set((await test.db.selectFrom('response').select('id').execute()).map((r) => r.id))
        purged += gone
        inProgress.splice(0, inProgress.length, ...inProgress.filter((id) => left.has(id)))
        submitted.splice(0, submitted.length, ...submitted.filter((s) => left.has(s.id)))
      }
    }
    // Every kind of change happened, more than once.
    expect(submitted.length).toBeGreaterThan(5)
    expect(inProgress.length).toBeGreaterThan(5)
    expect(imports.length).toBeGreaterThan(1)
    expect({ purged: purged > 1, withdrawn: withdrawn > 1, importsRemoved: importsRemoved > 1 }).toEqual({ purged: true, withdrawn: true, importsRemoved: true })

    const questionIds = survey.questions.map((q) => q.id)
    const kept = sortCells(await listTallyCells(test.db, questionIds))
    const keptTotals = await countResponses(test.db, consultationId)
    const byStatus = await test.db.selectFrom('response').select(['status', (eb) => eb.fn.countAll<number | string>().as('n')]).where('consultation_id', '=', consultationId).groupBy('status').execute()
    const plain = (status: string) => Number(byStatus.find((r) => r.status === status)?.n ?? 0)
    expect(keptTotals).toEqual({ submitted: plain('submitted'), inProgress: plain('in_progress') })
    expect(kept.length).toBeGreaterThan(20)
    await rebuildTallies(test.db, consultationId)
    expect(sortCells(await listTallyCells(test.db, questionIds))).toEqual(kept)
    expect(await countResponses(test.db, consultationId)).toEqual(keptTotals)

    // The results' counts (kept cells + answers in progress) equal a GROUP BY over every answer.
    const reference = await test.db
      .selectFrom('answer as a')
      .innerJoin('response as r', 'r.id', 'a.response_id')
      .select(['a.question_id', 'a.option_id', 'a.rank', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('r.consultation_id', '=', consultationId)
      .where('a.skipped', '=', 0)
      .where('a.option_id', 'is not', null)
      .groupBy(['a.question_id', 'a.option_id', 'a.rank'])
      .execute()
    const asText = (rows: Array<{ questionId: string; optionId: string | null; rank: number | null; count: number }>) => rows.map((r) => `${r.questionId} ${r.optionId} ${r.rank} ${r.count}`).sort()
    expect(asText(await countOptionAnswers(test.db, consultationId))).toEqual(asText(reference.map((r) => ({ questionId: r.question_id, optionId: r.option_id, rank: r.rank, count: Number(r.n) }))))

    const referenceBases = await test.db
      .selectFrom('answer as a')
      .innerJoin('response as r', 'r.id', 'a.response_id')
      .select(['a.question_id', 'a.skipped', (eb) => eb.fn.count<number | string>('a.response_id').distinct().as('n')])
      .where('r.consultation_id', '=', consultationId)
      .groupBy(['a.question_id', 'a.skipped'])
      .execute()
    const bases = await countQuestionBases(test.db, consultationId)
    for (const row of referenceBases) {
      const base = bases.find((b) => b.questionId === row.question_id)!
      expect(Number(row.skipped) === 1 ? base.skipped : base.answered).toBe(Number(row.n))
    }

    // Broken down by age band: each group's base equals distinct respondents in that group.
    const grouped = await countAnswersByGroup(test.db, consultationId, ['ageBand'])
    const byAge = await sql<{ question_id: string; demographics: string | null; n: number | string }>`
      select a.question_id, r.demographics, count(distinct a.response_id) as n from answer a inner join response r on r.id = a.response_id
      where r.consultation_id = ${consultationId} and a.skipped = 0 group by a.question_id, r.demographics`.execute(test.db)
    const expected = new Map<string, number>()
    for (const row of byAge.rows) {
      const age = (JSON.parse(row.demographics ?? '{}') as Record<string, string>).ageBand ?? null
      const key = `${row.question_id} ${age}`
      expected.set(key, (expected.get(key) ?? 0) + Number(row.n))
    }
    const actual = new Map(grouped.bases.filter((b) => b.answered > 0).map((b) => [`${b.questionId} ${b.group[0]}`, b.answered]))
    expect(actual).toEqual(expected)
  }, 120_000)
})
