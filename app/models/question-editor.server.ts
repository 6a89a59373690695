// The question editor's SQL: questions, options, their texts, symbols and theme links, positions,
// versions. Every write bumps consultation.updated_at in the same transaction (surveys are cached by it).
import type { DB } from '~/utils/db.server'

type Register = 'plain' | 'easy'
type TextEntity = 'consultation' | 'question' | 'option'

export async function findConsultationById(db: DB, id: string) {
  return db.selectFrom('consultation').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function hasResponses(db: DB, consultationId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('response').select('id').where('consultation_id', '=', consultationId).limit(1).executeTakeFirst())
}

export async function findQuestion(db: DB, consultationId: string, questionId: string) {
  return db.selectFrom('question').selectAll().where('consultation_id', '=', consultationId).where('id', '=', questionId).executeTakeFirst()
}

export async function listQuestionOptions(db: DB, questionId: string) {
  return db.selectFrom('option').selectAll().where('question_id', '=', questionId).orderBy('position').execute()
}

export async function listOptionThemeIds(db: DB, optionIds: string[]) {
  if (!optionIds.length) return []
  return db.selectFrom('option_theme').select(['option_id', 'theme_id']).where('option_id', 'in', optionIds).execute()
}

export async function listEntityTexts(db: DB, entityType: TextEntity, entityIds: string[]) {
  if (!entityIds.length) return []
  return db.selectFrom('translation').selectAll().where('entity_type', '=', entityType).where('entity_id', 'in', entityIds).execute()
}

function touch(db: DB, consultationId: string, updatedAt: string) {
  return db.updateTable('consultation').set({ updated_at: updatedAt }).where('id', '=', consultationId).execute()
}

/** Sets (or, with null, removes) one text in one language and register. */
async function writeText(db: DB, t: { entityType: TextEntity; entityId: string; field: string; locale: string; register: Register; value: string | null }) {
  await db
    .deleteFrom('translation')
    .where('entity_type', '=', t.entityType)
    .where('entity_id', '=', t.entityId)
    .where('field', '=', t.field)
    .where('locale', '=', t.locale)
    .where('register', '=', t.register)
    .execute()
  if (t.value)
    await db
      .insertInto('translation')
      .values({ entity_type: t.entityType, entity_id: t.entityId, field: t.field, locale: t.locale, register: t.register, value: t.value })
      .execute()
}

export interface QuestionWrite {
  id: string
  key: string
  type: string
  required: number
  config: string
  prompt: string
  hint: string | null
  options: Array<{ id: string; key: string; label: string; themes: string[]; isNew: boolean }>
}

/** Adds a question at the end, with its options and texts in the default language. */
export async function insertQuestion(db: DB, consultationId: string, locale: string, q: QuestionWrite, updatedAt: string) {
  await db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('question')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('consultation_id', '=', consultationId)
      .executeTakeFirst()
    const position = Number(last?.max ?? 0) + 1
    await trx
      .insertInto('question')
      .values({ id: q.id, consultation_id: consultationId, position, key: q.key, type: q.type, required: q.required, config: q.config, symbol: null, audio: null })
      .execute()
    await writeQuestionParts(trx, q, locale, [])
    await touch(trx, consultationId, updatedAt)
  })
}

/** Saves an edited question: its row, options (added, changed, removed, in order), default-language texts and theme links. */
export async function updateQuestion(db: DB, consultationId: string, locale: string, q: QuestionWrite, removedOptionIds: string[], updatedAt: string) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('question')
      .set({ key: q.key, type: q.type, required: q.required, config: q.config })
      .where('id', '=', q.id)
      .where('consultation_id', '=', consultationId)
      .execute()
    await writeQuestionParts(trx, q, locale, removedOptionIds)
    await touch(trx, consultationId, updatedAt)
  })
}

