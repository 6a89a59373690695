import { describe, expect, it } from 'vitest'
import { crossTabulate, type CrossTab, groupKey, NOT_GIVEN, orderGroups, parseBreakdown } from './crosstab'
import { PREFER_NOT_TO_SAY } from './demographics'
import { suppressOneWay } from './disclosure'

// ---- A brute-force attacker ----------------------------------------------------------------------
// The published cross-tab is a grid of parts with their totals; null marks a hidden entry. The
// attacker knows which lines add up (for an additive table every row and column; otherwise only the
// columns) and tries every whole-number value for the hidden entries, keeping the combinations that
// agree with every published total. A hidden entry is safe when at least two values survive.

type Grid = Array<Array<number | null>>

function publishedGrid(tab: CrossTab): Grid {
  const value = (cell: { kind: string; value?: number }) => (cell.kind === 'value' ? (cell.value as number) : null)
  return [
    ...tab.cells.map((row, i) => [...row.map((cell) => value(cell.count)), value(tab.bases[i])]),
    [...tab.columnTotals.map(value), value(tab.grandTotal)],
  ]
}

/** Lines as [parts..., total]: columns always; rows too when the table is additive. */
function linesOf(grid: Grid, additive: boolean): Array<Array<[number, number]>> {
  const rows = grid.length
  const columns = grid[0].length
  const lines: Array<Array<[number, number]>> = []
  for (let j = 0; j < columns; j++) lines.push(Array.from({ length: rows }, (_, i): [number, number] => [i, j]))
  if (additive) for (let i = 0; i < rows; i++) lines.push(Array.from({ length: columns }, (_, j): [number, number] => [i, j]))
  return lines
}

/**
 * Values each hidden entry takes in tables that agree with everything published. Depth-first over
 * the hidden entries, filling in any line left with one unknown (as subtraction would); it stops as
 * soon as every hidden entry has shown two values, which is all the test needs to know.
 */
function possibleValues(grid: Grid, additive: boolean, bound: number): Map<string, Set<number>> {
  const hidden: Array<[number, number]> = []
  grid.forEach((row, i) => row.forEach((value, j) => value === null && hidden.push([i, j])))
  const seen = new Map(hidden.map(([i, j]) => [`${i},${j}`, new Set<number>()]))
  const lines = linesOf(grid, additive)
  const work = grid.map((row) => [...row])
  let nodes = 0
  const done = () => [...seen.values()].every((values) => values.size >= 2)
  // Fills forced entries; returns the entries it filled, or null when a line cannot balance.
  const propagate = (): Array<[number, number]> | null => {
    const filled: Array<[number, number]> = []
    let progress = true
    while (progress) {
      progress = false
      for (const line of lines) {
        const unknown = line.filter(([i, j]) => work[i][j] === null)
        const [ti, tj] = line[line.length - 1]
        const partsSum = line.slice(0, -1).reduce((sum, [i, j]) => sum + (work[i][j] ?? 0), 0)
        if (unknown.length === 0) {
          if (partsSum !== work[ti][tj]) return undo(filled)
          continue
        }
        if (unknown.length !== 1) continue
        const [ui, uj] = unknown[0]
        const value = ui === ti && uj === tj ? partsSum : (work[ti][tj] as number) - partsSum
        if (value < 0 || value > bound) return undo(filled)
        work[ui][uj] = value
        filled.push([ui, uj])
        progress = true
      }
    }
    return filled
  }
  const undo = (filled: Array<[number, number]>) => {
    for (const [i, j] of filled) work[i][j] = null
    return null
  }
  const search = (): boolean => {
    if (++nodes > 2_000_000) throw new Error('search too large for a brute-force test')
    const filled = propagate()
    if (filled === null) return false
    const next = hidden.find(([i, j]) => work[i][j] === null)
    if (!next) {
      hidden.forEach(([i, j]) => seen.get(`${i},${j}`)!.add(work[i][j] as number))
      undo(filled)
      return done()
    }
    const [i, j] = next
    for (let value = 0; value <= bound; value++) {
      work[i][j] = value
      if (search()) return true
    }
    work[i][j] = null
    undo(filled)
    return false
  }
  search()
  return seen
}

function expectNothingRecoverable(tab: CrossTab, trueTable: number[][], threshold: number) {
  const grid = publishedGrid(tab)
  const bound = Math.max(...trueTable.flat(), trueTable.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0))
  const values = possibleValues(grid, tab.additive, bound)
  for (const [at, possible] of values) expect(possible.size, `hidden entry ${at} admits ${[...possible].join(', ')}`).toBeGreaterThanOrEqual(2)
  // And every small count really is hidden.
  trueTable.forEach((row, i) => row.forEach((count, j) => count > 0 && count < threshold && expect(grid[i][j]).toBeNull()))
  return values.size
}

