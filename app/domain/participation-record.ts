// The participation record for a planner's annual report (Lundy: Space, Voice, Audience, Influence):
// how many children took part, from which groups, by which methods, with what supports, and how
// many actions were fed back. Pure: counts in, suppressed figures out.
import { type Demographics, demographicFields, parseDemographics } from './demographics'
import { type DisclosedCell, discloseCount, percentOfDisclosed, suppressOneWay } from './disclosure'
import { sessionSettings } from './session-settings'

export interface SnapshotCount {
  /** response.demographics as stored (JSON text, fields always in the same order), or null */
  demographics: string | null
  count: number
}

export interface SupportCount {
  locale: string
  symbols: boolean | null
  easyRead: boolean | null
  /** Entered by an adult on the child's behalf (paper, a group session) */
  onBehalf: boolean
  count: number
}

/** Finished responses counted by how and where they were given (a GROUP BY over response ⟕ session). */
export interface ResponseRouteCount {
  /** Typed up from a paper form by an adult (entered_on_behalf = 1) */
  onBehalf: boolean
  /** From a response import (tidy CSV) */
  imported: boolean
  /** The session's kiosk flag; null when not given in a session */
  kiosk: boolean | null
  /** The session's setting; null when not given in a session */
  setting: string | null
  count: number
}

/** Group activity results (diamond 9, dots, group ranking) counted by kind and session setting. */
export interface GroupActivityCount {
  kind: string
  setting: string
  groups: number
  /** People counted by group size */
  people: number
}

/** A paper tally (aggregate import): its largest stated total per group, the people it speaks for. */
export interface TallyGroupCount {
  importId: string
  /** The session's setting when the tally was uploaded for a session; null otherwise */
  setting: string | null
  people: number
}

export interface Breakdown {
  key: string
  rows: Array<{ value: string; count: DisclosedCell; percent: number | 'c' | 'z' | 'k' | null }>
}

export interface ParticipationRecord {
  tookPart: DisclosedCell
  started: DisclosedCell
  groups: Breakdown[]
  methods: Breakdown
  settings: Breakdown
  groupActivities: { groups: number; people: DisclosedCell; byKind: Breakdown; bySetting: Breakdown }
  paperTallies: { imports: number; people: DisclosedCell; bySetting: Breakdown }
  languages: Breakdown
  symbols: Breakdown
  easyRead: Breakdown
  actions: { total: number; byStatus: Record<string, number> }
}

export const NOT_GIVEN = 'not-given'
export const NOT_RECORDED = 'not-recorded'
/** Responses not given in a group session */
export const NO_SESSION = 'no-session'

/** How a finished response was given. Paper first: a form typed up in a session is still paper. */
export const responseMethods = ['online', 'kiosk', 'session-device', 'paper', 'imported'] as const
export type ResponseMethod = (typeof responseMethods)[number]

export function responseMethod(row: Pick<ResponseRouteCount, 'onBehalf' | 'imported' | 'kiosk' | 'setting'>): ResponseMethod {
  if (row.onBehalf) return 'paper'
  if (row.imported) return 'imported'
  if (row.setting === null) return 'online'
  return row.kiosk ? 'kiosk' : 'session-device'
}

/** Settings in the facilitator's order, then "not in a session"; a setting no longer known counts as other. */
const settingOrder = [...sessionSettings, NO_SESSION] as string[]
function settingKey(setting: string | null): string {
  if (setting === null) return NO_SESSION
  return settingOrder.includes(setting) ? setting : 'other'
}

/** Sums counts per key in the given order, leaving out keys with nothing unless asked to keep every key. */
function sumInOrder<T>(rows: T[], keyOf: (row: T) => string, countOf: (row: T) => number, order: readonly string[], keepAll: boolean): Array<[string, number]> {
  const totals = new Map<string, number>()
  for (const row of rows) totals.set(keyOf(row), (totals.get(keyOf(row)) ?? 0) + countOf(row))
  return order.filter((k) => keepAll || (totals.get(k) ?? 0) > 0).map((k) => [k, totals.get(k) ?? 0])
}

