// Paper evidence: counts from paper ballots and tallies (aggregate imports), per question, shown
// apart from the answers given online and never added to them, because a count on a sheet is not a
// response we hold. The base is the sum of the totals written on the sheets (one per group and
// question). Small numbers are hidden by the same rules as every other table. Pure.
import { type DisclosedCell, discloseCount, percentOfDisclosed, suppressOneWay } from './disclosure'
import { denseRanksDescending } from './tally'

export interface PaperCount {
  optionKey: string
  /** Ranking questions: the position counted; null otherwise. */
  position: number | null
  count: number
}

export interface PaperEvidenceRow {
  optionKey: string
  /** Ballots choosing the option (choice questions), or putting it first (rankings). */
  count: DisclosedCell
  percent: number | 'c' | 'z' | 'k' | null
  /** Rankings: Borda points (N for first of N positions … 1), hidden with a small count. */
  bordaScore: number | null
  rank: number | null
}

export interface PaperEvidence {
  /** Groups (sheets) counted for this question. */
  groups: number
  base: DisclosedCell
  tooFew: boolean
  rows: PaperEvidenceRow[]
}

export function tallyPaperEvidence(input: {
  kind: 'additive' | 'multi' | 'ranking'
  optionKeys: string[]
  /** Ranking questions: positions on the ballot. */
  positions?: number
  counts: PaperCount[]
  /** The total written on each group's sheet for this question. */
  statedTotals: number[]
  threshold: number
}): PaperEvidence {
  const { kind, optionKeys, counts, statedTotals, threshold } = input
  const base = statedTotals.reduce((sum, total) => sum + total, 0)
  const tooFew = base < threshold
  const perOption = (filter: (c: PaperCount) => boolean, weight: (c: PaperCount) => number = (c) => c.count) =>
    optionKeys.map((key) => counts.filter((c) => c.optionKey === key && filter(c)).reduce((sum, c) => sum + weight(c), 0))
  const shownCounts = kind === 'ranking' ? perOption((c) => c.position === 1) : perOption(() => true)
  const cells = suppressOneWay(shownCounts, { threshold, additive: kind !== 'multi' })
  const positions = input.positions ?? optionKeys.length
  const borda = kind === 'ranking' ? perOption((c) => c.position !== null, (c) => c.count * (positions - (c.position ?? positions) + 1)) : null
  const timesRanked = kind === 'ranking' ? perOption((c) => c.position !== null) : null
  const ranks = denseRanksDescending(borda ?? shownCounts)
  const baseCell = discloseCount(base, threshold)
  const hidden: DisclosedCell = { kind: 'suppressed', mark: 'c' }
  return {
    groups: statedTotals.length,
    base: baseCell,
    tooFew,
    rows: optionKeys.map((optionKey, i) => {
      const count = tooFew ? hidden : cells[i]
      const fewRanked = timesRanked ? timesRanked[i] > 0 && timesRanked[i] < threshold : false
      return {
        optionKey,
        count,
        percent: tooFew ? null : percentOfDisclosed(cells[i], base, threshold, baseCell),
        bordaScore: borda && !tooFew && !fewRanked ? borda[i] : null,
        rank: tooFew || (kind !== 'ranking' && count.kind !== 'value') || fewRanked ? null : ranks[i],
      }
    }),
  }
}