// ---- Tests ----------------------------------------------------------------------------------------

describe('parseBreakdown, groupKey and orderGroups', () => {
  it('reads one or two known fields and ignores anything else', () => {
    expect(parseBreakdown('ageBand', null)).toEqual(['ageBand'])
    expect(parseBreakdown('ageBand', 'gender')).toEqual(['ageBand', 'gender'])
    expect(parseBreakdown('ageBand', 'ageBand')).toEqual(['ageBand'])
    expect(parseBreakdown('shoeSize', 'gender')).toBeNull()
    expect(parseBreakdown(null, null)).toBeNull()
  })

  it('keys rows by their values and orders them known first, then prefer not to say, then not given', () => {
    expect(groupKey(['girl', null])).toBe(`girl|${NOT_GIVEN}`)
    expect(orderGroups(['boy', NOT_GIVEN, PREFER_NOT_TO_SAY, 'girl', 'other'], [['girl', 'boy']])).toEqual(['girl', 'boy', 'other', PREFER_NOT_TO_SAY, NOT_GIVEN])
    expect(orderGroups(['b|y', 'a|y', 'a|x'], [['a', 'b'], ['x', 'y']])).toEqual(['a|x', 'a|y', 'b|y'])
  })
})

describe('crossTabulate: single choice (rows add up to their base)', () => {
  const groups = ['age-8-10', 'age-11-13', 'age-14-16', NOT_GIVEN]
  const optionKeys = ['yes', 'no', 'not-sure']
  const table = [
    [14, 3, 11],
    [20, 25, 12],
    [2, 30, 18],
    [15, 12, 0],
  ]
  const input = (threshold: number) => ({
    optionKeys,
    groups,
    counts: table.flatMap((row, i) => row.map((count, j) => ({ group: groups[i], optionKey: optionKeys[j], count }))),
    bases: table.map((row, i) => ({ group: groups[i], answered: row.reduce((a, b) => a + b, 0) })),
    additive: true,
    threshold,
  })

  it('lays out counts, bases, totals and percents of the row base', () => {
    const tab = crossTabulate(input(1))
    expect(tab.cells[1].map((cell) => cell.count)).toEqual([20, 25, 12].map((value) => ({ kind: 'value', value })))
    expect(tab.cells[1].map((cell) => cell.percent)).toEqual([35.1, 43.9, 21.1]) // of 57
    expect(tab.bases.map((cell) => (cell.kind === 'value' ? cell.value : null))).toEqual([28, 57, 50, 27])
    expect(tab.columnTotals.map((cell) => (cell.kind === 'value' ? cell.value : null))).toEqual([51, 70, 41])
    expect(tab.grandTotal).toEqual({ kind: 'value', value: 162 })
  })

  it('hides small cells and enough others that no hidden count can be worked out (brute force)', () => {
    const tab = crossTabulate(input(10))
    expect(tab.cells[0][1].count.kind).toBe('suppressed') // 3
    expect(tab.cells[2][0].count.kind).toBe('suppressed') // 2
    expect(tab.cells[0][1].percent).toBe('c')
    expect(expectNothingRecoverable(tab, table, 10)).toBeGreaterThanOrEqual(4)
  })

  it('hides the column totals another view hides, and covers them', () => {
    // The question's own table (one-way, additive) hides "no" = 70? No: it hides nothing here, so
    // force one to show that a total hidden elsewhere stays hidden and cannot be rebuilt.
    const tab = crossTabulate({ ...input(10), hiddenColumnTotals: [false, true, false] })
    expect(tab.columnTotals[1].kind).toBe('suppressed')
    expectNothingRecoverable(tab, table, 10)
  })

  it('refuses counts that do not add up to the base of their row', () => {
    const bad = input(10)
    bad.bases[0].answered += 1
    expect(() => crossTabulate(bad)).toThrow(/add up/)
  })
})

