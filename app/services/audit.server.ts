// The audit log: who did what, when, to which record. Every staff action that changes data, and every
// view or export of raw responses, calls recordAudit. No IP address or user agent is ever recorded.
import { countAuditEvents, insertAuditEvent, listAuditEvents, type AuditEventRow } from '~/models/audit.server'
import type { DB } from '~/utils/db.server'

export interface AuditInput {
  /** The staff user who did it; null for actions run outside the app (npm run create-admin). */
  userId: string | null
  /** What was done, as area.verb: 'auth.sign-in', 'consultation.update', 'responses.raw-view'… */
  action: string
  /** Which record: 'consultation:have-your-say', 'staff_user:<id>'… */
  subject: string
  /** Anything else worth knowing (kept as JSON). Never personal data about participants. */
  details?: Record<string, unknown>
  /** When; now unless given (for tests). */
  at?: Date
}

export async function recordAudit(db: DB, { userId, action, subject, details, at = new Date() }: AuditInput): Promise<void> {
  await insertAuditEvent(db, { userId, action, subject, details: details === undefined ? null : JSON.stringify(details), at: at.toISOString() })
}

export const AUDIT_PAGE_SIZE = 50

export interface AuditPage {
  events: AuditEventRow[]
  page: number
  pageCount: number
  total: number
}

/** One page of the log, newest first. `page` counts from 1; a page past the end shows the last page. */
export async function auditPage(db: DB, requested: number, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const total = await countAuditEvents(db)
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(1, Number.isInteger(requested) ? requested : 1), pageCount)
  const events = await listAuditEvents(db, { limit: pageSize, offset: (page - 1) * pageSize })
  return { events, page, pageCount, total }
}
