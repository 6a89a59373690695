// Findings: what children's answers say about each theme, and how the themes feed the plan.
// Pure functions over aggregated rows (counts of respondents), with small-number suppression
// applied before anything is shown. See docs/decisions/007-themes-plans-actions.md.
//
// Evidence for a theme = respondents who chose any option linked to it (answers to choice
// questions, and first choices of ranking questions; scale answers are ratings, not choices, and
// do not count). A respondent who chose two options of the same theme counts once, so the SQL
// counts distinct respondents per theme; these functions only see those counts.
import { type DisclosedCell, discloseCount, isSmallCount, percentOrHidden, suppressOneWay } from './disclosure'
import { denseRanksDescending, roundRatioHalfAwayFromZero } from './tally'

export type Percent = number | 'c' | 'z' | 'k' | null

export interface ThemeInput {
  key: string
  title: string
}

export interface ThemeEvidence {
  key: string
  title: string
  /** Respondents who chose any option of the theme, after suppression. */
  respondents: DisclosedCell
  /** Share of the base, one decimal; a mark when hidden. */
  percent: Percent
  /** Dense rank by respondents (ties share a rank); null when the count is hidden. */
  rank: number | null
}

export interface ThemeEvidenceTable {
  /** Respondents who answered at least one question that can give evidence. */
  base: DisclosedCell
  /** Sorted by rank; hidden and unranked rows last, in the given order. */
  rows: ThemeEvidence[]
}

/**
 * Theme evidence and rank. Themes overlap (one respondent can give evidence for several), so the
 * counts do not add up to a shown total and need no secondary suppression.
 */
export function themeEvidence(input: { themes: ThemeInput[]; respondents: Record<string, number>; base: number; threshold: number }): ThemeEvidenceTable {
  const { themes, base, threshold } = input
  const counts = themes.map((t) => input.respondents[t.key] ?? 0)
  for (const count of counts) if (count > base) throw new RangeError(`a theme count (${count}) cannot be more than the base (${base})`)
  const cells = suppressOneWay(counts, { threshold, additive: false })
  const ranks = denseRanksDescending(counts)
  const baseCell = discloseCount(base, threshold)
  const rows = themes.map((theme, i): ThemeEvidence => {
    const cell = baseCell.kind === 'value' ? cells[i] : ({ kind: 'suppressed', mark: 'c' } as const)
    return {
      key: theme.key,
      title: theme.title,
      respondents: cell,
      percent: cell.kind === 'value' ? percentOrHidden(cell.value, base, threshold) : cell.mark,
      rank: cell.kind === 'value' ? ranks[i] : null,
    }
  })
  const order = rows.map((row, index) => ({ row, index }))
  order.sort((a, b) => (a.row.rank ?? Infinity) - (b.row.rank ?? Infinity) || a.index - b.index)
  return { base: baseCell, rows: order.map(({ row }) => row) }
}

/** The themes children put first: ranks 1..`ranks` whose numbers can be shown. */
export function topThemes(table: ThemeEvidenceTable, ranks = 3): ThemeEvidence[] {
  return table.rows.filter((row) => row.rank !== null && row.rank <= ranks && typeof row.percent === 'number' && row.respondents.kind === 'value' && row.respondents.value > 0)
}

export interface GroupThemeCount {
  /** A demographic field, e.g. ageBand */
  field: string
  /** The group within it, e.g. age-11-13 */
  group: string
  themeKey: string
  respondents: number
}

export interface GroupBase {
  field: string
  group: string
  /** Respondents in the group who answered at least one evidence question: the base of its share. */
  respondents: number
}

export interface GroupShare {
  group: string
  percent: number
}

export interface GroupExtremes {
  field: string
  /** Groups with the highest share (more than one when tied). */
  most: GroupShare[]
  /** Groups with the lowest share. */
  least: GroupShare[]
}

/** Groups never compared: not a group of children, but a refusal to say. */
export const GROUPS_NOT_COMPARED = ['prefer-not-to-say']

