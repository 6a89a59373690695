// Aggregate counts (e.g. paper ballots from schools): one import per file, one row per count.
import crypto from 'node:crypto'
import type { AggregateLine } from '~/domain/aggregate-csv'
import type { DB } from '~/utils/db.server'

const COUNTS_PER_INSERT = 1000

export async function insertAggregateImport(
  db: DB,
  input: { consultationId: string; filename: string; userId: string | null; counts: AggregateLine[]; now: string; /** a paper tally for a group session */ sessionId?: string | null }
): Promise<string> {
  const id = crypto.randomUUID()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('aggregate_import')
      .values({ id, consultation_id: input.consultationId, filename: input.filename, created_by: input.userId, created_at: input.now, session_id: input.sessionId ?? null })
      .execute()
    const rows = input.counts.map((c) => ({
      aggregate_import_id: id,
      group_label: c.group,
      question_id: c.questionId,
      option_id: c.optionId,
      position: c.position,
      count: c.count,
      stated_total: c.statedTotal,
    }))
    for (let i = 0; i < rows.length; i += COUNTS_PER_INSERT)
      await trx
        .insertInto('aggregate_count')
        .values(rows.slice(i, i + COUNTS_PER_INSERT))
        .execute()
  })
  return id
}

export async function listAggregateImports(db: DB, consultationId: string) {
  return db.selectFrom('aggregate_import').selectAll().where('consultation_id', '=', consultationId).orderBy('created_at', 'desc').orderBy('id').execute()
}

/** Every count of the consultation's aggregate imports, with question and option keys, in a stable order. */
export async function listAggregateCounts(db: DB, consultationId: string) {
  return db
    .selectFrom('aggregate_count')
    .innerJoin('aggregate_import', 'aggregate_import.id', 'aggregate_count.aggregate_import_id')
    .innerJoin('question', 'question.id', 'aggregate_count.question_id')
    .innerJoin('option', 'option.id', 'aggregate_count.option_id')
    .select([
      'aggregate_count.aggregate_import_id as importId',
      'aggregate_count.group_label as group',
      'question.id as questionId',
      'question.key as questionKey',
      'question.type as questionType',
      'question.position as questionPosition',
      'option.id as optionId',
      'option.key as optionKey',
      'aggregate_count.position',
      'aggregate_count.count',
      'aggregate_count.stated_total as statedTotal',
    ])
    .where('aggregate_import.consultation_id', '=', consultationId)
    .orderBy('aggregate_import.created_at')
    .orderBy('aggregate_count.group_label')
    .orderBy('question.position')
    .orderBy('aggregate_count.position')
    .orderBy('option.position')
    .execute()
}

export async function deleteAggregateImport(db: DB, consultationId: string, importId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('aggregate_import').select('id').where('id', '=', importId).where('consultation_id', '=', consultationId).executeTakeFirst()
    if (!found) return false
    await trx.deleteFrom('aggregate_count').where('aggregate_import_id', '=', importId).execute()
    await trx.deleteFrom('aggregate_import').where('id', '=', importId).execute()
    return true
  })
}
