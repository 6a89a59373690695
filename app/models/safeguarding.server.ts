// Safeguarding phrases, flags and notes: SQL only. Who may call these is decided in app/services/safeguarding.server.ts.
import type { FlagStatus } from '~/domain/safeguarding'
import type { DB } from '~/utils/db.server'

export interface PhraseRow {
  id: string
  locale: string
  category: string
  phrase: string
  addedBy: string | null
  addedByName: string | null
  createdAt: string
}

export async function listPhrases(db: DB): Promise<PhraseRow[]> {
  const rows = await db
    .selectFrom('safeguarding_phrase')
    .leftJoin('staff_user', 'staff_user.id', 'safeguarding_phrase.added_by')
    .select(['safeguarding_phrase.id', 'locale', 'category', 'phrase', 'added_by', 'staff_user.name', 'safeguarding_phrase.created_at'])
    .orderBy('locale')
    .orderBy('category')
    .orderBy('phrase')
    .execute()
  return rows.map((r) => ({ id: r.id, locale: r.locale, category: r.category, phrase: r.phrase, addedBy: r.added_by, addedByName: r.name, createdAt: r.created_at }))
}

/** False when the same phrase is already in that list. */
export async function insertPhrase(db: DB, row: { id: string; locale: string; category: string; phrase: string; addedBy: string | null; createdAt: string }): Promise<boolean> {
  const existing = await db.selectFrom('safeguarding_phrase').select('id').where('locale', '=', row.locale).where('category', '=', row.category).where('phrase', '=', row.phrase).executeTakeFirst()
  if (existing) return false
  await db.insertInto('safeguarding_phrase').values({ id: row.id, locale: row.locale, category: row.category, phrase: row.phrase, added_by: row.addedBy, created_at: row.createdAt }).execute()
  return true
}

export async function deletePhrase(db: DB, id: string): Promise<PhraseRow | undefined> {
  const found = (await listPhrases(db)).find((p) => p.id === id)
  if (found) await db.deleteFrom('safeguarding_phrase').where('id', '=', id).execute()
  return found
}

/** When the phrase table last changed (so compiled lists can be reused until it does). */
export async function phrasesVersion(db: DB): Promise<string> {
  const row = await db.selectFrom('safeguarding_phrase').select([(eb) => eb.fn.countAll<string | number>().as('n'), (eb) => eb.fn.max('created_at').as('latest')]).executeTakeFirst()
  return `${Number(row?.n ?? 0)}|${row?.latest ?? ''}`
}

export interface FlagInput {
  consultationId: string
  responseId: number
  questionId: string
  categories: string
  phrases: string
  textHash: string
  now: string
}

/**
 * One flag per answer. A new match on an answer already flagged updates what matched (and the hash)
 * without touching its status; returns the flag id and whether it is new.
 */
export async function upsertFlag(db: DB, input: FlagInput): Promise<{ id: number; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('safeguarding_flag').select(['id', 'text_hash']).where('response_id', '=', input.responseId).where('question_id', '=', input.questionId).executeTakeFirst()
    if (existing) {
      if (existing.text_hash !== input.textHash) {
        await trx
          .updateTable('safeguarding_flag')
          .set({ categories: input.categories, phrases: input.phrases, text_hash: input.textHash, updated_at: input.now })
          .where('id', '=', existing.id)
          .execute()
      }
      return { id: existing.id, created: false }
    }
    const inserted = await trx
      .insertInto('safeguarding_flag')
      .values({
        consultation_id: input.consultationId,
        response_id: input.responseId,
        question_id: input.questionId,
        categories: input.categories,
        phrases: input.phrases,
        text_hash: input.textHash,
        status: 'new',
        created_at: input.now,
        updated_at: input.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { id: inserted.id, created: true }
  })
}

export interface FlagRow {
  id: number
  consultationId: string
  consultationSlug: string
  responseId: number
  questionId: string
  questionKey: string | null
  categories: string
  phrases: string
  textHash: string
  status: FlagStatus
  createdAt: string
  updatedAt: string
}

