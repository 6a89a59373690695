// "You said, we did" actions, their themes and their child-friendly summaries.
import crypto from 'node:crypto'
import type { ActionInput, ActionStatus } from '~/domain/actions'
import type { DB } from '~/utils/db.server'
import { replaceTexts } from './theme.server'

export interface ActionRecord {
  id: string
  decision: string
  decidedBy: string
  status: ActionStatus
  reason: string | null
  decidedOn: string
  symbol: string | null
  themeIds: string[]
  summaries: Array<{ locale: string; register: 'plain' | 'easy'; value: string }>
}

/** Newest decision first. */
export async function listActions(db: DB, consultationId: string): Promise<ActionRecord[]> {
  const actions = await db.selectFrom('action').selectAll().where('consultation_id', '=', consultationId).orderBy('decided_on', 'desc').orderBy('created_at', 'desc').execute()
  if (!actions.length) return []
  const ids = actions.map((a) => a.id)
  const [themes, texts] = await Promise.all([
    db.selectFrom('action_theme').select(['action_id', 'theme_id']).where('action_id', 'in', ids).execute(),
    db.selectFrom('translation').select(['entity_id', 'locale', 'register', 'value']).where('entity_type', '=', 'action').where('field', '=', 'summary').where('entity_id', 'in', ids).execute(),
  ])
  return actions.map((a) => ({
    id: a.id,
    decision: a.decision,
    decidedBy: a.decided_by,
    status: a.status,
    reason: a.reason,
    decidedOn: a.decided_on,
    symbol: a.symbol,
    themeIds: themes.filter((t) => t.action_id === a.id).map((t) => t.theme_id),
    summaries: texts.filter((t) => t.entity_id === a.id).map((t) => ({ locale: t.locale, register: t.register, value: t.value })),
  }))
}

/** Inserts (no id) or updates an action, its themes and its summaries in one transaction; returns its id. */
export async function saveAction(db: DB, input: { id?: string; consultationId: string; action: ActionInput; now: string }): Promise<string> {
  const id = input.id ?? `action-${crypto.randomUUID()}`
  const a = input.action
  const values = { decision: a.decision, decided_by: a.decidedBy, status: a.status, reason: a.reason, decided_on: a.decidedOn, symbol: a.symbol, updated_at: input.now }
  await db.transaction().execute(async (trx) => {
    if (input.id) {
      const result = await trx.updateTable('action').set(values).where('id', '=', id).where('consultation_id', '=', input.consultationId).executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) throw new Response('Not found', { status: 404 })
      await trx.deleteFrom('action_theme').where('action_id', '=', id).execute()
    } else {
      await trx.insertInto('action').values({ id, consultation_id: input.consultationId, ...values, created_at: input.now }).execute()
    }
    await trx.insertInto('action_theme').values(a.themeIds.map((themeId) => ({ action_id: id, theme_id: themeId }))).execute()
    await replaceTexts(trx, 'action', id, 'summary', a.summaries)
  })
  return id
}

export async function deleteAction(db: DB, consultationId: string, actionId: string) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('translation').where('entity_type', '=', 'action').where('entity_id', '=', actionId).execute()
    await trx.deleteFrom('action').where('id', '=', actionId).where('consultation_id', '=', consultationId).execute()
  })
}

export async function countActionsByStatus(db: DB, consultationId: string) {
  const rows = await db.selectFrom('action').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).where('consultation_id', '=', consultationId).groupBy('status').execute()
  return rows.map((r) => ({ status: r.status, count: Number(r.n) }))
}
