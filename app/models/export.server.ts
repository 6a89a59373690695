// Row-level reads for exports, in keyset-paged batches (by response id), so an export of a million
// answers never holds more than one batch in memory. Works the same on SQLite and PostgreSQL.
import type { DB } from '~/utils/db.server'

export interface ExportResponseRow {
  id: number
  status: 'in_progress' | 'submitted'
  demographics: string | null
}

export interface ExportAnswerRow {
  response_id: number
  question_id: string
  option_id: string | null
  rank: number | null
  value: number | null
  text: string | null
  skipped: number
}

/** The next batch of a consultation's responses after `afterId`, oldest first. */
export async function listResponsesAfter(db: DB, consultationId: string, afterId: number, limit: number): Promise<ExportResponseRow[]> {
  return db
    .selectFrom('response')
    .select(['id', 'status', 'demographics'])
    .where('consultation_id', '=', consultationId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute()
}

/**
 * Every answer of the responses with ids from `fromId` to `toId`, in response order. Read by the
 * response index alone (no join), so each batch costs the same however big the table grows; the
 * range may hold other consultations' responses, which the caller leaves out.
 */
export async function listAnswersBetween(db: DB, fromId: number, toId: number): Promise<ExportAnswerRow[]> {
  return (
    db
      .selectFrom('answer')
      .select(['response_id', 'question_id', 'option_id', 'rank', 'value', 'text', 'skipped'])
      .where('response_id', '>=', fromId)
      .where('response_id', '<=', toId)
      // The order of the index on (response_id, question_id): no sort in the database.
      .orderBy('response_id')
      .orderBy('question_id')
      .execute()
  )
}
