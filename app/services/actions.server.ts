// "You said, we did": recording what was decided about the themes. Every change is audited.
import { type FormProblem, parseActionForm, summaryField } from '~/domain/actions'
import { type ActionRecord, deleteAction, listActions, saveAction } from '~/models/action.server'
import { listThemes } from '~/models/theme.server'
import type { DB } from '~/utils/db.server'
import { recordAudit } from './audit.server'
import type { Consultation } from './survey.server'

export async function loadActions(db: DB, consultation: Consultation) {
  const [actions, themes] = await Promise.all([listActions(db, consultation.id), listThemes(db, consultation.id)])
  return { actions, themes }
}

/** The form's starting values for an existing action (or empty for a new one). */
export function actionFormValues(action: ActionRecord | undefined): Record<string, string | string[]> {
  if (!action) return { status: 'planned', decidedOn: new Date().toISOString().slice(0, 10) }
  const values: Record<string, string | string[]> = {
    decision: action.decision,
    decidedBy: action.decidedBy,
    status: action.status,
    reason: action.reason ?? '',
    decidedOn: action.decidedOn,
    symbol: action.symbol ?? '',
    themes: action.themeIds,
  }
  for (const s of action.summaries) values[summaryField(s.locale, s.register)] = s.value
  return values
}

export type ActionFormResult = { ok: true; id: string } | { ok: false; errors: FormProblem[]; values: Record<string, string | string[]> }

export async function submitActionForm(db: DB, consultation: Consultation, actionId: string | null, form: FormData, userId: string): Promise<ActionFormResult | { ok: true; deleted: true }> {
  const { actions, themes } = await loadActions(db, consultation)
  const existing = actionId ? actions.find((a) => a.id === actionId) : undefined
  if (actionId && !existing) throw new Response('Not found', { status: 404 })
  if (existing && form.get('intent') === 'delete') {
    await deleteAction(db, consultation.id, existing.id)
    await recordAudit(db, { userId, action: 'action.delete', subject: `action:${existing.id}`, details: { consultation: consultation.slug, decision: existing.decision } })
    return { ok: true, deleted: true }
  }
  const parsed = parseActionForm(form, themes.map((t) => t.id))
  if (!parsed.ok) {
    const values: Record<string, string | string[]> = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string'))
    values.themes = form.getAll('themes').filter((v): v is string => typeof v === 'string')
    return { ok: false, errors: parsed.errors, values }
  }
  const id = await saveAction(db, { id: existing?.id, consultationId: consultation.id, action: parsed.value, now: new Date().toISOString() })
  await recordAudit(db, {
    userId,
    action: existing ? 'action.update' : 'action.create',
    subject: `action:${id}`,
    details: { consultation: consultation.slug, status: parsed.value.status, themes: parsed.value.themeIds, decision: parsed.value.decision },
  })
  return { ok: true, id }
}
