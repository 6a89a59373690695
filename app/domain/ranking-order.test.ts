import { describe, expect, it } from 'vitest'
import { parseAnswer } from './answers'
import { addToTop, initialOrder, moveDown, moveTo, moveUp, orderFromPositions, removeFromTop, toFormValues } from './ranking-order'
import type { SurveyQuestion } from './survey'

/** The server's parser (unchanged) reading what the widget would send. */
function parseRanking(keys: string[], rankCount: number | undefined, fields: [string, string][]) {
  const question: SurveyQuestion = {
    id: 'q', key: 'top', position: 2, required: false, prompt: 'Put these in order', hint: null, symbol: null, type: 'ranking',
    config: rankCount === undefined ? {} : { rankCount },
    options: keys.map((key) => ({ id: `o-${key}`, key, label: key, symbol: null })),
  }
  const form = new FormData()
  for (const [name, value] of fields) form.append(name, value)
  return parseAnswer(question, form)
}

const five = ['safe-places', 'less-bullying', 'respect', 'things-to-do', 'safer-from-crime']

describe('moveUp / moveDown', () => {
  it('swaps an item with its neighbour', () => {
    expect(moveUp(['a', 'b', 'c', 'd'], 'c')).toEqual(['a', 'c', 'b', 'd'])
    expect(moveDown(['a', 'b', 'c', 'd'], 'b')).toEqual(['a', 'c', 'b', 'd'])
    expect(moveUp(['a', 'b'], 'b')).toEqual(['b', 'a'])
    expect(moveDown(['a', 'b'], 'a')).toEqual(['b', 'a'])
  })
  it('repeated presses keep moving the same item', () => {
    let order: readonly string[] = five
    order = moveUp(order, 'safer-from-crime')
    order = moveUp(order, 'safer-from-crime')
    expect(order).toEqual(['safe-places', 'less-bullying', 'safer-from-crime', 'respect', 'things-to-do'])
    order = moveUp(order, 'safer-from-crime')
    order = moveUp(order, 'safer-from-crime')
    expect(order).toEqual(['safer-from-crime', 'safe-places', 'less-bullying', 'respect', 'things-to-do'])
  })
  it('returns the same list (no change) at the ends and for items not placed', () => {
    const order = ['a', 'b', 'c']
    expect(moveUp(order, 'a')).toBe(order)
    expect(moveDown(order, 'c')).toBe(order)
    expect(moveUp(order, 'z')).toBe(order)
    expect(moveDown(order, 'z')).toBe(order)
    expect(moveUp([], 'a')).toEqual([])
  })
  it('never changes the list it was given', () => {
    const order = ['a', 'b', 'c']
    moveUp(order, 'c')
    moveDown(order, 'a')
    expect(order).toEqual(['a', 'b', 'c'])
  })
})

describe('moveTo', () => {
  it('puts an item at a number, shifting the ones between', () => {
    // e (number 5) to number 2: b, c, d each go down one.
    expect(moveTo(['a', 'b', 'c', 'd', 'e'], 'e', 2)).toEqual(['a', 'e', 'b', 'c', 'd'])
    // a (number 1) to number 4: b, c, d each go up one.
    expect(moveTo(['a', 'b', 'c', 'd', 'e'], 'a', 4)).toEqual(['b', 'c', 'd', 'a', 'e'])
    expect(moveTo(['a', 'b', 'c'], 'b', 1)).toEqual(['b', 'a', 'c'])
  })
  it('treats numbers past either end as that end', () => {
    expect(moveTo(['a', 'b', 'c'], 'b', 0)).toEqual(['b', 'a', 'c'])
    expect(moveTo(['a', 'b', 'c'], 'b', -3)).toEqual(['b', 'a', 'c'])
    expect(moveTo(['a', 'b', 'c'], 'a', 99)).toEqual(['b', 'c', 'a'])
  })
  it('returns the same list when nothing moves', () => {
    const order = ['a', 'b', 'c']
    expect(moveTo(order, 'b', 2)).toBe(order)
    expect(moveTo(order, 'c', 7)).toBe(order)
    expect(moveTo(order, 'x', 1)).toBe(order)
    expect(moveTo(order, 'a', Number.NaN)).toBe(order)
  })
})

