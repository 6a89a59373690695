// Coding into themes (issue 5): the codebook page, the coding workspace and the agreement page.
// Every change is audited; the texts shown are answers of free-text questions and the redacted text of
// approved stories, never a story's original.
import { codebookToJson, codebookTree, parseCodebookJson, parseCodebookThemeForm, themesFromPlanItems, type CodebookEntry, type CodebookProblem, type ThemeFormProblem } from '~/domain/codebook'
import { applyFilter, countByTheme, filterParams, type ItemFilter, locate, nextAfter, parseItemKey, readFilter, workspaceItems } from '~/domain/coding-items'
import { chooseSample, formatSampleRequest, parseSampleRequest } from '~/domain/coding-sample'
import { readStoredKeywords, suggestThemes } from '~/domain/coding-suggestions'
import { standardDemographicOptions } from '~/domain/demographics'
import { discloseCount } from '~/domain/disclosure'
import { agreementByTheme, chooseCoderPair, kappaBand } from '~/domain/kappa'
import {
  countCodedItemsByTheme,
  createCodebookTheme,
  listCodebookThemes,
  listCodingItems,
  listCodings,
  listPlanItems,
  listPlansFor,
  listSessionsFor,
  readItemText,
  readSample,
  replaceSample,
  saveCoding,
  staffNames,
  updateCodebookTheme,
  upsertCodebookThemes,
} from '~/models/coding.server'
import { getSuppressionThreshold } from '~/models/consultation.server'
import { deleteTheme } from '~/models/theme.server'
import type { DB } from '~/utils/db.server'
import { recordAudit } from './audit.server'
import type { Consultation } from './survey.server'

async function codebookThemes(db: DB, consultationId: string) {
  const rows = await listCodebookThemes(db, consultationId)
  return codebookTree(rows.map((r) => ({ ...r, keywords: readStoredKeywords(r.keywords) })))
}

// --- Codebook ---------------------------------------------------------------------------

export async function loadCodebookPage(db: DB, consultation: Consultation) {
  const [themes, plans, counts, threshold] = await Promise.all([
    codebookThemes(db, consultation.id),
    listPlansFor(db, consultation.organisation_id),
    countCodedItemsByTheme(db, consultation.id),
    getSuppressionThreshold(db, consultation.organisation_id),
  ])
  const entries: CodebookEntry[] = themes
    .filter((t) => t.depth === 0)
    .map((t) => ({ key: t.key, title: t.title, description: t.description, keywords: t.keywords, subThemes: themes.filter((s) => s.parentId === t.id && s.depth === 1).map((s) => ({ key: s.key, title: s.title, description: s.description, keywords: s.keywords })) }))
  return {
    themes: themes.map((t) => ({ ...t, coded: discloseCount(counts[t.id] ?? 0, threshold) })),
    plans,
    json: codebookToJson(entries),
  }
}

export type CodebookFormResult =
  | { ok: true; message: 'created' | 'updated' | 'deleted' | 'imported' | 'fromPlan'; counts?: Record<string, number>; skipped?: string[] }
  | { ok: false; intent: 'create' | 'update'; themeId?: string; errors: ThemeFormProblem[]; values: Record<string, string> }
  | { ok: false; intent: 'import'; importErrors: CodebookProblem[]; values: Record<string, string> }
  | { ok: false; intent: 'fromPlan'; errors: Array<{ field: 'planId'; message: string }>; values: Record<string, string> }

const field = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

