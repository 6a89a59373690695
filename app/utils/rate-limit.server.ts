// Rate limits for looking up receipt codes on /receipt, so codes cannot be found by guessing.
//
// Why these keys, and no IP address:
// - We never store or log IP addresses (children's data; see README "Data protection"), and in a
//   school or youth club hundreds of children share one address anyway, so an IP bucket would lock
//   out a whole class while letting a guesser with many addresses through.
// - "everyone": ONE bucket per server for all failed look-ups: at most 30 a minute. This is the
//   limit that actually stops guessing, because no caller can make more of it. A code is 8 of 25
//   characters (25^8 ≈ 1.5 × 10^11); with 100,000 finished responses one guess finds a code with
//   odds of 1 in 1.5 million, so a server allows about one lucky guess a month (43,200 guesses a
//   day), and each one needs a new guess. Several app servers each have their own bucket.
//   The cost: someone guessing on purpose also makes real participants wait a minute. We accept that.
// - "perBrowser": a random id in a short-lived httpOnly cookie, at most 5 failed look-ups a minute.
//   It does not stop a determined guesser (who can drop the cookie), but it tells a child who keeps
//   mistyping to slow down before they use up everyone's allowance. The id means nothing after the
//   window and is held only in memory.
// Only FAILED look-ups count: a hit is taken before the look-up and given back when the code was
// right, so even many look-ups at once can never get past the limit.
import { createCookie } from '@remix-run/node'
import { type Bucket, FixedWindowCounter, giveBackToAll, shareOfLimit, takeFromAll, type TakeResult, type WindowRule } from '~/domain/rate-limit'
import { randomToken } from './crypto.server'
import { getEnv } from './env.server'

/** A limit for the whole server, shared out between its processes (WEB_CONCURRENCY; see shareOfLimit). */
export function wholeServer(rule: WindowRule): WindowRule {
  return shareOfLimit(rule, getEnv().WEB_CONCURRENCY)
}

export const RECEIPT_LOOKUP_LIMITS = {
  everyone: { limit: 30, windowMs: 60_000 },
  perBrowser: { limit: 5, windowMs: 60_000 },
} satisfies Record<string, WindowRule>

/** One attempt to look up a code: take a hit before, give it back if the code was found. */
export interface LookupAttempt {
  begin(): TakeResult
  succeeded(): void
}

export interface ReceiptLookupLimiter {
  attempt(browserId: string, now?: () => number): LookupAttempt
}

export function createReceiptLookupLimiter(limits: { everyone: WindowRule; perBrowser: WindowRule } = RECEIPT_LOOKUP_LIMITS): ReceiptLookupLimiter {
  const everyone = new FixedWindowCounter(wholeServer(limits.everyone), 1)
  const perBrowser = new FixedWindowCounter(limits.perBrowser, 10_000)
  return {
    attempt(browserId, now = Date.now) {
      const buckets: Bucket[] = [
        { counter: everyone, key: 'receipt' },
        { counter: perBrowser, key: browserId },
      ]
      let taken = false
      return {
        begin() {
          const result = takeFromAll(buckets, now())
          taken = result.allowed
          return result
        },
        succeeded() {
          if (taken) giveBackToAll(buckets, now())
          taken = false
        },
      }
    },
  }
}

declare global {
  // One limiter per server process (kept across module reloads in development).
  var __receiptLookupLimiter: ReceiptLookupLimiter | undefined
}

export function receiptLookupLimiter(): ReceiptLookupLimiter {
  globalThis.__receiptLookupLimiter ??= createReceiptLookupLimiter()
  return globalThis.__receiptLookupLimiter
}

let browserCookieInstance: ReturnType<typeof createCookie> | undefined
function browserCookie() {
  const env = getEnv()
  browserCookieInstance ??= createCookie('__tries', { httpOnly: true, sameSite: 'lax', secure: env.COOKIE_SECURE, path: '/', secrets: [env.SESSION_SECRET], maxAge: 15 * 60 })
  return browserCookieInstance
}

/** This browser's rate-limit id (a random one, set by `setCookie`, when it has none yet). */
export async function rateLimitBrowserId(request: Request): Promise<{ id: string; setCookie: string | null }> {
  const existing: unknown = await browserCookie().parse(request.headers.get('Cookie'))
  if (typeof existing === 'string' && /^[\w-]{16,64}$/.test(existing)) return { id: existing, setCookie: null }
  const id = randomToken(16)
  return { id, setCookie: await browserCookie().serialize(id) }
}

/** Seconds for a Retry-After header (at least 1). */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000))
}

// Participant pages (H10). Both limits are held only in memory and use no IP address.
// - "savesPerResponse": saved question pages per response (the participant's cookie points at one
//   response): 60 a minute. A child reads, thinks and answers; even tapping "Skip" as fast as they can
//   they do not save a page a second for a whole minute. A script replaying one cookie is slowed down.
// - "startsPerServer": new responses started on this server: 1,200 a minute (20 a second), enough for
//   a whole school assembly pressing Start at once, while a flood of new responses cannot grow
//   without bound. Continuing an unfinished response does not count (it starts nothing).
export const PARTICIPANT_LIMITS = {
  savesPerResponse: { limit: 60, windowMs: 60_000 },
  startsPerServer: { limit: 1_200, windowMs: 60_000 },
} satisfies Record<string, WindowRule>

export interface ParticipantLimiter {
  save(responseId: number | string, now?: number): TakeResult
  start(now?: number): TakeResult
}

export function createParticipantLimiter(limits: { savesPerResponse: WindowRule; startsPerServer: WindowRule } = PARTICIPANT_LIMITS): ParticipantLimiter {
  const saves = new FixedWindowCounter(limits.savesPerResponse, 50_000)
  const starts = new FixedWindowCounter(wholeServer(limits.startsPerServer), 1)
  return {
    save: (responseId, now = Date.now()) => saves.take(String(responseId), now),
    start: (now = Date.now()) => starts.take('start', now),
  }
}

declare global {
  var __participantLimiter: ParticipantLimiter | undefined
}

export function participantLimiter(): ParticipantLimiter {
  globalThis.__participantLimiter ??= createParticipantLimiter()
  return globalThis.__participantLimiter
}
