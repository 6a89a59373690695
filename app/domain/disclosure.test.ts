import { describe, expect, it } from 'vitest'
import {
  discloseCount,
  notApplicable,
  percentOfDisclosed,
  percentOrHidden,
  shown,
  suppressOneWay,
  suppressTwoWay,
  type DisclosedCell,
  type TwoWayDisclosure,
} from './disclosure'

const c: DisclosedCell = { kind: 'suppressed', mark: 'c' }
const v = shown

// ---- An attacker's view of a published cross-tab ------------------------------------------------

type Position = [number, number]

/** The table with its totals as a grid: last column row totals, last row column totals; null = hidden. */
function visibleGrid(disclosure: TwoWayDisclosure): Array<Array<number | null>> {
  const value = (cell: DisclosedCell) => (cell.kind === 'value' ? cell.value : null)
  return [
    ...disclosure.cells.map((row, i) => [...row.map(value), value(disclosure.rowTotals[i])]),
    [...disclosure.columnTotals.map(value), value(disclosure.grandTotal)],
  ]
}

/** Every row and column of the grid: its parts, then the total they add up to. */
function linesOf(grid: unknown[][]): Position[][] {
  const rows = grid.map((row, i) => row.map((_, j): Position => [i, j]))
  const columns = grid[0].map((_, j) => grid.map((_, i): Position => [i, j]))
  return [...rows, ...columns]
}

/** Fill in any row or column with exactly one hidden entry, over and over, as a planner with a calculator would. */
function recoverBySubtraction(disclosure: TwoWayDisclosure): Array<{ at: Position; value: number }> {
  const grid = visibleGrid(disclosure).map((row) => [...row])
  const recovered: Array<{ at: Position; value: number }> = []
  let progress = true
  while (progress) {
    progress = false
    for (const line of linesOf(grid)) {
      const unknown = line.filter(([i, j]) => grid[i][j] === null)
      if (unknown.length !== 1) continue
      const [ui, uj] = unknown[0]
      const parts = line.slice(0, -1)
      const [ti, tj] = line[line.length - 1]
      const knownPartsSum = parts.reduce((total, [i, j]) => total + (grid[i][j] ?? 0), 0)
      const value = ui === ti && uj === tj ? knownPartsSum : (grid[ti][tj] as number) - knownPartsSum
      grid[ui][uj] = value
      recovered.push({ at: [ui, uj], value })
      progress = true
    }
  }
  return recovered
}

// Entries of the constraint matrix are 0 and ±1 on a bipartite structure (totally unimodular), so
// rank modulo a prime equals the rank over the rationals.
const PRIME = 1_000_003

function modInverse(a: number): number {
  let [oldR, r, oldS, s] = [a, PRIME, 1, 0]
  while (r !== 0) {
    const q = Math.floor(oldR / r)
    ;[oldR, r] = [r, oldR - q * r]
    ;[oldS, s] = [s, oldS - q * s]
  }
  return ((oldS % PRIME) + PRIME) % PRIME
}

function rankModPrime(matrix: number[][]): number {
  const m = matrix.map((row) => row.map((x) => ((x % PRIME) + PRIME) % PRIME))
  let rank = 0
  const columns = m[0]?.length ?? 0
  for (let col = 0; col < columns && rank < m.length; col++) {
    const pivot = m.findIndex((row, index) => index >= rank && row[col] !== 0)
    if (pivot === -1) continue
    ;[m[rank], m[pivot]] = [m[pivot], m[rank]]
    const inverse = modInverse(m[rank][col])
    m[rank] = m[rank].map((x) => (x * inverse) % PRIME)
    for (let r = 0; r < m.length; r++) {
      if (r === rank || m[r][col] === 0) continue
      const factor = m[r][col]
      m[r] = m[r].map((x, k) => (((x - factor * m[rank][k]) % PRIME) + PRIME) % PRIME)
    }
    rank++
  }
  return rank
}

/**
 * Hidden entries whose value follows from the shown ones by any combination of rows and columns:
 * unknown u is determined exactly when the unit vector for u lies in the span of the line equations.
 */
