import { describe, expect, it } from 'vitest'
import { enoughMembers, tallyDiamond9, tallyDotVotes, tallyGroupRankings, tierPoints } from './group-evidence'

const nine = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']

describe('tallyDiamond9', () => {
  it('scores tiers 5..1 and weights each group by its size', () => {
    expect([1, 2, 3, 4, 5].map(tierPoints)).toEqual([5, 4, 3, 2, 1])
    // Group of 6: a top, b c row 2, d e f row 3, g h row 4, i bottom.
    // Group of 2: i top, a row 2 (the rest left out).
    const tally = tallyDiamond9(nine, [
      { size: 6, tiers: { a: 1, b: 2, c: 2, d: 3, e: 3, f: 3, g: 4, h: 4, i: 5 } },
      { size: 2, tiers: { i: 1, a: 2 } },
    ])
    const row = (key: string) => tally.rows.find((r) => r.optionKey === key)!
    // a: 5×6 + 4×2 = 38 weighted, 5 + 4 = 9 unweighted; mean tier (1×6 + 2×2) / 8 = 1.25
    expect(row('a')).toEqual({ optionKey: 'a', weightedScore: 38, score: 9, meanTier: 1.25, topTier: 1, rank: 1 })
    // i: 1×6 + 5×2 = 16 weighted, 1 + 5 = 6 unweighted; mean tier (5×6 + 1×2) / 8 = 4
    expect(row('i')).toEqual({ optionKey: 'i', weightedScore: 16, score: 6, meanTier: 4, topTier: 1, rank: 4 })
    expect(row('b').weightedScore).toBe(24)
    expect(row('d').weightedScore).toBe(18)
    expect(row('g').weightedScore).toBe(12)
    expect(tally.rows.map((r) => r.rank)).toEqual([1, 2, 2, 3, 3, 3, 5, 5, 4])
    expect(tally).toMatchObject({ groups: 2, members: 8 })
  })

  it('refuses a diamond with too many cards in a row, an unknown card or an empty group', () => {
    expect(() => tallyDiamond9(nine, [{ size: 3, tiers: { a: 1, b: 1 } }])).toThrow(/row 1/)
    expect(() => tallyDiamond9(nine, [{ size: 3, tiers: { z: 1 } }])).toThrow(/unknown/)
    expect(() => tallyDiamond9(nine, [{ size: 0, tiers: {} }])).toThrow(/at least 1/)
    expect(() => tallyDiamond9(nine, [{ size: 3, tiers: { a: 6 } }])).toThrow(/tier/)
  })
})

describe('tallyDotVotes', () => {
  it('uses each group’s share of its own dots, weighted by group size', () => {
    // Group of 10 with 30 dots: x 15, y 15 → shares ½, ½.  Group of 5 with 5 dots: x 5 → share 1.
    // Weighted x = (½×10 + 1×5) / 15 = 10/15; y = (½×10) / 15 = 5/15. Unweighted x = (½ + 1) / 2 = ¾.
    const tally = tallyDotVotes(['x', 'y', 'z'], [
      { size: 10, dots: { x: 15, y: 15 } },
      { size: 5, dots: { x: 5 } },
      { size: 4, dots: {} }, // placed no dots: counted as a group, but not in the shares
    ])
    expect(tally.rows).toEqual([
      { optionKey: 'x', dots: 20, weightedShare: 10 / 15, share: 0.75, rank: 1 },
      { optionKey: 'y', dots: 15, weightedShare: 5 / 15, share: 0.25, rank: 2 },
      { optionKey: 'z', dots: 0, weightedShare: 0, share: 0, rank: 3 },
    ])
    expect(tally).toMatchObject({ dots: 35, groups: 3, members: 19 })
  })

  it('has no shares when no group placed a dot', () => {
    expect(tallyDotVotes(['x'], []).rows[0]).toEqual({ optionKey: 'x', dots: 0, weightedShare: null, share: null, rank: 1 })
  })
})

describe('tallyGroupRankings', () => {
  it('scores each group’s agreed top 3 by Borda and weights it by size', () => {
    // 3 positions: 3, 2, 1 points.  Group of 4: A B C.  Group of 12: C A (a partial ranking).
    // A: 3×4 + 2×12 = 36 weighted, 3 + 2 = 5 unweighted, mean rank (1×4 + 2×12) / 16 = 1.75
    // B: 2×4 = 8, 2, mean 2.   C: 1×4 + 3×12 = 40, 1 + 3 = 4, mean (3×4 + 1×12) / 16 = 1.5
    const tally = tallyGroupRankings(['A', 'B', 'C', 'D'], 3, [
      { size: 4, order: ['A', 'B', 'C'] },
      { size: 12, order: ['C', 'A'] },
    ])
    expect(tally.rows).toEqual([
      { optionKey: 'A', weightedBorda: 36, borda: 5, meanRank: 1.75, firstPlaces: 1, rank: 2 },
      { optionKey: 'B', weightedBorda: 8, borda: 2, meanRank: 2, firstPlaces: 0, rank: 3 },
      { optionKey: 'C', weightedBorda: 40, borda: 4, meanRank: 1.5, firstPlaces: 1, rank: 1 },
      { optionKey: 'D', weightedBorda: 0, borda: 0, meanRank: null, firstPlaces: 0, rank: 4 },
    ])
    expect(tally).toMatchObject({ groups: 2, members: 16, positions: 3 })
  })

  it('refuses rankings no group could give', () => {
    expect(() => tallyGroupRankings(['A', 'B'], 2, [{ size: 2, order: ['A', 'A'] }])).toThrow(/twice/)
    expect(() => tallyGroupRankings(['A', 'B'], 1, [{ size: 2, order: ['A', 'B'] }])).toThrow(/positions/)
    expect(() => tallyGroupRankings(['A', 'B'], 3, [])).toThrow(/positions/)
  })
})

describe('enoughMembers', () => {
  it('shows group evidence only when the children behind it reach the threshold', () => {
    expect(enoughMembers({ groups: 3, members: 9 }, 10)).toBe(false)
    expect(enoughMembers({ groups: 1, members: 10 }, 10)).toBe(true)
  })
})
