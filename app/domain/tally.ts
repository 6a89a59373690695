// Tallies over aggregated rows. The SQL layer does the GROUP BY; these functions only ever see
// counts, so they are the single place where shares, percents, ranks and scores are defined.

export type ChoiceRow = {
  optionKey: string
  count: number
  /** count / answered, 0..1; null when nobody answered. */
  share: number | null
  /** share × 100 rounded half away from zero to one decimal; null when nobody answered. */
  percent: number | null
  /** Dense rank by count, highest first: ties share a rank and the next rank follows on (1, 1, 2). */
  rank: number
}

export type ChoiceTally = {
  rows: ChoiceRow[]
  /** Respondents who answered the question: the base of every share. */
  answered: number
  skipped: number
}

export type RankingRow = {
  optionKey: string
  firstPreferences: number
  timesRanked: number
  bordaScore: number
  /** Mean position among the ballots that ranked the option; null if no ballot ranked it. */
  meanRank: number | null
  /** timesRanked / ballots: the share of ballots that put the option in their top maxPositions. */
  topShare: number | null
  /** Dense rank by Borda score, highest first. */
  rank: number
}

export type RankingTally = {
  rows: RankingRow[]
  ballots: number
  skipped: number
  maxPositions: number
}

export type ScalePoint = { value: number; key: string }

export type ScaleRow = {
  value: number
  key: string
  count: number
  share: number | null
  percent: number | null
}

export type ScaleTally = {
  rows: ScaleRow[]
  answered: number
  skipped: number
  /** Only for scales whose points are evenly spaced quantities; null otherwise or when nobody answered. */
  mean: number | null
}

export type TotalsCheck = { ok: boolean; sum: number; difference: number }

/**
 * Rounds numerator / denominator half away from zero to a whole number using integer arithmetic,
 * so an exact half is never pushed the wrong way by binary floating point (scaling a float share
 * first, as in Math.round(share * 1000) / 10, can turn an exact x.x5 into x.x4999…).
 */
export function roundRatioHalfAwayFromZero(numerator: number, denominator: number): number {
  requireSafeInteger(numerator, 'numerator')
  requireSafeInteger(denominator, 'denominator')
  if (denominator === 0) throw new RangeError('denominator must not be 0')
  const negative = numerator < 0 !== denominator < 0
  const n = Math.abs(numerator)
  const d = Math.abs(denominator)
  let quotient = Math.floor(n / d)
  let remainder = n - quotient * d
  // The float division can land one either side of the true quotient; the remainder says which.
  if (remainder < 0) {
    quotient -= 1
    remainder += d
  } else if (remainder >= d) {
    quotient += 1
    remainder -= d
  }
  if (remainder * 2 >= d) quotient += 1
  return negative ? -quotient : quotient
}

/** count / base as a percent with one decimal, rounded half away from zero; null when base is 0. */
export function percentOneDecimal(count: number, base: number): number | null {
  requireCount(count, 'count')
  requireCount(base, 'base')
  if (base === 0) return null
  return roundRatioHalfAwayFromZero(count * 1000, base) / 10
}

/** Dense ranks, largest value first: [5, 5, 3, 1] → [1, 1, 2, 3]. */
export function denseRanksDescending(values: number[]): number[] {
  const distinctDescending = [...new Set(values)].sort((a, b) => b - a)
  const rankOf = new Map(distinctDescending.map((value, index) => [value, index + 1]))
  return values.map((value) => rankOf.get(value) as number)
}

/** Rows by rank; rows that tie keep their given (question) order. */
export function sortByRank<Row extends { rank: number }>(rows: readonly Row[]): Row[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.rank - b.row.rank || a.index - b.index)
    .map(({ row }) => row)
}

/**
 * Single choice, multi-select ("choose any") and choose-up-to-N questions. The base is the
 * respondents who answered, so multi-select shares do not add up to 100%.
 */
