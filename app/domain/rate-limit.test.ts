import { describe, expect, it } from 'vitest'
import { FixedWindowCounter, giveBackToAll, liveWindow, returnHit, shareOfLimit, takeFromAll, takeHit, type WindowState } from './rate-limit'

const rule = { limit: 3, windowMs: 60_000 }

describe('takeHit', () => {
  it('allows `limit` hits in a window, then refuses until the window that began with the first hit ends', () => {
    let state: WindowState | undefined
    const at = (now: number) => {
      const step = takeHit(state, now, rule)
      state = step.state
      return step.result
    }
    expect(at(1_000)).toEqual({ allowed: true, remaining: 2 })
    expect(at(20_000)).toEqual({ allowed: true, remaining: 1 })
    expect(at(30_000)).toEqual({ allowed: true, remaining: 0 })
    // Window began at 1,000 and lasts 60,000 ms: it ends at 61,000.
    expect(at(45_000)).toEqual({ allowed: false, retryAfterMs: 16_000 })
    expect(at(60_999)).toEqual({ allowed: false, retryAfterMs: 1 })
    expect(state).toEqual({ startedAt: 1_000, count: 3 })
    // At 61,000 a new window starts with this hit.
    expect(at(61_000)).toEqual({ allowed: true, remaining: 2 })
    expect(state).toEqual({ startedAt: 61_000, count: 1 })
  })

  it('a refused hit does not add to the count', () => {
    const full = { startedAt: 0, count: 3 }
    expect(takeHit(full, 10, rule)).toEqual({ state: full, result: { allowed: false, retryAfterMs: 59_990 } })
  })

  it('a limit of 1 allows exactly one hit per window', () => {
    const one = { limit: 1, windowMs: 1_000 }
    const first = takeHit(undefined, 0, one)
    expect(first.result).toEqual({ allowed: true, remaining: 0 })
    expect(takeHit(first.state, 999, one).result).toEqual({ allowed: false, retryAfterMs: 1 })
    expect(takeHit(first.state, 1_000, one).result).toEqual({ allowed: true, remaining: 0 })
  })
})

describe('liveWindow', () => {
  it('treats a window that has ended, or one from the future (clock moved back), as gone', () => {
    const state = { startedAt: 5_000, count: 2 }
    expect(liveWindow(state, 5_000, rule)).toBe(state)
    expect(liveWindow(state, 64_999, rule)).toBe(state)
    expect(liveWindow(state, 65_000, rule)).toBeUndefined()
    expect(liveWindow(state, 4_999, rule)).toBeUndefined()
    expect(liveWindow(undefined, 0, rule)).toBeUndefined()
  })
})

describe('returnHit', () => {
  it('takes one hit back from a live window, and forgets the window when none are left', () => {
    expect(returnHit({ startedAt: 0, count: 3 }, 10, rule)).toEqual({ startedAt: 0, count: 2 })
    expect(returnHit({ startedAt: 0, count: 1 }, 10, rule)).toBeUndefined()
    // An ended window has nothing to give back.
    expect(returnHit({ startedAt: 0, count: 3 }, 60_000, rule)).toBeUndefined()
    expect(returnHit(undefined, 0, rule)).toBeUndefined()
  })
})

describe('FixedWindowCounter', () => {
  it('counts each key on its own', () => {
    const counter = new FixedWindowCounter(rule)
    expect(counter.take('a', 0)).toEqual({ allowed: true, remaining: 2 })
    expect(counter.take('a', 1)).toEqual({ allowed: true, remaining: 1 })
    expect(counter.take('a', 2)).toEqual({ allowed: true, remaining: 0 })
    expect(counter.take('a', 3)).toEqual({ allowed: false, retryAfterMs: 59_997 })
    expect(counter.take('b', 4)).toEqual({ allowed: true, remaining: 2 })
    expect(counter.remaining('a', 5)).toBe(0)
    expect(counter.remaining('b', 5)).toBe(2)
    expect(counter.remaining('a', 60_000)).toBe(3)
  })

  it('giveBack makes room again in the same window', () => {
    const counter = new FixedWindowCounter(rule)
    for (let i = 0; i < 3; i++) counter.take('a', i)
    expect(counter.take('a', 10).allowed).toBe(false)
    counter.giveBack('a', 11)
    expect(counter.take('a', 12)).toEqual({ allowed: true, remaining: 0 })
    expect(counter.take('a', 13)).toEqual({ allowed: false, retryAfterMs: 59_987 })
  })

  it('keeps at most maxKeys windows: ended ones go first, then the oldest', () => {
    const counter = new FixedWindowCounter(rule, 3)
    counter.take('old', 0)
    counter.take('a', 50_000)
    counter.take('b', 50_001)
    expect(counter.size).toBe(3)
    // At 70,000 the window of "old" (0..60,000) has ended: it makes room, a and b stay.
    counter.take('c', 70_000)
    expect(counter.size).toBe(3)
    expect(counter.remaining('a', 70_000)).toBe(2)
    expect(counter.remaining('b', 70_000)).toBe(2)
    // All three live: the oldest key (a) is forgotten and may start again.
    counter.take('d', 70_001)
    expect(counter.size).toBe(3)
    expect(counter.remaining('a', 70_001)).toBe(3)
    expect(counter.remaining('b', 70_001)).toBe(2)
    expect(counter.remaining('d', 70_001)).toBe(2)
  })

  it('refuses a rule that could never allow anything', () => {
    expect(() => new FixedWindowCounter({ limit: 0, windowMs: 1_000 })).toThrow()
    expect(() => new FixedWindowCounter({ limit: 1, windowMs: 0 })).toThrow()
  })
})

