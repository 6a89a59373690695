// Responses and their answers. A response belongs to a device (resume token hash), never a person.
import type { AnswerRow } from '~/domain/answers'
import type { DB } from '~/utils/db.server'

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

/** Replaces the answer to one question in one transaction, so a page saved twice never doubles. */
export async function replaceAnswer(db: DB, responseId: number, questionId: string, rows: AnswerRow[]) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('answer').where('response_id', '=', responseId).where('question_id', '=', questionId).execute()
    if (rows.length === 0) return
    await trx
      .insertInto('answer')
      .values(rows.map((r) => ({ response_id: responseId, question_id: questionId, option_id: r.optionId, rank: r.rank, value: r.value, text: r.text, skipped: r.skipped ? 1 : 0 })))
      .execute()
  })
}

export async function listAnswerRows(db: DB, responseId: number) {
  const rows = await db.selectFrom('answer').select(['question_id', 'option_id', 'rank', 'value', 'text', 'skipped']).where('response_id', '=', responseId).orderBy('id').execute()
  return rows.map((r) => ({
    questionId: r.question_id,
    row: { optionId: r.option_id, rank: r.rank, value: r.value, text: r.text, skipped: r.skipped === 1 } satisfies AnswerRow,
  }))
}

export async function submitResponse(db: DB, responseId: number, receiptHash: string, now: string) {
  await db.updateTable('response').set({ status: 'submitted', receipt_hash: receiptHash, submitted_at: now }).where('id', '=', responseId).execute()
}