export function tallyChoices(input: {
  optionKeys: string[]
  counts: Record<string, number>
  answered: number
  skipped: number
}): ChoiceTally {
  const { optionKeys, counts, answered, skipped } = input
  requireCount(answered, 'answered')
  requireCount(skipped, 'skipped')
  requireDistinct(optionKeys)
  requireKnownKeys(Object.keys(counts), optionKeys)

  const optionCounts = optionKeys.map((optionKey) => {
    const count = counts[optionKey] ?? 0
    requireCount(count, `count for ${optionKey}`)
    if (count > answered) {
      throw new RangeError(`count for ${optionKey} (${count}) exceeds respondents who answered (${answered})`)
    }
    return count
  })
  const ranks = denseRanksDescending(optionCounts)

  return {
    rows: optionKeys.map((optionKey, index) => {
      const count = optionCounts[index]
      return {
        optionKey,
        count,
        share: answered === 0 ? null : count / answered,
        percent: percentOneDecimal(count, answered),
        rank: ranks[index],
      }
    }),
    answered,
    skipped,
  }
}

export type UpToNTally = ChoiceTally & {
  maxChoices: number
  /** Ticks over all respondents who answered. */
  choicesMade: number
  /** Ticks per respondent who answered; null when nobody answered. */
  meanChoices: number | null
}

/**
 * Choose up to N: counted like "choose any" (share of respondents choosing each option), with the
 * number of choices made; an aggregate with more ticks than answered × N cannot be right.
 */
export function tallyChooseUpToN(input: {
  optionKeys: string[]
  counts: Record<string, number>
  answered: number
  skipped: number
  maxChoices: number
}): UpToNTally {
  const { maxChoices, ...choices } = input
  if (!Number.isInteger(maxChoices) || maxChoices < 1) throw new RangeError(`maxChoices must be a whole number of at least 1, got ${maxChoices}`)
  const tally = tallyChoices(choices)
  const choicesMade = tally.rows.reduce((sum, row) => sum + row.count, 0)
  if (choicesMade > tally.answered * maxChoices) {
    throw new RangeError(`${choicesMade} choices from ${tally.answered} respondents is more than ${maxChoices} each`)
  }
  return { ...tally, maxChoices, choicesMade, meanChoices: tally.answered === 0 ? null : choicesMade / tally.answered }
}

/** What a scale's points are: faces and words are ordered categories; numbers are amounts. */
export type ScaleKind = 'faces' | 'words' | 'numbers'

/**
 * Whether an average of a scale says anything. Only for numbered points that are evenly spaced
 * (1–5, 0–10): a mean of faces or of "yes / not sure / no" would invent a distance between
 * categories that the children never gave, so those get the distribution only.
 */
export function scaleMeanIsMeaningful(kind: ScaleKind, points: ScalePoint[]): boolean {
  if (kind !== 'numbers' || points.length < 3) return false
  const values = points.map((point) => point.value).sort((a, b) => a - b)
  const step = values[1] - values[0]
  return step > 0 && values.every((value, index) => index === 0 || value - values[index - 1] === step)
}

/**
 * Ranking questions, full or top-N.
 *
 * Scoring rule, as published in the report: with N positions on the ballot (N = the number of
 * options for a full ranking, or N for "pick your top N"), an option placed at position p scores
 * N − p + 1 points, so first place scores N and last place 1. An option a ballot did not rank
 * scores 0 from that ballot. A partial ballot therefore gives its ranked options the same points
 * as a complete one and nothing to the rest; it is never stretched to fill the missing places.
 * The Borda score is the sum of points over all ballots.
 */