function determinedByCombiningLines(disclosure: TwoWayDisclosure): Position[] {
  const grid = visibleGrid(disclosure)
  const unknowns: Position[] = []
  grid.forEach((row, i) => row.forEach((value, j) => value === null && unknowns.push([i, j])))
  if (unknowns.length === 0) return []
  const indexOf = (i: number, j: number) => unknowns.findIndex(([ui, uj]) => ui === i && uj === j)
  const equations = linesOf(grid).map((line) => {
    const coefficients = new Array<number>(unknowns.length).fill(0)
    line.forEach(([i, j], position) => {
      const index = indexOf(i, j)
      if (index !== -1) coefficients[index] = position === line.length - 1 ? -1 : 1
    })
    return coefficients
  })
  const baseRank = rankModPrime(equations)
  return unknowns.filter((_, k) => {
    const unit = unknowns.map((__, index) => (index === k ? 1 : 0))
    return rankModPrime([...equations, unit]) === baseRank
  })
}

function hiddenPositions(disclosure: TwoWayDisclosure): Position[] {
  const positions: Position[] = []
  visibleGrid(disclosure).forEach((row, i) => row.forEach((value, j) => value === null && positions.push([i, j])))
  return positions
}

/** Publishes a table hiding only the given grid positions (no secondary suppression), to test the attacker. */
function publishHiding(table: number[][], hide: (value: number) => boolean): TwoWayDisclosure {
  const cell = (value: number): DisclosedCell => (hide(value) ? c : v(value))
  const rowTotals = table.map((row) => row.reduce((a, b) => a + b, 0))
  const columnTotals = table[0].map((_, j) => table.reduce((total, row) => total + row[j], 0))
  return {
    cells: table.map((row) => row.map(cell)),
    rowTotals: rowTotals.map(cell),
    columnTotals: columnTotals.map(cell),
    grandTotal: cell(rowTotals.reduce((a, b) => a + b, 0)),
  }
}

// Park–Miller minimal standard generator: a multiplicative LCG whose products stay exact in doubles.
function seededRandom(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 48271) % 2147483647
    return state / 2147483647
  }
}

function randomTable(random: () => number): number[][] {
  const rows = 1 + Math.floor(random() * 6)
  const columns = 1 + Math.floor(random() * 6)
  return Array.from({ length: rows }, () =>
    Array.from({ length: columns }, () => {
      const kind = random()
      if (kind < 0.15) return 0
      if (kind < 0.5) return Math.floor(random() * 7) // often below the threshold
      return 5 + Math.floor(random() * 56)
    }),
  )
}

// ---- The attacker itself ------------------------------------------------------------------------

describe('the recovery helpers (so that "nothing recovered" means something)', () => {
  it('recover a lone hidden cell by subtraction', () => {
    const published = publishHiding(
      [
        [3, 20],
        [15, 40],
      ],
      (value) => value === 3,
    )
    expect(recoverBySubtraction(published)).toEqual([{ at: [0, 0], value: 3 }])
  })

  it('catch a cell that only a combination of rows and columns reveals', () => {
    // Small cells form two closed blocks joined by the single cell (0,2) = 4. Every row and column
    // holding a hidden cell holds two or more, yet rows 0 + 1 − columns 0 − 1 leave only (0,2).
    const published = publishHiding(bridgeTable, (value) => value < 5)
    expect(recoverBySubtraction(published)).toEqual([])
    expect(determinedByCombiningLines(published)).toEqual([[0, 2]])
  })
})

const bridgeTable = [
  [2, 3, 4, 30, 40],
  [1, 2, 25, 35, 45],
  [50, 60, 3, 4, 55],
  [65, 70, 2, 1, 75],
  [80, 85, 90, 95, 99],
]

// ---- suppressTwoWay -----------------------------------------------------------------------------

