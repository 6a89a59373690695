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
  const rows = await db
    .selectFrom('answer')
    .innerJoin('question', 'question.id', 'answer.question_id')
    .select(['answer.question_id', 'answer.option_id', 'answer.rank', (eb) => eb.fn.countAll<number>().as('count')])
    .where('question.consultation_id', '=', consultationId)
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

/** Per question: respondents who answered, and respondents who chose "I don't want to say". */
export async function countQuestionBases(db: DB, consultationId: string): Promise<QuestionBase[]> {
  const rows = await db
    .selectFrom('answer')
    .innerJoin('question', 'question.id', 'answer.question_id')
    .select(['answer.question_id', 'answer.skipped', (eb) => eb.fn.count<number>('answer.response_id').distinct().as('respondents')])
    .where('question.consultation_id', '=', consultationId)
    .groupBy(['answer.question_id', 'answer.skipped'])
    .execute()
  const byQuestion = new Map<string, QuestionBase>()
  for (const r of rows) {
    const base = byQuestion.get(r.question_id) ?? { questionId: r.question_id, answered: 0, skipped: 0 }
    if (r.skipped === 1) base.skipped = Number(r.respondents)
    else base.answered = Number(r.respondents)
    byQuestion.set(r.question_id, base)
  }
  return [...byQuestion.values()]
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
