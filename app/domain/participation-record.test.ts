import { describe, expect, it } from 'vitest'
import { buildParticipationRecord, countGroups, responseMethod } from './participation-record'

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
    // Without route counts every response is counted nowhere yet: the methods show zeros.
    expect(values(record.methods)).toEqual([['online', 0], ['kiosk', 0], ['session-device', 0], ['paper', 0], ['imported', 0]])
    expect(record.actions).toEqual({ total: 3, byStatus: { done: 2, planned: 1 } })
  })
})

describe('responseMethod', () => {
  it('counts paper first, then imports, then the session the response was given in', () => {
    expect(responseMethod({ onBehalf: true, imported: false, kiosk: true, setting: 'school' })).toBe('paper')
    expect(responseMethod({ onBehalf: false, imported: true, kiosk: null, setting: null })).toBe('imported')
    expect(responseMethod({ onBehalf: false, imported: false, kiosk: null, setting: null })).toBe('online')
    expect(responseMethod({ onBehalf: false, imported: false, kiosk: true, setting: 'youth_club' })).toBe('kiosk')
    expect(responseMethod({ onBehalf: false, imported: false, kiosk: false, setting: 'youth_club' })).toBe('session-device')
  })
})

describe('participation by method and setting', () => {
  const values = (b: { rows: Array<{ value: string; count: { kind: string; value?: number } }> }) => b.rows.map((r) => [r.value, r.count.kind === 'value' ? r.count.value : 'c'])
  const record = buildParticipationRecord({
    submitted: 100,
    started: 100,
    snapshots: [],
    supports: [],
    actionStatuses: [],
    routes: [
      { onBehalf: false, imported: false, kiosk: null, setting: null, count: 40 },
      { onBehalf: false, imported: false, kiosk: true, setting: 'school', count: 25 },
      { onBehalf: false, imported: false, kiosk: false, setting: 'youth_club', count: 20 },
      { onBehalf: true, imported: false, kiosk: false, setting: 'youth_club', count: 12 },
      { onBehalf: true, imported: false, kiosk: null, setting: null, count: 3 },
    ],
    groupActivities: [
      { kind: 'diamond9', setting: 'school', groups: 4, people: 24 },
      { kind: 'dots', setting: 'school', groups: 2, people: 14 },
      { kind: 'dots', setting: 'care_council', groups: 1, people: 6 },
      { kind: 'ranking', setting: 'retired-setting', groups: 2, people: 11 },
    ],
    tallies: [
      { importId: 'a', setting: 'community_event', people: 30 },
      { importId: 'a', setting: 'community_event', people: 28 },
      { importId: 'b', setting: null, people: 4 },
    ],
    threshold: 10,
  })

  it('counts responses by method; a small method is hidden with a second so it cannot be worked out from the total', () => {
    // Paper is 15 (12 + 3); nothing is small.
    expect(values(record.methods)).toEqual([['online', 40], ['kiosk', 25], ['session-device', 20], ['paper', 15], ['imported', 0]])
    expect(record.methods.rows[0].percent).toBe(40)
  })

  it('counts responses by setting in the facilitator order, with "not in a session" last, and hides a pair when one is small', () => {
    expect(values(record.settings)).toEqual([['school', 25], ['youth_club', 32], ['no-session', 43]])
    const small = buildParticipationRecord({ submitted: 30, started: 30, snapshots: [], supports: [], actionStatuses: [], threshold: 10, routes: [
      { onBehalf: false, imported: false, kiosk: false, setting: 'special_school', count: 4 },
      { onBehalf: false, imported: false, kiosk: false, setting: 'school', count: 11 },
      { onBehalf: false, imported: false, kiosk: null, setting: null, count: 15 },
    ] })
    expect(values(small.settings)).toEqual([['school', 'c'], ['special_school', 'c'], ['no-session', 15]])
    expect(small.settings.rows[1].percent).toBe('c')
  })

  it('counts group activities by groups and by people (group size), hiding small numbers of people', () => {
    expect(record.groupActivities.groups).toBe(9)
    expect(record.groupActivities.people).toEqual({ kind: 'value', value: 55 })
    expect(values(record.groupActivities.byKind)).toEqual([['diamond9', 24], ['dots', 20], ['ranking', 11]])
    // Care council is 6 people; school (38) is not the smallest shown, "other" (11, an unknown setting) is.
    expect(values(record.groupActivities.bySetting)).toEqual([['school', 38], ['care_council', 'c'], ['other', 'c']])
  })

  it('counts paper tallies by file and by the people they speak for', () => {
    expect(record.paperTallies.imports).toBe(2)
    expect(record.paperTallies.people).toEqual({ kind: 'value', value: 62 })
    expect(values(record.paperTallies.bySetting)).toEqual([['community_event', 'c'], ['no-session', 'c']])
    const none = buildParticipationRecord({ submitted: 0, started: 0, snapshots: [], supports: [], actionStatuses: [], threshold: 10, tallies: [{ importId: 'x', setting: 'school', people: 7 }] })
    expect(none.paperTallies.people).toEqual({ kind: 'suppressed', mark: 'c' })
  })
})
