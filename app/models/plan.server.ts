// Plans (a Children and Young People's Plan, or an outcome frame such as Every Child Matters),
// their items, and the links from a consultation's themes to them.
import crypto from 'node:crypto'
import type { ImportedPlan, PlanItemKind, PlanMeasure } from '~/domain/plan-import'
import type { DB } from '~/utils/db.server'

export interface PlanRecord {
  id: string
  organisationId: string
  title: string
  period: string | null
  source: string | null
}

export interface PlanItemRecord {
  id: string
  planId: string
  parentId: string | null
  code: string
  title: string
  kind: PlanItemKind
  position: number
  measures: PlanMeasure[]
}

const toPlan = (r: { id: string; organisation_id: string; title: string; period: string | null; source: string | null }): PlanRecord => ({
  id: r.id,
  organisationId: r.organisation_id,
  title: r.title,
  period: r.period,
  source: r.source,
})

export async function listPlans(db: DB, organisationId: string): Promise<PlanRecord[]> {
  const rows = await db.selectFrom('plan').select(['id', 'organisation_id', 'title', 'period', 'source']).where('organisation_id', '=', organisationId).orderBy('title').execute()
  return rows.map(toPlan)
}

export async function findPlan(db: DB, planId: string): Promise<PlanRecord | undefined> {
  const row = await db.selectFrom('plan').select(['id', 'organisation_id', 'title', 'period', 'source']).where('id', '=', planId).executeTakeFirst()
  return row ? toPlan(row) : undefined
}

/** Items in plan order: each top-level item followed by its children. */
export async function listPlanItems(db: DB, planIds: string[]): Promise<PlanItemRecord[]> {
  if (!planIds.length) return []
  const rows = await db.selectFrom('plan_outcome').selectAll().where('plan_id', 'in', planIds).orderBy('plan_id').orderBy('position').execute()
  return rows.map((r) => ({ id: r.id, planId: r.plan_id, parentId: r.parent_id, code: r.code, title: r.title, kind: r.kind, position: r.position, measures: r.measures ? (JSON.parse(r.measures) as PlanMeasure[]) : [] }))
}

/** Stores an imported (or typed-in) plan with its items in one transaction; returns its id. */
export async function insertPlan(db: DB, organisationId: string, plan: ImportedPlan, now: string): Promise<string> {
  const planId = `plan-${crypto.randomUUID()}`
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('plan').values({ id: planId, organisation_id: organisationId, title: plan.title, source: plan.source, period: plan.period, created_at: now }).execute()
    let position = 0
    for (const item of plan.items) {
      const itemId = `${planId}.${++position}`
      const measures = item.measures.length ? JSON.stringify(item.measures) : null
      await trx.insertInto('plan_outcome').values({ id: itemId, plan_id: planId, parent_id: null, code: item.code, title: item.title, kind: item.kind, position, measures }).execute()
      for (const child of item.children) {
        await trx.insertInto('plan_outcome').values({ id: `${planId}.${++position}`, plan_id: planId, parent_id: itemId, code: child.code, title: child.title, kind: child.kind, position, measures: null }).execute()
      }
    }
  })
  return planId
}

export interface ThemeLinkRecord {
  themeId: string
  itemId: string
  planId: string
  weight: number | null
}

/** Every link from a consultation's themes to any plan's items. */
export async function listThemeLinks(db: DB, consultationId: string): Promise<ThemeLinkRecord[]> {
  const rows = await db
    .selectFrom('theme_outcome')
    .innerJoin('theme', 'theme.id', 'theme_outcome.theme_id')
    .innerJoin('plan_outcome', 'plan_outcome.id', 'theme_outcome.outcome_id')
    .select(['theme_outcome.theme_id', 'theme_outcome.outcome_id', 'theme_outcome.weight', 'plan_outcome.plan_id'])
    .where('theme.consultation_id', '=', consultationId)
    .execute()
  return rows.map((r) => ({ themeId: r.theme_id, itemId: r.outcome_id, planId: r.plan_id, weight: r.weight }))
}

/** Replaces one theme's links to one plan's items (links to other plans stay). */
export async function replaceThemeLinks(db: DB, themeId: string, planId: string, links: Array<{ itemId: string; weight: number | null }>) {
  await db.transaction().execute(async (trx) => {
    const planItems = trx.selectFrom('plan_outcome').select('id').where('plan_id', '=', planId)
    await trx.deleteFrom('theme_outcome').where('theme_id', '=', themeId).where('outcome_id', 'in', planItems).execute()
    if (links.length) await trx.insertInto('theme_outcome').values(links.map((l) => ({ theme_id: themeId, outcome_id: l.itemId, weight: l.weight }))).execute()
  })
}
