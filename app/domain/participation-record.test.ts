import { describe, expect, it } from 'vitest'
import { buildParticipationRecord, countGroups } from './participation-record'

describe('countGroups', () => {
  it('adds snapshot counts per field and group, ignoring unreadable snapshots', () => {
    expect(countGroups([
      { demographics: '{"ageBand":"age-8-10","inCare":"yes"}', count: 12 },
      { demographics: '{"ageBand":"age-8-10"}', count: 3 },
      { demographics: 'not json', count: 4 },
      { demographics: null, count: 9 },
    ])).toEqual({ ageBand: { 'age-8-10': 15 }, inCare: { yes: 12 } })
  })
})

describe('buildParticipationRecord', () => {
  const record = buildParticipationRecord({
    submitted: 120,
    started: 150,
    snapshots: [
      { demographics: '{"ageBand":"age-8-10"}', count: 70 },
      { demographics: '{"ageBand":"age-11-13"}', count: 44 },
      { demographics: null, count: 6 },
    ],
    supports: [
      { locale: 'en', symbols: true, easyRead: false, onBehalf: false, count: 30 },
      { locale: 'en', symbols: false, easyRead: false, onBehalf: false, count: 70 },
      { locale: 'cy', symbols: false, easyRead: true, onBehalf: true, count: 15 },
      { locale: 'cy', symbols: null, easyRead: null, onBehalf: false, count: 5 },
    ],
    actionStatuses: [{ status: 'done', count: 2 }, { status: 'planned', count: 1 }],
    threshold: 10,
  })

  it('shows the totals, and hides a small group with a second cell so it cannot be worked out', () => {
    expect(record.tookPart).toEqual({ kind: 'value', value: 120 })
    const age = record.groups.find((g) => g.key === 'ageBand')!
    // "not given" is 6 (small); the next smallest (44) is hidden too.
    expect(age.rows.map((r) => [r.value, r.count.kind === 'value' ? r.count.value : 'c'])).toEqual([['age-11-13', 'c'], ['age-8-10', 70], ['not-given', 'c']])
    expect(age.rows[1].percent).toBe(58.3)
  })

  it('breaks down languages, supports and methods, with "not recorded" for older responses', () => {
    const values = (b: typeof record.languages) => b.rows.map((r) => [r.value, r.count.kind === 'value' ? r.count.value : 'c'])
    expect(values(record.languages)).toEqual([['cy', 20], ['en', 100]])
    // "not recorded" is 5 (small), so the smallest other count (30) is hidden with it.
    expect(values(record.symbols)).toEqual([['no', 85], ['not-recorded', 'c'], ['yes', 'c']])
    expect(values(record.methods)).toEqual([['on-behalf', 15], ['online', 105]])
    expect(record.actions).toEqual({ total: 3, byStatus: { done: 2, planned: 1 } })
  })
})
