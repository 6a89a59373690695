// Fixed-window counting for rate limits: at most `limit` hits per key in a window of `windowMs`
// that starts with the key's first hit. Pure: the clock is passed in, nothing is stored outside the
// counter object, so the rules can be tested without waiting. app/utils/rate-limit.server.ts decides
// which keys and limits the app uses.

export interface WindowRule {
  /** Hits allowed in one window. */
  limit: number
  windowMs: number
}

export interface WindowState {
  /** When the window's first hit happened (ms since the epoch). */
  startedAt: number
  count: number
}

export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number }

/** The window as it stands at `now`: a window that has run out counts as no window at all. */
export function liveWindow(state: WindowState | undefined, now: number, rule: WindowRule): WindowState | undefined {
  if (!state || now >= state.startedAt + rule.windowMs || now < state.startedAt) return undefined
  return state
}

/** One more hit, if the window has room; a refused hit changes nothing. */
export function takeHit(state: WindowState | undefined, now: number, rule: WindowRule): { state: WindowState | undefined; result: TakeResult } {
  const live = liveWindow(state, now, rule)
  if (live && live.count >= rule.limit) return { state: live, result: { allowed: false, retryAfterMs: live.startedAt + rule.windowMs - now } }
  const next = live ? { startedAt: live.startedAt, count: live.count + 1 } : { startedAt: now, count: 1 }
  return { state: next, result: { allowed: true, remaining: rule.limit - next.count } }
}

/** Undoes one hit of the current window (a hit taken before an attempt that turned out to be fine). */
export function returnHit(state: WindowState | undefined, now: number, rule: WindowRule): WindowState | undefined {
  const live = liveWindow(state, now, rule)
  if (!live || live.count <= 1) return undefined
  return { startedAt: live.startedAt, count: live.count - 1 }
}

/**
 * Windows for many keys. Windows that have run out are dropped as new keys arrive, and at most
 * `maxKeys` are kept (the oldest are forgotten first), so a flood of new keys cannot use up memory.
 * Forgetting a key only ever lets that key start again, so every limit built on this must also have
 * a bucket that a caller cannot multiply (see rate-limit.server.ts).
 */
export class FixedWindowCounter {
  private readonly windows = new Map<string, WindowState>()

  constructor(
    readonly rule: WindowRule,
    private readonly maxKeys = 10_000,
  ) {
    if (!(rule.limit >= 1) || !(rule.windowMs > 0)) throw new Error('A rate limit needs limit ≥ 1 and windowMs > 0')
  }

  take(key: string, now: number): TakeResult {
    const existing = this.windows.get(key)
    const { state, result } = takeHit(existing, now, this.rule)
    if (!existing) this.makeRoom(now)
    this.store(key, state)
    return result
  }

  giveBack(key: string, now: number): void {
    this.store(key, returnHit(this.windows.get(key), now, this.rule))
  }

  /** Hits left for a key now (for tests and diagnostics). */
  remaining(key: string, now: number): number {
    return this.rule.limit - (liveWindow(this.windows.get(key), now, this.rule)?.count ?? 0)
  }

  get size(): number {
    return this.windows.size
  }

  private store(key: string, state: WindowState | undefined) {
    if (state) this.windows.set(key, state)
    else this.windows.delete(key)
  }

  private makeRoom(now: number) {
    if (this.windows.size < this.maxKeys) return
    for (const [key, state] of this.windows) if (!liveWindow(state, now, this.rule)) this.windows.delete(key)
    // Still full of live windows: forget the oldest keys (a Map keeps insertion order).
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break
      this.windows.delete(key)
    }
  }
}

export interface Bucket {
  counter: FixedWindowCounter
  key: string
}

/**
 * Takes one hit from every bucket, or from none: if any bucket is full, the hits already taken
 * from the others are given back, so a refused attempt uses up nobody's allowance.
 * retryAfterMs is the longest wait among the full buckets.
 */
export function takeFromAll(buckets: Bucket[], now: number): TakeResult {
  const taken: Bucket[] = []
  let refused = false
  let retryAfterMs = 0
  for (const bucket of buckets) {
    const result = bucket.counter.take(bucket.key, now)
    if (result.allowed) {
      taken.push(bucket)
    } else {
      refused = true
      retryAfterMs = Math.max(retryAfterMs, result.retryAfterMs)
    }
  }
  if (refused) {
    for (const bucket of taken) bucket.counter.giveBack(bucket.key, now)
    return { allowed: false, retryAfterMs }
  }
  return { allowed: true, remaining: Math.min(...buckets.map((b) => b.counter.remaining(b.key, now))) }
}

export function giveBackToAll(buckets: Bucket[], now: number): void {
  for (const bucket of buckets) bucket.counter.giveBack(bucket.key, now)
}

/**
 * A limit meant for the whole server ("everyone": at most 30 failed receipt look-ups a minute), when
 * the server runs as several processes that each count on their own (WEB_CONCURRENCY): each gets an
 * equal share, rounded up, so together they allow at most `limit + processes - 1`. Limits per browser,
 * per email or per response stay whole: one browser's keep-alive connection stays with one process.
 */
export function shareOfLimit(rule: WindowRule, processes: number): WindowRule {
  if (!Number.isInteger(processes) || processes < 1) throw new Error('processes must be a whole number ≥ 1')
  return { ...rule, limit: Math.ceil(rule.limit / processes) }
}
