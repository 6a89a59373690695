// Aggregates for the planner's results: every number comes from a GROUP BY in the database,
// never from loading responses into memory.
import type { DB } from '~/utils/db.server'

export interface OptionPositionCount {
  questionId: string
  optionId: string
  rank: number | null
  count: number
}

/** How many answers chose each option (and, for rankings, at each position), per question. */
export async function countOptionAnswers(db: DB, consultationId: string): Promise<OptionPositionCount[]> {
  // The consultation's question ids as a list, not a join: each question is then one range of the
  // covering index answer_question_option, with no lookup per answer row.
  const questionIds = (await db.selectFrom('question').select('id').where('consultation_id', '=', consultationId).execute()).map((q) => q.id)
  if (questionIds.length === 0) return []
  const rows = await db
    .selectFrom('answer')
    .select(['answer.question_id', 'answer.option_id', 'answer.rank', (eb) => eb.fn.countAll<number>().as('count')])
    .where('answer.question_id', 'in', questionIds)
    .where('answer.skipped', '=', 0)
    .where('answer.option_id', 'is not', null)
    .groupBy(['answer.question_id', 'answer.option_id', 'answer.rank'])
    .execute()
  return rows.map((r) => ({ questionId: r.question_id, optionId: r.option_id as string, rank: r.rank, count: Number(r.count) }))
}

export interface QuestionBase {
  questionId: string
  answered: number
  skipped: number
}

/**
 * Per question: respondents who answered, and respondents who chose "I don't want to say".
 *
 * Without counting distinct respondents over every answer row: a skip is one row; an answer to any
 * question but multi-select has exactly one row with no rank or with rank 1 (a ranking stores its
 * positions 1, 2, …; everything else one row). Only multi-select needs distinct respondents, and
 * those are counted per question along the index answer_question_skipped_rank, in response order.
 */
export async function countQuestionBases(db: DB, consultationId: string): Promise<QuestionBase[]> {
  const questions = await db.selectFrom('question').select(['id', 'type']).where('consultation_id', '=', consultationId).execute()
  const multi = questions.filter((q) => q.type === 'multi').map((q) => q.id)
  const byQuestion = new Map<string, QuestionBase>(questions.map((q) => [q.id, { questionId: q.id, answered: 0, skipped: 0 }]))
  if (questions.length === 0) return []
  const rows = await db
    .selectFrom('answer')
    .select(['answer.question_id', 'answer.skipped', (eb) => eb.fn.countAll<number>().as('respondents')])
    .where('answer.question_id', 'in', questions.map((q) => q.id))
    .where((eb) => eb.or([eb('answer.rank', 'is', null), eb('answer.rank', '=', 1)]))
    .groupBy(['answer.question_id', 'answer.skipped'])
    .execute()
  for (const r of rows) {
    const base = byQuestion.get(r.question_id)!
    if (Number(r.skipped) === 1) base.skipped = Number(r.respondents)
    else if (!multi.includes(r.question_id)) base.answered = Number(r.respondents)
  }
  for (const questionId of multi) {
    const row = await db
      .selectFrom((eb) =>
        eb.selectFrom('answer').select('answer.response_id').distinct().where('answer.question_id', '=', questionId).where('answer.skipped', '=', 0).where('answer.rank', 'is', null).as('x'),
      )
      .select((eb) => eb.fn.countAll<number>().as('respondents'))
      .executeTakeFirst()
    byQuestion.get(questionId)!.answered = Number(row?.respondents ?? 0)
  }
  return [...byQuestion.values()].filter((base) => base.answered > 0 || base.skipped > 0)
}

/** Responses started and finished. */
export async function countResponses(db: DB, consultationId: string) {
  const rows = await db
    .selectFrom('response')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('consultation_id', '=', consultationId)
    .groupBy('status')
    .execute()
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.count ?? 0)
  return { inProgress: count('in_progress'), submitted: count('submitted') }
}
