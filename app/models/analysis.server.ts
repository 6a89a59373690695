// Aggregates for cross-tabs: answers counted per group of respondents, where the group is what
// the respondent said about themselves at the time (response.demographics, a JSON snapshot).
// From the tally cells and a GROUP BY over answers in progress; no response is loaded into memory.
import { type BreakdownField, isBreakdownField, parseDemographics } from '~/domain/demographics'
import { listInProgressCells, listTallyCells } from '~/models/tally-cell.server'
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
 * Counts per question, option, position and group, and each group's base.
 *
 * The cells (app/models/tally-cell.server.ts) are kept per stored demographics snapshot (written in a
 * fixed field order, so equal snapshots are equal text; a consultation has few distinct ones); here
 * they are folded into the chosen fields. Rankings are broken down by number 1 choices only.
 */
export async function countAnswersByGroup(db: DB, consultationId: string, fields: BreakdownField[]): Promise<{ counts: GroupedOptionCount[]; bases: GroupedBase[] }> {
  fields.forEach((field) => {
    if (!isBreakdownField(field)) throw new RangeError(`not a field answers can be broken down by: ${String(field)}`)
  })
  const questionIds = (await db.selectFrom('question').select('id').where('consultation_id', '=', consultationId).execute()).map((q) => q.id)
  if (questionIds.length === 0) return { counts: [], bases: [] }
  const [kept, live] = await Promise.all([listTallyCells(db, questionIds, { firstPositionsOnly: true }), listInProgressCells(db, consultationId, { firstPositionsOnly: true })])

  const groupCache = new Map<string, Array<string | null>>()
  const groupOf = (snapshot: string) => {
    let group = groupCache.get(snapshot)
    if (!group) {
      const demographics = parseDemographics(snapshot === '' ? null : snapshot)
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
  for (const cell of [...kept, ...live]) {
    const group = groupOf(cell.profile)
    if (cell.kind === 'a') baseFor(cell.questionId, group).answered += cell.n
    else if (cell.kind === 's') baseFor(cell.questionId, group).skipped += cell.n
    else {
      const rank = cell.rank === 0 ? null : cell.rank
      const key = JSON.stringify([cell.questionId, group, cell.optionId, rank])
      const existing = counts.get(key)
      if (existing) existing.count += cell.n
      else counts.set(key, { questionId: cell.questionId, group, optionId: cell.optionId, rank, count: cell.n })
    }
  }
  return { counts: [...counts.values()], bases: [...bases.values()] }
}
