// Responses and their answers. A response belongs to a device (resume token hash), never a person.
import type { AnswerRow } from '~/domain/answers'
import { addResponseToTallies } from '~/models/tally-cell.server'
import { type DB, locksRows } from '~/utils/db.server'

export async function createResponse(db: DB, input: { consultationId: string; resumeHash: string; locale: string; now: string }) {
  const row = await db
    .insertInto('response')
    .values({ consultation_id: input.consultationId, resume_hash: input.resumeHash, locale: input.locale, status: 'in_progress', entered_on_behalf: 0, created_at: input.now })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function findResponseByResumeHash(db: DB, consultationId: string, resumeHash: string) {
  return db.selectFrom('response').selectAll().where('consultation_id', '=', consultationId).where('resume_hash', '=', resumeHash).executeTakeFirst()
}

/**
 * Replaces the answer to one question in one transaction, so a page saved twice never doubles.
 * `updateDemographics` (for demographic questions) turns the response's stored snapshot into the
 * new one, in the same transaction as the answer. False (nothing saved) when the response is finished.
 */
export async function replaceAnswer(db: DB, responseId: number, questionId: string, rows: AnswerRow[], updateDemographics?: (current: string | null) => string | null): Promise<boolean> {
  // Built and compiled before the transaction begins, so the database is held only while they run:
  // on SQLite every process's saves take turns at one write lock (docs/decisions/011).
  // Only while the response is in progress: a finished one is counted in the tally cells and must not
  // change under them. The row is kept by this transaction (FOR UPDATE on PostgreSQL; on SQLite the
  // transaction holds the write lock), so a save and a finish never interleave. Reading it writes nothing.
  const status = db
    .selectFrom('response')
    .select('status')
    .where('id', '=', responseId)
    .$if(locksRows(db), (query) => query.forUpdate())
    .compile()
  const remove = db.deleteFrom('answer').where('response_id', '=', responseId).where('question_id', '=', questionId).compile()
  const insert = rows.length
    ? db
        .insertInto('answer')
        .values(rows.map((r) => ({ response_id: responseId, question_id: questionId, option_id: r.optionId, rank: r.rank, value: r.value, text: r.text, skipped: r.skipped ? 1 : 0 })))
        .compile()
    : null
  return db.transaction().execute(async (trx) => {
    const open = (await trx.executeQuery(status)).rows[0]
    if (open?.status !== 'in_progress') return false
    await trx.executeQuery(remove)
    if (insert) await trx.executeQuery(insert)
    if (updateDemographics) await updateResponseDemographics(trx, responseId, updateDemographics)
    return true
  })
}

/**
 * Read, change, write back only if nobody changed it in between (compare-and-set, portable across
 * SQLite and PostgreSQL), so two pages saved at once cannot lose each other's field.
 */
async function updateResponseDemographics(db: DB, responseId: number, update: (current: string | null) => string | null) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await db.selectFrom('response').select('demographics').where('id', '=', responseId).executeTakeFirst()
    if (!row) throw new Error(`Response ${responseId} not found`)
    const next = update(row.demographics)
    if (next === row.demographics) return
    const result = await db
      .updateTable('response')
      .set({ demographics: next })
      .where('id', '=', responseId)
      .where((eb) => (row.demographics === null ? eb('demographics', 'is', null) : eb('demographics', '=', row.demographics)))
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 1) return
  }
  throw new Error(`Response ${responseId}: demographics kept changing while being saved`)
}

export async function findResponseDemographics(db: DB, responseId: number): Promise<string | null> {
  const row = await db.selectFrom('response').select('demographics').where('id', '=', responseId).executeTakeFirst()
  return row?.demographics ?? null
}

export async function listAnswerRows(db: DB, responseId: number) {
  const rows = await db.selectFrom('answer').select(['question_id', 'option_id', 'rank', 'value', 'text', 'skipped']).where('response_id', '=', responseId).orderBy('id').execute()
  return rows.map((r) => ({
    questionId: r.question_id,
    row: { optionId: r.option_id, rank: r.rank, value: r.value, text: r.text, skipped: r.skipped === 1 } satisfies AnswerRow,
  }))
}

/**
 * Marks the response finished with its receipt code's hash and counts its answers into the tally cells,
 * in one transaction. Finishing twice (the last page sent twice) only replaces the hash: the latest code
 * shown is the one that works, and nothing is counted twice.
 */
export async function submitResponse(db: DB, responseId: number, receiptHash: string, now: string) {
  await db.transaction().execute(async (trx) => {
    const finished = await trx
      .updateTable('response')
      .set({ status: 'submitted', receipt_hash: receiptHash, submitted_at: now })
      .where('id', '=', responseId)
      .where('status', '=', 'in_progress')
      .executeTakeFirst()
    if (Number(finished.numUpdatedRows) === 1) await addResponseToTallies(trx, responseId)
    else await trx.updateTable('response').set({ receipt_hash: receiptHash }).where('id', '=', responseId).execute()
  })
}