describe('addToTop / removeFromTop', () => {
  it('adds after the placed items while there is room', () => {
    expect(addToTop([], 'b', 3)).toEqual(['b'])
    expect(addToTop(['b'], 'a', 3)).toEqual(['b', 'a'])
    expect(addToTop(['b', 'a'], 'd', 3)).toEqual(['b', 'a', 'd'])
  })
  it('does nothing when the top is full or the item is already in it', () => {
    const full = ['b', 'a', 'd']
    expect(addToTop(full, 'c', 3)).toBe(full)
    const order = ['b', 'a']
    expect(addToTop(order, 'a', 3)).toBe(order)
  })
  it('takes an item out; the ones after it move up a number', () => {
    expect(removeFromTop(['b', 'a', 'd'], 'b')).toEqual(['a', 'd'])
    expect(removeFromTop(['b', 'a', 'd'], 'a')).toEqual(['b', 'd'])
    const order = ['b', 'a']
    expect(removeFromTop(order, 'c')).toBe(order)
  })
  it('after taking one out, another can be added', () => {
    const order = removeFromTop(['b', 'a', 'd'], 'a')
    expect(addToTop(order, 'c', 3)).toEqual(['b', 'd', 'c'])
  })
})

describe('toFormValues', () => {
  it('gives every option its number field, in option order, "" when not placed', () => {
    expect(toFormValues(['a', 'b', 'c', 'd'], ['c', 'a'])).toEqual([
      ['rank-a', '2'],
      ['rank-b', ''],
      ['rank-c', '1'],
      ['rank-d', ''],
    ])
    expect(toFormValues(['a', 'b'], [])).toEqual([
      ['rank-a', ''],
      ['rank-b', ''],
    ])
  })
  it('is read by the server exactly like the selects (full and top-N rankings)', () => {
    const order = ['respect', 'safe-places', 'less-bullying', 'things-to-do', 'safer-from-crime']
    expect(parseRanking(five, undefined, toFormValues(five, order))).toEqual({ ok: true, answer: { kind: 'ranking', order } })
    expect(parseRanking(five, 2, toFormValues(five, ['things-to-do', 'respect']))).toEqual({ ok: true, answer: { kind: 'ranking', order: ['things-to-do', 'respect'] } })
  })
  it('an unfinished full ranking is refused by the server, naming the numbers not used', () => {
    const parsed = parseRanking(five, undefined, toFormValues(five, ['respect', 'safe-places', 'less-bullying']))
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.errors).toEqual([{ field: 'rank-things-to-do', messageKey: 'errors.rankMissingMany', values: { position: 4, positions: '4, 5' } }])
    expect(parsed.draft).toMatchObject({ kind: 'ranking', order: ['respect', 'safe-places', 'less-bullying'] })
  })
})

describe('initialOrder', () => {
  it('keeps known keys once each, up to the number of positions', () => {
    expect(initialOrder(['a', 'b', 'c', 'd'], ['c', 'x', 'a', 'c', 'b'], 4)).toEqual(['c', 'a', 'b'])
    expect(initialOrder(['a', 'b', 'c', 'd'], ['d', 'c', 'b', 'a'], 2)).toEqual(['d', 'c'])
    expect(initialOrder(['a', 'b'], [], 2)).toEqual([])
  })
})

describe('orderFromPositions', () => {
  const fields = (values: Record<string, string>) => (key: string) => values[key] ?? ''
  it('reads the numbers the selects hold', () => {
    expect(orderFromPositions(['a', 'b', 'c', 'd'], fields({ a: '3', b: '1', c: '', d: '2' }), 4)).toEqual(['b', 'd', 'a'])
  })
  it('leaves out numbers used twice (after the first), out of range or not numbers', () => {
    expect(orderFromPositions(['a', 'b', 'c', 'd'], fields({ a: '2', b: '2', c: '5', d: 'x' }), 4)).toEqual(['a'])
    expect(orderFromPositions(['a', 'b', 'c'], fields({ a: '0', b: '-1', c: '1.5' }), 3)).toEqual([])
  })
})