/**
 * Which groups prioritise a theme most and least, per demographic field, from cross-tab rows.
 * Only groups whose size and count can both be shown take part (base at least the threshold, the
 * count zero or at least the threshold), so nothing shown can be worked back to a small number;
 * a field needs two such groups whose shares differ, or it is left out.
 */
export function groupsPrioritisingThemes(input: { themeKeys: string[]; counts: GroupThemeCount[]; bases: GroupBase[]; threshold: number }): Record<string, GroupExtremes[]> {
  const { threshold } = input
  const fields = [...new Set(input.bases.map((b) => b.field))]
  const countOf = new Map(input.counts.map((c) => [`${c.themeKey}|${c.field}|${c.group}`, c.respondents]))
  const result: Record<string, GroupExtremes[]> = {}
  for (const themeKey of input.themeKeys) {
    result[themeKey] = []
    for (const field of fields) {
      const eligible = input.bases
        .filter((b) => b.field === field && !GROUPS_NOT_COMPARED.includes(b.group) && b.respondents >= threshold)
        .map((b) => ({ group: b.group, base: b.respondents, count: countOf.get(`${themeKey}|${field}|${b.group}`) ?? 0 }))
        .filter((g) => !isSmallCount(g.count, threshold))
      if (eligible.length < 2) continue
      // Compare exact ratios by cross-multiplying: a/b > c/d ⇔ a·d > c·b.
      const compare = (x: (typeof eligible)[number], y: (typeof eligible)[number]) => x.count * y.base - y.count * x.base
      const highest = eligible.reduce((best, g) => (compare(g, best) > 0 ? g : best))
      const lowest = eligible.reduce((worst, g) => (compare(g, worst) < 0 ? g : worst))
      if (compare(highest, lowest) === 0) continue
      const share = (g: (typeof eligible)[number]): GroupShare => ({ group: g.group, percent: roundRatioHalfAwayFromZero(g.count * 1000, g.base) / 10 })
      result[themeKey].push({
        field,
        most: eligible.filter((g) => compare(g, highest) === 0).map(share),
        least: eligible.filter((g) => compare(g, lowest) === 0).map(share),
      })
    }
  }
  return result
}

export interface PlanItemInput {
  id: string
  code: string
  title: string
  parentId: string | null
}

export interface ThemeLink {
  themeKey: string
  itemId: string
  /** 1..5; null counts as 1 */
  weight: number | null
}

export interface FeedingTheme {
  key: string
  title: string
  weight: number
  percent: Percent
  /** weight × percent (percentage points), one decimal; null when the theme's share is hidden. */
  contribution: number | null
}

export interface PlanItemWeight {
  id: string
  code: string
  title: string
  parentId: string | null
  themes: FeedingTheme[]
  /** Sum of the shown contributions; null when no theme with a shown share feeds the item. */
  score: number | null
  /** True when some feeding theme's share is hidden and left out of the score. */
  partial: boolean
  /** Dense rank of the score among the plan's items that have one. */
  rank: number | null
}

export const DEFAULT_LINK_WEIGHT = 1
export const MAX_LINK_WEIGHT = 5

/**
 * How much of what children said feeds each plan item: the themes linked to it, each counted as
 * its share of respondents times the link's weight. A theme whose share is hidden adds nothing
 * (adding it would let it be worked out from the total), and the item says so.
 */
export function planItemWeights(input: { items: PlanItemInput[]; links: ThemeLink[]; evidence: ThemeEvidence[] }): PlanItemWeight[] {
  const evidenceOf = new Map(input.evidence.map((e) => [e.key, e]))
  const weighted = input.items.map((item) => {
    const themes = input.links
      .filter((l) => l.itemId === item.id && evidenceOf.has(l.themeKey))
      .map((l): FeedingTheme => {
        const e = evidenceOf.get(l.themeKey)!
        const weight = l.weight ?? DEFAULT_LINK_WEIGHT
        const points = e.percent === 'k' ? 0 : typeof e.percent === 'number' ? e.percent : null
        return { key: e.key, title: e.title, weight, percent: e.percent, contribution: points === null ? null : Math.round(points * weight * 10) / 10 }
      })
      .sort((a, b) => (b.contribution ?? -1) - (a.contribution ?? -1))
    const shown = themes.filter((t) => t.contribution !== null)
    const score = shown.length ? Math.round(shown.reduce((sum, t) => sum + (t.contribution as number) * 10, 0)) / 10 : null
    return { ...item, themes, score, partial: shown.length < themes.length }
  })
  const scored = weighted.filter((w) => w.score !== null)
  const ranks = denseRanksDescending(scored.map((w) => w.score as number))
  const rankOf = new Map(scored.map((w, i) => [w.id, ranks[i]]))
  return weighted.map((w) => ({ ...w, rank: rankOf.get(w.id) ?? null }))
}

