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