describe('suppressTwoWay', () => {
  it('shows a table with no small counts unchanged', () => {
    const result = suppressTwoWay(
      [
        [12, 0],
        [7, 30],
      ],
      { threshold: 5 },
    )
    expect(result).toEqual({
      cells: [
        [v(12), v(0)],
        [v(7), v(30)],
      ],
      rowTotals: [v(12), v(37)],
      columnTotals: [v(19), v(30)],
      grandTotal: v(49),
    })
  })

  it('hides all four cells of a 2×2 table with one small count', () => {
    // 3 is hidden; its row then needs 20, its column 15, and 40 closes the square.
    const result = suppressTwoWay(
      [
        [3, 20],
        [15, 40],
      ],
      { threshold: 5 },
    )
    expect(result).toEqual({
      cells: [
        [c, c],
        [c, c],
      ],
      rowTotals: [v(23), v(55)],
      columnTotals: [v(18), v(60)],
      grandTotal: v(78),
    })
    expect(recoverBySubtraction(result)).toEqual([])
  })

  it('closes a rectangle in a 3×3 table instead of chaining across it', () => {
    // 3 at (0,1) is small. Row 0 then hides its smallest, 15 at (0,2); column 1 hides its smallest,
    // 10 at (2,1); column 2 prefers 25 at (2,2) over the smaller 9 because row 2 already has one
    // hidden cell, so four cells are hidden rather than a chain of six.
    const result = suppressTwoWay(
      [
        [20, 3, 15],
        [12, 18, 9],
        [7, 10, 25],
      ],
      { threshold: 5 },
    )
    expect(result.cells).toEqual([
      [v(20), c, c],
      [v(12), v(18), v(9)],
      [v(7), c, c],
    ])
    expect([...result.rowTotals, ...result.columnTotals, result.grandTotal]).toEqual([
      v(38),
      v(39),
      v(42),
      v(39),
      v(31),
      v(49),
      v(119),
    ])
    expect(recoverBySubtraction(result)).toEqual([])
    expect(determinedByCombiningLines(result)).toEqual([])
  })

  it('hides a row total when its row has only one cell', () => {
    // One column (counts by area): the small area and its total are hidden; the column total 35
    // would give the small area back, so another area (12) and its row total go too.
    const result = suppressTwoWay([[12], [3], [20]], { threshold: 5 })
    expect(result).toEqual({
      cells: [[c], [c], [v(20)]],
      rowTotals: [c, c, v(20)],
      columnTotals: [v(35)],
      grandTotal: v(35),
    })
    expect(recoverBySubtraction(result)).toEqual([])
    expect(determinedByCombiningLines(result)).toEqual([])
  })

  it('hides a total that is itself small, and what would give it back', () => {
    // Row 0 adds to 3, so it is hidden with both its cells; the column totals would then give row 0
    // back from row 1, so row 1 is hidden as well.
    const result = suppressTwoWay(
      [
        [2, 1],
        [30, 40],
      ],
      { threshold: 5 },
    )
    expect(result).toEqual({
      cells: [
        [c, c],
        [c, c],
      ],
      rowTotals: [c, c],
      columnTotals: [v(32), v(41)],
      grandTotal: v(73),
    })
    expect(recoverBySubtraction(result)).toEqual([])
  })

  it('closes a cycle through a cell that only a combination of lines would reveal', () => {
    const result = suppressTwoWay(bridgeTable, { threshold: 5 })
    // The nine small cells plus 50 at (2,0), the smallest entry linking the two blocks back up.
    expect(hiddenPositions(result)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 2],
      [2, 3],
      [3, 2],
      [3, 3],
    ])
    expect(recoverBySubtraction(result)).toEqual([])
    expect(determinedByCombiningLines(result)).toEqual([])
  })

  it('uses threshold 10 as well as 5', () => {
    const table = [
      [9, 40, 12],
      [30, 11, 50],
    ]
    expect(hiddenPositions(suppressTwoWay(table, { threshold: 5 }))).toEqual([])
    const strict = suppressTwoWay(table, { threshold: 10 })
    expect(strict.cells[0][0]).toEqual(c)
    expect(recoverBySubtraction(strict)).toEqual([])
    expect(determinedByCombiningLines(strict)).toEqual([])
  })

  it('leaves nothing recoverable in 400 random tables', () => {
    const random = seededRandom(20070601)
    let tablesWithSuppression = 0
    let naiveTablesRecovered = 0
    for (let n = 0; n < 400; n++) {
      const table = randomTable(random)
      const threshold = [3, 5, 10][Math.floor(random() * 3)]
      const result = suppressTwoWay(table, { threshold })
      const original = visibleGrid(publishHiding(table, () => false))
      const published = visibleGrid(result)

      original.forEach((row, i) =>
        row.forEach((value, j) => {
          if (value! > 0 && value! < threshold) expect(published[i][j]).toBeNull()
          if (published[i][j] !== null) expect(published[i][j]).toBe(value)
        }),
      )
      expect(recoverBySubtraction(result)).toEqual([])
      expect(determinedByCombiningLines(result)).toEqual([])

      if (hiddenPositions(result).length > 0) tablesWithSuppression++
      const naive = publishHiding(table, (value) => value > 0 && value < threshold)
      if (recoverBySubtraction(naive).length > 0) naiveTablesRecovered++
    }
    // The sample exercises suppression, and primary suppression alone would have leaked.
    expect(tablesWithSuppression).toBeGreaterThan(200)
    expect(naiveTablesRecovered).toBeGreaterThan(100)
  })

  it('refuses tables that are not tables of counts', () => {
    expect(() => suppressTwoWay([], { threshold: 5 })).toThrow(RangeError)
    expect(() => suppressTwoWay([[1, 2], [3]], { threshold: 5 })).toThrow(/same length/)
    expect(() => suppressTwoWay([[1.5]], { threshold: 5 })).toThrow(RangeError)
    expect(() => suppressTwoWay([[1]], { threshold: 0 })).toThrow(/threshold/)
  })
})

