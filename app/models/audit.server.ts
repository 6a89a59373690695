// The audit log: insert and read only. Nothing in the app updates or deletes an audit event.
import type { DB } from '~/utils/db.server'

export interface AuditEventInput {
  userId: string | null
  action: string
  subject: string
  /** JSON text, or null */
  details: string | null
  at: string
}

export interface AuditEventRow {
  id: number
  userId: string | null
  userName: string | null
  userEmail: string | null
  action: string
  subject: string
  details: string | null
  at: string
}

export async function insertAuditEvent(db: DB, event: AuditEventInput): Promise<void> {
  await db.insertInto('audit_event').values({ user_id: event.userId, action: event.action, subject: event.subject, details: event.details, at: event.at }).execute()
}

/** The newest events first, `limit` at a time after skipping `offset`, with who did them. */
export async function listAuditEvents(db: DB, { limit, offset }: { limit: number; offset: number }): Promise<AuditEventRow[]> {
  const rows = await db
    .selectFrom('audit_event')
    .leftJoin('staff_user', 'staff_user.id', 'audit_event.user_id')
    .select(['audit_event.id', 'audit_event.user_id', 'staff_user.name', 'staff_user.email', 'audit_event.action', 'audit_event.subject', 'audit_event.details', 'audit_event.at'])
    .orderBy('audit_event.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()
  return rows.map((r) => ({ id: r.id, userId: r.user_id, userName: r.name, userEmail: r.email, action: r.action, subject: r.subject, details: r.details, at: r.at }))
}

export async function countAuditEvents(db: DB): Promise<number> {
  const row = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
