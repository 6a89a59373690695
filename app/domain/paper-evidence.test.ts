import { describe, expect, it } from 'vitest'
import { tallyPaperEvidence } from './paper-evidence'

const value = (v: number) => ({ kind: 'value', value: v })
const c = { kind: 'suppressed', mark: 'c' }

describe('paper evidence', () => {
  it('adds up the sheets of a single-choice question with shares of the stated totals', () => {
    const result = tallyPaperEvidence({
      kind: 'additive',
      optionKeys: ['happy', 'ok', 'sad'],
      counts: [
        { optionKey: 'happy', position: null, count: 20 },
        { optionKey: 'ok', position: null, count: 10 },
        { optionKey: 'happy', position: null, count: 12 },
        { optionKey: 'sad', position: null, count: 8 },
      ],
      statedTotals: [30, 20],
      threshold: 10,
    })
    expect(result.groups).toBe(2)
    expect(result.base).toEqual(value(50))
    expect(result.rows.map((r) => r.count)).toEqual([value(32), c, c])
    // sad (8) is small; ok (10) is hidden with it so 8 cannot be worked out from the total
    expect(result.rows.map((r) => r.count)).not.toContainEqual(value(8))
    expect(result.rows[0].percent).toBe(64)
    expect(result.rows[0].rank).toBe(1)
  })

  it('hides everything when the sheets hold fewer than the threshold', () => {
    const result = tallyPaperEvidence({ kind: 'multi', optionKeys: ['a'], counts: [{ optionKey: 'a', position: null, count: 6 }], statedTotals: [6], threshold: 10 })
    expect(result.tooFew).toBe(true)
    expect(result.base).toEqual(c)
    expect(result.rows[0]).toMatchObject({ count: c, percent: null, rank: null })
  })

  it('scores rankings by Borda points and shows first places', () => {
    const result = tallyPaperEvidence({
      kind: 'ranking',
      optionKeys: ['x', 'y', 'z'],
      positions: 2,
      counts: [
        { optionKey: 'x', position: 1, count: 15 },
        { optionKey: 'y', position: 1, count: 15 },
        { optionKey: 'y', position: 2, count: 15 },
        { optionKey: 'x', position: 2, count: 10 },
        { optionKey: 'z', position: 2, count: 5 },
      ],
      statedTotals: [30],
      threshold: 10,
    })
    // x: 15×2 + 10×1 = 40; y: 15×2 + 15×1 = 45; z: ranked by only 5 ballots, hidden
    expect(result.rows.map((r) => r.bordaScore)).toEqual([40, 45, null])
    expect(result.rows.map((r) => r.rank)).toEqual([2, 1, null])
    expect(result.rows.map((r) => r.count)).toEqual([value(15), value(15), value(0)])
  })
})
