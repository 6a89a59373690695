import { describe, expect, it } from 'vitest'
import { agreementByTheme, agreementTable, chooseCoderPair, cohensKappa, kappaBand } from './kappa'

describe('cohensKappa', () => {
  it('matches a hand-checked example', () => {
    // 20 items, two coders, one theme:
    //                 B yes  B no
    //   A yes           6      2     A yes = 8,  A no = 12
    //   A no            3      9     B yes = 9,  B no = 11
    // po = (6 + 9) / 20 = 15/20 = 0.75
    // pe = (8 × 9 + 12 × 11) / 20² = (72 + 132) / 400 = 204/400 = 0.51
    // κ  = (0.75 − 0.51) / (1 − 0.51) = 0.24 / 0.49 = 0.4897959…
    const result = cohensKappa({ a: 6, b: 2, c: 3, d: 9 })
    expect(result.n).toBe(20)
    expect(result.observed).toBeCloseTo(0.75, 12)
    expect(result.expected).toBeCloseTo(0.51, 12)
    expect(result.kappa).toBeCloseTo(0.24 / 0.49, 12)
    expect(result.kappa).toBeCloseTo(0.4898, 4)
    expect(kappaBand(result.kappa)).toBe('moderate')
  })

  it('matches a second hand-checked example with worse than chance agreement', () => {
    // a=1 b=4 c=4 d=1, n=10: po = 2/10 = 0.2; A yes = 5, B yes = 5; pe = (5×5 + 5×5)/100 = 0.5;
    // κ = (0.2 − 0.5) / 0.5 = −0.6
    expect(cohensKappa({ a: 1, b: 4, c: 4, d: 1 }).kappa).toBeCloseTo(-0.6, 12)
    expect(kappaBand(-0.6)).toBe('poor')
  })

  it('is 1 for perfect agreement that is not all one answer', () => {
    expect(cohensKappa({ a: 3, b: 0, c: 0, d: 7 }).kappa).toBeCloseTo(1, 12)
  })

  it('is not defined when both coders gave every item the same single answer', () => {
    expect(cohensKappa({ a: 0, b: 0, c: 0, d: 12 })).toMatchObject({ n: 12, observed: 1, expected: 1, kappa: null })
    expect(cohensKappa({ a: 0, b: 0, c: 0, d: 0 })).toMatchObject({ n: 0, kappa: null })
    expect(kappaBand(null)).toBe('undefined')
  })

  it('refuses counts that are not whole numbers', () => {
    expect(() => cohensKappa({ a: -1, b: 0, c: 0, d: 0 })).toThrow()
    expect(() => cohensKappa({ a: 1.5, b: 0, c: 0, d: 0 })).toThrow()
  })
})

describe('agreementByTheme', () => {
  it('builds the 2 × 2 table per theme from the items both coded, and lists disagreements', () => {
    const a = new Map([
      ['answer:1', new Set(['safety'])],
      ['answer:2', new Set(['safety', 'play'])],
      ['answer:3', new Set<string>()],
      ['answer:4', new Set(['play'])],
      ['answer:9', new Set(['play'])], // only coder A: left out
    ])
    const b = new Map([
      ['answer:1', new Set(['safety'])],
      ['answer:2', new Set(['play'])],
      ['answer:3', new Set<string>()],
      ['answer:4', new Set(['play', 'safety'])],
    ])
    const result = agreementByTheme(['safety', 'play'], a, b)
    expect(result.items).toEqual(['answer:1', 'answer:2', 'answer:3', 'answer:4'])
    const [safety, play] = result.themes
    // safety: A yes on 1, 2; B yes on 1, 4 → a=1 b=1 c=1 d=1, po=0.5, pe=0.5, κ=0
    expect(safety).toMatchObject({ themeId: 'safety', a: 1, b: 1, c: 1, d: 1, disagreements: ['answer:2', 'answer:4'] })
    expect(safety.kappa).toBeCloseTo(0, 12)
    // play: both yes on 2, 4; both no on 1, 3 → κ=1
    expect(play).toMatchObject({ a: 2, b: 0, c: 0, d: 2, disagreements: [] })
    expect(play.kappa).toBeCloseTo(1, 12)
  })

  it('agreementTable counts pairs', () => {
    expect(agreementTable([[true, true], [true, false], [false, true], [false, false], [false, false]])).toEqual({ a: 1, b: 1, c: 1, d: 2 })
  })
})

describe('chooseCoderPair', () => {
  const coders = ['ann', 'bo', 'cy']
  it('compares the two who coded most of the sample unless told otherwise', () => {
    expect(chooseCoderPair(coders)).toEqual({ pair: ['ann', 'bo'], refused: null })
    expect(chooseCoderPair(['ann'])).toEqual({ pair: null, refused: null })
  })
  it('compares the pair a planner picks, in the order picked', () => {
    expect(chooseCoderPair(coders, { first: 'cy', second: 'ann' })).toEqual({ pair: ['cy', 'ann'], refused: null })
  })
  it('says why a pick was not used, and shows the usual pair instead', () => {
    expect(chooseCoderPair(coders, { first: 'bo', second: 'bo' })).toEqual({ pair: ['ann', 'bo'], refused: 'same' })
    expect(chooseCoderPair(coders, { first: 'bo', second: 'nobody' })).toEqual({ pair: ['ann', 'bo'], refused: 'unknown' })
    expect(chooseCoderPair(coders, { first: 'bo' })).toEqual({ pair: ['ann', 'bo'], refused: 'unknown' })
  })
})