describe('takeFromAll', () => {
  it('takes from every bucket when all have room, and reports the smallest allowance left', () => {
    const everyone = new FixedWindowCounter({ limit: 5, windowMs: 60_000 })
    const perBrowser = new FixedWindowCounter({ limit: 2, windowMs: 60_000 })
    const buckets = [
      { counter: everyone, key: 'all' },
      { counter: perBrowser, key: 'x' },
    ]
    expect(takeFromAll(buckets, 0)).toEqual({ allowed: true, remaining: 1 })
    expect(everyone.remaining('all', 0)).toBe(4)
    expect(perBrowser.remaining('x', 0)).toBe(1)
  })

  it('when one bucket is full, takes nothing from the others', () => {
    const everyone = new FixedWindowCounter({ limit: 5, windowMs: 60_000 })
    const perBrowser = new FixedWindowCounter({ limit: 2, windowMs: 60_000 })
    const browser = (key: string) => [
      { counter: everyone, key: 'all' },
      { counter: perBrowser, key },
    ]
    expect(takeFromAll(browser('x'), 0).allowed).toBe(true)
    expect(takeFromAll(browser('x'), 1_000).allowed).toBe(true)
    // x has used its 2; the shared bucket has 3 left and must still have 3 after the refusal.
    expect(takeFromAll(browser('x'), 2_000)).toEqual({ allowed: false, retryAfterMs: 58_000 })
    expect(everyone.remaining('all', 2_000)).toBe(3)
    // Three other browsers use up the shared bucket; then a fresh browser is refused by it.
    for (const key of ['y', 'z', 'w']) expect(takeFromAll(browser(key), 3_000).allowed).toBe(true)
    expect(takeFromAll(browser('v'), 4_000)).toEqual({ allowed: false, retryAfterMs: 56_000 })
    expect(perBrowser.remaining('v', 4_000)).toBe(2)
  })

  it('waits for the longest of several full buckets', () => {
    const a = new FixedWindowCounter({ limit: 1, windowMs: 10_000 })
    const b = new FixedWindowCounter({ limit: 1, windowMs: 30_000 })
    takeFromAll([{ counter: a, key: 'k' }], 0)
    takeFromAll([{ counter: b, key: 'k' }], 0)
    expect(takeFromAll([{ counter: a, key: 'k' }, { counter: b, key: 'k' }], 5_000)).toEqual({ allowed: false, retryAfterMs: 25_000 })
  })

  it('giveBackToAll returns a hit to every bucket', () => {
    const a = new FixedWindowCounter({ limit: 2, windowMs: 10_000 })
    const b = new FixedWindowCounter({ limit: 3, windowMs: 10_000 })
    const buckets = [
      { counter: a, key: 'k' },
      { counter: b, key: 'k' },
    ]
    takeFromAll(buckets, 0)
    takeFromAll(buckets, 1)
    expect(a.remaining('k', 2)).toBe(0)
    giveBackToAll(buckets, 2)
    expect(a.remaining('k', 2)).toBe(1)
    expect(b.remaining('k', 2)).toBe(2)
  })
})

describe('shareOfLimit', () => {
  it('gives each server process an equal share of a whole-server limit, rounded up', () => {
    expect(shareOfLimit({ limit: 30, windowMs: 60_000 }, 1)).toEqual({ limit: 30, windowMs: 60_000 })
    expect(shareOfLimit({ limit: 30, windowMs: 60_000 }, 2)).toEqual({ limit: 15, windowMs: 60_000 })
    // 3 processes × 11 = 33: at most limit + processes − 1 together, and never 0 each.
    expect(shareOfLimit({ limit: 31, windowMs: 60_000 }, 3).limit).toBe(11)
    expect(shareOfLimit({ limit: 1, windowMs: 1000 }, 4).limit).toBe(1)
  })
  it('refuses a process count that is not a whole number of at least one', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => shareOfLimit({ limit: 30, windowMs: 60_000 }, bad)).toThrowError(/processes/)
  })
})