async function writeQuestionParts(trx: DB, q: QuestionWrite, locale: string, removedOptionIds: string[]) {
  if (removedOptionIds.length) {
    await trx.deleteFrom('translation').where('entity_type', '=', 'option').where('entity_id', 'in', removedOptionIds).execute()
    await trx.deleteFrom('option_theme').where('option_id', 'in', removedOptionIds).execute()
    await trx.deleteFrom('option').where('question_id', '=', q.id).where('id', 'in', removedOptionIds).execute()
  }
  // Positions first moved out of the way, so (question, position) never clashes while rows are renumbered.
  await trx
    .updateTable('option')
    .set((eb) => ({ position: eb('position', '+', 100000) }))
    .where('question_id', '=', q.id)
    .execute()
  for (const [index, o] of q.options.entries()) {
    if (o.isNew)
      await trx
        .insertInto('option')
        .values({ id: o.id, question_id: q.id, position: index + 1, key: o.key, symbol: null })
        .execute()
    else
      await trx
        .updateTable('option')
        .set({ position: index + 1, key: o.key })
        .where('id', '=', o.id)
        .where('question_id', '=', q.id)
        .execute()
    await writeText(trx, { entityType: 'option', entityId: o.id, field: 'label', locale, register: 'plain', value: o.label })
  }
  await writeText(trx, { entityType: 'question', entityId: q.id, field: 'prompt', locale, register: 'plain', value: q.prompt })
  await writeText(trx, { entityType: 'question', entityId: q.id, field: 'hint', locale, register: 'plain', value: q.hint })
  const optionIds = q.options.map((o) => o.id)
  if (optionIds.length) await trx.deleteFrom('option_theme').where('option_id', 'in', optionIds).execute()
  const links = q.options.flatMap((o) => o.themes.map((themeId) => ({ option_id: o.id, theme_id: themeId })))
  if (links.length) await trx.insertInto('option_theme').values(links).execute()
}

/** Removes a question with its options, texts and links; the others close up. */
export async function deleteQuestion(db: DB, consultationId: string, questionId: string, updatedAt: string) {
  await db.transaction().execute(async (trx) => {
    const optionIds = trx.selectFrom('option').select('id').where('question_id', '=', questionId)
    await trx.deleteFrom('translation').where('entity_type', '=', 'option').where('entity_id', 'in', optionIds).execute()
    await trx.deleteFrom('translation').where('entity_type', '=', 'question').where('entity_id', '=', questionId).execute()
    await trx.deleteFrom('option_theme').where('option_id', 'in', optionIds).execute()
    await trx.deleteFrom('option').where('question_id', '=', questionId).execute()
    await trx.deleteFrom('question').where('id', '=', questionId).where('consultation_id', '=', consultationId).execute()
    const rest = await trx.selectFrom('question').select('id').where('consultation_id', '=', consultationId).orderBy('position').execute()
    await renumber(
      trx,
      consultationId,
      rest.map((r) => r.id)
    )
    await touch(trx, consultationId, updatedAt)
  })
}

async function renumber(trx: DB, consultationId: string, orderedIds: string[]) {
  await trx
    .updateTable('question')
    .set((eb) => ({ position: eb('position', '+', 100000) }))
    .where('consultation_id', '=', consultationId)
    .execute()
  for (const [index, id] of orderedIds.entries())
    await trx
      .updateTable('question')
      .set({ position: index + 1 })
      .where('id', '=', id)
      .where('consultation_id', '=', consultationId)
      .execute()
}

/** Puts the questions in the order given (every question of the consultation, by id). */
export async function setQuestionOrder(db: DB, consultationId: string, orderedIds: string[], updatedAt: string) {
  await db.transaction().execute(async (trx) => {
    await renumber(trx, consultationId, orderedIds)
    await touch(trx, consultationId, updatedAt)
  })
}

/** Sets or removes the symbol of a question or one of its options. */
export async function setSymbol(db: DB, consultationId: string, target: { kind: 'question' | 'option'; id: string; questionId: string }, symbol: string | null, updatedAt: string) {
  await db.transaction().execute(async (trx) => {
    if (target.kind === 'question') await trx.updateTable('question').set({ symbol }).where('id', '=', target.id).where('consultation_id', '=', consultationId).execute()
    else await trx.updateTable('option').set({ symbol }).where('id', '=', target.id).where('question_id', '=', target.questionId).execute()
    await touch(trx, consultationId, updatedAt)
  })
}

/** Writes texts of one language and register (null removes a text). */
export async function writeTexts(
  db: DB,
  consultationId: string,
  texts: Array<{ entityType: TextEntity; entityId: string; field: string; locale: string; register: Register; value: string | null }>,
  updatedAt: string
) {
  await db.transaction().execute(async (trx) => {
    for (const t of texts) await writeText(trx, t)
    await touch(trx, consultationId, updatedAt)
  })
}

export async function setConsultationVersion(db: DB, consultationId: string, version: number, previousVersionId: string | null) {
  await db.updateTable('consultation').set({ version, previous_version_id: previousVersionId }).where('id', '=', consultationId).execute()
}

/** Later versions made from a consultation. */
export async function listNextVersions(db: DB, consultationId: string) {
  return db.selectFrom('consultation').select(['id', 'slug', 'version', 'status']).where('previous_version_id', '=', consultationId).orderBy('version').execute()
}