describe('crossTabulate: multi-select (only the columns add up)', () => {
  const groups = ['girl', 'boy', PREFER_NOT_TO_SAY]
  const optionKeys = ['in-care', 'young-carers', 'disabilities']
  const table = [
    [22, 4, 17],
    [18, 12, 3],
    [0, 6, 11],
  ]
  const bases = [30, 25, 14]
  const tab = (threshold: number, hiddenColumnTotals?: boolean[]) =>
    crossTabulate({
      optionKeys,
      groups,
      counts: table.flatMap((row, i) => row.map((count, j) => ({ group: groups[i], optionKey: optionKeys[j], count }))),
      bases: bases.map((answered, i) => ({ group: groups[i], answered })),
      additive: false,
      threshold,
      hiddenColumnTotals,
    })

  it('hides small counts and a second count in any column with a single hidden count', () => {
    const result = tab(10)
    // in-care: nothing small (0 is shown). young-carers: 4 and 6 small. disabilities: 3 small, so 11 goes too.
    expect(result.cells.map((row) => row.map((cell) => (cell.count.kind === 'value' ? cell.count.value : 'c')))).toEqual([
      [22, 'c', 17],
      [18, 12, 'c'],
      [0, 'c', 'c'],
    ])
    expect(result.cells[0][0].percent).toBe(73.3) // 22 of 30
    expect(expectNothingRecoverable(result, table.map((row, i) => row), 10)).toBe(4)
  })

  it('hides a percent whose base is hidden or small', () => {
    const result = tab(15) // base 14 is small
    expect(result.bases[2].kind).toBe('suppressed')
    expect(result.cells[2][0].percent).toBeNull() // 0 shown, but its base is hidden
  })

  it('keeps a total hidden elsewhere hidden, with a part hidden to cover it', () => {
    const result = tab(10, [true, false, false])
    expect(result.columnTotals[0].kind).toBe('suppressed')
    expect(result.cells.some((row) => row[0].count.kind === 'suppressed')).toBe(true)
    expectNothingRecoverable(result, table, 10)
  })
})

describe('crossTabulate on random tables (brute force)', () => {
  // Park–Miller: exact in doubles, so the sample is the same on every run.
  function seeded(seed: number) {
    let state = seed
    return () => (state = (state * 48271) % 2147483647) / 2147483647
  }

  it('leaves every hidden entry with at least two possible values in 60 small tables', () => {
    const random = seeded(2007)
    let hiddenTotal = 0
    for (let n = 0; n < 60; n++) {
      const rows = 2 + Math.floor(random() * 2)
      const columns = 2 + Math.floor(random() * 2)
      const additive = random() < 0.5
      const threshold = 5
      const table = Array.from({ length: rows }, () => Array.from({ length: columns }, () => (random() < 0.35 ? Math.floor(random() * 5) : 5 + Math.floor(random() * 6))))
      const groups = Array.from({ length: rows }, (_, i) => `g${i}`)
      const optionKeys = Array.from({ length: columns }, (_, j) => `o${j}`)
      // Multi-select: a base at least the largest count in its row.
      const bases = table.map((row) => (additive ? row.reduce((a, b) => a + b, 0) : Math.max(...row) + Math.floor(random() * 4)))
      const result = crossTabulate({
        optionKeys,
        groups,
        counts: table.flatMap((row, i) => row.map((count, j) => ({ group: groups[i], optionKey: optionKeys[j], count }))),
        bases: bases.map((answered, i) => ({ group: groups[i], answered })),
        additive,
        threshold,
      })
      const truth = table.map((row, i) => [...row, bases[i]])
      hiddenTotal += expectNothingRecoverable(result, truth.map((row) => row.slice(0, -1)), threshold)
      // Shown numbers are the true ones.
      publishedGrid(result).forEach((row, i) =>
        row.forEach((value, j) => {
          if (value === null) return
          if (i < rows && j < columns) expect(value).toBe(table[i][j])
          if (i < rows && j === columns) expect(value).toBe(bases[i])
        }),
      )
    }
    expect(hiddenTotal).toBeGreaterThan(60)
  })

  it('would catch a leak: primary suppression alone lets the brute force pin a value', () => {
    const counts = [12, 3, 20]
    const cells = suppressOneWay(counts, { threshold: 5, additive: false }) // only the 3 hidden
    const grid: Grid = [[cells[0].kind === 'value' ? 12 : null], [null], [20], [35]]
    expect(cells[1].kind).toBe('suppressed')
    expect([...possibleValues(grid, false, 35).get('1,0')!]).toEqual([3])
  })
})

// ---- Linked views: the table by age band × gender and the table by age band alone ----------------

