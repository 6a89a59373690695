// A paper tally for a session: the counts from a show of hands or a paper ballot, one line per
// option (its key, or its label as printed on the sheet) with the count, and a position for a
// ranking question. The lines are turned into the aggregate import's lines (app/domain/aggregate-csv.ts)
// for the session and the chosen question, so they are checked by the same rules and stored as the
// same paper evidence. Pure.
import type { LineError } from './csv-format'
import { readAggregateRecords, type AggregateImportResult } from './aggregate-csv'
import type { SurveyQuestion } from './survey'

export const tallyColumns = ['option', 'count', 'position'] as const
const requiredTallyColumns = ['option', 'count'] as const

export function checkTallyHeader(header: string[]): LineError[] {
  const errors: LineError[] = []
  const known = new Set<string>(tallyColumns)
  const seen = new Set<string>()
  for (const raw of header) {
    const column = raw.trim().toLowerCase()
    if (!known.has(column)) errors.push({ line: 1, code: 'unknownColumn', values: { column: raw.trim() } })
    else if (seen.has(column)) errors.push({ line: 1, code: 'duplicateColumn', values: { column } })
    seen.add(column)
  }
  for (const column of requiredTallyColumns) if (!seen.has(column)) errors.push({ line: 1, code: 'missingColumn', values: { column } })
  return errors
}

function normalise(label: string): string {
  return label.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase()
}

/**
 * Checks every line of a tally for one question. An option may be given by its key or by any of its
 * labels (`labels`: option key → the labels it is printed with, e.g. in each language), ignoring case
 * and extra spaces. Returns the aggregate lines to save only when the whole file is right.
 */
export function readTallyRecords(
  records: Array<{ line: number; cells: Record<string, string> }>,
  input: { question: SurveyQuestion; questions: SurveyQuestion[]; group: string; statedTotal: number; labels?: Record<string, string[]> },
): AggregateImportResult {
  const { question, group, statedTotal } = input
  const keys = new Set(question.options.map((o) => o.key))
  const byLabel = new Map<string, string>()
  for (const option of question.options) {
    for (const label of [option.label, ...(input.labels?.[option.key] ?? [])]) {
      const name = normalise(label)
      if (name && !byLabel.has(name)) byLabel.set(name, option.key)
    }
  }
  const lowerCells = (cells: Record<string, string>) => Object.fromEntries(Object.entries(cells).map(([column, value]) => [column.trim().toLowerCase(), value]))
  const aggregateRecords = records.map(({ line, cells }) => {
    const row = lowerCells(cells)
    const given = (row.option ?? '').trim()
    const key = keys.has(given) ? given : (byLabel.get(normalise(given)) ?? given)
    return { line, cells: { group, question: question.key, option: key, position: row.position ?? '', count: row.count ?? '', stated_total: String(statedTotal) } }
  })
  return readAggregateRecords(aggregateRecords, input.questions)
}