export async function submitCodebookForm(db: DB, consultation: Consultation, form: FormData, userId: string): Promise<CodebookFormResult> {
  const intent = field(form, 'intent')
  const rows = await listCodebookThemes(db, consultation.id)
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'intent'))
  const audit = (action: string, subject: string, details: Record<string, unknown>) => recordAudit(db, { userId, action, subject, details: { consultation: consultation.slug, ...details } })
  const input = { key: field(form, 'key'), title: field(form, 'title'), description: field(form, 'description'), parentId: field(form, 'parentId'), keywords: field(form, 'keywords') }

  if (intent === 'create') {
    const parsed = parseCodebookThemeForm(input, { themes: rows })
    if (!parsed.ok) return { ok: false, intent, errors: parsed.errors, values }
    const id = await createCodebookTheme(db, consultation.id, { ...parsed.value, key: parsed.value.key! })
    await audit('codebook.create', `theme:${id}`, { key: parsed.value.key, title: parsed.value.title, parent: parsed.value.parentId })
    return { ok: true, message: 'created' }
  }
  if (intent === 'update' || intent === 'delete') {
    const theme = rows.find((t) => t.id === field(form, 'themeId'))
    if (!theme) throw new Response('Not found', { status: 404 })
    if (intent === 'delete') {
      // Sub-themes become themes of their own; codes with this theme go with it.
      await db.updateTable('theme').set({ parent_id: null }).where('parent_id', '=', theme.id).execute()
      await deleteTheme(db, consultation.id, theme.id)
      await audit('codebook.delete', `theme:${theme.id}`, { key: theme.key })
      return { ok: true, message: 'deleted' }
    }
    const parsed = parseCodebookThemeForm(input, { themeId: theme.id, themes: rows })
    if (!parsed.ok) return { ok: false, intent, themeId: theme.id, errors: parsed.errors, values }
    await updateCodebookTheme(db, consultation.id, theme.id, parsed.value)
    await audit('codebook.update', `theme:${theme.id}`, { key: theme.key, title: parsed.value.title, parent: parsed.value.parentId, keywords: parsed.value.keywords.length })
    return { ok: true, message: 'updated' }
  }
  if (intent === 'import') {
    const parsed = parseCodebookJson(field(form, 'codebook'))
    if (!parsed.ok) return { ok: false, intent, importErrors: parsed.errors, values }
    const counts = await upsertCodebookThemes(db, consultation.id, flatten(parsed.themes))
    await audit('codebook.import', `consultation:${consultation.slug}`, counts)
    return { ok: true, message: 'imported', counts }
  }
  if (intent === 'fromPlan') {
    const planId = field(form, 'planId')
    const plans = await listPlansFor(db, consultation.organisation_id)
    if (!plans.some((p) => p.id === planId)) return { ok: false, intent, errors: [{ field: 'planId', message: 'errors.planRequired' }], values }
    const made = themesFromPlanItems(await listPlanItems(db, planId), rows.map((r) => r.key))
    const counts = made.themes.length ? await upsertCodebookThemes(db, consultation.id, flatten(made.themes)) : { created: 0, updated: 0 }
    await audit('codebook.from-plan', `consultation:${consultation.slug}`, { plan: planId, ...counts, skipped: made.skipped.length })
    return { ok: true, message: 'fromPlan', counts, skipped: made.skipped }
  }
  throw new Response('Bad request', { status: 400 })
}

function flatten(themes: CodebookEntry[]) {
  return themes.flatMap((t) => [
    { key: t.key, title: t.title, description: t.description, keywords: t.keywords, parentKey: null },
    ...t.subThemes.map((s) => ({ key: s.key, title: s.title, description: s.description, keywords: s.keywords, parentKey: t.key })),
  ])
}

// --- Workspace --------------------------------------------------------------------------

async function workspace(db: DB, consultationId: string, coderId: string) {
  const [themes, items, codings, sample] = await Promise.all([codebookThemes(db, consultationId), listCodingItems(db, consultationId), listCodings(db, consultationId), readSample(db, consultationId)])
  const sampleKeys = new Set(sample?.itemKeys ?? [])
  return { themes, items, sample, all: workspaceItems(items, codings, sampleKeys, coderId) }
}

