// The participation record for a planner's annual report (Lundy: Space, Voice, Audience, Influence):
// how many children took part, from which groups, by which methods, with what supports, and how
// many actions were fed back. Pure: counts in, suppressed figures out.
import { type Demographics, demographicFields, parseDemographics } from './demographics'
import { type DisclosedCell, discloseCount, percentOfDisclosed, suppressOneWay } from './disclosure'

export interface SnapshotCount {
  /** response.demographics as stored (JSON text, fields always in the same order), or null */
  demographics: string | null
  count: number
}

export interface SupportCount {
  locale: string
  symbols: boolean | null
  easyRead: boolean | null
  /** Entered by an adult on the child's behalf (paper, a group session) */
  onBehalf: boolean
  count: number
}

export interface Breakdown {
  key: string
  rows: Array<{ value: string; count: DisclosedCell; percent: number | 'c' | 'z' | 'k' | null }>
}

export interface ParticipationRecord {
  tookPart: DisclosedCell
  started: DisclosedCell
  groups: Breakdown[]
  methods: Breakdown
  languages: Breakdown
  symbols: Breakdown
  easyRead: Breakdown
  actions: { total: number; byStatus: Record<string, number> }
}

export const NOT_GIVEN = 'not-given'
export const NOT_RECORDED = 'not-recorded'

/** Counts per demographic field and group, from counts per stored snapshot (a GROUP BY on the text). */
export function countGroups(snapshots: SnapshotCount[]): Record<string, Record<string, number>> {
  const result: Record<string, Record<string, number>> = {}
  for (const { demographics, count } of snapshots) {
    const parsed: Demographics = parseDemographics(demographics)
    for (const field of demographicFields) {
      const value = parsed[field]
      if (!value) continue
      result[field] ??= {}
      result[field][value] = (result[field][value] ?? 0) + count
    }
  }
  return result
}

/**
 * A breakdown that adds up to the total shown above it, so one hidden count would be recoverable:
 * suppressOneWay with additive counts hides a second one.
 */
function additiveBreakdown(key: string, counts: Array<[string, number]>, total: number, threshold: number): Breakdown {
  const cells = suppressOneWay(
    counts.map(([, n]) => n),
    { threshold, additive: true },
  )
  return { key, rows: counts.map(([value], i) => ({ value, count: cells[i], percent: percentOfDisclosed(cells[i], total, threshold) })) }
}

export function buildParticipationRecord(input: {
  submitted: number
  started: number
  snapshots: SnapshotCount[]
  supports: SupportCount[]
  actionStatuses: Array<{ status: string; count: number }>
  threshold: number
}): ParticipationRecord {
  const { submitted, threshold } = input
  const groups = countGroups(input.snapshots)
  const groupBreakdowns = Object.entries(groups).map(([field, values]) => {
    const given = Object.values(values).reduce((a, b) => a + b, 0)
    return additiveBreakdown(field, [...Object.entries(values).sort(([a], [b]) => a.localeCompare(b)), [NOT_GIVEN, Math.max(0, submitted - given)]], submitted, threshold)
  })
  const sumBy = (pick: (s: SupportCount) => string) => {
    const totals = new Map<string, number>()
    for (const s of input.supports) totals.set(pick(s), (totals.get(pick(s)) ?? 0) + s.count)
    return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b))
  }
  const yesNo = (value: boolean | null) => (value === null ? NOT_RECORDED : value ? 'yes' : 'no')
  const byStatus: Record<string, number> = {}
  for (const { status, count } of input.actionStatuses) byStatus[status] = count
  return {
    tookPart: discloseCount(submitted, threshold),
    started: discloseCount(input.started, threshold),
    groups: groupBreakdowns,
    methods: additiveBreakdown('method', sumBy((s) => (s.onBehalf ? 'on-behalf' : 'online')), submitted, threshold),
    languages: additiveBreakdown('language', sumBy((s) => s.locale), submitted, threshold),
    symbols: additiveBreakdown('symbols', sumBy((s) => yesNo(s.symbols)), submitted, threshold),
    easyRead: additiveBreakdown('easyRead', sumBy((s) => yesNo(s.easyRead)), submitted, threshold),
    actions: { total: input.actionStatuses.reduce((a, s) => a + s.count, 0), byStatus },
  }
}
