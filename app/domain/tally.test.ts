import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  checkTotals,
  denseRanksDescending,
  percentOneDecimal,
  roundRatioHalfAwayFromZero,
  scaleMeanIsMeaningful,
  sortByRank,
  tallyChooseUpToN,
  tallyChoices,
  tallyRanking,
  tallyScale,
} from './tally'

type HaltonFixture = {
  published: Array<{ rank: number; option: string; percent: number }>
  synthetic_counts_for_1000_respondents: number[]
}

function readHalton(): HaltonFixture {
  const path = resolve(process.cwd(), '../shared/fixtures/priorities/halton-2007-priority-groups.json')
  return JSON.parse(readFileSync(path, 'utf8')) as HaltonFixture
}

describe('percentOneDecimal', () => {
  it('rounds exact halves away from zero where float shortcuts round them down', () => {
    // 201/400 = 50.25% exactly; Math.round(201 / 400 * 1000) / 10 gives 50.2 because
    // 201 / 400 * 1000 evaluates to 502.49999999999994.
    expect(percentOneDecimal(201, 400)).toBe(50.3)
    // 23/80 = 28.75% exactly; (23 / 80 * 100).toFixed(1) gives '28.7'.
    expect(percentOneDecimal(23, 80)).toBe(28.8)
    // 1/16 = 6.25%
    expect(percentOneDecimal(1, 16)).toBe(6.3)
  })

  it('rounds ordinary values to the nearest tenth', () => {
    expect(percentOneDecimal(1, 3)).toBe(33.3) // 33.33…
    expect(percentOneDecimal(2, 3)).toBe(66.7) // 66.66…
    expect(percentOneDecimal(1, 7)).toBe(14.3) // 14.285…
    expect(percentOneDecimal(0, 9)).toBe(0)
    expect(percentOneDecimal(9, 9)).toBe(100)
  })

  it('has no percent for an empty base', () => {
    expect(percentOneDecimal(0, 0)).toBeNull()
  })

  it('refuses counts that are not whole numbers', () => {
    expect(() => percentOneDecimal(0.5, 10)).toThrow(RangeError)
    expect(() => percentOneDecimal(-1, 10)).toThrow(RangeError)
  })
})

describe('roundRatioHalfAwayFromZero', () => {
  it('rounds halves away from zero on both sides', () => {
    expect(roundRatioHalfAwayFromZero(5, 2)).toBe(3) // 2.5
    expect(roundRatioHalfAwayFromZero(-5, 2)).toBe(-3) // -2.5
    expect(roundRatioHalfAwayFromZero(7, 3)).toBe(2) // 2.33
    expect(roundRatioHalfAwayFromZero(8, -3)).toBe(-3) // -2.67
  })
})

describe('denseRanksDescending and sortByRank', () => {
  it('gives ties one rank and continues with the next number', () => {
    expect(denseRanksDescending([4, 9, 9, 1, 4])).toEqual([2, 1, 1, 3, 2])
  })

  it('sorts by rank and keeps question order inside a tie', () => {
    const rows = [
      { optionKey: 'a', rank: 2 },
      { optionKey: 'b', rank: 1 },
      { optionKey: 'c', rank: 2 },
      { optionKey: 'd', rank: 1 },
    ]
    expect(sortByRank(rows).map((row) => row.optionKey)).toEqual(['b', 'd', 'a', 'c'])
  })
})

