// Aggregates for cross-tabs: answers counted per group of respondents, where the group is what
// the respondent said about themselves at the time (response.demographics, a JSON snapshot).
// Everything is a GROUP BY in the database; no response is loaded into memory.
import { type DemographicField, isDemographicField, parseDemographics } from '~/domain/demographics'
import type { DB } from '~/utils/db.server'

export interface GroupedOptionCount {
  questionId: string
  /** One value per breakdown field; null when the snapshot has none. */
  group: Array<string | null>
  optionId: string
  rank: number | null
  count: number
}

export interface GroupedBase {
  questionId: string
  group: Array<string | null>
  answered: number
  skipped: number
}

/**
 * Counts per question, option, position and group, and each group's base, in one pass.
 *
 * The database groups by the stored snapshot text itself (written in a fixed field order, so equal
 * snapshots are equal text; a consultation has few distinct ones), and the few grouped rows are
 * then folded into the chosen fields here. That keeps JSON parsing off every answer row and the SQL
 * the same on SQLite and PostgreSQL. Only rows with no rank or rank 1 are read: rankings are broken
 * down by number 1 choices, and every other answer is one such row per respondent, which also
 * gives each group's base without counting distinct respondents (multi-select excepted, below).
 */
export async function countAnswersByGroup(db: DB, consultationId: string, fields: DemographicField[]): Promise<{ counts: GroupedOptionCount[]; bases: GroupedBase[] }> {
  fields.forEach((field) => {
    if (!isDemographicField(field)) throw new RangeError(`not a demographic field: ${String(field)}`)
  })
  const questions = await db.selectFrom('question').select(['id', 'type']).where('consultation_id', '=', consultationId).execute()
  if (questions.length === 0) return { counts: [], bases: [] }
  const multi = new Set(questions.filter((q) => q.type === 'multi').map((q) => q.id))
  const rows = await db
    .selectFrom('answer as a')
    .innerJoin('response as r', 'r.id', 'a.response_id')
    .select(['a.question_id', 'a.skipped', 'a.option_id', 'a.rank', 'r.demographics', (eb) => eb.fn.countAll<number>().as('count')])
    .where('a.question_id', 'in', questions.map((q) => q.id))
    .where((eb) => eb.or([eb('a.rank', 'is', null), eb('a.rank', '=', 1)]))
    .groupBy(['a.question_id', 'a.skipped', 'r.demographics', 'a.option_id', 'a.rank'])
    .execute()

  const groupCache = new Map<string | null, Array<string | null>>()
  const groupOf = (snapshot: string | null) => {
    let group = groupCache.get(snapshot)
    if (!group) {
      const demographics = parseDemographics(snapshot)
      group = fields.map((field) => demographics[field] ?? null)
      groupCache.set(snapshot, group)
    }
    return group
  }
  const counts = new Map<string, GroupedOptionCount>()
  const bases = new Map<string, GroupedBase>()
  const baseFor = (questionId: string, group: Array<string | null>) => {
    const key = JSON.stringify([questionId, group])
    let base = bases.get(key)
    if (!base) bases.set(key, (base = { questionId, group, answered: 0, skipped: 0 }))
    return base
  }
  for (const row of rows) {
    const group = groupOf(row.demographics)
    const count = Number(row.count)
    if (Number(row.skipped) === 1) {
      baseFor(row.question_id, group).skipped += count
      continue
    }
    if (!multi.has(row.question_id)) baseFor(row.question_id, group).answered += count
    if (row.option_id === null) continue
    const key = JSON.stringify([row.question_id, group, row.option_id, row.rank])
    const existing = counts.get(key)
    if (existing) existing.count += count
    else counts.set(key, { questionId: row.question_id, group, optionId: row.option_id, rank: row.rank, count })
  }
  // Multi-select: distinct respondents per group, along answer_question_skipped_rank.
  for (const questionId of multi) {
    const multiRows = await db
      .selectFrom((eb) =>
        eb.selectFrom('answer').select('answer.response_id').distinct().where('answer.question_id', '=', questionId).where('answer.skipped', '=', 0).where('answer.rank', 'is', null).as('x'),
      )
      .innerJoin('response as r', 'r.id', 'x.response_id')
      .select(['r.demographics', (eb) => eb.fn.countAll<number>().as('respondents')])
      .groupBy('r.demographics')
      .execute()
    for (const row of multiRows) baseFor(questionId, groupOf(row.demographics)).answered += Number(row.respondents)
  }
  return { counts: [...counts.values()], bases: [...bases.values()] }
}