/** What the coding page shows for one coder: filters, the current item with its text and suggestions, position, counts. */
export async function loadCodingWorkspace(db: DB, consultation: Consultation, coderId: string, url: URL) {
  const filter = readFilter(url.searchParams)
  const [{ themes, all }, sessions] = await Promise.all([workspace(db, consultation.id, coderId), listSessionsFor(db, consultation.id)])
  const filtered = applyFilter(all, filter, themes)
  const wanted = url.searchParams.get('item')
  const position = locate(all, filtered, wanted && parseItemKey(wanted) ? wanted : null)
  const current = position.current
  const parsedKey = current ? parseItemKey(current.key) : null
  const item = current && parsedKey ? await readItemText(db, consultation.id, parsedKey.kind, parsedKey.id) : null
  const suggestions = item ? suggestThemes(item.text, themes.map((t) => ({ themeId: t.id, keywords: t.keywords }))) : []
  const counts = countByTheme(all)
  const ageBands = new Set(all.map((i) => i.ageBand).filter((b): b is string => b !== null))
  return {
    filter,
    filterParams: filterParams(filter),
    themes: themes.map((t) => ({ id: t.id, key: t.key, title: t.title, description: t.description, depth: t.depth, count: counts.get(t.id) ?? 0 })),
    groups: (standardDemographicOptions.ageBand ?? []).filter((b) => ageBands.has(b)),
    sessions: sessions.map((s) => ({ id: s.id, label: `${s.group_type} (${s.join_code}, ${s.created_at.slice(0, 10)})` })),
    totals: { items: all.length, coded: all.filter((i) => i.coding).length },
    position: { index: position.index, total: position.total, previous: position.previous, next: position.next },
    item:
      current && item
        ? {
            key: current.key,
            kind: current.kind,
            text: item.text,
            attribution: item.attribution,
            ageBand: current.ageBand,
            inSample: current.inSample,
            coded: current.coding !== null,
            themeIds: current.coding?.themeIds ?? [],
            suggested: suggestions.map((s) => ({ themeId: s.themeId, matched: s.matched })),
          }
        : null,
  }
}

export type CodingSaveResult = { ok: true; redirectTo: string } | { ok: false; status: number; message: string }

/** "Save" or "Save and next": the coder's themes for the item, then where to go. */
export async function submitCoding(db: DB, consultation: Consultation, coderId: string, form: FormData): Promise<CodingSaveResult> {
  const key = field(form, 'item')
  const parsed = parseItemKey(key)
  if (!parsed) return { ok: false, status: 400, message: 'errors.noItem' }
  const { themes, all, sample } = await workspace(db, consultation.id, coderId)
  const target = all.find((i) => i.key === key)
  if (!target) return { ok: false, status: 404, message: 'errors.noItem' }
  const known = new Set(themes.map((t) => t.id))
  const chosen = [...new Set(form.getAll('themes').filter((v): v is string => typeof v === 'string'))]
  if (chosen.some((id) => !known.has(id))) return { ok: false, status: 400, message: 'errors.unknownTheme' }
  const inSample = new Set(sample?.itemKeys ?? []).has(key)
  await saveCoding(db, { consultationId: consultation.id, kind: parsed.kind, id: parsed.id, coderId, themeIds: chosen, shared: !inSample, now: new Date().toISOString() })
  await recordAudit(db, { userId: coderId, action: 'coding.save', subject: key, details: { consultation: consultation.slug, themes: chosen.length, sample: inSample } })

  const search = new URLSearchParams()
  const filterSearch = new URLSearchParams()
  for (const name of ['status', 'kind', 'theme', 'group', 'session', 'sample']) {
    const value = field(form, name)
    if (value) filterSearch.set(name, value)
  }
  const filter: ItemFilter = readFilter(filterSearch)
  for (const [name, value] of filterParams(filter)) search.set(name, value)
  let goTo: string | null = key
  if (field(form, 'intent') === 'next') {
    // After the save: the item now counts as coded (so an "uncoded" filter moves past it). None left: the list says so.
    const refreshed = (await workspace(db, consultation.id, coderId)).all
    goTo = nextAfter(refreshed, applyFilter(refreshed, filter, themes), key)
  }
  if (goTo) search.set('item', goTo)
  search.set('saved', key)
  return { ok: true, redirectTo: `/staff/consultations/${consultation.slug}/coding?${search}` }
}

// --- Double coding and agreement ----------------------------------------------------------

