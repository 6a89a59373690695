// Shared-device (kiosk) rules for group sessions (issue #6): one tablet, one child after another.
// Pure: times are passed in. The routes and services apply them (app/services/sessions.server.ts).
//
// - With JavaScript, a question page warns after KIOSK_IDLE_WARNING_MS without a tap or a key, and goes
//   back to the session's start KIOSK_IDLE_GRACE_MS later unless someone says they are still there.
// - Without JavaScript, a question page sends the device back to the start after NO_JS_RESET_SECONDS
//   (<meta http-equiv="refresh">): there is no way to see that a child is still typing, so it is longer.
// - The server refuses to carry on an answer on a kiosk device when its last page was served more than
//   KIOSK_STALE_MS ago: a device left alone (or a Back button pressed later) starts afresh. It is longer
//   than both timers above, so a child still answering is never turned away by it.

export const KIOSK_IDLE_WARNING_MS = 2 * 60_000
export const KIOSK_IDLE_GRACE_MS = 30_000
export const NO_JS_RESET_SECONDS = 5 * 60
export const KIOSK_STALE_MS = 20 * 60_000
/** The thank-you page on a kiosk goes back to the start by itself after this long. */
export const KIOSK_THANKS_SECONDS = 60

export type IdlePhase = 'active' | 'warning' | 'reset'

/** Where a kiosk page is after `idleMs` without anyone touching it. */
export function idlePhase(idleMs: number, warningMs = KIOSK_IDLE_WARNING_MS, graceMs = KIOSK_IDLE_GRACE_MS): IdlePhase {
  if (!(idleMs >= 0)) return 'active'
  if (idleMs >= warningMs + graceMs) return 'reset'
  if (idleMs >= warningMs) return 'warning'
  return 'active'
}

/** Whether an unfinished response on a kiosk device may be carried on: only while someone is using it. */
export function kioskResumeAllowed(lastSeenAt: number | undefined, now: number, staleMs = KIOSK_STALE_MS): boolean {
  if (lastSeenAt === undefined || !Number.isFinite(lastSeenAt)) return false
  // A time in the future is a clock or cookie that cannot be trusted: refuse.
  return lastSeenAt <= now + 5_000 && now - lastSeenAt < staleMs
}

/** What a device in a group session keeps in its (signed, httpOnly) group cookie: nothing about the child. */
export interface GroupDevice {
  sessionId: string
  kiosk: boolean
  /** Kiosk only: when this device last served a question page to the current child (ms since the epoch) */
  seenAt?: number
}

/** The group cookie's value, or null for anything that is not one. */
export function parseGroupDevice(value: unknown): GroupDevice | null {
  if (!value || typeof value !== 'object') return null
  const { sessionId, kiosk, seenAt } = value as Record<string, unknown>
  if (typeof sessionId !== 'string' || !/^[\w-]{8,64}$/.test(sessionId) || typeof kiosk !== 'boolean') return null
  if (seenAt !== undefined && (typeof seenAt !== 'number' || !Number.isFinite(seenAt))) return null
  return seenAt === undefined ? { sessionId, kiosk } : { sessionId, kiosk, seenAt }
}
