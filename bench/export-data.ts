// Made-up responses in bulk for the export benchmark and the streaming test: a consultation with a
// 10-option multi-select, a 10-item top-5 ranking, a 3-point scale and three demographics, filled
// with batched INSERTs. About 10 answer rows per response.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export const BENCH_SLUG = 'export-bench'
const CONSULTATION = 'export-bench'
const ORG = 'export-bench-org'
const OPTIONS = Array.from({ length: 10 }, (_, i) => `option-${i + 1}`)
const AGE_BANDS = ['age-8-10', 'age-11-13', 'age-14-16', 'age-17-19']
const GENDERS = ['girl', 'boy', 'non-binary']
const AREAS = ['north', 'south', 'east', 'west', 'centre']

/** Creates the consultation and its questions once; returns its id. */
export async function createBenchConsultation(db: Kysely<Database>): Promise<string> {
  const existing = await db.selectFrom('consultation').select('id').where('id', '=', CONSULTATION).executeTakeFirst()
  if (existing) return CONSULTATION
  const now = new Date().toISOString()
  await db.insertInto('organisation').values({ id: ORG, name: 'Bench Council', suppression_threshold: 10, created_at: now }).execute()
  await db
    .insertInto('consultation')
    .values({
      id: CONSULTATION,
      organisation_id: ORG,
      slug: BENCH_SLUG,
      status: 'open',
      default_locale: 'en',
      anonymity: 'anonymous',
      lawful_basis: 'public_task',
      retention_days: 730,
      symbol_mode_default: 0,
      created_at: now,
      updated_at: now,
    })
    .execute()
  const questions = [
    { key: 'groups', type: 'multi', config: '{}', options: OPTIONS },
    { key: 'priorities', type: 'ranking', config: '{"rankCount":5}', options: OPTIONS },
    { key: 'safe', type: 'scale', config: '{"style":"emoji"}', options: ['safe', 'not-sure', 'not-safe'] },
    { key: 'age', type: 'demographic', config: '{"field":"ageBand"}', options: AGE_BANDS },
    { key: 'gender', type: 'demographic', config: '{"field":"gender"}', options: GENDERS },
    { key: 'area', type: 'demographic', config: '{"field":"area"}', options: AREAS },
  ]
  for (const [index, q] of questions.entries()) {
    const questionId = `${CONSULTATION}-${q.key}`
    await db
      .insertInto('question')
      .values({ id: questionId, consultation_id: CONSULTATION, position: index + 1, key: q.key, type: q.type, required: 0, config: q.config, symbol: null })
      .execute()
    await db
      .insertInto('translation')
      .values({ entity_type: 'question', entity_id: questionId, field: 'prompt', locale: 'en', register: 'plain', value: `Question ${q.key}` })
      .execute()
    await db
      .insertInto('option')
      .values(q.options.map((key, i) => ({ id: `${questionId}-${key}`, question_id: questionId, position: i + 1, key, symbol: null })))
      .execute()
  }
  await db
    .insertInto('translation')
    .values({ entity_type: 'consultation', entity_id: CONSULTATION, field: 'title', locale: 'en', register: 'plain', value: 'Export benchmark' })
    .execute()
  return CONSULTATION
}

/** A small, fast, repeatable pseudo-random sequence (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Adds responses until the consultation has at least `answerRows` answer rows. Returns the number
 * of answer rows it now has.
 */
export async function growBenchAnswers(db: Kysely<Database>, answerRows: number, { seed = 1 } = {}): Promise<number> {
  const consultationId = await createBenchConsultation(db)
  const q = (key: string) => `${consultationId}-${key}`
  const countRow = await db
    .selectFrom('answer')
    .innerJoin('question', 'question.id', 'answer.question_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('question.consultation_id', '=', consultationId)
    .executeTakeFirstOrThrow()
  let have = Number(countRow.n)
  const rnd = random(seed + have)
  const now = new Date().toISOString()
  const RESPONSES_PER_BATCH = 500
  while (have < answerRows) {
    const demographics = Array.from({ length: RESPONSES_PER_BATCH }, () => ({
      ageBand: AGE_BANDS[Math.floor(rnd() * AGE_BANDS.length)],
      gender: GENDERS[Math.floor(rnd() * GENDERS.length)],
      area: AREAS[Math.floor(rnd() * AREAS.length)],
    }))
    const tag = `${Date.now().toString(36)}-${have}`
    const added = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('response')
        .values(
          demographics.map((d, i) => ({
            consultation_id: consultationId,
            resume_hash: `bench-${tag}-${i}`,
            locale: 'en',
            status: 'submitted' as const,
            entered_on_behalf: 0,
            demographics: JSON.stringify(d),
            created_at: now,
            submitted_at: now,
          }))
        )
        .returning('id')
        .execute()
      const answers: Array<{ response_id: number; question_id: string; option_id: string; rank: number | null; value: number | null; text: null; skipped: number }> = []
      inserted.forEach(({ id }, i) => {
        const d = demographics[i]
        for (const option of OPTIONS)
          if (rnd() < 0.3) answers.push({ response_id: id, question_id: q('groups'), option_id: `${q('groups')}-${option}`, rank: null, value: null, text: null, skipped: 0 })
        const order = [...OPTIONS].sort(() => rnd() - 0.5).slice(0, 5)
        order.forEach((option, p) =>
          answers.push({ response_id: id, question_id: q('priorities'), option_id: `${q('priorities')}-${option}`, rank: p + 1, value: null, text: null, skipped: 0 })
        )
        const point = Math.floor(rnd() * 3)
        answers.push({
          response_id: id,
          question_id: q('safe'),
          option_id: `${q('safe')}-${['safe', 'not-sure', 'not-safe'][point]}`,
          rank: null,
          value: point + 1,
          text: null,
          skipped: 0,
        })
        answers.push({ response_id: id, question_id: q('age'), option_id: `${q('age')}-${d.ageBand}`, rank: null, value: null, text: null, skipped: 0 })
        answers.push({ response_id: id, question_id: q('gender'), option_id: `${q('gender')}-${d.gender}`, rank: null, value: null, text: null, skipped: 0 })
        answers.push({ response_id: id, question_id: q('area'), option_id: `${q('area')}-${d.area}`, rank: null, value: null, text: null, skipped: 0 })
      })
      // 7 values a row; 1,000 rows stay well inside both databases' parameter limits.
      for (let i = 0; i < answers.length; i += 1000)
        await trx
          .insertInto('answer')
          .values(answers.slice(i, i + 1000))
          .execute()
      return answers.length
    })
    have += added
  }
  return have
}
