// Cross-tabs: one question's answers broken down by the groups participants said they belong to
// (age band, gender, area…, as given at the time of response). The SQL layer counts per group and
// option; these functions lay the counts out as a table and apply small-number suppression to it.
import { type BreakdownField, breakdownFields, PREFER_NOT_TO_SAY } from './demographics'
import { type DisclosedCell, discloseCount, type DisclosureMark, isSmallCount, percentOfDisclosed, suppressTwoWay } from './disclosure'

const SUPPRESSED: DisclosedCell = { kind: 'suppressed', mark: 'c' }

/** The row for a response whose snapshot has no value for the field (the question was not asked, or not reached). */
export const NOT_GIVEN = 'not-given'

/** A breakdown is one field or two; with two, each row is one combination (e.g. "11–13, girl"). */
export type Breakdown = [BreakdownField] | [BreakdownField, BreakdownField]

/** Reads ?by=…&by2=… from the results page's form; unknown or repeated fields are ignored. */
export function parseBreakdown(by: string | null, by2: string | null): Breakdown | null {
  const first = breakdownFields.find((field) => field === by)
  if (!first) return null
  const second = breakdownFields.find((field) => field === by2 && field !== first)
  return second ? [first, second] : [first]
}

/** The key of a row: the values of the breakdown's fields joined with '|', NOT_GIVEN for a missing one. */
export function groupKey(values: Array<string | null | undefined>): string {
  return values.map((value) => (value === null || value === undefined || value === '' ? NOT_GIVEN : value)).join('|')
}

/**
 * The rows of a cross-tab in a stable order: the known categories of each field in their question
 * order, then any other value seen in the data, then "prefer not to say" and "not given" last.
 * Every group seen in the data is a row: leaving one out would let its counts be worked out as the
 * overall total minus the rows shown.
 */
export function orderGroups(seen: Iterable<string>, knownPerField: string[][]): string[] {
  const rank = (field: number, value: string) => {
    const known = knownPerField[field] ?? []
    if (value === NOT_GIVEN) return known.length + 2
    if (value === PREFER_NOT_TO_SAY) return known.length + 1
    const index = known.indexOf(value)
    return index === -1 ? known.length : index
  }
  return [...new Set(seen)].sort((a, b) => {
    const left = a.split('|')
    const right = b.split('|')
    for (let field = 0; field < Math.max(left.length, right.length); field++) {
      const difference = rank(field, left[field] ?? '') - rank(field, right[field] ?? '')
      if (difference !== 0) return difference
      const byText = (left[field] ?? '').localeCompare(right[field] ?? '')
      if (byText !== 0) return byText
    }
    return 0
  })
}

export interface CrossTabCell {
  count: DisclosedCell
  /** Percent of the row's base (people in that group who answered); null when hidden with its base. */
  percent: number | DisclosureMark | null
}

export interface CrossTab {
  groups: string[]
  optionKeys: string[]
  /** cells[group][option] */
  cells: CrossTabCell[][]
  /** Per group: people who answered the question. */
  bases: DisclosedCell[]
  /** Per option: the count over every group (the question's overall count). */
  columnTotals: DisclosedCell[]
  grandTotal: DisclosedCell
  /** True when every respondent is counted in exactly one option, so rows add up to their base. */
  additive: boolean
}

export interface CrossTabInput {
  optionKeys: string[]
  groups: string[]
  counts: Array<{ group: string; optionKey: string; count: number }>
  bases: Array<{ group: string; answered: number }>
  /**
   * Single choice, scales and first preferences: each respondent is in exactly one cell of their
   * row, so the table with its margins is suppressed as a two-way table. Multi-select and "times
   * ranked": a respondent can be in several cells of a row, so rows do not add up; only the
   * columns do (each respondent is in one group), and each column is suppressed as a one-way list
   * whose total is shown.
   */
  additive: boolean
  threshold: number
  /** Column totals another view already hides (the question's one-way table). */
  hiddenColumnTotals?: boolean[]
  /** Coarser views of the same answers (for a two-field breakdown, the tables by each field alone). */
  linked?: LinkedView[]
}

