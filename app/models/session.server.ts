// Group sessions (issue #6) and the counts of their finished responses. Queries only; rules live in
// app/domain/join-code.ts, app/domain/kiosk.ts and app/domain/live-board.ts.
import type { Selectable } from 'kysely'
import type { SessionSetting, SessionTable } from '../../db/schema'
import type { BoardBase, BoardCount } from '~/domain/live-board'
import { withSessionSetting } from '~/domain/demographics'
import type { DB } from '~/utils/db.server'

export type SessionRow = Selectable<SessionTable>

export interface NewSession {
  id: string
  consultationId: string
  joinCode: string
  setting: SessionSetting
  groupType: string
  expectedParticipants: number | null
  kiosk: boolean
  createdBy: string | null
  now: string
}

export async function insertSession(db: DB, input: NewSession): Promise<void> {
  await db
    .insertInto('session')
    .values({
      id: input.id,
      consultation_id: input.consultationId,
      join_code: input.joinCode,
      setting: input.setting,
      group_type: input.groupType,
      expected_participants: input.expectedParticipants,
      kiosk: input.kiosk ? 1 : 0,
      status: 'open',
      created_by: input.createdBy,
      created_at: input.now,
      closed_at: null,
    })
    .execute()
}

export async function findSession(db: DB, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('session').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function joinCodeInUse(db: DB, code: string): Promise<boolean> {
  const row = await db.selectFrom('session').select('id').where('join_code', '=', code).where('status', '=', 'open').executeTakeFirst()
  return row !== undefined
}

/** Every open session's code, with its session and consultation (for matching a typed code in constant time). */
export async function listOpenSessionCodes(db: DB) {
  const rows = await db
    .selectFrom('session')
    .innerJoin('consultation', 'consultation.id', 'session.consultation_id')
    .select(['session.id', 'session.join_code', 'session.kiosk', 'consultation.slug', 'consultation.status as consultation_status'])
    .where('session.status', '=', 'open')
    .execute()
  return rows.map((r) => ({ id: r.id, code: r.join_code, kiosk: r.kiosk === 1, slug: r.slug, consultationOpen: r.consultation_status === 'open' }))
}

/** Sessions newest first, with how many responses each has finished and started. */
export async function listSessions(db: DB, limit = 100) {
  const sessions = await db.selectFrom('session').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute()
  if (sessions.length === 0) return []
  const counts = await db
    .selectFrom('response')
    .select(['session_id', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .where(
      'session_id',
      'in',
      sessions.map((s) => s.id),
    )
    .groupBy(['session_id', 'status'])
    .execute()
  const count = (id: string, status: string) => Number(counts.find((c) => c.session_id === id && c.status === status)?.count ?? 0)
  return sessions.map((s) => ({ ...s, finished: count(s.id, 'submitted'), started: count(s.id, 'in_progress') + count(s.id, 'submitted') }))
}

export async function closeSessionRow(db: DB, id: string, now: string): Promise<boolean> {
  const result = await db.updateTable('session').set({ status: 'closed', closed_at: now }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Records that a response was started in a session (only a response not already in one), and adds the
 * session's setting to its demographics snapshot, so results can be broken down by setting (issue 7).
 */
export async function setResponseSession(db: DB, responseId: number, sessionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const session = await trx.selectFrom('session').select('setting').where('id', '=', sessionId).executeTakeFirst()
    const response = await trx.selectFrom('response').select('demographics').where('id', '=', responseId).where('session_id', 'is', null).executeTakeFirst()
    if (!session || !response) return
    await trx
      .updateTable('response')
      .set({ session_id: sessionId, demographics: withSessionSetting(response.demographics, session.setting) })
      .where('id', '=', responseId)
      .where('session_id', 'is', null)
      .execute()
  })
}

/** Whether any group session was ever run for the consultation. */
export async function consultationHasSessions(db: DB, consultationId: string): Promise<boolean> {
  return (await db.selectFrom('session').select('id').where('consultation_id', '=', consultationId).limit(1).executeTakeFirst()) !== undefined
}

export async function countSessionResponses(db: DB, sessionId: string): Promise<{ finished: number; started: number }> {
  const rows = await db
    .selectFrom('response')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('session_id', '=', sessionId)
    .groupBy('status')
    .execute()
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.count ?? 0)
  return { finished: count('submitted'), started: count('submitted') + count('in_progress') }
}

/** How many of the session's finished responses chose each option (at each position, for rankings). */
export async function countSessionOptionAnswers(db: DB, sessionId: string): Promise<BoardCount[]> {
  const rows = await db
    .selectFrom('answer')
    .innerJoin('response', 'response.id', 'answer.response_id')
    .select(['answer.question_id', 'answer.option_id', 'answer.rank', (eb) => eb.fn.countAll<number>().as('count')])
    .where('response.session_id', '=', sessionId)
    .where('response.status', '=', 'submitted')
    .where('answer.skipped', '=', 0)
    .where('answer.option_id', 'is not', null)
    .groupBy(['answer.question_id', 'answer.option_id', 'answer.rank'])
    .execute()
  return rows.map((r) => ({ questionId: r.question_id, optionId: r.option_id as string, rank: r.rank, count: Number(r.count) }))
}

/** Per question, how many of the session's finished responses answered it (not counting "I don't want to say"). */
export async function countSessionBases(db: DB, sessionId: string): Promise<BoardBase[]> {
  const rows = await db
    .selectFrom('answer')
    .innerJoin('response', 'response.id', 'answer.response_id')
    .select(['answer.question_id', (eb) => eb.fn.count<number>('answer.response_id').distinct().as('respondents')])
    .where('response.session_id', '=', sessionId)
    .where('response.status', '=', 'submitted')
    .where('answer.skipped', '=', 0)
    .groupBy('answer.question_id')
    .execute()
  return rows.map((r) => ({ questionId: r.question_id, answered: Number(r.respondents) }))
}
