// Findings of a consultation: theme evidence and rank, which groups prioritise each theme, the
// actions taken, and how the themes feed each plan's items. SQL aggregates → pure functions →
// small-number suppression (app/domain/findings.ts, app/domain/disclosure.ts).
import { createTextLookup, type Register } from '~/domain/content'
import { countGroups } from '~/domain/participation-record'
import {
  type GroupActivityEvidence,
  type GroupBase,
  type GroupExtremes,
  groupEvidenceByTheme,
  type GroupThemeCount,
  groupsPrioritisingThemes,
  type PlanItemWeight,
  planItemWeights,
  quotesByTheme,
  type ThemeEvidenceTable,
  themeEvidence,
  type ThemeGroupEvidence,
  topThemes,
} from '~/domain/findings'
import { type ActionRecord, listActions } from '~/models/action.server'
import { getSuppressionThreshold } from '~/models/consultation.server'
import { listPlanItems, listPlans, listThemeLinks, type PlanRecord } from '~/models/plan.server'
import { countThemeEvidence, countThemeEvidenceBySnapshot, listOptionThemeLinks, listThemeQuotes, listThemes, listThemeTexts, type ThemeRecord } from '~/models/theme.server'
import { buildGroupEvidence, type GroupEvidenceView } from './group-results.server'
import { type Teller, tellerOf } from './stories.server'
import type { DB } from '~/utils/db.server'
import { type Consultation, loadSurvey, requireConsultation } from './survey.server'
import { can, type Permission } from '~/domain/permissions'
import { getDb } from '~/utils/db.server'
import { getLocale } from '~/utils/i18n.server'
import { requirePermission } from './auth.server'

export interface GroupLabelled {
  field: string
  most: Array<{ group: string; label: string; percent: number }>
  least: Array<{ group: string; label: string; percent: number }>
}

export interface Findings {
  title: string
  threshold: number
  evidence: ThemeEvidenceTable
  groups: Record<string, GroupLabelled[]>
  actions: ActionRecord[]
  themes: ThemeRecord[]
  plans: Array<{ plan: PlanRecord; items: PlanItemWeight[] }>
  /** Per theme key: up to three approved quotes (redacted, age band or how gathered, never a name) */
  quotes: Record<string, { quotes: Array<{ id: string; text: string; teller: Teller }>; more: boolean }>
  /** Per theme key: the group activities whose options feed it, suppressed as on the results page */
  groupEvidence: Record<string, ThemeGroupEvidence[]>
}

/** A group activity's rows with one weighted measure each: diamond score, share of dots, Borda points. */
function activityEvidence(view: GroupEvidenceView): GroupActivityEvidence {
  const base = { questionKey: view.questionKey, prompt: view.prompt, kind: view.kind, groups: view.groups, members: view.members, tooFew: view.tooFew }
  if (view.kind === 'diamond9') return { ...base, rows: view.rows.map((r) => ({ key: r.key, label: r.label, rank: r.rank, measure: r.weightedScore })) }
  if (view.kind === 'dots') return { ...base, rows: view.rows.map((r) => ({ key: r.key, label: r.label, rank: r.rank, measure: r.weightedPercent })) }
  return { ...base, rows: view.rows.map((r) => ({ key: r.key, label: r.label, rank: r.rank, measure: r.weightedBorda })) }
}

