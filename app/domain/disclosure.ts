// Small-number suppression (statistical disclosure control) for counts shown to planners, so
// that a cross-tab such as "in care × priority" cannot point at one child.
//
// Rules, following common ONS / DfE practice:
// - A count of 1 .. threshold−1 is suppressed (mark `c`). A zero is shown: it says nobody in the
//   group gave the answer, which identifies no child, and hiding every zero would blank most
//   tables of small groups.
// - Where shown totals would let a suppressed count be worked out by subtraction, further cells
//   are suppressed too (secondary suppression).
//
// What this protects against: recovering the exact value of a suppressed count from the shown
// counts and totals by adding and subtracting rows and columns. What it does not: narrowing a
// suppressed count to a range by reasoning about the rules themselves (e.g. "the primary is
// 1..4 and its partner is at least 5"). Thresholds of 5 or 10 keep such ranges wide in practice.

import { percentOneDecimal } from './tally'

export type DisclosureMark = 'c' | 'z' | 'k'

export type DisclosedCell =
  | { kind: 'value'; value: number }
  | { kind: 'suppressed'; mark: 'c' }
  | { kind: 'na'; mark: 'z' }

export type OneWayOptions = {
  threshold: number
  /** True when the cells add up to a total that is shown (single choice); false for multi-select. */
  additive: boolean
}

export type TwoWayOptions = {
  threshold: number
  /**
   * Totals already hidden in another view of the same numbers (e.g. a question's one-way table,
   * whose counts are this cross-tab's column totals). They start hidden here too, so the two views
   * never show a value the other one hides.
   */
  hide?: { columnTotals?: boolean[]; rowTotals?: boolean[]; grandTotal?: boolean; cells?: boolean[][] }
}

export type TwoWayDisclosure = {
  cells: DisclosedCell[][]
  rowTotals: DisclosedCell[]
  columnTotals: DisclosedCell[]
  grandTotal: DisclosedCell
}

const SUPPRESSED: DisclosedCell = { kind: 'suppressed', mark: 'c' }

export function shown(value: number): DisclosedCell {
  return { kind: 'value', value }
}

export function notApplicable(): DisclosedCell {
  return { kind: 'na', mark: 'z' }
}

/** The primary rule: 1 .. threshold−1 is too small to show; 0 is shown. */
export function isSmallCount(count: number, threshold: number): boolean {
  return count > 0 && count < threshold
}

/**
 * A single count on its own, e.g. the base or total shown under a table. Hide totals with this:
 * a one-option list whose only count is small has nothing to pair it with in suppressOneWay, and
 * it is its total's small value that must then be hidden.
 */
export function discloseCount(count: number, threshold: number): DisclosedCell {
  requireCounts([count])
  requireThreshold(threshold)
  return isSmallCount(count, threshold) ? SUPPRESSED : shown(count)
}

/**
 * One list of counts, e.g. a question's options for one group.
 *
 * When additive, the counts add up to a shown total, so a single hidden count could be worked out
 * as total − the rest; a second count is then hidden: the smallest non-zero one, because it hides
 * the least information, or a zero if every other count is zero.
 */
export function suppressOneWay(counts: number[], options: OneWayOptions): DisclosedCell[] {
  const { threshold, additive } = options
  requireCounts(counts)
  requireThreshold(threshold)
  const suppressed = counts.map((count) => isSmallCount(count, threshold))

  if (additive && suppressed.filter(Boolean).length === 1) {
    const partner = smallestPreferringNonZero(
      counts.map((count, index) => ({ value: count, at: index })).filter(({ at }) => !suppressed[at]),
    )
    if (partner) suppressed[partner.at] = true
  }

  return counts.map((count, index) => (suppressed[index] ? SUPPRESSED : shown(count)))
}

