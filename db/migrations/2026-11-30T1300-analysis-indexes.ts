// Frozen: never edit a migration that has shipped; add a new one.
// Analysis at scale (bench/analysis.ts): respondents per question are counted by walking this index
// in order (question, skipped, rank, response): one row per respondent is the row with no rank or rank
// 1, and a multi-select answer's rows (rank always empty) are in response order, so each respondent
// counts once without a temporary sort of every answer. option_id last makes it cover the cross-tab
// query too (no table lookup per answer row).
import type { Kysely } from 'kysely'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createIndex('answer_question_skipped_rank').on('answer').columns(['question_id', 'skipped', 'rank', 'response_id', 'option_id']).execute()
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('answer_question_skipped_rank').execute()
}
