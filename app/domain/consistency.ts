// Consistency checks for counts that arrive with a stated total (paper ballots counted by a
// school, imported aggregates): flag where the parts do not add up, before anything is published.
import type { QuestionType } from './survey'

// ---- Imported aggregates: one question's counts per option (and position) against the ballots --

/** How a question's counts relate to its number of ballots. */
export type AggregateKind = 'additive' | 'multi' | 'ranking'

/** Single choice, scales, demographics and consent: one option per ballot. Text has no counts. */
export function aggregateKindOf(type: QuestionType | string): AggregateKind | null {
  if (type === 'multi') return 'multi'
  if (type === 'ranking') return 'ranking'
  if (type === 'single' || type === 'scale' || type === 'demographic' || type === 'consent') return 'additive'
  return null
}

export type AggregateIssue =
  | { kind: 'sumDiffers'; sum: number; statedTotal: number; difference: number }
  | { kind: 'partAboveTotal'; optionKey: string; count: number; statedTotal: number }
  | { kind: 'positionAboveTotal'; position: number; sum: number; statedTotal: number }
  /** A note, not a failure: some multi-select ballots chose nothing (or fewer ticks than ballots). */
  | { kind: 'fewerChoicesThanBallots'; sum: number; statedTotal: number }

export interface AggregatePart {
  optionKey: string
  count: number
  /** The ranking position for ranking counts; null otherwise. */
  position: number | null
}

/**
 * Checks an aggregate against its stated total (ballots):
 * - additive: the parts add up to the total, and no part is above it;
 * - multi: no option is chosen on more ballots than there are (the parts may add up to more);
 *   fewer ticks than ballots is noted but passes;
 * - ranking: no option is ranked on more ballots than there are, and no position is filled more
 *   often than there are ballots.
 */
export function checkAggregate(kind: AggregateKind, parts: AggregatePart[], statedTotal: number): { ok: boolean; sum: number; issues: AggregateIssue[] } {
  const sum = parts.reduce((total, part) => total + part.count, 0)
  const issues: AggregateIssue[] = []
  const perOption = new Map<string, number>()
  for (const part of parts) perOption.set(part.optionKey, (perOption.get(part.optionKey) ?? 0) + part.count)
  if (kind === 'additive' && sum !== statedTotal) issues.push({ kind: 'sumDiffers', sum, statedTotal, difference: sum - statedTotal })
  for (const [optionKey, count] of perOption) if (count > statedTotal) issues.push({ kind: 'partAboveTotal', optionKey, count, statedTotal })
  if (kind === 'ranking') {
    const perPosition = new Map<number, number>()
    for (const part of parts) if (part.position !== null) perPosition.set(part.position, (perPosition.get(part.position) ?? 0) + part.count)
    for (const [position, positionSum] of [...perPosition].sort((a, b) => a[0] - b[0])) {
      if (positionSum > statedTotal) issues.push({ kind: 'positionAboveTotal', position, sum: positionSum, statedTotal })
    }
  }
  const ok = issues.length === 0
  if (kind === 'multi' && sum < statedTotal) issues.push({ kind: 'fewerChoicesThanBallots', sum, statedTotal })
  return { ok, sum, issues }
}

// ---- Counts with a stated total, and tables with stated margins ----------------------------------

export type ConsistencyProblem =
  | { kind: 'sum-differs'; sum: number; statedTotal: number; difference: number }
  | { kind: 'part-exceeds-total'; part: string; count: number; statedTotal: number }
  | { kind: 'choices-exceed-limit'; sum: number; limit: number }
  | { kind: 'not-a-count'; part: string; value: number }

export interface ConsistencyResult {
  ok: boolean
  problems: ConsistencyProblem[]
}

export interface ConsistencyInput {
  parts: Array<{ key: string; count: number }>
  statedTotal: number
  /**
   * 'one' — single choice or a scale: every respondent is in exactly one part, so the parts add up
   * to the total. 'any' — multi-select: each part is at most the total. 'up-to' — choose up to
   * maxChoices: each part is at most the total and all parts together at most total × maxChoices.
   */
  mode: 'one' | 'any' | 'up-to'
  maxChoices?: number
}

export function checkConsistency(input: ConsistencyInput): ConsistencyResult {
  const { parts, statedTotal, mode } = input
  const problems: ConsistencyProblem[] = []
  if (!isCount(statedTotal)) problems.push({ kind: 'not-a-count', part: 'total', value: statedTotal })
  for (const { key, count } of parts) if (!isCount(count)) problems.push({ kind: 'not-a-count', part: key, value: count })
  if (problems.length > 0) return { ok: false, problems }

  const sum = parts.reduce((total, part) => total + part.count, 0)
  if (mode === 'one') {
    if (sum !== statedTotal) problems.push({ kind: 'sum-differs', sum, statedTotal, difference: sum - statedTotal })
  } else {
    for (const { key, count } of parts) if (count > statedTotal) problems.push({ kind: 'part-exceeds-total', part: key, count, statedTotal })
    if (mode === 'up-to') {
      const maxChoices = input.maxChoices ?? 1
      if (!Number.isInteger(maxChoices) || maxChoices < 1) throw new RangeError(`maxChoices must be a whole number of at least 1, got ${maxChoices}`)
      if (sum > statedTotal * maxChoices) problems.push({ kind: 'choices-exceed-limit', sum, limit: statedTotal * maxChoices })
    }
  }
  return { ok: problems.length === 0, problems }
}

/** A table with row and column totals as stated on a sheet: every row and every column is checked. */
export function checkTableTotals(table: number[][], rowTotals: number[], columnTotals: number[], grandTotal: number): ConsistencyResult {
  const problems: ConsistencyProblem[] = []
  table.forEach((row, i) => {
    const result = checkConsistency({ parts: row.map((count, j) => ({ key: `r${i + 1}c${j + 1}`, count })), statedTotal: rowTotals[i], mode: 'one' })
    problems.push(...result.problems)
  })
  columnTotals.forEach((total, j) => {
    const result = checkConsistency({ parts: table.map((row, i) => ({ key: `r${i + 1}c${j + 1}`, count: row[j] })), statedTotal: total, mode: 'one' })
    problems.push(...result.problems)
  })
  problems.push(...checkConsistency({ parts: rowTotals.map((count, i) => ({ key: `row ${i + 1}`, count })), statedTotal: grandTotal, mode: 'one' }).problems)
  return { ok: problems.length === 0, problems }
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0
}
