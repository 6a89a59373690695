// Aggregates for the planner's results: every number comes from the tally cells kept as answers are
// submitted (app/models/tally-cell.server.ts) plus a GROUP BY over answers still in progress; no
// response is ever loaded into memory.
import { countConsultationResponses, listInProgressCells, sumTallyCells, type TallyCell } from '~/models/tally-cell.server'
import type { DB } from '~/utils/db.server'

export interface OptionPositionCount {
  questionId: string
  optionId: string
  rank: number | null
  count: number
}

/** How many answers chose each option (and, for rankings, at each position), per question. */
export async function countOptionAnswers(db: DB, consultationId: string): Promise<OptionPositionCount[]> {
  const questionIds = await listQuestionIds(db, consultationId)
  const counts = new Map<string, OptionPositionCount>()
  for (const cell of await allCells(db, consultationId, questionIds)) {
    if (cell.kind !== 'o') continue
    const key = `${cell.questionId}\u0000${cell.optionId}\u0000${cell.rank}`
    const found = counts.get(key)
    if (found) found.count += cell.n
    else counts.set(key, { questionId: cell.questionId, optionId: cell.optionId, rank: cell.rank === 0 ? null : cell.rank, count: cell.n })
  }
  return [...counts.values()].filter((c) => c.count > 0)
}

export interface QuestionBase {
  questionId: string
  answered: number
  skipped: number
}

/** Per question: respondents who answered, and respondents who chose "I don't want to say". */
export async function countQuestionBases(db: DB, consultationId: string): Promise<QuestionBase[]> {
  const questionIds = await listQuestionIds(db, consultationId)
  const byQuestion = new Map<string, QuestionBase>(questionIds.map((id) => [id, { questionId: id, answered: 0, skipped: 0 }]))
  for (const cell of await allCells(db, consultationId, questionIds)) {
    const base = byQuestion.get(cell.questionId)
    if (!base) continue
    if (cell.kind === 'a') base.answered += cell.n
    else if (cell.kind === 's') base.skipped += cell.n
  }
  return [...byQuestion.values()].filter((base) => base.answered > 0 || base.skipped > 0)
}

async function listQuestionIds(db: DB, consultationId: string): Promise<string[]> {
  return (await db.selectFrom('question').select('id').where('consultation_id', '=', consultationId).execute()).map((q) => q.id)
}

/** Submitted answers from the kept cells, and answers of responses still in progress counted live. */
async function allCells(db: DB, consultationId: string, questionIds: string[]): Promise<TallyCell[]> {
  if (questionIds.length === 0) return []
  const [kept, live] = await Promise.all([sumTallyCells(db, questionIds), listInProgressCells(db, consultationId)])
  return [...kept, ...live]
}

/** Responses started and finished. */
export async function countResponses(db: DB, consultationId: string) {
  return countConsultationResponses(db, consultationId)
}
