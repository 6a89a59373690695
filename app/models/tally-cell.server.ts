// Tally cells: the counts of submitted answers, kept up to date in the same transaction as each change
// (finishing a response, taking it back, an import going in or out, retention), so results over a
// million responses read a few thousand rows instead of every answer. docs/decisions/009-tally-cells.md.
//
// A cell is (question, profile, kind, option, position) → n, where profile is the response's
// demographics snapshot as stored ('' for none), and kind is
//   'o' — answers choosing the option at the position (position 0: no position),
//   'a' — respondents who answered the question, 's' — respondents who chose "I don't want to say",
//   'r' — finished responses; for this kind only, question_id holds the consultation's id.
// Responses still in progress are not in the cells; readers add them live (few, and indexed).
import { type ExpressionBuilder, sql } from 'kysely'
import type { Database } from '../../db/schema'
import type { DB } from '~/utils/db.server'

type ResponseFilter = (eb: ExpressionBuilder<Database & { r: Database['response'] }, 'r'>) => ReturnType<ExpressionBuilder<Database & { r: Database['response'] }, 'r'>['and']>

const CELL_KEY = ['question_id', 'kind', 'option_id', 'rank', 'profile'] as const
const CELL_COLUMNS = ['question_id', 'profile', 'kind', 'option_id', 'rank', 'n'] as const

/**
 * Adds (sign 1) or takes away (sign -1) the answers of the submitted responses matching `filter` to or
 * from the cells. Run it inside the transaction that makes the change, before deleting on -1.
 */
async function applyResponses(trx: DB, filter: ResponseFilter, sign: 1 | -1): Promise<void> {
  const optionRows = trx
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .select([
      'a.question_id',
      sql<string>`coalesce(r.demographics, '')`.as('profile'),
      sql<string>`'o'`.as('kind'),
      sql<string>`a.option_id`.as('option_id'),
      sql<number>`coalesce(a.rank, 0)`.as('rank'),
      sql<number>`count(*) * ${sql.lit(sign)}`.as('n'),
    ])
    .where('r.status', '=', 'submitted')
    .where((eb) => eb.and([filter(eb as never), eb('a.skipped', '=', 0), eb('a.option_id', 'is not', null)]))
    .groupBy(['a.question_id', 'r.demographics', 'a.option_id', 'a.rank'])
  const baseRows = trx
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .select([
      'a.question_id',
      sql<string>`coalesce(r.demographics, '')`.as('profile'),
      sql<string>`case when a.skipped = 1 then 's' else 'a' end`.as('kind'),
      sql<string>`''`.as('option_id'),
      sql<number>`0`.as('rank'),
      sql<number>`count(distinct a.response_id) * ${sql.lit(sign)}`.as('n'),
    ])
    .where('r.status', '=', 'submitted')
    .where((eb) => filter(eb as never))
    .groupBy(['a.question_id', 'r.demographics', 'a.skipped'])
  // Responses themselves (finished ones, per profile), so totals need no count over every response.
  const responseRows = trx
    .selectFrom('response as r')
    .select([
      sql<string>`r.consultation_id`.as('question_id'),
      sql<string>`coalesce(r.demographics, '')`.as('profile'),
      sql<string>`'r'`.as('kind'),
      sql<string>`''`.as('option_id'),
      sql<number>`0`.as('rank'),
      sql<number>`count(*) * ${sql.lit(sign)}`.as('n'),
    ])
    .where('r.status', '=', 'submitted')
    .where((eb) => filter(eb as never))
    .groupBy(['r.consultation_id', 'r.demographics'])
  for (const rows of [optionRows, baseRows, responseRows]) {
    await trx
      .insertInto('tally_cell')
      .columns([...CELL_COLUMNS])
      .expression(rows)
      .onConflict((oc) => oc.columns([...CELL_KEY]).doUpdateSet((eb) => ({ n: eb(eb.ref('tally_cell.n'), '+', eb.ref('excluded.n')) })))
      .execute()
  }
  if (sign === -1) await trx.deleteFrom('tally_cell').where('n', '=', 0).execute()
}

export const addResponseToTallies = (trx: DB, responseId: number) => applyResponses(trx, (eb) => eb('r.id', '=', responseId), 1)
export const removeResponsesFromTallies = (trx: DB, responseIds: number[]) =>
  responseIds.length === 0 ? Promise.resolve() : applyResponses(trx, (eb) => eb('r.id', 'in', responseIds), -1)
export const addImportToTallies = (trx: DB, importId: string) => applyResponses(trx, (eb) => eb('r.import_id', '=', importId), 1)
export const removeImportFromTallies = (trx: DB, importId: string) => applyResponses(trx, (eb) => eb('r.import_id', '=', importId), -1)