/** Counts per demographic field and group, from counts per stored snapshot (a GROUP BY on the text). */
export function countGroups(snapshots: SnapshotCount[]): Record<string, Record<string, number>> {
  const result: Record<string, Record<string, number>> = {}
  for (const { demographics, count } of snapshots) {
    const parsed: Demographics = parseDemographics(demographics)
    for (const field of demographicFields) {
      const value = parsed[field]
      if (!value) continue
      result[field] ??= {}
      result[field][value] = (result[field][value] ?? 0) + count
    }
  }
  return result
}

/**
 * A breakdown that adds up to the total shown above it, so one hidden count would be recoverable:
 * suppressOneWay with additive counts hides a second one.
 */
function additiveBreakdown(key: string, counts: Array<[string, number]>, total: number, threshold: number): Breakdown {
  const cells = suppressOneWay(
    counts.map(([, n]) => n),
    { threshold, additive: true },
  )
  return { key, rows: counts.map(([value], i) => ({ value, count: cells[i], percent: percentOfDisclosed(cells[i], total, threshold) })) }
}

const groupKinds = ['diamond9', 'dots', 'ranking']

export function buildParticipationRecord(input: {
  submitted: number
  started: number
  snapshots: SnapshotCount[]
  supports: SupportCount[]
  actionStatuses: Array<{ status: string; count: number }>
  routes?: ResponseRouteCount[]
  groupActivities?: GroupActivityCount[]
  tallies?: TallyGroupCount[]
  threshold: number
}): ParticipationRecord {
  const { submitted, threshold } = input
  const groups = countGroups(input.snapshots)
  const groupBreakdowns = Object.entries(groups).map(([field, values]) => {
    const given = Object.values(values).reduce((a, b) => a + b, 0)
    return additiveBreakdown(field, [...Object.entries(values).sort(([a], [b]) => a.localeCompare(b)), [NOT_GIVEN, Math.max(0, submitted - given)]], submitted, threshold)
  })
  const sumBy = (pick: (s: SupportCount) => string) => {
    const totals = new Map<string, number>()
    for (const s of input.supports) totals.set(pick(s), (totals.get(pick(s)) ?? 0) + s.count)
    return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b))
  }
  const yesNo = (value: boolean | null) => (value === null ? NOT_RECORDED : value ? 'yes' : 'no')
  const routes = input.routes ?? []
  const activities = input.groupActivities ?? []
  const tallies = input.tallies ?? []
  const activityPeople = activities.reduce((a, g) => a + g.people, 0)
  const tallyPeople = tallies.reduce((a, t) => a + t.people, 0)
  const byStatus: Record<string, number> = {}
  for (const { status, count } of input.actionStatuses) byStatus[status] = count
  return {
    tookPart: discloseCount(submitted, threshold),
    started: discloseCount(input.started, threshold),
    groups: groupBreakdowns,
    methods: additiveBreakdown('method', sumInOrder(routes, responseMethod, (r) => r.count, responseMethods, true), submitted, threshold),
    settings: additiveBreakdown('setting', sumInOrder(routes, (r) => settingKey(r.setting), (r) => r.count, settingOrder, false), submitted, threshold),
    groupActivities: {
      groups: activities.reduce((a, g) => a + g.groups, 0),
      people: discloseCount(activityPeople, threshold),
      byKind: additiveBreakdown('groupKind', sumInOrder(activities, (g) => g.kind, (g) => g.people, groupKinds, false), activityPeople, threshold),
      bySetting: additiveBreakdown('groupSetting', sumInOrder(activities, (g) => settingKey(g.setting), (g) => g.people, settingOrder, false), activityPeople, threshold),
    },
    paperTallies: {
      imports: new Set(tallies.map((t) => t.importId)).size,
      people: discloseCount(tallyPeople, threshold),
      bySetting: additiveBreakdown('tallySetting', sumInOrder(tallies, (t) => settingKey(t.setting), (t) => t.people, settingOrder, false), tallyPeople, threshold),
    },
    languages: additiveBreakdown('language', sumBy((s) => s.locale), submitted, threshold),
    symbols: additiveBreakdown('symbols', sumBy((s) => yesNo(s.symbols)), submitted, threshold),
    easyRead: additiveBreakdown('easyRead', sumBy((s) => yesNo(s.easyRead)), submitted, threshold),
    actions: { total: input.actionStatuses.reduce((a, s) => a + s.count, 0), byStatus },
  }
}