/**
 * A cross-tab shown with its row totals, column totals and grand total.
 *
 * The table is treated with its totals as one grid in which every row and every column balances
 * (cells add up to the total). A hidden entry can be recovered exactly when it is the only hidden
 * entry in some row or column, or, more subtly, when adding and subtracting several rows and
 * columns isolates it; in graph terms the hidden entries are edges between their row and their
 * column, and an edge can be isolated exactly when it lies on no cycle (a bridge). So:
 *
 * 1. Hide small cells and small totals.
 * 2. Until nothing changes: give every row and column that has one hidden entry a second one (its
 *    smallest shown non-zero entry, preferring one whose column or row also has a single hidden
 *    entry; a zero only if nothing else is left); then, if a hidden entry is a bridge, hide the
 *    smallest entry that closes a cycle through it.
 *
 * A table with one column is covered by the same rule: a hidden cell's row has only the row total
 * left to hide.
 */
export function suppressTwoWay(table: number[][], options: TwoWayOptions): TwoWayDisclosure {
  const { threshold } = options
  requireThreshold(threshold)
  const rowCount = table.length
  const columnCount = rowCount === 0 ? 0 : table[0].length
  if (rowCount === 0 || columnCount === 0) throw new RangeError('table needs at least one row and one column')
  for (const row of table) {
    if (row.length !== columnCount) throw new RangeError('table rows must all have the same length')
    requireCounts(row)
  }

  const grid = withTotals(table)
  const hidden = grid.map((row) => row.map((value) => isSmallCount(value, threshold)))
  const { hide = {} } = options
  hide.columnTotals?.forEach((isHidden, j) => isHidden && j < columnCount && (hidden[rowCount][j] = true))
  hide.rowTotals?.forEach((isHidden, i) => isHidden && i < rowCount && (hidden[i][columnCount] = true))
  if (hide.grandTotal) hidden[rowCount][columnCount] = true
  hide.cells?.forEach((row, i) => row.forEach((isHidden, j) => isHidden && i < rowCount && j < columnCount && (hidden[i][j] = true)))

  while (hideSecondInLonelyLines(grid, hidden) || closeCycleThroughBridge(grid, hidden)) {
    // Each pass hides one or more further entries; the grid is finite, so this stops.
  }

  const disclose = (i: number, j: number): DisclosedCell => (hidden[i][j] ? SUPPRESSED : shown(grid[i][j]))
  return {
    cells: table.map((row, i) => row.map((_, j) => disclose(i, j))),
    rowTotals: table.map((_, i) => disclose(i, columnCount)),
    columnTotals: table[0].map((_, j) => disclose(rowCount, j)),
    grandTotal: disclose(rowCount, columnCount),
  }
}

/**
 * A percent for display. Null when the base is below the threshold, because a percent of a small
 * base is both unreliable and close to disclosing the count; `k` when a non-zero count rounds
 * to 0.0%, so it is not read as "nobody".
 *
 * Pass only counts that disclosure left visible: a percent of a suppressed count and a shown base
 * gives the count back. percentOfDisclosed does that check.
 */
export function percentOrHidden(count: number, base: number, threshold: number): number | 'k' | null {
  requireCounts([count, base])
  requireThreshold(threshold)
  if (base < threshold) return null
  const percent = percentOneDecimal(count, base) as number
  return count > 0 && percent === 0 ? 'k' : percent
}

/** percentOrHidden for a cell after suppression: a suppressed or not-applicable cell keeps its mark. */
export function percentOfDisclosed(
  cell: DisclosedCell,
  base: number,
  threshold: number,
  baseCell?: DisclosedCell,
): number | DisclosureMark | null {
  if (cell.kind !== 'value') return cell.mark
  // A shown count and its percent of a hidden base would give the base back.
  if (baseCell && baseCell.kind !== 'value') return null
  return percentOrHidden(cell.value, base, threshold)
}

function withTotals(table: number[][]): number[][] {
  const rows = table.map((row) => [...row, sum(row)])
  const totalsRow = rows[0].map((_, j) => sum(rows.map((row) => row[j])))
  return [...rows, totalsRow]
}

type Entry = { value: number; at: number }

// Smallest hides the least; a zero is a poor cover (hidden zero + hidden small cell = a small
// known difference), so it is used only when there is nothing else.
function smallestPreferringNonZero<E extends Entry>(entries: E[]): E | undefined {
  return smallestNonZero(entries) ?? entries.find((entry) => entry.value === 0)
}