export function crossTabulate(input: CrossTabInput): CrossTab {
  const { optionKeys, groups, additive, threshold, hiddenColumnTotals } = input
  const groupIndex = new Map(groups.map((group, index) => [group, index]))
  const optionIndex = new Map(optionKeys.map((key, index) => [key, index]))
  if (groupIndex.size !== groups.length) throw new RangeError('groups must be distinct')
  const table = groups.map(() => optionKeys.map(() => 0))
  for (const { group, optionKey, count } of input.counts) {
    const i = groupIndex.get(group)
    const j = optionIndex.get(optionKey)
    if (i === undefined) throw new RangeError(`count given for unknown group ${group}`)
    if (j === undefined) throw new RangeError(`count given for unknown option ${optionKey}`)
    if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative whole number, got ${count}`)
    table[i][j] += count
  }
  const baseOf = groups.map(() => 0)
  for (const { group, answered } of input.bases) {
    const i = groupIndex.get(group)
    if (i === undefined) throw new RangeError(`base given for unknown group ${group}`)
    baseOf[i] += answered
  }
  table.forEach((row, i) => {
    const rowSum = row.reduce((sum, count) => sum + count, 0)
    if (additive && rowSum !== baseOf[i]) throw new RangeError(`group ${groups[i]}: counts add up to ${rowSum}, not its base ${baseOf[i]}`)
    row.forEach((count, j) => {
      if (count > baseOf[i]) throw new RangeError(`group ${groups[i]}: ${optionKeys[j]} count ${count} exceeds its base ${baseOf[i]}`)
    })
  })
  const columnTotalValues = optionKeys.map((_, j) => table.reduce((sum, row) => sum + row[j], 0))
  const grand = baseOf.reduce((sum, base) => sum + base, 0)

  if (groups.length === 0 || optionKeys.length === 0) {
    return {
      groups,
      optionKeys,
      cells: [],
      bases: [],
      columnTotals: columnTotalValues.map((total) => discloseCount(total, threshold)),
      grandTotal: discloseCount(grand, threshold),
      additive,
    }
  }

  // Hidden entries as a grid: one column per option, then the column of bases.
  const values = table.map((row, i) => [...row, baseOf[i]])
  let mask: boolean[][] = values.map((row) => row.map(() => false))
  let cells: DisclosedCell[][]
  let bases: DisclosedCell[]
  let columnTotals: DisclosedCell[]
  let grandTotal: DisclosedCell
  for (;;) {
    if (additive) {
      const disclosed = suppressTwoWay(table, {
        threshold,
        hide: { columnTotals: hiddenColumnTotals, cells: mask.map((row) => row.slice(0, -1)), rowTotals: mask.map((row) => row[row.length - 1]) },
      })
      cells = disclosed.cells
      bases = disclosed.rowTotals
      columnTotals = disclosed.columnTotals
      grandTotal = disclosed.grandTotal
    } else {
      // Each column (and the column of bases) with its total is one additive list.
      const totals = [...columnTotalValues, grand]
      const disclosedColumns = totals.map((total, j) =>
        discloseColumn(
          values.map((row) => row[j]),
          total,
          threshold,
          hiddenColumnTotals?.[j] ?? false,
          mask.map((row) => row[j]),
        ),
      )
      cells = groups.map((_, i) => optionKeys.map((__, j) => disclosedColumns[j].cells[i]))
      bases = disclosedColumns[optionKeys.length].cells
      columnTotals = optionKeys.map((_, j) => disclosedColumns[j].total)
      grandTotal = disclosedColumns[optionKeys.length].total
    }
    const hiddenNow = groups.map((_, i) => [...cells[i].map((cell) => cell.kind !== 'value'), bases[i].kind !== 'value'])
    if (!hideAcrossLinkedViews(values, hiddenNow, input.linked ?? [])) break
    mask = hiddenNow
  }

  return {
    groups,
    optionKeys,
    cells: cells.map((row, i) => row.map((count) => ({ count, percent: percentOfDisclosed(count, baseOf[i], threshold, bases[i]) }))),
    bases,
    columnTotals,
    grandTotal,
    additive,
  }
}

/**
 * One additive column with its total. A hidden total is one more hidden entry of the list: with it
 * the list has parts and total that balance, so the one-way rule (never exactly one hidden entry)
 * applies to parts and total together.
 */
function discloseColumn(column: number[], total: number, threshold: number, totalHiddenElsewhere: boolean, alsoHidden: boolean[]): { cells: DisclosedCell[]; total: DisclosedCell } {
  const hidden = column.map((count, i) => isSmallCount(count, threshold) || alsoHidden[i])
  const totalHidden = totalHiddenElsewhere || isSmallCount(total, threshold)
  if (hidden.filter(Boolean).length + (totalHidden ? 1 : 0) === 1) {
    const partner = smallestShown(column, hidden)
    if (partner !== undefined) hidden[partner] = true
  }
  return { cells: column.map((count, i) => (hidden[i] ? SUPPRESSED : { kind: 'value', value: count })), total: totalHidden ? SUPPRESSED : { kind: 'value', value: total } }
}

/**
 * Another view of the same answers with coarser rows: the table by age band, for a table by age
 * band and gender. Each of its rows is the sum of some rows here.
 */
export interface LinkedView {
  /** For each row here, its row in the linked view. */
  rowToLinked: number[]
  /** The linked view's hidden entries: [its row][each option, then the base]. */
  hidden: boolean[][]
}

/**
 * The rows here that make up one row of a linked view add up to it, column by column; so in each
 * such block a lone hidden entry (counting the linked view's entry as the block's total) could be
 * worked out by subtraction. Hides a partner for each. Returns whether it hid anything.
 */
function hideAcrossLinkedViews(values: number[][], hidden: boolean[][], linked: LinkedView[]): boolean {
  let changed = false
  for (const view of linked) {
    view.hidden.forEach((linkedRow, r) => {
      const block = view.rowToLinked.flatMap((to, i) => (to === r ? [i] : []))
      if (block.length === 0) return
      linkedRow.forEach((totalHidden, j) => {
        const hiddenInBlock = block.filter((i) => hidden[i][j]).length
        if (hiddenInBlock + (totalHidden ? 1 : 0) !== 1) return
        const partner = smallestShown(
          block.map((i) => values[i][j]),
          block.map((i) => hidden[i][j]),
        )
        if (partner === undefined) return
        hidden[block[partner]][j] = true
        changed = true
      })
    })
  }
  return changed
}

/** The smallest shown non-zero entry (hides least), or a shown zero if that is all there is. */
function smallestShown(values: number[], hidden: boolean[]): number | undefined {
  let best: number | undefined
  for (let i = 0; i < values.length; i++) {
    if (hidden[i] || values[i] === 0) continue
    if (best === undefined || values[i] < values[best]) best = i
  }
  if (best !== undefined) return best
  const zero = values.findIndex((value, i) => !hidden[i] && value === 0)
  return zero === -1 ? undefined : zero
}