export async function loadAgreement(db: DB, consultation: Consultation, wanted: { first?: string | null; second?: string | null } = {}) {
  const [{ themes, items, sample }, codings] = await Promise.all([workspace(db, consultation.id, ''), listCodings(db, consultation.id)])
  const existing = new Set(items.map((i) => i.key))
  const sampleKeys = new Set((sample?.itemKeys ?? []).filter((k) => existing.has(k)))
  const onSample = codings.filter((c) => sampleKeys.has(c.itemKey))
  // By default the two coders who coded most of the sample (ties: who started first); a planner may pick two others.
  const perCoder = new Map<string, Map<string, Set<string>>>()
  for (const c of onSample) {
    const mine = perCoder.get(c.coderId) ?? new Map<string, Set<string>>()
    mine.set(c.itemKey, new Set(c.themeIds))
    perCoder.set(c.coderId, mine)
  }
  const coders = [...perCoder.entries()].sort((a, b) => b[1].size - a[1].size).map(([id]) => id)
  const names = await staffNames(db, coders)
  const { pair, refused } = chooseCoderPair(coders, wanted)
  const result = pair ? agreementByTheme(themes.map((t) => t.id), perCoder.get(pair[0])!, perCoder.get(pair[1])!) : null
  const title = new Map(themes.map((t) => [t.id, t.title]))
  const disagreementKeys = result ? [...new Set(result.themes.flatMap((t) => t.disagreements))].sort() : []
  const texts = new Map<string, string>()
  for (const key of disagreementKeys) {
    const parsed = parseItemKey(key)
    const item = parsed ? await readItemText(db, consultation.id, parsed.kind, parsed.id) : null
    if (item) texts.set(key, item.text)
  }
  return {
    sample: sample ? { seed: sample.seed, requested: sample.requested, size: sampleKeys.size, createdAt: sample.createdAt } : null,
    totalItems: items.length,
    coders: coders.map((id) => ({ id, name: names.get(id) ?? id, items: perCoder.get(id)!.size })),
    pair: pair ? { firstId: pair[0], secondId: pair[1], first: names.get(pair[0]) ?? pair[0], second: names.get(pair[1]) ?? pair[1], items: result!.items.length } : null,
    pairRefused: refused,
    themes: result
      ? result.themes.map((t) => ({ themeId: t.themeId, title: title.get(t.themeId) ?? t.themeId, a: t.a, b: t.b, c: t.c, d: t.d, n: t.n, observed: t.observed, kappa: t.kappa, band: kappaBand(t.kappa), disagreements: t.disagreements.length }))
      : [],
    disagreements: disagreementKeys.map((key) => ({
      key,
      text: texts.get(key) ?? '',
      first: [...(perCoder.get(pair![0])!.get(key) ?? [])].map((id) => title.get(id) ?? id),
      second: [...(perCoder.get(pair![1])!.get(key) ?? [])].map((id) => title.get(id) ?? id),
      themes: result!.themes.filter((t) => t.disagreements.includes(key)).map((t) => title.get(t.themeId) ?? t.themeId),
    })),
  }
}

export type SampleFormResult = { ok: true; size: number } | { ok: false; errors: Array<{ field: 'size' | 'seed'; message: string }>; values: Record<string, string> }

/** Chooses (or chooses again) the double-coding sample from every item there is now. */
export async function submitSampleForm(db: DB, consultation: Consultation, form: FormData, userId: string): Promise<SampleFormResult> {
  const values = { size: field(form, 'size'), seed: field(form, 'seed') }
  const request = parseSampleRequest(values.size)
  const seed = values.seed.trim() || consultation.slug
  const errors: Array<{ field: 'size' | 'seed'; message: string }> = []
  if (!request) errors.push({ field: 'size', message: 'errors.sampleSize' })
  if (seed.length > 100) errors.push({ field: 'seed', message: 'errors.seedTooLong' })
  if (errors.length || !request) return { ok: false, errors, values }
  const items = await listCodingItems(db, consultation.id)
  const itemKeys = chooseSample(items.map((i) => i.key), request, seed)
  await replaceSample(db, { consultationId: consultation.id, seed, requested: formatSampleRequest(request), itemKeys, userId, now: new Date().toISOString() })
  await recordAudit(db, { userId, action: 'coding.sample', subject: `consultation:${consultation.slug}`, details: { seed, requested: formatSampleRequest(request), items: itemKeys.length } })
  return { ok: true, size: itemKeys.length }
}