/** Every value each unknown can take, for equations "parts add up to total" over a flat list of entries. */
function possibleFlat(known: Array<number | null>, lines: Array<{ parts: number[]; total: number }>, bound: number): Map<number, Set<number>> {
  const work = [...known]
  const unknowns = work.flatMap((value, at) => (value === null ? [at] : []))
  const seen = new Map(unknowns.map((at) => [at, new Set<number>()]))
  const done = () => [...seen.values()].every((values) => values.size >= 2)
  const propagate = (): number[] | null => {
    const filled: number[] = []
    const undo = () => {
      for (const at of filled) work[at] = null
      return null
    }
    let progress = true
    while (progress) {
      progress = false
      for (const { parts, total } of lines) {
        const open = [...parts, total].filter((at) => work[at] === null)
        const partsSum = parts.reduce((sum, at) => sum + (work[at] ?? 0), 0)
        if (open.length === 0) {
          if (partsSum !== work[total]) return undo()
          continue
        }
        if (open.length !== 1) continue
        const value = open[0] === total ? partsSum : (work[total] as number) - partsSum
        if (value < 0 || value > bound) return undo()
        work[open[0]] = value
        filled.push(open[0])
        progress = true
      }
    }
    return filled
  }
  const search = (): boolean => {
    const filled = propagate()
    if (filled === null) return false
    const next = unknowns.find((at) => work[at] === null)
    if (next === undefined) {
      unknowns.forEach((at) => seen.get(at)!.add(work[at] as number))
      for (const at of filled) work[at] = null
      return done()
    }
    for (let value = 0; value <= bound; value++) {
      work[next] = value
      if (search()) return true
    }
    work[next] = null
    for (const at of filled) work[at] = null
    return false
  }
  search()
  return seen
}

describe('crossTabulate with a linked view (two fields, and the first field alone)', () => {
  const optionKeys = ['yes', 'no']
  const fineGroups = ['a1|girl', 'a1|boy', 'a2|girl', 'a2|boy']
  const fine = [
    [20, 3],
    [15, 12],
    [30, 4],
    [18, 14],
  ]
  const coarseGroups = ['a1', 'a2']
  const rowToLinked = [0, 0, 1, 1]
  const coarse = coarseGroups.map((_, r) => optionKeys.map((__, j) => fine.filter((_row, i) => rowToLinked[i] === r).reduce((sum, row) => sum + row[j], 0)))
  const tab = (groups: string[], table: number[][], linked?: Parameters<typeof crossTabulate>[0]['linked']) =>
    crossTabulate({
      optionKeys,
      groups,
      counts: table.flatMap((row, i) => row.map((count, j) => ({ group: groups[i], optionKey: optionKeys[j], count }))),
      bases: table.map((row, i) => ({ group: groups[i], answered: row[0] + row[1] })),
      additive: true,
      threshold: 10,
      linked,
    })

  /** Both published tables as one system of equations, as an attacker holding both pages would write it. */
  function attack(fineTab: CrossTab, coarseTab: CrossTab) {
    const fineGrid = publishedGrid(fineTab)
    const coarseGrid = publishedGrid(coarseTab)
    const width = optionKeys.length + 1
    const fineAt = (i: number, j: number) => i * width + j
    const coarseAt = (i: number, j: number) => fineGrid.length * width + i * width + j
    const known = [...fineGrid.flat(), ...coarseGrid.flat()]
    const lines: Array<{ parts: number[]; total: number }> = []
    for (const [grid, at] of [
      [fineGrid, fineAt],
      [coarseGrid, coarseAt],
    ] as const) {
      const rows = grid.length - 1
      for (let i = 0; i <= rows; i++) lines.push({ parts: optionKeys.map((_, j) => at(i, j)), total: at(i, optionKeys.length) })
      for (let j = 0; j < width; j++) lines.push({ parts: Array.from({ length: rows }, (_, i) => at(i, j)), total: at(rows, j) })
    }
    coarseGroups.forEach((_, r) => {
      for (let j = 0; j < width; j++) lines.push({ parts: rowToLinked.flatMap((to, i) => (to === r ? [fineAt(i, j)] : [])), total: coarseAt(r, j) })
    })
    return possibleFlat(known, lines, 200)
  }

  it('would leak without the link: "no" for 8–10 girls is worked out from the table by age band', () => {
    const coarseTab = tab(coarseGroups, coarse)
    const fineTab = tab(fineGroups, fine)
    expect(fineTab.cells[0][1].count.kind).toBe('suppressed') // the 3
    const pinned = [...attack(fineTab, coarseTab).values()].filter((values) => values.size === 1)
    expect(pinned.length).toBeGreaterThan(0)
  })

  it('hides enough across both tables that every hidden entry still has two possible values', () => {
    const coarseTab = tab(coarseGroups, coarse)
    const hidden = coarseTab.cells.map((row, r) => [...row.map((cell) => cell.count.kind !== 'value'), coarseTab.bases[r].kind !== 'value'])
    const fineTab = tab(fineGroups, fine, [{ rowToLinked, hidden }])
    for (const [, values] of attack(fineTab, coarseTab)) expect(values.size).toBeGreaterThanOrEqual(2)
  })
})