/** Everything the planner's findings page shows. */
export async function buildFindings(db: DB, consultation: Consultation, locale: string): Promise<Findings> {
  const [survey, themes, evidenceCounts, bySnapshot, threshold, actions, links, optionLinks, quoteRows] = await Promise.all([
    loadSurvey(db, consultation, locale),
    listThemes(db, consultation.id),
    countThemeEvidence(db, consultation.id),
    countThemeEvidenceBySnapshot(db, consultation.id),
    getSuppressionThreshold(db, consultation.organisation_id),
    listActions(db, consultation.id),
    listThemeLinks(db, consultation.id),
    listOptionThemeLinks(db, consultation.id),
    listThemeQuotes(db, consultation.id),
  ])
  const keyOf = new Map(themes.map((t) => [t.id, t.key]))
  const evidence = themeEvidence({
    themes: themes.map((t) => ({ key: t.key, title: t.title })),
    respondents: Object.fromEntries(Object.entries(evidenceCounts.byTheme).flatMap(([id, n]) => (keyOf.has(id) ? [[keyOf.get(id)!, n]] : []))),
    base: evidenceCounts.base,
    threshold,
  })

  // Cross-tab rows: snapshot counts added up per field and group.
  const counts: GroupThemeCount[] = []
  for (const theme of themes) {
    const perGroup = countGroups(bySnapshot.counts.filter((c) => c.themeId === theme.id).map((c) => ({ demographics: c.demographics, count: c.count })))
    for (const [field, groups] of Object.entries(perGroup)) for (const [group, n] of Object.entries(groups)) counts.push({ field, group, themeKey: theme.key, respondents: n })
  }
  const bases: GroupBase[] = Object.entries(countGroups(bySnapshot.bases)).flatMap(([field, groups]) => Object.entries(groups).map(([group, n]) => ({ field, group, respondents: n })))
  const extremes = groupsPrioritisingThemes({ themeKeys: themes.map((t) => t.key), counts, bases, threshold })

  const groupLabel = new Map<string, string>()
  for (const q of survey.questions) if (q.type === 'demographic') for (const o of q.options) groupLabel.set(`${q.config.field}|${o.key}`, o.label)
  const label = (field: string) => (g: { group: string; percent: number }) => ({ ...g, label: groupLabel.get(`${field}|${g.group}`) ?? g.group })
  const groups = Object.fromEntries(Object.entries(extremes).map(([key, list]) => [key, list.map((e: GroupExtremes) => ({ field: e.field, most: e.most.map(label(e.field)), least: e.least.map(label(e.field)) }))]))

  const planIds = [...new Set(links.map((l) => l.planId))]
  const allPlans = await listPlans(db, consultation.organisation_id)
  const items = await listPlanItems(db, planIds)
  const plans = allPlans
    .filter((p) => planIds.includes(p.id))
    .map((plan) => ({
      plan,
      items: planItemWeights({
        items: items.filter((i) => i.planId === plan.id).map((i) => ({ id: i.id, code: i.code, title: i.title, parentId: i.parentId })),
        links: links.filter((l) => l.planId === plan.id && keyOf.has(l.themeId)).map((l) => ({ themeKey: keyOf.get(l.themeId)!, itemId: l.itemId, weight: l.weight })),
        evidence: evidence.rows,
      }),
    }))

  const quotes = quotesByTheme(quoteRows.flatMap((q) => (keyOf.has(q.themeId) ? [{ themeKey: keyOf.get(q.themeId)!, id: q.id, text: q.text, teller: tellerOf(q.demographics, q.attribution) }] : [])))
  const optionOf = new Map(survey.questions.flatMap((q) => q.options.map((o) => [o.id, { questionKey: q.key, optionKey: o.key }] as const)))
  const themeOptions = optionLinks.flatMap((l) => (keyOf.has(l.themeId) && optionOf.has(l.optionId) ? [{ themeKey: keyOf.get(l.themeId)!, ...optionOf.get(l.optionId)! }] : []))
  const groupEvidence = themeOptions.length ? groupEvidenceByTheme((await buildGroupEvidence(db, consultation, survey, threshold)).map(activityEvidence), themeOptions) : {}

  return { title: survey.title, threshold, evidence, groups, actions, themes, plans, quotes, groupEvidence }
}

export interface PublicAction {
  id: string
  status: ActionRecord['status']
  summary: string
  reason: string | null
  decidedOn: string
  symbol: string | null
  themes: string[]
}

export interface YouSaidWeDid {
  title: string
  slug: string
  /** The top themes with their share, in the participant's language and register. */
  top: Array<{ key: string; title: string; percent: number; rank: number }>
  actions: PublicAction[]
}

/** What the public "You said, we did" page shows: suppressed top findings and the actions, in child-friendly words. */
export async function buildYouSaidWeDid(db: DB, consultation: Consultation, locale: string, register: Register): Promise<YouSaidWeDid> {
  const [survey, themes, evidenceCounts, threshold, actions, themeTexts] = await Promise.all([
    loadSurvey(db, consultation, locale, register),
    listThemes(db, consultation.id),
    countThemeEvidence(db, consultation.id),
    getSuppressionThreshold(db, consultation.organisation_id),
    listActions(db, consultation.id),
    listThemeTexts(db, consultation.id),
  ])
  const text = createTextLookup(themeTexts, { locale, defaultLocale: consultation.default_locale, register })
  const titleOf = (t: ThemeRecord) => text('theme', t.id, 'title') ?? t.title
  const keyOf = new Map(themes.map((t) => [t.id, t.key]))
  const evidence = themeEvidence({
    themes: themes.map((t) => ({ key: t.key, title: titleOf(t) })),
    respondents: Object.fromEntries(Object.entries(evidenceCounts.byTheme).flatMap(([id, n]) => (keyOf.has(id) ? [[keyOf.get(id)!, n]] : []))),
    base: evidenceCounts.base,
    threshold,
  })
  const summaryOf = (a: ActionRecord) =>
    createTextLookup(
      a.summaries.map((s) => ({ entityType: 'action', entityId: a.id, field: 'summary', ...s })),
      { locale, defaultLocale: consultation.default_locale, register },
    )('action', a.id, 'summary') ?? ''
  const themeTitle = new Map(themes.map((t) => [t.id, titleOf(t)]))
  return {
    title: survey.title,
    slug: consultation.slug,
    top: topThemes(evidence, 3).map((r) => ({ key: r.key, title: r.title, percent: r.percent as number, rank: r.rank as number })),
    actions: actions.map((a) => ({ id: a.id, status: a.status, summary: summaryOf(a), reason: a.reason, decidedOn: a.decidedOn, symbol: a.symbol, themes: a.themeIds.map((id) => themeTitle.get(id) ?? '') })),
  }
}

/** Every findings, themes, plans and actions page starts here: the permission, then the consultation. */
export async function requireStaffConsultation(request: Request, slug: string | undefined, permission: Permission) {
  const user = await requirePermission(request, permission)
  const db = getDb()
  const consultation = await requireConsultation(db, slug, { openOnly: false })
  return { db, user, consultation, locale: await getLocale(request), canManage: can(user.roles, 'plans:manage') }
}