function flagQuery(db: DB) {
  return db
    .selectFrom('safeguarding_flag as f')
    .innerJoin('consultation as c', 'c.id', 'f.consultation_id')
    .leftJoin('question as q', 'q.id', 'f.question_id')
    .select(['f.id', 'f.consultation_id', 'c.slug', 'f.response_id', 'f.question_id', 'q.key', 'f.categories', 'f.phrases', 'f.text_hash', 'f.status', 'f.created_at', 'f.updated_at'])
}

function toFlag(r: Awaited<ReturnType<ReturnType<typeof flagQuery>['execute']>>[number]): FlagRow {
  return {
    id: r.id,
    consultationId: r.consultation_id,
    consultationSlug: r.slug,
    responseId: r.response_id,
    questionId: r.question_id,
    questionKey: r.key,
    categories: r.categories,
    phrases: r.phrases,
    textHash: r.text_hash,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

export async function listFlags(db: DB, status?: FlagStatus): Promise<FlagRow[]> {
  let query = flagQuery(db)
  if (status) query = query.where('f.status', '=', status)
  return (await query.orderBy('f.created_at', 'desc').orderBy('f.id', 'desc').execute()).map(toFlag)
}

export async function countFlagsByStatus(db: DB): Promise<Record<string, number>> {
  const rows = await db.selectFrom('safeguarding_flag').select(['status', (eb) => eb.fn.countAll<string | number>().as('n')]).groupBy('status').execute()
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]))
}

export async function findFlag(db: DB, id: number): Promise<FlagRow | undefined> {
  const row = await flagQuery(db).where('f.id', '=', id).executeTakeFirst()
  return row ? toFlag(row) : undefined
}

/** The flagged answer's text as it is now; undefined when the answer (or its response) is gone. */
export async function findFlaggedText(db: DB, responseId: number, questionId: string): Promise<string | undefined> {
  const row = await db.selectFrom('answer').select('text').where('response_id', '=', responseId).where('question_id', '=', questionId).where('skipped', '=', 0).executeTakeFirst()
  if (row?.text) return row.text
  // A story's words are in the story table (issue 5); its answer row carries no text.
  const story = await db.selectFrom('story').select('text').where('response_id', '=', responseId).where('question_id', '=', questionId).executeTakeFirst()
  return story?.text ?? undefined
}

/** The text answers of a response (for screening at finish). */
export async function listTextAnswers(db: DB, responseId: number): Promise<Array<{ questionId: string; text: string }>> {
  const rows = await db
    .selectFrom('answer')
    .innerJoin('question', 'question.id', 'answer.question_id')
    .select(['answer.question_id', 'answer.text'])
    .where('answer.response_id', '=', responseId)
    .where('question.type', '=', 'text')
    .where('answer.skipped', '=', 0)
    .execute()
  return rows.flatMap((r) => (r.text ? [{ questionId: r.question_id, text: r.text }] : []))
}

export interface NoteRow {
  id: number
  userName: string | null
  statusFrom: string
  statusTo: string
  note: string
  createdAt: string
}

/** Changes a flag's status and keeps the note, together. False when the flag is not found. */
export async function changeFlagStatus(db: DB, input: { flagId: number; userId: string; from: FlagStatus; to: FlagStatus; note: string; now: string }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('safeguarding_flag').set({ status: input.to, updated_at: input.now }).where('id', '=', input.flagId).where('status', '=', input.from).executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) return false
    await trx
      .insertInto('safeguarding_note')
      .values({ flag_id: input.flagId, user_id: input.userId, status_from: input.from, status_to: input.to, note: input.note, created_at: input.now })
      .execute()
    return true
  })
}

export async function listNotes(db: DB, flagId: number): Promise<NoteRow[]> {
  const rows = await db
    .selectFrom('safeguarding_note as n')
    .leftJoin('staff_user as u', 'u.id', 'n.user_id')
    .select(['n.id', 'u.name', 'n.status_from', 'n.status_to', 'n.note', 'n.created_at'])
    .where('n.flag_id', '=', flagId)
    .orderBy('n.id', 'asc')
    .execute()
  return rows.map((r) => ({ id: r.id, userName: r.name, statusFrom: r.status_from, statusTo: r.status_to, note: r.note, createdAt: r.created_at }))
}
