// Consultations and their survey content.
import type { Insertable } from 'kysely'
import type { ConsultationTable, Database } from '../../db/schema'
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

// --- The consultation builder (issue 4): settings, definitions, status. ---

export type NewConsultation = Insertable<ConsultationTable>

export async function slugTaken(db: DB, slug: string): Promise<boolean> {
  return Boolean(await db.selectFrom('consultation').select('id').where('slug', '=', slug).executeTakeFirst())
}

export async function listConsultationTitles(db: DB, consultationIds: string[]) {
  if (!consultationIds.length) return []
  return db
    .selectFrom('translation')
    .select(['entity_id', 'locale', 'register', 'value'])
    .where('entity_type', '=', 'consultation')
    .where('field', '=', 'title')
    .where('entity_id', 'in', consultationIds)
    .execute()
}

export async function listThemesWithTexts(db: DB, consultationId: string) {
  const themes = await db.selectFrom('theme').select(['id', 'key', 'title', 'description']).where('consultation_id', '=', consultationId).orderBy('key').execute()
  const texts = themes.length
    ? await db.selectFrom('translation').selectAll().where('entity_type', '=', 'theme').where('entity_id', 'in', themes.map((t) => t.id)).execute()
    : []
  return { themes, texts }
}

export async function listOptionThemeKeys(db: DB, consultationId: string) {
  return db
    .selectFrom('option_theme')
    .innerJoin('theme', 'theme.id', 'option_theme.theme_id')
    .select(['option_theme.option_id', 'theme.key'])
    .where('theme.consultation_id', '=', consultationId)
    .orderBy('theme.key')
    .execute()
}

export interface ConsultationRows {
  consultation: NewConsultation
  themes: Database['theme'][]
  questions: Database['question'][]
  options: Database['option'][]
  optionThemes: Database['option_theme'][]
  translations: Database['translation'][]
}

/** Writes a whole new consultation (used by import and duplicate) in one transaction. */
export async function insertConsultationRows(db: DB, rows: ConsultationRows): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('consultation').values(rows.consultation).execute()
    if (rows.themes.length) await trx.insertInto('theme').values(rows.themes).execute()
    for (let i = 0; i < rows.questions.length; i += 200) await trx.insertInto('question').values(rows.questions.slice(i, i + 200)).execute()
    for (let i = 0; i < rows.options.length; i += 200) await trx.insertInto('option').values(rows.options.slice(i, i + 200)).execute()
    for (let i = 0; i < rows.optionThemes.length; i += 200) await trx.insertInto('option_theme').values(rows.optionThemes.slice(i, i + 200)).execute()
    for (let i = 0; i < rows.translations.length; i += 200) await trx.insertInto('translation').values(rows.translations.slice(i, i + 200)).execute()
  })
}

export interface ConsultationSettingsUpdate {
  default_locale: string
  anonymity: 'anonymous' | 'identified'
  lawful_basis: string
  retention_days: number
  symbol_mode_default: number
  audience: string
}

/** Saves the settings and the title/description in one language (plain register); bumps updated_at. */
export async function updateConsultationSettings(db: DB, consultationId: string, settings: ConsultationSettingsUpdate, texts: { locale: string; title: string; description: string | null }, now: string) {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('consultation').set({ ...settings, updated_at: now }).where('id', '=', consultationId).execute()
    for (const [field, value] of [['title', texts.title], ['description', texts.description]] as const) {
      await trx.deleteFrom('translation').where('entity_type', '=', 'consultation').where('entity_id', '=', consultationId).where('field', '=', field).where('locale', '=', texts.locale).where('register', '=', 'plain').execute()
      if (value) await trx.insertInto('translation').values({ entity_type: 'consultation', entity_id: consultationId, field, locale: texts.locale, register: 'plain', value }).execute()
    }
  })
}

export async function setConsultationStatus(db: DB, consultationId: string, status: 'draft' | 'open' | 'closed', now: string) {
  await db.updateTable('consultation').set({ status, updated_at: now }).where('id', '=', consultationId).execute()
}

export async function countConsultationResponses(db: DB, consultationId: string): Promise<number> {
  const row = await db.selectFrom('response').select((eb) => eb.fn.countAll<number>().as('n')).where('consultation_id', '=', consultationId).executeTakeFirst()
  return Number(row?.n ?? 0)
}

export async function firstOrganisationId(db: DB): Promise<string | undefined> {
  const row = await db.selectFrom('organisation').select('id').orderBy('created_at').orderBy('id').executeTakeFirst()
  return row?.id
}
