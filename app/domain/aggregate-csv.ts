// Aggregate counts in a CSV: one line per group, question and option (and position, for rankings),
// with the total written on the group's sheet. For paper ballots counted by a school, or a show of
// hands at a youth forum. Described in docs/tidy-csv-format.md. Pure.
import { z } from 'zod'
import { restoreCell, type LineError } from './csv-format'
import { rankingPositions, type SurveyQuestion } from './survey'

export const aggregateColumns = ['group', 'question', 'option', 'position', 'count', 'stated_total'] as const
const requiredAggregateColumns = ['group', 'question', 'option', 'count', 'stated_total'] as const

export interface AggregateLine {
  group: string
  questionId: string
  optionId: string
  position: number | null
  count: number
  statedTotal: number
}

export type AggregateImportResult = { ok: true; counts: AggregateLine[] } | { ok: false; errors: LineError[] }

export function checkAggregateHeader(header: string[]): LineError[] {
  const errors: LineError[] = []
  const known = new Set<string>(aggregateColumns)
  const seen = new Set<string>()
  for (const raw of header) {
    const column = raw.trim()
    if (!known.has(column)) errors.push({ line: 1, code: 'unknownColumn', values: { column } })
    else if (seen.has(column)) errors.push({ line: 1, code: 'duplicateColumn', values: { column } })
    seen.add(column)
  }
  for (const column of requiredAggregateColumns) if (!seen.has(column)) errors.push({ line: 1, code: 'missingColumn', values: { column } })
  return errors
}

const count = (code: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,9}$/, code)
    .transform(Number)

const aggregateLineSchema = z.object({
  group: z
    .string()
    .transform((s) => restoreCell(s.trim()))
    .pipe(z.string().min(1, 'groupMissing').max(100, 'groupTooLong')),
  question: z.string().transform((s) => restoreCell(s.trim())),
  option: z.string().transform((s) => restoreCell(s.trim())),
  position: z
    .string()
    .trim()
    .optional()
    .transform((s) => s ?? '')
    .refine((s) => s === '' || /^\d{1,9}$/.test(s), 'positionNotNumber')
    .transform((s) => (s === '' ? null : Number(s))),
  count: count('badCount'),
  stated_total: count('badTotal'),
})

/** Checks every line; returns the counts to save only when the whole file is right. */
export function readAggregateRecords(records: Array<{ line: number; cells: Record<string, string> }>, questions: SurveyQuestion[]): AggregateImportResult {
  const errors: LineError[] = []
  const byKey = new Map(questions.map((q) => [q.key, q]))
  const totals = new Map<string, { total: number; line: number }>()
  const seen = new Map<string, number>()
  const counts: AggregateLine[] = []

  for (const { line, cells } of records) {
    const fail = (code: string, values?: LineError['values']) => errors.push({ line, code, values })
    const parsed = aggregateLineSchema.safeParse(cells)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fail(/^[a-z][A-Za-z]+$/.test(issue.message) ? issue.message : 'badCell', { column: String(issue.path[0] ?? '') })
      continue
    }
    const row = parsed.data
    const question = byKey.get(row.question)
    if (!question) {
      fail(row.question ? 'unknownQuestion' : 'questionMissing', { question: row.question })
      continue
    }
    if (question.type === 'text') {
      fail('textQuestion', { question: question.key })
      continue
    }
    const option = question.options.find((o) => o.key === row.option)
    if (!option) {
      fail(row.option ? 'unknownOption' : 'optionMissing', { question: question.key, option: row.option })
      continue
    }
    if (question.type === 'ranking') {
      const positions = rankingPositions(question)
      if (row.position === null) {
        fail('positionMissing', { question: question.key, max: positions })
        continue
      }
      if (row.position < 1 || row.position > positions) {
        fail('positionOutOfRange', { question: question.key, max: positions })
        continue
      }
    } else if (row.position !== null) {
      fail('positionNotRanking', { question: question.key })
      continue
    }
    const groupQuestion = `${row.group}\u0000${question.id}`
    const stated = totals.get(groupQuestion)
    if (stated && stated.total !== row.stated_total) {
      fail('totalDiffers', { group: row.group, question: question.key, firstLine: stated.line, total: stated.total })
      continue
    }
    if (!stated) totals.set(groupQuestion, { total: row.stated_total, line })
    const cellKey = `${groupQuestion}\u0000${option.id}\u0000${row.position ?? ''}`
    const earlier = seen.get(cellKey)
    if (earlier) {
      fail('countTwice', { group: row.group, question: question.key, option: option.key, firstLine: earlier })
      continue
    }
    seen.set(cellKey, line)
    counts.push({ group: row.group, questionId: question.id, optionId: option.id, position: row.position, count: row.count, statedTotal: row.stated_total })
  }
  return errors.length ? { ok: false, errors } : { ok: true, counts }
}
