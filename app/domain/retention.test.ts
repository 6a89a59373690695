import { describe, expect, it } from 'vitest'
import { isPastRetention, retentionCutoff } from './retention'

describe('retention', () => {
  const now = new Date('2026-11-30T12:00:00.000Z')

  it('counts whole days back from now', () => {
    expect(retentionCutoff(now, 1)).toBe('2026-11-29T12:00:00.000Z')
    expect(retentionCutoff(now, 730)).toBe('2024-11-30T12:00:00.000Z')
    // Ten years hold two leap days (2020, 2024), so 3650 days fall two days short of ten calendar years.
    expect(retentionCutoff(now, 3650)).toBe('2016-12-02T12:00:00.000Z')
  })

  it('keeps a response started exactly at the cutoff, deletes one a millisecond older', () => {
    expect(isPastRetention('2026-11-29T12:00:00.000Z', now, 1)).toBe(false)
    expect(isPastRetention('2026-11-29T11:59:59.999Z', now, 1)).toBe(true)
    expect(isPastRetention('2026-11-30T11:00:00.000Z', now, 1)).toBe(false)
  })

  it('refuses a retention that is not a whole number of days, at least 1', () => {
    for (const days of [0, -1, 1.5, Number.NaN]) expect(() => retentionCutoff(now, days)).toThrow(RangeError)
  })
})
