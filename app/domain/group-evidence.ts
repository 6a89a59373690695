// Group evidence: results that a group produced together in a session (a diamond 9, dot votes, a
// ranking agreed by the group). One result stands for several children, so it is weighted by the
// group's size; and it is always shown apart from individual answers, never added to them, because
// a group's agreed answer is not the same thing as each member's own.
//
// Rules (shown with the results):
// - Weighting: each group's result counts once per member. A group of 8 weighs twice a group of 4.
//   The unweighted figure (each group counts once) is given alongside.
// - Diamond 9: nine cards in rows of 1, 2, 3, 2, 1. Row 1 (the top) scores 5 points, row 5 scores
//   1. A card left out of the diamond scores 0.
// - Dot votes: each member places dots; a group's dot share for an option is its dots there over
//   all its dots, so groups given more dots do not count for more. The weighted share is the
//   member-weighted average of the groups' shares.
// - Group rankings: the same Borda rule as individual rankings (N points for first of N positions,
//   down to 1; 0 if not ranked), multiplied by the group's size.
import { denseRanksDescending } from './tally'

export const DIAMOND_ROWS = [1, 2, 3, 2, 1] as const
export const DIAMOND_TIERS = DIAMOND_ROWS.length

export interface GroupEvidenceSummary {
  /** Groups that gave this kind of result. */
  groups: number
  /** Children in those groups: the weight of the result. */
  members: number
}

export interface DiamondRow {
  optionKey: string
  /** Sum over groups of tier points × group size. */
  weightedScore: number
  /** Sum over groups of tier points (each group once). */
  score: number
  /** Member-weighted mean tier among groups that placed the card (1 = top); null if none did. */
  meanTier: number | null
  /** Groups that put the card in the top row. */
  topTier: number
  rank: number
}

export interface DiamondGroup {
  size: number
  /** optionKey → tier 1..5 (1 = top); cards not placed are left out. */
  tiers: Record<string, number>
}

export function tierPoints(tier: number): number {
  return DIAMOND_TIERS - tier + 1
}

export function tallyDiamond9(optionKeys: string[], groups: DiamondGroup[]): { rows: DiamondRow[] } & GroupEvidenceSummary {
  const known = new Set(optionKeys)
  const totals = new Map(optionKeys.map((key) => [key, { weightedScore: 0, score: 0, tierSum: 0, weightPlaced: 0, topTier: 0 }]))
  for (const group of groups) {
    requireSize(group.size)
    const perTier = new Array<number>(DIAMOND_TIERS + 1).fill(0)
    for (const [optionKey, tier] of Object.entries(group.tiers)) {
      if (!known.has(optionKey)) throw new RangeError(`tier given for unknown option ${optionKey}`)
      if (!Number.isInteger(tier) || tier < 1 || tier > DIAMOND_TIERS) throw new RangeError(`tier must be 1..${DIAMOND_TIERS}, got ${tier}`)
      perTier[tier]++
      const option = totals.get(optionKey)!
      option.score += tierPoints(tier)
      option.weightedScore += tierPoints(tier) * group.size
      option.tierSum += tier * group.size
      option.weightPlaced += group.size
      if (tier === 1) option.topTier++
    }
    DIAMOND_ROWS.forEach((cards, index) => {
      if (perTier[index + 1] > cards) throw new RangeError(`row ${index + 1} of a diamond holds ${cards} card(s), got ${perTier[index + 1]}`)
    })
  }
  const rows = optionKeys.map((optionKey) => totals.get(optionKey)!)
  const ranks = denseRanksDescending(rows.map((row) => row.weightedScore))
  return {
    rows: optionKeys.map((optionKey, index) => {
      const row = rows[index]
      return {
        optionKey,
        weightedScore: row.weightedScore,
        score: row.score,
        meanTier: row.weightPlaced === 0 ? null : row.tierSum / row.weightPlaced,
        topTier: row.topTier,
        rank: ranks[index],
      }
    }),
    ...summary(groups),
  }
}

export interface DotGroup {
  size: number
  dots: Record<string, number>
}

export interface DotRow {
  optionKey: string
  dots: number
  /** Member-weighted mean of the groups' dot shares, 0..1; null when no group placed a dot. */
  weightedShare: number | null
  /** Mean of the groups' dot shares, each group once. */
  share: number | null
  rank: number
}