export function tallyRanking(input: {
  optionKeys: string[]
  positionCounts: Array<{ optionKey: string; position: number; count: number }>
  ballots: number
  skipped: number
  maxPositions: number
}): RankingTally {
  const { optionKeys, positionCounts, ballots, skipped, maxPositions } = input
  requireCount(ballots, 'ballots')
  requireCount(skipped, 'skipped')
  requireDistinct(optionKeys)
  if (!Number.isInteger(maxPositions) || maxPositions < 1 || maxPositions > optionKeys.length) {
    throw new RangeError(`maxPositions must be between 1 and ${optionKeys.length}, got ${maxPositions}`)
  }
  requireKnownKeys(
    positionCounts.map((row) => row.optionKey),
    optionKeys,
  )

  const byOption = new Map(
    optionKeys.map((key) => [key, { firstPreferences: 0, timesRanked: 0, bordaScore: 0, positionSum: 0 }]),
  )
  const placedAtPosition = new Array<number>(maxPositions + 1).fill(0)
  for (const { optionKey, position, count } of positionCounts) {
    requireCount(count, `count for ${optionKey} at position ${position}`)
    if (!Number.isInteger(position) || position < 1 || position > maxPositions) {
      throw new RangeError(`position must be between 1 and ${maxPositions}, got ${position}`)
    }
    const option = byOption.get(optionKey)!
    if (position === 1) option.firstPreferences += count
    option.timesRanked += count
    option.bordaScore += count * (maxPositions - position + 1)
    option.positionSum += count * position
    placedAtPosition[position] += count
  }

  // Each ballot fills a position at most once and lists an option at most once.
  placedAtPosition.forEach((placed, position) => {
    if (placed > ballots) {
      throw new RangeError(`${placed} options placed at position ${position} but only ${ballots} ballots`)
    }
  })
  for (const [optionKey, option] of byOption) {
    if (option.timesRanked > ballots) {
      throw new RangeError(`${optionKey} ranked ${option.timesRanked} times but only ${ballots} ballots`)
    }
  }

  const totals = optionKeys.map((key) => byOption.get(key)!)
  const ranks = denseRanksDescending(totals.map((option) => option.bordaScore))

  return {
    rows: optionKeys.map((optionKey, index) => {
      const option = totals[index]
      return {
        optionKey,
        firstPreferences: option.firstPreferences,
        timesRanked: option.timesRanked,
        bordaScore: option.bordaScore,
        meanRank: option.timesRanked === 0 ? null : option.positionSum / option.timesRanked,
        topShare: ballots === 0 ? null : option.timesRanked / ballots,
        rank: ranks[index],
      }
    }),
    ballots,
    skipped,
    maxPositions,
  }
}

/**
 * Emoji / symbol scales. The mean is asked for explicitly because many children's scales are
 * labelled faces or "yes / not sure / no", where averaging the codes would invent a quantity.
 */
export function tallyScale(input: {
  points: ScalePoint[]
  counts: Record<number, number>
  skipped: number
  meaningfulMean: boolean
}): ScaleTally {
  const { points, counts, skipped, meaningfulMean } = input
  requireCount(skipped, 'skipped')
  requireDistinct(points.map((point) => String(point.value)))
  requireKnownKeys(
    Object.keys(counts),
    points.map((point) => String(point.value)),
  )

  const pointCounts = points.map((point) => {
    const count = counts[point.value] ?? 0
    requireCount(count, `count for scale point ${point.key}`)
    return count
  })
  const answered = pointCounts.reduce((sum, count) => sum + count, 0)
  const valueSum = points.reduce((sum, point, index) => sum + point.value * pointCounts[index], 0)

  return {
    rows: points.map((point, index) => {
      const count = pointCounts[index]
      return {
        value: point.value,
        key: point.key,
        count,
        share: answered === 0 ? null : count / answered,
        percent: percentOneDecimal(count, answered),
      }
    }),
    answered,
    skipped,
    mean: meaningfulMean && answered > 0 ? valueSum / answered : null,
  }
}

/** For imported aggregates (paper ballots): do the parts add up to the total written on the sheet? */
export function checkTotals(parts: number[], statedTotal: number): TotalsCheck {
  const sum = parts.reduce((total, part) => total + part, 0)
  const difference = sum - statedTotal
  return { ok: difference === 0, sum, difference }
}

function requireSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`)
}

function requireCount(value: number, name: string): void {
  // The bound leaves room for the ×1000 in percentOneDecimal to stay exact.
  if (!Number.isInteger(value) || value < 0 || !Number.isSafeInteger(value * 1000)) {
    throw new RangeError(`${name} must be a non-negative whole number, got ${value}`)
  }
}

function requireDistinct(keys: string[]): void {
  const seen = new Set<string>()
  for (const key of keys) {
    if (seen.has(key)) throw new RangeError(`duplicate option ${key}`)
    seen.add(key)
  }
}

// A count for an option the question does not have means the aggregate and the question
// disagree; dropping it silently would publish a wrong table.
function requireKnownKeys(keys: string[], known: string[]): void {
  const knownKeys = new Set(known)
  for (const key of keys) {
    if (!knownKeys.has(key)) throw new RangeError(`count given for unknown option ${key}`)
  }
}
