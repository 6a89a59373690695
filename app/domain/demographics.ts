// What a participant told us about themselves (age band, gender, area, in care…), kept with their
// response exactly as given at that time (response.demographics, JSON), so answers can later be
// compared by group even if the questions are changed. Pure: no database, no framework.
import type { Answer } from './answers'
import type { SurveyQuestion } from './survey'

export const demographicFields = ['ageBand', 'gender', 'area', 'disability', 'inCare', 'youngCarer', 'parentCarer'] as const
export type DemographicField = (typeof demographicFields)[number]

export function isDemographicField(value: unknown): value is DemographicField {
  return typeof value === 'string' && (demographicFields as readonly string[]).includes(value)
}

/**
 * What answers can be broken down by: the demographic fields, and the setting of the group session a
 * response was given in (school, youth club…; issue 7), written into the same snapshot when the
 * response joins a session, so it is kept as it was at the time like the rest.
 */
export const breakdownFields = [...demographicFields, 'setting'] as const
export type BreakdownField = (typeof breakdownFields)[number]

export function isBreakdownField(value: unknown): value is BreakdownField {
  return typeof value === 'string' && (breakdownFields as readonly string[]).includes(value)
}

/** Stored for "Prefer not to say", so a question the participant skipped differs from one never asked. */
export const PREFER_NOT_TO_SAY = 'prefer-not-to-say'

/**
 * The option of a demographic question that comes with a box to describe yourself in your own
 * words (gender: "I describe myself another way"). The words are kept with the answer, not in the
 * snapshot, which holds categories only.
 */
export const SELF_DESCRIBE_OPTION = 'self-describe'
export const SELF_DESCRIBE_MAX_LENGTH = 100

const yesNoNotSure = ['yes', 'no', 'not-sure'] as const

/**
 * Standard option keys per field, so groups mean the same in every consultation (the labels are
 * survey content, translated like any option). Area has none: the planner lists the places.
 */
export const standardDemographicOptions: Record<DemographicField, readonly string[] | null> = {
  ageBand: ['age-under-8', 'age-8-10', 'age-11-13', 'age-14-16', 'age-17-19', 'age-20-25'],
  gender: ['girl', 'boy', 'non-binary', SELF_DESCRIBE_OPTION],
  area: null,
  disability: yesNoNotSure,
  inCare: yesNoNotSure,
  youngCarer: yesNoNotSure,
  parentCarer: yesNoNotSure,
}

/** One field of the snapshot as a participant gave it: an option key, or PREFER_NOT_TO_SAY. */
export type Demographics = Partial<Record<BreakdownField, string>>

export interface DemographicEntry {
  field: DemographicField
  value: string
}

/** What a saved answer to a demographic question puts in the snapshot; null for any other question. */
export function demographicEntry(question: SurveyQuestion, answer: Answer): DemographicEntry | null {
  if (question.type !== 'demographic') return null
  const field = question.config.field
  if (answer.kind === 'skipped') return { field, value: PREFER_NOT_TO_SAY }
  if (answer.kind === 'choice' && answer.optionKeys.length === 1) return { field, value: answer.optionKeys[0] }
  return null
}

/**
 * Reads a stored snapshot. Keeps only known fields with non-empty string values; anything else
 * (unreadable JSON, an array, a field from an older version) is dropped rather than failing a save.
 */
export function parseDemographics(json: string | null | undefined): Demographics {
  if (!json) return {}
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    return {}
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {}
  const result: Demographics = {}
  for (const field of breakdownFields) {
    const given = (value as Record<string, unknown>)[field]
    if (typeof given === 'string' && given !== '') result[field] = given
  }
  return result
}

/** Writes a snapshot with its fields always in the same order, so equal snapshots are equal text. */
export function serialiseDemographics(demographics: Demographics): string | null {
  const ordered: Demographics = {}
  for (const field of breakdownFields) if (demographics[field] !== undefined) ordered[field] = demographics[field]
  return Object.keys(ordered).length ? JSON.stringify(ordered) : null
}

/** The stored snapshot with one field set to what was just answered (a later answer replaces an earlier one). */
export function mergeDemographics(json: string | null | undefined, entry: DemographicEntry): string {
  return serialiseDemographics({ ...parseDemographics(json), [entry.field]: entry.value }) as string
}

/** The stored snapshot with the session's setting added (a response joins one session, once). */
export function withSessionSetting(json: string | null | undefined, setting: string): string {
  return serialiseDemographics({ ...parseDemographics(json), setting }) as string
}