/** A link weight from a form: blank is "no weight" (null); otherwise a whole number 1..5. */
export function parseLinkWeight(value: unknown): { ok: true; weight: number | null } | { ok: false } {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return { ok: true, weight: null }
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim())) return { ok: false }
  const weight = Number(value.trim())
  return weight >= 1 && weight <= MAX_LINK_WEIGHT ? { ok: true, weight } : { ok: false }
}

// ---- Quotes and group evidence per theme -------------------------------------------------------

/** Quotes shown under each theme; the rest are in the quote bank. */
export const QUOTES_PER_THEME = 3

export interface ThemeQuoteRow<Teller> {
  themeKey: string
  id: string
  text: string
  teller: Teller
}

/**
 * Up to `max` quotes per theme, in the order given (oldest first), each story once per theme even
 * when it is both coded to the theme and told about a question whose options feed it. `more` says
 * the quote bank holds others for the theme; how many is not said (a count of stories is not shown).
 */
export function quotesByTheme<Teller>(rows: ThemeQuoteRow<Teller>[], max = QUOTES_PER_THEME): Record<string, { quotes: Array<{ id: string; text: string; teller: Teller }>; more: boolean }> {
  const result: Record<string, { quotes: Array<{ id: string; text: string; teller: Teller }>; more: boolean }> = {}
  const seen = new Set<string>()
  for (const row of rows) {
    if (!row.text.trim()) continue
    const key = `${row.themeKey}\u0000${row.id}`
    if (seen.has(key)) continue
    seen.add(key)
    const entry = (result[row.themeKey] ??= { quotes: [], more: false })
    if (entry.quotes.length < max) entry.quotes.push({ id: row.id, text: row.text, teller: row.teller })
    else entry.more = true
  }
  return result
}

/** One group activity's evidence for a question, already suppressed (no rows when too few children). */
export interface GroupActivityEvidence {
  questionKey: string
  prompt: string
  kind: string
  groups: number
  members: DisclosedCell
  tooFew: boolean
  /** Every option of the activity, with its rank among them and its weighted measure. */
  rows: Array<{ key: string; label: string; rank: number; measure: number | null }>
}

export interface ThemeGroupEvidence extends Omit<GroupActivityEvidence, 'rows'> {
  /** How many options the activity ranked, so "2nd of 9" can be said */
  of: number
  rows: GroupActivityEvidence['rows']
}

/**
 * The group evidence feeding each theme: the activities whose question has an option linked to the
 * theme, with only those options' rows (rank among all the activity's options, weighted measure).
 * Taken from evidence already suppressed, so nothing hidden there shows here; an activity with too
 * few children is listed with its number of groups only.
 */
export function groupEvidenceByTheme(evidence: GroupActivityEvidence[], links: Array<{ themeKey: string; questionKey: string; optionKey: string }>): Record<string, ThemeGroupEvidence[]> {
  const result: Record<string, ThemeGroupEvidence[]> = {}
  const themeKeys = [...new Set(links.map((l) => l.themeKey))]
  for (const themeKey of themeKeys) {
    for (const view of evidence) {
      const linked = new Set(links.filter((l) => l.themeKey === themeKey && l.questionKey === view.questionKey).map((l) => l.optionKey))
      if (linked.size === 0) continue
      const rows = view.rows.filter((r) => linked.has(r.key)).sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label))
      ;(result[themeKey] ??= []).push({ ...view, of: view.rows.length, rows })
    }
  }
  return result
}