// ---- suppressOneWay -----------------------------------------------------------------------------

describe('suppressOneWay', () => {
  it('hides a second count when a single hidden count could be worked out from the total', () => {
    // 12 + 3 + 0 + 8 + 20 = 43 shown as the total: 3 alone would be 43 − 40, so 8 goes too.
    expect(suppressOneWay([12, 3, 0, 8, 20], { threshold: 5, additive: true })).toEqual([v(12), c, v(0), c, v(20)])
  })

  it('hides nothing more when two counts are already small', () => {
    expect(suppressOneWay([12, 3, 2, 20], { threshold: 5, additive: true })).toEqual([v(12), c, c, v(20)])
  })

  it('hides only the small counts of a multi-select question, which do not add up to a total', () => {
    expect(suppressOneWay([12, 3, 0, 8], { threshold: 5, additive: false })).toEqual([v(12), c, v(0), v(8)])
  })

  it('shows zeros, and uses a zero as cover only when nothing else is left', () => {
    expect(suppressOneWay([0, 0, 40], { threshold: 5, additive: true })).toEqual([v(0), v(0), v(40)])
    expect(suppressOneWay([3, 0, 0], { threshold: 5, additive: true })).toEqual([c, c, v(0)])
  })

  it('applies threshold 10: 9 is small, 10 is not', () => {
    expect(suppressOneWay([9, 10, 11], { threshold: 10, additive: true })).toEqual([c, c, v(11)])
    expect(suppressOneWay([9, 10, 11], { threshold: 10, additive: false })).toEqual([c, v(10), v(11)])
  })

  it('leaves a lone small count for its total to be hidden by discloseCount', () => {
    expect(suppressOneWay([3], { threshold: 5, additive: true })).toEqual([c])
    expect(discloseCount(3, 5)).toEqual(c)
    expect(discloseCount(0, 5)).toEqual(v(0))
    expect(discloseCount(5, 5)).toEqual(v(5))
  })

  it('never leaves exactly one hidden count in an additive list (300 random lists)', () => {
    const random = seededRandom(1989)
    for (let n = 0; n < 300; n++) {
      const counts = randomTable(random)[0]
      const threshold = [5, 10][Math.floor(random() * 2)]
      const additive = random() < 0.5
      const result = suppressOneWay(counts, { threshold, additive })
      const hidden = result.filter((cell) => cell.kind === 'suppressed').length

      counts.forEach((count, index) => {
        if (count > 0 && count < threshold) expect(result[index]).toEqual(c)
        else if (!additive) expect(result[index]).toEqual(v(count))
      })
      if (additive && counts.length > 1) expect(hidden).not.toBe(1)
      if (additive && hidden === 1) expect(discloseCount(counts[0], threshold)).toEqual(c)
    }
  })
})

// ---- Percentages --------------------------------------------------------------------------------

describe('percentOrHidden', () => {
  it('hides percentages whose base is below the threshold', () => {
    expect(percentOrHidden(3, 4, 5)).toBeNull()
    expect(percentOrHidden(0, 0, 5)).toBeNull()
    expect(percentOrHidden(3, 9, 10)).toBeNull()
  })

  it('gives one decimal, half away from zero, once the base is large enough', () => {
    expect(percentOrHidden(3, 5, 5)).toBe(60)
    expect(percentOrHidden(7, 80, 5)).toBe(8.8) // 8.75
    expect(percentOrHidden(1, 3, 3)).toBe(33.3)
    expect(percentOrHidden(0, 2001, 10)).toBe(0)
  })

  it('marks a non-zero count that rounds to 0.0% with k', () => {
    expect(percentOrHidden(1, 2001, 10)).toBe('k') // 0.04998%
    expect(percentOrHidden(1, 2000, 10)).toBe(0.1) // 0.05% rounds up
  })

  it('keeps the mark of a suppressed or not applicable cell', () => {
    expect(percentOfDisclosed(c, 40, 5)).toBe('c')
    expect(percentOfDisclosed(notApplicable(), 40, 5)).toBe('z')
    expect(percentOfDisclosed(v(10), 40, 5)).toBe(25)
    expect(percentOfDisclosed(v(10), 4, 5)).toBeNull()
  })
})
