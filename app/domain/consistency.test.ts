import { describe, expect, it } from 'vitest'
import { aggregateKindOf, checkAggregate, checkConsistency, checkTableTotals } from './consistency'

const part = (optionKey: string, count: number, position: number | null = null) => ({ optionKey, count, position })

describe('checkAggregate', () => {
  it('accepts single-choice counts that add up to the stated total', () => {
    expect(checkAggregate('additive', [part('yes', 30), part('no', 12), part('not-sure', 8)], 50)).toEqual({ ok: true, sum: 50, issues: [] })
  })

  it('flags single-choice counts that do not add up, with the difference', () => {
    const result = checkAggregate('additive', [part('yes', 30), part('no', 12)], 50)
    expect(result.ok).toBe(false)
    expect(result.issues).toEqual([{ kind: 'sumDiffers', sum: 42, statedTotal: 50, difference: -8 }])
    expect(checkAggregate('additive', [part('yes', 60)], 50).issues).toEqual([
      { kind: 'sumDiffers', sum: 60, statedTotal: 50, difference: 10 },
      { kind: 'partAboveTotal', optionKey: 'yes', count: 60, statedTotal: 50 },
    ])
  })

  it('lets multi-select counts add up to more than the total, but no option above it', () => {
    expect(checkAggregate('multi', [part('a', 40), part('b', 35), part('c', 20)], 50)).toEqual({ ok: true, sum: 95, issues: [] })
    const over = checkAggregate('multi', [part('a', 51), part('b', 3)], 50)
    expect(over.ok).toBe(false)
    expect(over.issues).toEqual([{ kind: 'partAboveTotal', optionKey: 'a', count: 51, statedTotal: 50 }])
  })

  it('notes multi-select ballots that chose nothing without failing the check', () => {
    const result = checkAggregate('multi', [part('a', 10), part('b', 5)], 50)
    expect(result.ok).toBe(true)
    expect(result.issues).toEqual([{ kind: 'fewerChoicesThanBallots', sum: 15, statedTotal: 50 }])
  })

  it('checks ranking counts per position and per option', () => {
    const fine = checkAggregate('ranking', [part('a', 20, 1), part('b', 10, 1), part('a', 5, 2), part('b', 20, 2)], 30)
    expect(fine).toEqual({ ok: true, sum: 55, issues: [] })
    const bad = checkAggregate('ranking', [part('a', 20, 1), part('b', 15, 1), part('a', 15, 2)], 30)
    expect(bad.ok).toBe(false)
    expect(bad.issues).toEqual([
      { kind: 'partAboveTotal', optionKey: 'a', count: 35, statedTotal: 30 },
      { kind: 'positionAboveTotal', position: 1, sum: 35, statedTotal: 30 },
    ])
  })

  it('maps question types to how their counts relate to the total', () => {
    expect(['single', 'scale', 'demographic', 'consent', 'multi', 'ranking'].map(aggregateKindOf)).toEqual(['additive', 'additive', 'additive', 'additive', 'multi', 'ranking'])
  })
})

describe('checkConsistency and checkTableTotals', () => {
  const parts = (...counts: number[]) => counts.map((count, i) => ({ key: `o${i + 1}`, count }))

  it('flags single-choice parts that do not add up to the stated total', () => {
    expect(checkConsistency({ parts: parts(12, 30, 8), statedTotal: 50, mode: 'one' })).toEqual({ ok: true, problems: [] })
    expect(checkConsistency({ parts: parts(12, 30, 7), statedTotal: 50, mode: 'one' }).problems).toEqual([{ kind: 'sum-differs', sum: 49, statedTotal: 50, difference: -1 }])
  })

  it('allows multi-select parts above the total in sum but not one by one, and caps choose-up-to-N', () => {
    expect(checkConsistency({ parts: parts(40, 35), statedTotal: 50, mode: 'any' }).ok).toBe(true)
    expect(checkConsistency({ parts: parts(51), statedTotal: 50, mode: 'any' }).problems).toEqual([{ kind: 'part-exceeds-total', part: 'o1', count: 51, statedTotal: 50 }])
    expect(checkConsistency({ parts: parts(40, 35, 30), statedTotal: 50, mode: 'up-to', maxChoices: 2 }).problems).toEqual([{ kind: 'choices-exceed-limit', sum: 105, limit: 100 }])
    expect(checkConsistency({ parts: parts(40, 35, 25), statedTotal: 50, mode: 'up-to', maxChoices: 2 }).ok).toBe(true)
  })

  it('refuses values that are not counts', () => {
    expect(checkConsistency({ parts: parts(1.5), statedTotal: 2, mode: 'one' }).problems).toEqual([{ kind: 'not-a-count', part: 'o1', value: 1.5 }])
  })

  it('checks every row, column and the grand total of a table with stated margins', () => {
    const table = [
      [3, 4],
      [5, 6],
    ]
    expect(checkTableTotals(table, [7, 11], [8, 10], 18).ok).toBe(true)
    const bad = checkTableTotals(table, [7, 12], [8, 10], 18)
    expect(bad.ok).toBe(false)
    expect(bad.problems).toEqual([
      { kind: 'sum-differs', sum: 11, statedTotal: 12, difference: -1 },
      { kind: 'sum-differs', sum: 19, statedTotal: 18, difference: 1 },
    ])
  })
})