function smallestNonZero<E extends Entry>(entries: E[]): E | undefined {
  return entries
    .filter((entry) => entry.value > 0)
    .sort((a, b) => a.value - b.value || a.at - b.at)[0]
}

function hideSecondInLonelyLines(grid: number[][], hidden: boolean[][]): boolean {
  let changed = false
  const rowLines = grid.map((row, i) => row.map((_, j) => [i, j] as const))
  const columnLines = grid[0].map((_, j) => grid.map((_, i) => [i, j] as const))
  const hiddenCount = (line: ReadonlyArray<readonly [number, number]>) => line.filter(([i, j]) => hidden[i][j]).length

  for (const [lines, crossingLines, crossingIndex] of [
    [rowLines, columnLines, 1],
    [columnLines, rowLines, 0],
  ] as const) {
    for (const line of lines) {
      if (hiddenCount(line) !== 1) continue
      const candidates = line
        .map(([i, j], at) => ({ value: grid[i][j], at, i, j }))
        .filter(({ i, j }) => !hidden[i][j])
      // A cell whose other line also has one hidden entry mends both lines at once: that closes
      // a rectangle instead of starting a chain of hidden cells across the table.
      const mendsCrossingLine = candidates.filter(
        (candidate) => hiddenCount(crossingLines[crossingIndex === 1 ? candidate.j : candidate.i]) === 1,
      )
      const partner =
        smallestNonZero(mendsCrossingLine) ??
        smallestNonZero(candidates) ??
        smallestPreferringNonZero(mendsCrossingLine) ??
        smallestPreferringNonZero(candidates)
      // Every line holds a cell and its total, so a line with one hidden entry has a shown one.
      hidden[partner!.i][partner!.j] = true
      changed = true
    }
  }
  return changed
}

// Nodes 0..rows−1 are grid rows, rows..rows+columns−1 are grid columns; a hidden entry (i, j) is an
// edge between row i and column j.
function closeCycleThroughBridge(grid: number[][], hidden: boolean[][]): boolean {
  const rows = grid.length
  const columns = grid[0].length
  const edges: Array<[number, number]> = []
  hidden.forEach((row, i) => row.forEach((isHidden, j) => isHidden && edges.push([i, j])))

  for (const [bridgeRow, bridgeColumn] of edges) {
    const rowSide = reachable(rows + columns, edges, rows, bridgeRow, [bridgeRow, bridgeColumn])
    if (rowSide.has(rows + bridgeColumn)) continue // the edge lies on a cycle

    // Any shown entry joining a row on the column's side to a column on the row's side closes a
    // cycle through the bridge.
    const columnSide = reachable(rows + columns, edges, rows, rows + bridgeColumn, [bridgeRow, bridgeColumn])
    const candidates: Array<Entry & { i: number; j: number }> = []
    for (let i = 0; i < rows; i++) {
      if (!columnSide.has(i)) continue
      for (let j = 0; j < columns; j++) {
        if (rowSide.has(rows + j) && !hidden[i][j]) candidates.push({ value: grid[i][j], at: i * columns + j, i, j })
      }
    }
    const partner = smallestPreferringNonZero(candidates)
    // After the lonely-line pass both ends of a bridge have another hidden entry, so each side
    // holds both a row and a column and there is always a candidate.
    hidden[partner!.i][partner!.j] = true
    return true
  }
  return false
}

function reachable(
  nodeCount: number,
  edges: Array<[number, number]>,
  rows: number,
  start: number,
  without: [number, number],
): Set<number> {
  const neighbours: number[][] = Array.from({ length: nodeCount }, () => [])
  for (const [i, j] of edges) {
    if (i === without[0] && j === without[1]) continue
    neighbours[i].push(rows + j)
    neighbours[rows + j].push(i)
  }
  const seen = new Set([start])
  const queue = [start]
  while (queue.length > 0) {
    for (const next of neighbours[queue.pop()!]) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return seen
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

function requireCounts(counts: number[]): void {
  for (const count of counts) {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`counts must be non-negative whole numbers, got ${count}`)
    }
  }
}

function requireThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`threshold must be a whole number of at least 1, got ${threshold}`)
  }
}