describe('tallyChoices', () => {
  it('reproduces the published Halton 2007 priority groups table', () => {
    const halton = readHalton()
    const optionKeys = halton.published.map((row) => row.option)
    const counts = Object.fromEntries(
      optionKeys.map((key, index) => [key, halton.synthetic_counts_for_1000_respondents[index]]),
    )

    const tally = tallyChoices({ optionKeys, counts, answered: 1000, skipped: 0 })

    expect(tally.rows.map((row) => row.rank)).toEqual([1, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(tally.rows.map((row) => row.percent)).toEqual([61.2, 61.2, 60.9, 57.3, 56.7, 56.5, 53.6, 51.7, 51.5, 47.8])
    expect(tally.rows.map((row) => ({ option: row.optionKey, rank: row.rank, percent: row.percent }))).toEqual(
      halton.published,
    )
    expect(tally.rows[0].share).toBe(0.612)
  })

  it('tallies a single choice question with a tie and an option nobody chose', () => {
    // 17 answered: a 3, b 7, c 7, d 0 (absent from the aggregate). 3/17 = 17.647%, 7/17 = 41.176%.
    const tally = tallyChoices({
      optionKeys: ['a', 'b', 'c', 'd'],
      counts: { a: 3, b: 7, c: 7 },
      answered: 17,
      skipped: 4,
    })

    expect(tally.answered).toBe(17)
    expect(tally.skipped).toBe(4)
    expect(tally.rows).toEqual([
      { optionKey: 'a', count: 3, share: 3 / 17, percent: 17.6, rank: 2 },
      { optionKey: 'b', count: 7, share: 7 / 17, percent: 41.2, rank: 1 },
      { optionKey: 'c', count: 7, share: 7 / 17, percent: 41.2, rank: 1 },
      { optionKey: 'd', count: 0, share: 0, percent: 0, rank: 3 },
    ])
    expect(sortByRank(tally.rows).map((row) => row.optionKey)).toEqual(['b', 'c', 'a', 'd'])
  })

  it('uses respondents, not choices, as the base of a multi-select question', () => {
    // 8 respondents chose any of three: 6 + 5 + 2 = 13 ticks, shares 75%, 62.5%, 25%.
    const tally = tallyChoices({ optionKeys: ['x', 'y', 'z'], counts: { x: 6, y: 5, z: 2 }, answered: 8, skipped: 1 })
    expect(tally.rows.map((row) => row.percent)).toEqual([75, 62.5, 25])
  })

  it('has no shares when nobody answered', () => {
    const tally = tallyChoices({ optionKeys: ['x', 'y'], counts: {}, answered: 0, skipped: 5 })
    expect(tally.rows).toEqual([
      { optionKey: 'x', count: 0, share: null, percent: null, rank: 1 },
      { optionKey: 'y', count: 0, share: null, percent: null, rank: 1 },
    ])
  })

  it('refuses aggregates that cannot be right', () => {
    expect(() => tallyChoices({ optionKeys: ['x'], counts: { x: 4 }, answered: 3, skipped: 0 })).toThrow(/exceeds/)
    expect(() => tallyChoices({ optionKeys: ['x'], counts: { q: 1 }, answered: 3, skipped: 0 })).toThrow(/unknown/)
  })
})

describe('tallyRanking', () => {
  it('scores a full ranking of 3 options from 5 ballots', () => {
    // Ballots (first > second > third), 3 positions so points are 3, 2, 1:
    //   A > B > C  twice
    //   B > A > C  once
    //   C > A > B  once
    //   B > C > A  once
    // Positions: A at 1,1,2,2,3   B at 2,2,1,3,1   C at 3,3,3,1,2
    // Borda: A = 3+3+2+2+1 = 11, B = 2+2+3+1+3 = 11, C = 1+1+1+3+2 = 8 (total 30 = 5 × (3+2+1)).
    // Mean rank: A = 9/5 = 1.8, B = 9/5 = 1.8, C = 12/5 = 2.4.
    const tally = tallyRanking({
      optionKeys: ['A', 'B', 'C'],
      positionCounts: [
        { optionKey: 'A', position: 1, count: 2 },
        { optionKey: 'A', position: 2, count: 2 },
        { optionKey: 'A', position: 3, count: 1 },
        { optionKey: 'B', position: 1, count: 2 },
        { optionKey: 'B', position: 2, count: 2 },
        { optionKey: 'B', position: 3, count: 1 },
        { optionKey: 'C', position: 1, count: 1 },
        { optionKey: 'C', position: 2, count: 1 },
        { optionKey: 'C', position: 3, count: 3 },
      ],
      ballots: 5,
      skipped: 2,
      maxPositions: 3,
    })

    expect(tally.rows).toEqual([
      { optionKey: 'A', firstPreferences: 2, timesRanked: 5, bordaScore: 11, meanRank: 1.8, topShare: 1, rank: 1 },
      { optionKey: 'B', firstPreferences: 2, timesRanked: 5, bordaScore: 11, meanRank: 1.8, topShare: 1, rank: 1 },
      { optionKey: 'C', firstPreferences: 1, timesRanked: 5, bordaScore: 8, meanRank: 2.4, topShare: 1, rank: 2 },
    ])
    expect(tally).toMatchObject({ ballots: 5, skipped: 2, maxPositions: 3 })
  })

  it('scores a top-2 ranking with a partial ballot and an option nobody ranked', () => {
    // 4 options, "pick your top 2", so points are 2 for first and 1 for second:
    //   W, X    W, Y    X, W    Y (second place left empty)    W, X
    // W: first ×3, second ×1 → Borda 3×2 + 1 = 7, ranked 4 of 5, mean (1+1+1+2)/4 = 1.25
    // X: first ×1, second ×2 → Borda 2 + 2 = 4, ranked 3 of 5, mean (2+1+2)/3 = 5/3
    // Y: first ×1, second ×1 → Borda 2 + 1 = 3, ranked 2 of 5, mean (2+1)/2 = 1.5
    // Z: never ranked → Borda 0, no mean rank
    const tally = tallyRanking({
      optionKeys: ['W', 'X', 'Y', 'Z'],
      positionCounts: [
        { optionKey: 'W', position: 1, count: 3 },
        { optionKey: 'W', position: 2, count: 1 },
        { optionKey: 'X', position: 1, count: 1 },
        { optionKey: 'X', position: 2, count: 2 },
        { optionKey: 'Y', position: 1, count: 1 },
        { optionKey: 'Y', position: 2, count: 1 },
      ],
      ballots: 5,
      skipped: 0,
      maxPositions: 2,
    })

    expect(tally.rows).toEqual([
      { optionKey: 'W', firstPreferences: 3, timesRanked: 4, bordaScore: 7, meanRank: 1.25, topShare: 0.8, rank: 1 },
      { optionKey: 'X', firstPreferences: 1, timesRanked: 3, bordaScore: 4, meanRank: 5 / 3, topShare: 0.6, rank: 2 },
      { optionKey: 'Y', firstPreferences: 1, timesRanked: 2, bordaScore: 3, meanRank: 1.5, topShare: 0.4, rank: 3 },
      { optionKey: 'Z', firstPreferences: 0, timesRanked: 0, bordaScore: 0, meanRank: null, topShare: 0, rank: 4 },
    ])
  })

  it('has no top share without ballots', () => {
    const tally = tallyRanking({ optionKeys: ['A', 'B'], positionCounts: [], ballots: 0, skipped: 3, maxPositions: 2 })
    expect(tally.rows.map((row) => [row.topShare, row.meanRank, row.rank])).toEqual([
      [null, null, 1],
      [null, null, 1],
    ])
  })

  it('refuses positions and counts no ballot could produce', () => {
    const base = { optionKeys: ['A', 'B', 'C'], ballots: 2, skipped: 0, maxPositions: 2 }
    expect(() => tallyRanking({ ...base, positionCounts: [{ optionKey: 'A', position: 3, count: 1 }] })).toThrow(
      /position/,
    )
    expect(() =>
      tallyRanking({
        ...base,
        positionCounts: [
          { optionKey: 'A', position: 1, count: 2 },
          { optionKey: 'B', position: 1, count: 1 },
        ],
      }),
    ).toThrow(/only 2 ballots/)
    expect(() => tallyRanking({ ...base, positionCounts: [], maxPositions: 4 })).toThrow(/maxPositions/)
  })
})

describe('tallyScale', () => {
  const fivePoints = [
    { value: 1, key: 'very-unhappy' },
    { value: 2, key: 'unhappy' },
    { value: 3, key: 'ok' },
    { value: 4, key: 'happy' },
    { value: 5, key: 'very-happy' },
  ]

  it('gives the distribution and the mean of a five point scale', () => {
    // 2 + 3 + 5 + 6 + 4 = 20 answered; mean = (1×2 + 2×3 + 3×5 + 4×6 + 5×4) / 20 = 67 / 20 = 3.35
    const tally = tallyScale({
      points: fivePoints,
      counts: { 1: 2, 2: 3, 3: 5, 4: 6, 5: 4 },
      skipped: 1,
      meaningfulMean: true,
    })

    expect(tally.answered).toBe(20)
    expect(tally.skipped).toBe(1)
    expect(tally.rows.map((row) => [row.key, row.count, row.percent])).toEqual([
      ['very-unhappy', 2, 10],
      ['unhappy', 3, 15],
      ['ok', 5, 25],
      ['happy', 6, 30],
      ['very-happy', 4, 20],
    ])
    expect(tally.rows[3].share).toBe(0.3)
    expect(tally.mean).toBe(3.35)
  })

  it('leaves the mean out of a scale of labels', () => {
    // yes / not sure / no coded 1, 2, 3: 2 of 3 said yes (66.7%), nobody was unsure.
    const tally = tallyScale({
      points: [
        { value: 1, key: 'yes' },
        { value: 2, key: 'not-sure' },
        { value: 3, key: 'no' },
      ],
      counts: { 1: 2, 3: 1 },
      skipped: 0,
      meaningfulMean: false,
    })
    expect(tally.mean).toBeNull()
    expect(tally.rows.map((row) => row.percent)).toEqual([66.7, 0, 33.3])
  })

  it('handles negative scale values and an empty scale', () => {
    const points = [
      { value: -1, key: 'worse' },
      { value: 0, key: 'same' },
      { value: 1, key: 'better' },
    ]
    // (−1×3 + 0×1 + 1×1) / 5 = −2 / 5 = −0.4
    expect(tallyScale({ points, counts: { [-1]: 3, 0: 1, 1: 1 }, skipped: 0, meaningfulMean: true }).mean).toBe(-0.4)
    const empty = tallyScale({ points, counts: {}, skipped: 2, meaningfulMean: true })
    expect(empty.mean).toBeNull()
    expect(empty.rows.map((row) => row.share)).toEqual([null, null, null])
  })

  it('refuses counts for a value the scale does not have', () => {
    expect(() => tallyScale({ points: fivePoints, counts: { 6: 1 }, skipped: 0, meaningfulMean: true })).toThrow(
      /unknown/,
    )
  })
})

describe('checkTotals', () => {
  it('accepts parts that add up to the stated total', () => {
    expect(checkTotals([12, 30, 8], 50)).toEqual({ ok: true, sum: 50, difference: 0 })
  })

  it('reports how far the parts are from the stated total', () => {
    expect(checkTotals([12, 30, 7], 50)).toEqual({ ok: false, sum: 49, difference: -1 })
    expect(checkTotals([12, 30, 10], 50)).toEqual({ ok: false, sum: 52, difference: 2 })
    expect(checkTotals([], 0)).toEqual({ ok: true, sum: 0, difference: 0 })
  })
})

describe('tallyChooseUpToN', () => {
  it('counts shares of respondents and the choices made', () => {
    // 10 answered, up to 3 each: a 7, b 5, c 5, d 1 → 18 ticks, 1.8 each.
    const tally = tallyChooseUpToN({ optionKeys: ['a', 'b', 'c', 'd'], counts: { a: 7, b: 5, c: 5, d: 1 }, answered: 10, skipped: 2, maxChoices: 3 })
    expect(tally.rows.map((row) => [row.optionKey, row.percent, row.rank])).toEqual([
      ['a', 70, 1],
      ['b', 50, 2],
      ['c', 50, 2],
      ['d', 10, 3],
    ])
    expect(tally).toMatchObject({ choicesMade: 18, meanChoices: 1.8, maxChoices: 3, answered: 10, skipped: 2 })
  })

  it('refuses more ticks than N per respondent', () => {
    expect(() => tallyChooseUpToN({ optionKeys: ['a', 'b', 'c'], counts: { a: 2, b: 2, c: 1 }, answered: 2, skipped: 0, maxChoices: 2 })).toThrow(/more than 2 each/)
    expect(tallyChooseUpToN({ optionKeys: ['a'], counts: {}, answered: 0, skipped: 1, maxChoices: 1 }).meanChoices).toBeNull()
  })
})

describe('scaleMeanIsMeaningful', () => {
  const points = (...values: number[]) => values.map((value) => ({ value, key: String(value) }))
  it('allows a mean only for evenly spaced numbered points', () => {
    expect(scaleMeanIsMeaningful('numbers', points(1, 2, 3, 4, 5))).toBe(true)
    expect(scaleMeanIsMeaningful('numbers', points(0, 5, 10))).toBe(true)
    expect(scaleMeanIsMeaningful('numbers', points(1, 2, 4))).toBe(false)
    expect(scaleMeanIsMeaningful('numbers', points(1, 2))).toBe(false)
    expect(scaleMeanIsMeaningful('faces', points(1, 2, 3, 4, 5))).toBe(false)
    expect(scaleMeanIsMeaningful('words', points(1, 2, 3))).toBe(false)
  })
})

describe('tallyRanking on a hand-worked top-3 of 5 with partial ballots', () => {
  it('gives the Borda scores, mean ranks, first preferences and top-3 shares worked out by hand', () => {
    // 6 ballots, "your top 3" of P Q R S T, so 3 points for 1st, 2 for 2nd, 1 for 3rd, 0 unranked:
    //   1: P Q R   2: P R Q   3: Q P S   4: R P      5: P        6: S Q T
    // P: 1st ×3 (1,2,5), 2nd ×2 (3,4) → Borda 3×3 + 2×2 = 13; positions 1+1+2+2+1 = 7 over 5 → 1.4
    // Q: 1st ×1 (3), 2nd ×2 (1,6), 3rd ×1 (2) → 3 + 4 + 1 = 8; positions 2+3+1+2 = 8 over 4 → 2
    // R: 1st ×1 (4), 2nd ×1 (2), 3rd ×1 (1) → 3 + 2 + 1 = 6; positions 3+2+1 = 6 over 3 → 2
    // S: 1st ×1 (6), 3rd ×1 (3) → 3 + 1 = 4; positions 3+1 = 4 over 2 → 2
    // T: 3rd ×1 (6) → 1; mean 3
    // Points given: 13+8+6+4+1 = 32 = four full ballots × 6 + ballot 4 (3+2) + ballot 5 (3) = 24 + 5 + 3.
    const ballots = [['P', 'Q', 'R'], ['P', 'R', 'Q'], ['Q', 'P', 'S'], ['R', 'P'], ['P'], ['S', 'Q', 'T']]
    const cells = new Map<string, number>()
    for (const ballot of ballots) ballot.forEach((key, index) => cells.set(`${key}:${index + 1}`, (cells.get(`${key}:${index + 1}`) ?? 0) + 1))
    const tally = tallyRanking({
      optionKeys: ['P', 'Q', 'R', 'S', 'T'],
      positionCounts: [...cells].map(([cell, count]) => ({ optionKey: cell.split(':')[0], position: Number(cell.split(':')[1]), count })),
      ballots: ballots.length,
      skipped: 0,
      maxPositions: 3,
    })
    expect(tally.rows.map((row) => [row.optionKey, row.bordaScore, row.meanRank, row.firstPreferences, row.timesRanked, row.rank])).toEqual([
      ['P', 13, 1.4, 3, 5, 1],
      ['Q', 8, 2, 1, 4, 2],
      ['R', 6, 2, 1, 3, 3],
      ['S', 4, 2, 1, 2, 4],
      ['T', 1, 3, 0, 1, 5],
    ])
    expect(tally.rows.map((row) => row.topShare)).toEqual([5 / 6, 4 / 6, 3 / 6, 2 / 6, 1 / 6])
    expect(tally.rows.reduce((sum, row) => sum + row.bordaScore, 0)).toBe(32)
  })
})
