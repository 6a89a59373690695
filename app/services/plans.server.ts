// Plans: import (JSON file or pasted text) or type one in; list and view; map a consultation's
// themes to a plan's items. Every change is recorded in the audit log.
import { parseLinkWeight } from '~/domain/findings'
import { type ImportedPlan, type PlanImportProblem, PLAN_FILE_MAX_CHARACTERS, parsePlanJson, parsePlanOutline } from '~/domain/plan-import'
import { findPlan, insertPlan, listPlanItems, listPlans, listThemeLinks, type PlanItemRecord, type PlanRecord, replaceThemeLinks } from '~/models/plan.server'
import { listThemes } from '~/models/theme.server'
import type { DB } from '~/utils/db.server'
import { recordAudit } from './audit.server'
import type { Consultation } from './survey.server'

export async function listOrganisations(db: DB) {
  return db.selectFrom('organisation').select(['id', 'name']).orderBy('name').execute()
}

export async function listAllPlans(db: DB): Promise<Array<PlanRecord & { organisation: string; items: number }>> {
  const organisations = await listOrganisations(db)
  const plans = (await Promise.all(organisations.map(async (o) => (await listPlans(db, o.id)).map((p) => ({ ...p, organisation: o.name }))))).flat()
  const items = await listPlanItems(db, plans.map((p) => p.id))
  return plans.map((p) => ({ ...p, items: items.filter((i) => i.planId === p.id).length }))
}

export type PlanFormResult = { ok: true; planId: string } | { ok: false; form: 'import' | 'outline'; errors: PlanImportProblem[]; values: Record<string, string> }

/** The plans page's two forms: import a JSON file (or pasted JSON), or type a plan in. */
export async function submitPlanForm(db: DB, form: FormData, userId: string): Promise<PlanFormResult> {
  const organisations = await listOrganisations(db)
  const organisationId = organisations.length === 1 ? organisations[0].id : String(form.get('organisation') ?? '')
  const intent = form.get('intent') === 'outline' ? 'outline' : 'import'
  const values: Record<string, string> = {}
  for (const name of ['json', 'title', 'period', 'outline', 'organisation']) {
    const value = form.get(name)
    if (typeof value === 'string') values[name] = value
  }
  if (!organisations.some((o) => o.id === organisationId)) return { ok: false, form: intent, errors: [{ path: 'organisation', message: 'must be chosen' }], values }

  let result
  if (intent === 'outline') {
    result = parsePlanOutline({ title: values.title ?? '', period: values.period, outline: values.outline ?? '' })
  } else {
    const file = form.get('file')
    const fromFile = file && typeof file === 'object' && 'size' in file && file.size > 0 ? file : null
    if (fromFile && fromFile.size > PLAN_FILE_MAX_CHARACTERS * 4) return { ok: false, form: intent, errors: [{ path: '', message: 'is too big' }], values }
    const source = fromFile ? await fromFile.text() : (values.json ?? '')
    result = parsePlanJson(source)
  }
  if (!result.ok) return { ok: false, form: intent, errors: result.errors, values }
  const planId = await storePlan(db, organisationId, result.plan, userId)
  return { ok: true, planId }
}

export async function storePlan(db: DB, organisationId: string, plan: ImportedPlan, userId: string | null): Promise<string> {
  const planId = await insertPlan(db, organisationId, plan, new Date().toISOString())
  await recordAudit(db, { userId, action: plan.format === 'outline' ? 'plan.create' : 'plan.import', subject: `plan:${planId}`, details: { title: plan.title, format: plan.format, items: plan.items.length } })
  return planId
}

export async function requirePlan(db: DB, planId: string | undefined): Promise<{ plan: PlanRecord; items: PlanItemRecord[] }> {
  const plan = planId ? await findPlan(db, planId) : undefined
  if (!plan) throw new Response('Not found', { status: 404 })
  return { plan, items: await listPlanItems(db, [plan.id]) }
}

/** The mapping page: the plans a consultation can feed, the chosen plan's items, and the chosen theme's links. */
export async function loadThemeMapping(db: DB, consultation: Consultation, planId: string | null, themeKey: string | null) {
  const [plans, themes, links] = await Promise.all([listPlans(db, consultation.organisation_id), listThemes(db, consultation.id), listThemeLinks(db, consultation.id)])
  const plan = plans.find((p) => p.id === planId) ?? null
  const theme = themes.find((t) => t.key === themeKey) ?? null
  const items = plan ? await listPlanItems(db, [plan.id]) : []
  const itemIds = new Set(items.map((i) => i.id))
  return {
    plans,
    themes: themes.map((t) => ({ ...t, links: links.filter((l) => l.themeId === t.id && itemIds.has(l.itemId)).length })),
    plan,
    theme,
    items,
    links: theme ? links.filter((l) => l.themeId === theme.id && itemIds.has(l.itemId)).map((l) => ({ itemId: l.itemId, weight: l.weight })) : [],
  }
}

export type MappingResult = { ok: true } | { ok: false; errors: Array<{ field: string; message: string }>; values: Record<string, string> }

/** Saves one theme's links to one plan: a checkbox per item (`item`) and a weight per item (`weight-<id>`). */
export async function saveThemeMapping(db: DB, consultation: Consultation, planId: string, themeKey: string, form: FormData, userId: string): Promise<MappingResult> {
  const mapping = await loadThemeMapping(db, consultation, planId, themeKey)
  if (!mapping.plan || !mapping.theme) throw new Response('Not found', { status: 404 })
  const chosen = new Set(form.getAll('item').filter((v): v is string => typeof v === 'string'))
  const errors: Array<{ field: string; message: string }> = []
  const values: Record<string, string> = {}
  const links: Array<{ itemId: string; weight: number | null }> = []
  for (const item of mapping.items) {
    const raw = form.get(`weight-${item.id}`)
    if (typeof raw === 'string') values[`weight-${item.id}`] = raw
    if (chosen.has(item.id)) values[`item-${item.id}`] = 'on'
    const weight = parseLinkWeight(raw)
    if (!weight.ok) {
      errors.push({ field: `weight-${item.id}`, message: 'errors.weightInvalid' })
      continue
    }
    if (chosen.has(item.id)) links.push({ itemId: item.id, weight: weight.weight })
  }
  if (errors.length) return { ok: false, errors, values }
  await replaceThemeLinks(db, mapping.theme.id, mapping.plan.id, links)
  await recordAudit(db, { userId, action: 'theme.plan-links', subject: `theme:${mapping.theme.id}`, details: { consultation: consultation.slug, plan: mapping.plan.id, links } })
  return { ok: true }
}
