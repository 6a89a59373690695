import { describe, expect, it } from 'vitest'
import { idlePhase, KIOSK_IDLE_GRACE_MS, KIOSK_IDLE_WARNING_MS, KIOSK_STALE_MS, kioskResumeAllowed, NO_JS_RESET_SECONDS, parseGroupDevice } from './kiosk'

describe('kiosk idle timer', () => {
  it('warns after two minutes and resets thirty seconds later', () => {
    expect(idlePhase(0)).toBe('active')
    expect(idlePhase(KIOSK_IDLE_WARNING_MS - 1)).toBe('active')
    expect(idlePhase(KIOSK_IDLE_WARNING_MS)).toBe('warning')
    expect(idlePhase(KIOSK_IDLE_WARNING_MS + KIOSK_IDLE_GRACE_MS - 1)).toBe('warning')
    expect(idlePhase(KIOSK_IDLE_WARNING_MS + KIOSK_IDLE_GRACE_MS)).toBe('reset')
    expect(idlePhase(Number.NaN)).toBe('active')
  })

  it('lets the server refuse a stale resume only after both timers would have fired', () => {
    expect(KIOSK_STALE_MS).toBeGreaterThan(NO_JS_RESET_SECONDS * 1000)
    expect(KIOSK_STALE_MS).toBeGreaterThan(KIOSK_IDLE_WARNING_MS + KIOSK_IDLE_GRACE_MS)
  })
})

describe('carrying on on a kiosk', () => {
  const now = 1_800_000_000_000
  it('is allowed while the device is in use', () => {
    expect(kioskResumeAllowed(now - 60_000, now)).toBe(true)
    expect(kioskResumeAllowed(now, now)).toBe(true)
  })
  it('is refused when the device was left, or nothing says when it was last used', () => {
    expect(kioskResumeAllowed(now - KIOSK_STALE_MS, now)).toBe(false)
    expect(kioskResumeAllowed(undefined, now)).toBe(false)
    expect(kioskResumeAllowed(now + 60 * 60_000, now)).toBe(false)
  })
})

describe('the group cookie', () => {
  it('reads a device in a session', () => {
    expect(parseGroupDevice({ sessionId: 'abcdefgh1234', kiosk: true, seenAt: 5 })).toEqual({ sessionId: 'abcdefgh1234', kiosk: true, seenAt: 5 })
    expect(parseGroupDevice({ sessionId: 'abcdefgh1234', kiosk: false })).toEqual({ sessionId: 'abcdefgh1234', kiosk: false })
  })
  it('ignores anything else', () => {
    for (const bad of [null, 'x', { sessionId: 'short', kiosk: true }, { sessionId: 'abcdefgh1234', kiosk: 'yes' }, { sessionId: 'abcdefgh1234', kiosk: true, seenAt: 'now' }, { sessionId: '../../etc/passwd', kiosk: true }]) {
      expect(parseGroupDevice(bad)).toBeNull()
    }
  })
})