export function tallyDotVotes(optionKeys: string[], groups: DotGroup[]): { rows: DotRow[]; dots: number } & GroupEvidenceSummary {
  const known = new Set(optionKeys)
  const dots = new Map(optionKeys.map((key) => [key, 0]))
  const weightedShare = new Map(optionKeys.map((key) => [key, 0]))
  const share = new Map(optionKeys.map((key) => [key, 0]))
  let weight = 0
  let voting = 0
  for (const group of groups) {
    requireSize(group.size)
    let groupDots = 0
    for (const [optionKey, count] of Object.entries(group.dots)) {
      if (!known.has(optionKey)) throw new RangeError(`dots given for unknown option ${optionKey}`)
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`dots must be a non-negative whole number, got ${count}`)
      groupDots += count
    }
    if (groupDots === 0) continue // a group that placed no dots says nothing about the options
    weight += group.size
    voting++
    for (const [optionKey, count] of Object.entries(group.dots)) {
      dots.set(optionKey, dots.get(optionKey)! + count)
      weightedShare.set(optionKey, weightedShare.get(optionKey)! + (count / groupDots) * group.size)
      share.set(optionKey, share.get(optionKey)! + count / groupDots)
    }
  }
  const weighted = optionKeys.map((key) => (weight === 0 ? null : weightedShare.get(key)! / weight))
  const ranks = denseRanksDescending(weighted.map((value) => value ?? 0))
  return {
    rows: optionKeys.map((optionKey, index) => ({
      optionKey,
      dots: dots.get(optionKey)!,
      weightedShare: weighted[index],
      share: voting === 0 ? null : share.get(optionKey)! / voting,
      rank: ranks[index],
    })),
    dots: [...dots.values()].reduce((sum, count) => sum + count, 0),
    ...summary(groups),
  }
}

export interface GroupRanking {
  size: number
  /** Option keys in the group's agreed order, best first; may be shorter than positions. */
  order: string[]
}

export interface GroupRankingRow {
  optionKey: string
  weightedBorda: number
  borda: number
  /** Member-weighted mean position among groups that ranked the option. */
  meanRank: number | null
  /** Groups that put the option first. */
  firstPlaces: number
  rank: number
}

export function tallyGroupRankings(optionKeys: string[], positions: number, groups: GroupRanking[]): { rows: GroupRankingRow[]; positions: number } & GroupEvidenceSummary {
  if (!Number.isInteger(positions) || positions < 1 || positions > optionKeys.length) throw new RangeError(`positions must be 1..${optionKeys.length}, got ${positions}`)
  const known = new Set(optionKeys)
  const totals = new Map(optionKeys.map((key) => [key, { weightedBorda: 0, borda: 0, positionSum: 0, weightRanked: 0, firstPlaces: 0 }]))
  for (const group of groups) {
    requireSize(group.size)
    if (group.order.length > positions) throw new RangeError(`a group ranked ${group.order.length} options but there are ${positions} positions`)
    if (new Set(group.order).size !== group.order.length) throw new RangeError('a group ranked an option twice')
    group.order.forEach((optionKey, index) => {
      if (!known.has(optionKey)) throw new RangeError(`unknown option ${optionKey}`)
      const position = index + 1
      const option = totals.get(optionKey)!
      const points = positions - position + 1
      option.borda += points
      option.weightedBorda += points * group.size
      option.positionSum += position * group.size
      option.weightRanked += group.size
      if (position === 1) option.firstPlaces++
    })
  }
  const rows = optionKeys.map((key) => totals.get(key)!)
  const ranks = denseRanksDescending(rows.map((row) => row.weightedBorda))
  return {
    rows: optionKeys.map((optionKey, index) => {
      const row = rows[index]
      return {
        optionKey,
        weightedBorda: row.weightedBorda,
        borda: row.borda,
        meanRank: row.weightRanked === 0 ? null : row.positionSum / row.weightRanked,
        firstPlaces: row.firstPlaces,
        rank: ranks[index],
      }
    }),
    positions,
    ...summary(groups),
  }
}

function summary(groups: Array<{ size: number }>): GroupEvidenceSummary {
  return { groups: groups.length, members: groups.reduce((sum, group) => sum + group.size, 0) }
}

function requireSize(size: number): void {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`a group has at least 1 member, got ${size}`)
}

/**
 * Small-number rule for group evidence: a group's agreed answer is shown only when the children
 * behind the evidence (the members of every group that gave it) reach the threshold, the same rule
 * as a question's answers. Fewer members, and only the number of groups is given.
 */
export function enoughMembers(evidence: GroupEvidenceSummary, threshold: number): boolean {
  return evidence.members >= threshold
}
