// Group results (a group's diamond 9, dot votes or agreed ranking, in a session) and paper entry
// (responses typed up from paper forms, paper tallies for a session).
import crypto from 'node:crypto'
import type { AnswerRow } from '~/domain/answers'
import { addResponseToTallies } from '~/models/tally-cell.server'
import type { DB } from '~/utils/db.server'
import type { GroupResultKind } from '../../db/schema'

/** The consultation a session belongs to (every column, as findConsultationBySlug gives it). */
export async function findSessionConsultation(db: DB, sessionId: string) {
  return db.selectFrom('consultation').selectAll('consultation').innerJoin('session', 'session.consultation_id', 'consultation.id').where('session.id', '=', sessionId).executeTakeFirst()
}

export interface NewGroupResult {
  kind: GroupResultKind
  sessionId: string
  consultationId: string
  questionId: string
  label: string | null
  people: number
  dotsPerPerson: number | null
  agreed: number | null
  enteredBy: string | null
  imageId: string | null
  now: string
  items: Array<{ optionId: string; tier: number | null; dots: number | null; rank: number | null }>
}

/** Saves a group result with one item per option, in one transaction. */
export async function insertGroupResult(db: DB, input: NewGroupResult): Promise<string> {
  const id = crypto.randomUUID()
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('group_result')
      .values({
        id,
        kind: input.kind,
        session_id: input.sessionId,
        consultation_id: input.consultationId,
        question_id: input.questionId,
        label: input.label,
        people: input.people,
        dots_per_person: input.dotsPerPerson,
        agreed: input.agreed,
        entered_by: input.enteredBy,
        image_id: input.imageId,
        created_at: input.now,
      })
      .execute()
    if (input.items.length) {
      await trx
        .insertInto('group_result_item')
        .values(input.items.map((item) => ({ group_result_id: id, option_id: item.optionId, tier: item.tier, dots: item.dots, rank: item.rank })))
        .execute()
    }
  })
  return id
}

export interface GroupResultRecord {
  id: string
  kind: GroupResultKind
  sessionId: string
  questionId: string
  label: string | null
  people: number
  dotsPerPerson: number | null
  agreed: number | null
  imageId: string | null
  createdAt: string
  items: Array<{ optionId: string; tier: number | null; dots: number | null; rank: number | null }>
}

/**
 * Group results with their items, for a session or a whole consultation. A consultation has tens or
 * hundreds of group results (one per group, not per child), so they are read whole.
 */
export async function listGroupResults(db: DB, where: { sessionId: string } | { consultationId: string }): Promise<GroupResultRecord[]> {
  let query = db.selectFrom('group_result').selectAll()
  query = 'sessionId' in where ? query.where('session_id', '=', where.sessionId) : query.where('consultation_id', '=', where.consultationId)
  const results = await query.orderBy('created_at').orderBy('id').execute()
  if (results.length === 0) return []
  const items = await db
    .selectFrom('group_result_item')
    .innerJoin('group_result', 'group_result.id', 'group_result_item.group_result_id')
    .select(['group_result_item.group_result_id', 'group_result_item.option_id', 'group_result_item.tier', 'group_result_item.dots', 'group_result_item.rank'])
    .where('sessionId' in where ? 'group_result.session_id' : 'group_result.consultation_id', '=', 'sessionId' in where ? where.sessionId : where.consultationId)
    .execute()
  const byResult = new Map<string, GroupResultRecord['items']>()
  for (const item of items) {
    const list = byResult.get(item.group_result_id) ?? []
    list.push({ optionId: item.option_id, tier: item.tier === null ? null : Number(item.tier), dots: item.dots === null ? null : Number(item.dots), rank: item.rank === null ? null : Number(item.rank) })
    byResult.set(item.group_result_id, list)
  }
  return results.map((r) => ({
    id: r.id,
    kind: r.kind,
    sessionId: r.session_id,
    questionId: r.question_id,
    label: r.label,
    people: Number(r.people),
    dotsPerPerson: r.dots_per_person === null ? null : Number(r.dots_per_person),
    agreed: r.agreed === null ? null : Number(r.agreed),
    imageId: r.image_id,
    createdAt: r.created_at,
    items: byResult.get(r.id) ?? [],
  }))
}

/** Deletes one of a session's group results (and its photo); false when there is no such result. */
export async function deleteGroupResult(db: DB, sessionId: string, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('group_result').select(['id', 'image_id']).where('id', '=', id).where('session_id', '=', sessionId).executeTakeFirst()
    if (!found) return false
    await trx.deleteFrom('group_result_item').where('group_result_id', '=', id).execute()
    await trx.deleteFrom('group_result').where('id', '=', id).execute()
    if (found.image_id) await trx.deleteFrom('image').where('id', '=', found.image_id).execute()
    return true
  })
}

export interface NewPaperResponse {
  consultationId: string
  sessionId: string
  enteredBy: string
  locale: string
  /** A random hash no device holds: a typed-up response cannot be resumed or looked up by a receipt. */
  resumeHash: string
  demographics: string | null
  now: string
  answers: Array<{ questionId: string; rows: AnswerRow[] }>
}

/** Saves a typed-up paper form as one finished response, entered on behalf, with all its answers, in one transaction. */
export async function insertPaperResponse(db: DB, input: NewPaperResponse): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('response')
      .values({
        consultation_id: input.consultationId,
        resume_hash: input.resumeHash,
        locale: input.locale,
        status: 'submitted',
        entered_on_behalf: 1,
        entered_by: input.enteredBy,
        session_id: input.sessionId,
        demographics: input.demographics,
        created_at: input.now,
        submitted_at: input.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const rows = input.answers.flatMap((a) =>
      a.rows.map((r) => ({ response_id: id, question_id: a.questionId, option_id: r.optionId, rank: r.rank, value: r.value, text: r.text, skipped: r.skipped ? 1 : 0 })),
    )
    if (rows.length) await trx.insertInto('answer').values(rows).execute()
    // Finished on arrival: counted into the results' tally cells in the same transaction.
    await addResponseToTallies(trx, id)
    return id
  })
}

/** Paper forms typed up in a session. */
export async function countPaperResponses(db: DB, sessionId: string): Promise<number> {
  const row = await db
    .selectFrom('response')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('entered_on_behalf', '=', 1)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** The paper tallies uploaded for a session. */
export async function listSessionTallies(db: DB, sessionId: string) {
  return db.selectFrom('aggregate_import').select(['id', 'filename', 'created_at']).where('session_id', '=', sessionId).orderBy('created_at', 'desc').orderBy('id').execute()
}
