// Ordering for the JavaScript ranking widget (buttons and drag): pure functions over the list of
// placed option keys, most important first. The server never trusts these; it parses the submitted
// `rank-<key>` fields with parseRanking in ./answers, exactly as it does for the no-JavaScript selects.
//
// Client code: keep it free of zod (no import of ./question-config).
import { fieldIds } from './answers'

/** Placed option keys, number 1 first. Items not in it are not placed (yet). */
export type RankingOrder = readonly string[]

/**
 * The order to start from: the keys of `saved` that are options, each once, at most `positions`.
 * Used for a saved answer, a refused answer's draft, or what the selects held before JavaScript ran.
 */
export function initialOrder(optionKeys: readonly string[], saved: readonly string[], positions: number): string[] {
  const known = new Set(optionKeys)
  const order: string[] = []
  for (const key of saved) {
    if (order.length >= positions) break
    if (known.has(key) && !order.includes(key)) order.push(key)
  }
  return order
}

/**
 * The order the position fields describe (field values "1".."positions", or "" for not placed), as the
 * selects hold them before JavaScript takes over. Where two items share a number, the first keeps it
 * and the second is left out; the server would have refused that anyway.
 */
export function orderFromPositions(optionKeys: readonly string[], positionOf: (key: string) => string, positions: number): string[] {
  const byPosition = new Map<number, string>()
  for (const key of optionKeys) {
    const raw = positionOf(key)
    if (!/^\d+$/.test(raw)) continue
    const position = Number(raw)
    if (position >= 1 && position <= positions && !byPosition.has(position)) byPosition.set(position, key)
  }
  return [...byPosition.entries()].sort(([a], [b]) => a - b).map(([, key]) => key)
}

/**
 * Moves a placed item to `position` (1 = first), shifting the items between. A position past either
 * end means that end. Returns `order` itself when nothing changes (not placed, or already there).
 */
export function moveTo(order: RankingOrder, key: string, position: number): RankingOrder {
  const from = order.indexOf(key)
  if (from < 0 || order.length === 0) return order
  const to = Math.min(Math.max(Math.trunc(position) - 1, 0), order.length - 1)
  if (to === from || Number.isNaN(to)) return order
  const next = order.filter((k) => k !== key)
  next.splice(to, 0, key)
  return next
}

/** One place nearer number 1; `order` itself when already first or not placed. */
export function moveUp(order: RankingOrder, key: string): RankingOrder {
  return moveTo(order, key, order.indexOf(key))
}

/** One place further from number 1; `order` itself when already last or not placed. */
export function moveDown(order: RankingOrder, key: string): RankingOrder {
  const index = order.indexOf(key)
  return index < 0 ? order : moveTo(order, key, index + 2)
}

/** Places an item after the others, if there is room in the top `positions`; otherwise `order` itself. */
export function addToTop(order: RankingOrder, key: string, positions: number): RankingOrder {
  if (order.includes(key) || order.length >= positions) return order
  return [...order, key]
}

/** Takes an item out of the placed ones (those after it move up a number); `order` itself if not placed. */
export function removeFromTop(order: RankingOrder, key: string): RankingOrder {
  return order.includes(key) ? order.filter((k) => k !== key) : order
}

/**
 * The form fields the page sends: one `rank-<key>` per option, in option order, with the item's
 * number, or "" when not placed. The same names and values the selects send without JavaScript.
 */
export function toFormValues(optionKeys: readonly string[], order: RankingOrder): [name: string, value: string][] {
  return optionKeys.map((key) => {
    const index = order.indexOf(key)
    return [fieldIds.rank(key), index < 0 ? '' : String(index + 1)]
  })
}
