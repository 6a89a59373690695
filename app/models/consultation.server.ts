// Consultations and their survey content.
import type { TextEntry } from '~/domain/content'
import type { DB } from '~/utils/db.server'

export async function findConsultationBySlug(db: DB, slug: string) {
  return db.selectFrom('consultation').selectAll().where('slug', '=', slug).executeTakeFirst()
}

export async function listConsultations(db: DB, status?: 'open' | 'draft' | 'closed') {
  let query = db.selectFrom('consultation').selectAll().orderBy('created_at', 'desc')
  if (status) query = query.where('status', '=', status)
  return query.execute()
}

export async function listQuestions(db: DB, consultationId: string) {
  return db.selectFrom('question').selectAll().where('consultation_id', '=', consultationId).orderBy('position').execute()
}

export async function listOptions(db: DB, consultationId: string) {
  return db
    .selectFrom('option')
    .innerJoin('question', 'question.id', 'option.question_id')
    .selectAll('option')
    .where('question.consultation_id', '=', consultationId)
    .orderBy('option.question_id')
    .orderBy('option.position')
    .execute()
}

/** Every text of a consultation (its own, its questions' and its options'), in every language. */
export async function listTexts(db: DB, consultationId: string): Promise<TextEntry[]> {
  const questionIds = db.selectFrom('question').select('id').where('consultation_id', '=', consultationId)
  const optionIds = db.selectFrom('option').innerJoin('question', 'question.id', 'option.question_id').select('option.id').where('question.consultation_id', '=', consultationId)
  const rows = await db
    .selectFrom('translation')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'consultation'), eb('entity_id', '=', consultationId)]),
        eb.and([eb('entity_type', '=', 'question'), eb('entity_id', 'in', questionIds)]),
        eb.and([eb('entity_type', '=', 'option'), eb('entity_id', 'in', optionIds)]),
      ]),
    )
    .execute()
  return rows.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id, field: r.field, locale: r.locale, register: r.register, value: r.value }))
}

export async function getSuppressionThreshold(db: DB, organisationId: string): Promise<number> {
  const row = await db.selectFrom('organisation').select('suppression_threshold').where('id', '=', organisationId).executeTakeFirst()
  return row?.suppression_threshold ?? 10
}