/**
 * Counts a consultation's submitted answers into the cells from scratch: after a bulk load that went
 * around the app (the demo seed, benchmarks), or to check the kept counts (tests compare the two).
 */
export async function rebuildTallies(db: DB, consultationId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const questionIds = trx.selectFrom('question').select('id').where('consultation_id', '=', consultationId)
    await trx.deleteFrom('tally_cell').where('question_id', 'in', questionIds).execute()
    await trx.deleteFrom('tally_cell').where('question_id', '=', consultationId).where('kind', '=', 'r').execute()
    await applyResponses(trx, (eb) => eb('r.consultation_id', '=', consultationId), 1)
  })
}

export interface TallyCell {
  questionId: string
  profile: string
  kind: 'o' | 'a' | 's' | 'r'
  optionId: string
  rank: number
  n: number
}

/** Every cell of these questions, optionally only those a breakdown needs (options at no position or position 1). */
export async function listTallyCells(db: DB, questionIds: string[], { firstPositionsOnly = false } = {}): Promise<TallyCell[]> {
  if (questionIds.length === 0) return []
  const rows = await db
    .selectFrom('tally_cell')
    .select(['question_id', 'profile', 'kind', 'option_id', 'rank', 'n'])
    .where('question_id', 'in', questionIds)
    .$if(firstPositionsOnly, (qb) => qb.where('rank', '<=', 1))
    .execute()
  return rows.map((r) => ({ questionId: r.question_id, profile: r.profile, kind: r.kind as TallyCell['kind'], optionId: r.option_id, rank: Number(r.rank), n: Number(r.n) }))
}

/** The cells of these questions summed over every profile, in the database (the primary key's order): one row per question, kind, option and position. */
export async function sumTallyCells(db: DB, questionIds: string[]): Promise<TallyCell[]> {
  if (questionIds.length === 0) return []
  const rows = await db
    .selectFrom('tally_cell')
    .select(['question_id', 'kind', 'option_id', 'rank', (eb) => eb.fn.sum<number | string>('n').as('n')])
    .where('question_id', 'in', questionIds)
    .groupBy(['question_id', 'kind', 'option_id', 'rank'])
    .execute()
  return rows.map((r) => ({ questionId: r.question_id, profile: '', kind: r.kind as TallyCell['kind'], optionId: r.option_id, rank: Number(r.rank), n: Number(r.n) }))
}

/**
 * The same cells, counted live from the answers of responses still in progress (they can still change,
 * so they are never kept). Uses the index on response (consultation, status), then each response's answers.
 */
export async function listInProgressCells(db: DB, consultationId: string, { firstPositionsOnly = false } = {}): Promise<TallyCell[]> {
  const inProgress = (eb: ExpressionBuilder<Database & { r: Database['response'] }, 'r'>) => eb.and([eb('r.consultation_id', '=', consultationId), eb('r.status', '=', 'in_progress')])
  const options = await db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .select(['a.question_id', 'r.demographics', 'a.option_id', 'a.rank', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where((eb) => eb.and([inProgress(eb as never), eb('a.skipped', '=', 0), eb('a.option_id', 'is not', null)]))
    .$if(firstPositionsOnly, (qb) => qb.where((eb) => eb.or([eb('a.rank', 'is', null), eb('a.rank', '=', 1)])))
    .groupBy(['a.question_id', 'r.demographics', 'a.option_id', 'a.rank'])
    .execute()
  const bases = await db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .select(['a.question_id', 'r.demographics', 'a.skipped', (eb) => eb.fn.count<number | string>('a.response_id').distinct().as('n')])
    .where((eb) => inProgress(eb as never))
    .groupBy(['a.question_id', 'r.demographics', 'a.skipped'])
    .execute()
  return [
    ...options.map((r) => ({ questionId: r.question_id, profile: r.demographics ?? '', kind: 'o' as const, optionId: r.option_id ?? '', rank: r.rank ?? 0, n: Number(r.n) })),
    ...bases.map((r) => ({ questionId: r.question_id, profile: r.demographics ?? '', kind: Number(r.skipped) === 1 ? ('s' as const) : ('a' as const), optionId: '', rank: 0, n: Number(r.n) })),
  ]
}

/** Finished responses (from the cells) and responses in progress (counted, along the partial index). */
export async function countConsultationResponses(db: DB, consultationId: string): Promise<{ submitted: number; inProgress: number }> {
  const [kept, live] = await Promise.all([
    db
      .selectFrom('tally_cell')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('n'), eb.lit(0)).as('n'))
      .where('question_id', '=', consultationId)
      .where('kind', '=', 'r')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('response')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('consultation_id', '=', consultationId)
      .where('status', '=', 'in_progress')
      .executeTakeFirstOrThrow(),
  ])
  return { submitted: Number(kept.n), inProgress: Number(live.n) }
}
