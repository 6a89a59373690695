// The tidy CSV format: one row per answer. Exports write it and imports read it back, so the two
// can never drift apart. Described for people in docs/tidy-csv-format.md. Pure: no database, no
// framework; zod is fine here because only the server imports this module.
import { z } from 'zod'
import { type DemographicField, demographicFields, PREFER_NOT_TO_SAY, SELF_DESCRIBE_OPTION } from './demographics'
import { isSkippable, rankingPositions, type SurveyQuestion } from './survey'

/** Demographic snapshot fields as CSV column names. */
export const demographicColumns: Record<DemographicField, string> = {
  ageBand: 'age_band',
  gender: 'gender',
  area: 'area',
  disability: 'disability',
  inCare: 'in_care',
  youngCarer: 'young_carer',
  parentCarer: 'parent_carer',
}

export const tidyAnswerColumns = ['respondent', 'status', 'question', 'type', 'option', 'position', 'value', 'skipped', 'text'] as const
export const tidyColumns = [...tidyAnswerColumns, ...demographicFields.map((f) => demographicColumns[f])] as const

export type ResponseStatus = 'submitted' | 'in_progress'

// ---------------------------------------------------------------------------------------------
// Formula injection: a spreadsheet treats a cell that starts with = + - @ (or a tab or carriage
// return before one) as a formula. An apostrophe in front makes it plain text in Excel, LibreOffice
// and Google Sheets. Imports take the apostrophe off again, so a round trip keeps the words.

const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

export function restoreCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value
}

// ---------------------------------------------------------------------------------------------
// CSV lines (RFC 4180): a field is quoted only when it holds a comma, a quote or a line break, and
// quotes inside are doubled. The same output as csv-stringify with its defaults (a test checks),
// written out here because exports call it for every row and it is four times faster.

const NEEDS_QUOTES = /[",\r\n]/
const QUOTE = /"/g

export function csvLine(cells: ReadonlyArray<string | number>): string {
  let line = ''
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]
    if (i > 0) line += ','
    if (typeof cell === 'number') line += String(cell)
    else if (NEEDS_QUOTES.test(cell)) line += `"${cell.replace(QUOTE, '""')}"`
    else line += cell
  }
  return `${line}\n`
}

// ---------------------------------------------------------------------------------------------
// Export side

/** What the export needs to know about a question: its key, type and options in order. */
export interface FormatQuestion {
  id: string
  key: string
  type: SurveyQuestion['type']
  /** Positions of a ranking question; 0 for other types. */
  positions: number
  options: Array<{ id: string; key: string }>
}

export function formatQuestions(questions: SurveyQuestion[]): FormatQuestion[] {
  return questions.map((q) => ({
    id: q.id,
    key: q.key,
    type: q.type,
    positions: q.type === 'ranking' ? rankingPositions(q) : 0,
    options: q.options.map((o) => ({ id: o.id, key: o.key })),
  }))
}

/** One stored answer row with its question and option keys, as the export reads it. */
export interface ExportAnswer {
  questionKey: string
  questionType: string
  optionKey: string | null
  rank: number | null
  value: number | null
  text: string | null
  skipped: boolean
}

export interface ExportResponse {
  respondent: string
  status: ResponseStatus
  /** The snapshot as given at the time of response */
  demographics: Partial<Record<DemographicField, string>>
}

type Cell = string | number

/**
 * One tidy row. For CSV, strings are neutralised against formula injection; a workbook's cells are
 * typed (text is never run as a formula), so it passes `keep` and gets the words as given.
 */
export function tidyRecord(response: ExportResponse, answer: ExportAnswer, safe: (value: string) => string = neutraliseCell): Cell[] {
  const row: Cell[] = [
    safe(response.respondent),
    response.status,
    safe(answer.questionKey),
    answer.questionType,
    answer.optionKey === null ? '' : safe(answer.optionKey),
    answer.rank ?? '',
    answer.value ?? '',
    answer.skipped ? 1 : 0,
    answer.text === null ? '' : safe(answer.text),
  ]
  for (const field of demographicFields) row.push(safe(response.demographics[field] ?? ''))
  return row
}

export const keep = (value: string) => value

/** One CSV cell: quoted only when it must be (the same rule as csvLine). */
export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTE, '""')}"` : value
}

/** A stored answer row as the database gives it (ids, not keys). */
export interface StoredAnswer {
  question_id: string
  option_id: string | null
  rank: number | null
  value: number | null
  text: string | null
  skipped: number
}

/**
 * Writes tidy CSV lines straight from stored rows, the same text as csvLine(tidyRecord(…)) (a test
 * checks) but with every question's, option's and respondent's cells made once instead of once a
 * row: the export writes a million rows, so each allocation saved counts.
 */
export function tidyLineWriter(questions: ReadonlyArray<{ id: string; key: string; type: string }>, options: ReadonlyArray<{ id: string; key: string }>) {
  const questionCells = new Map(questions.map((q) => [q.id, `${csvCell(neutraliseCell(q.key))},${csvCell(q.type)},`]))
  const optionCells = new Map(options.map((o) => [o.id, csvCell(neutraliseCell(o.key))]))
  return {
    /** respondent and status, with the comma after them */
    head(response: Pick<ExportResponse, 'respondent' | 'status'>): string {
      return `${csvCell(neutraliseCell(response.respondent))},${response.status},`
    },
    /** the demographic cells, each after a comma, and the end of the line */
    tail(demographics: ExportResponse['demographics']): string {
      let tail = ''
      for (const field of demographicFields) tail += `,${csvCell(neutraliseCell(demographics[field] ?? ''))}`
      return `${tail}\n`
    },
    /** null when the row's question is not one of this consultation's */
    line(head: string, tail: string, row: StoredAnswer): string | null {
      const question = questionCells.get(row.question_id)
      if (question === undefined) return null
      const option = row.option_id === null ? '' : optionCells.get(row.option_id) ?? ''
      const text = row.text === null ? '' : csvCell(neutraliseCell(row.text))
      return `${head}${question}${option},${row.rank ?? ''},${row.value ?? ''},${row.skipped ? 1 : 0},${text}${tail}`
    },
  }
}

export const SKIPPED_SUFFIX = 'skipped'

/**
 * Wide columns: per question `<q>:skipped` (1 when "I don't want to say", 0 when answered, empty
 * when not reached), then `<q>:<option>` (1/0) for multi-select, `<q>:<position>` (the option key
 * at that place) for ranking, and `<q>` (option key, or the words) for every other type.
 */
export function wideHeader(questions: FormatQuestion[]): string[] {
  const header = ['respondent', 'status', ...demographicFields.map((f) => demographicColumns[f])]
  for (const q of questions) {
    header.push(`${q.key}:${SKIPPED_SUFFIX}`)
    if (q.type === 'multi') for (const o of q.options) header.push(`${q.key}:${o.key}`)
    else if (q.type === 'ranking') for (let p = 1; p <= q.positions; p++) header.push(`${q.key}:${p}`)
    else header.push(q.key)
  }
  return header.map(neutraliseCell)
}

/** One wide row from all of a response's answers (in any order). */
export function wideRecord(questions: FormatQuestion[], response: ExportResponse, answers: ExportAnswer[]): Cell[] {
  const byQuestion = new Map<string, ExportAnswer[]>()
  for (const a of answers) {
    const list = byQuestion.get(a.questionKey)
    if (list) list.push(a)
    else byQuestion.set(a.questionKey, [a])
  }
  const row: Cell[] = [neutraliseCell(response.respondent), response.status, ...demographicFields.map((f) => neutraliseCell(response.demographics[f] ?? ''))]
  for (const q of questions) {
    const given = byQuestion.get(q.key)
    const skipped = given?.some((a) => a.skipped) ?? false
    row.push(given ? (skipped ? 1 : 0) : '')
    const answered = given && !skipped ? given : undefined
    if (q.type === 'multi') {
      const chosen = new Set(answered?.map((a) => a.optionKey))
      for (const o of q.options) row.push(answered ? (chosen.has(o.key) ? 1 : 0) : '')
    } else if (q.type === 'ranking') {
      for (let p = 1; p <= q.positions; p++) row.push(neutraliseCell(answered?.find((a) => a.rank === p)?.optionKey ?? ''))
    } else if (q.type === 'text') {
      row.push(neutraliseCell(answered?.[0]?.text ?? ''))
    } else {
      const first = answered?.[0]
      // A self-described demographic answer keeps its words after the option key.
      row.push(neutraliseCell(first ? (first.text ? `${first.optionKey}: ${first.text}` : first.optionKey ?? '') : ''))
    }
  }
  return row
}

// ---------------------------------------------------------------------------------------------
// Import side

export interface LineError {
  /** Line of the file (the header is line 1) */
  line: number
  /** A translation key under exports:import.errors */
  code: string
  values?: Record<string, string | number>
}

export interface ImportedAnswer {
  questionId: string
  optionId: string | null
  rank: number | null
  value: number | null
  text: string | null
  skipped: boolean
}

export interface ImportedResponse {
  /** The respondent label in the file: used only to group lines, never stored */
  respondent: string
  status: ResponseStatus
  demographics: Partial<Record<DemographicField, string>>
  answers: ImportedAnswer[]
}

export type TidyImportResult = { ok: true; responses: ImportedResponse[]; lines: number } | { ok: false; errors: LineError[] }

const requiredImportColumns = ['respondent', 'question', 'option', 'position', 'skipped', 'text'] as const
const optionalImportColumns = ['status', 'type', 'value', ...demographicFields.map((f) => demographicColumns[f])]

/** Checks the header line: every required column present, none unknown, none twice. */
export function checkTidyHeader(header: string[]): LineError[] {
  const errors: LineError[] = []
  const known = new Set<string>([...requiredImportColumns, ...optionalImportColumns])
  const seen = new Set<string>()
  for (const raw of header) {
    const column = raw.trim()
    if (!known.has(column)) errors.push({ line: 1, code: 'unknownColumn', values: { column } })
    else if (seen.has(column)) errors.push({ line: 1, code: 'duplicateColumn', values: { column } })
    seen.add(column)
  }
  for (const column of requiredImportColumns) if (!seen.has(column)) errors.push({ line: 1, code: 'missingColumn', values: { column } })
  return errors
}

const cell = z.string().transform((s) => restoreCell(s.trim()))
const wholeNumber = z
  .string()
  .trim()
  .regex(/^\d{1,6}$/)
  .transform(Number)

const lineSchema = z.object({
  respondent: cell.pipe(z.string().min(1, 'respondentMissing').max(100, 'respondentTooLong')),
  status: z
    .string()
    .trim()
    .optional()
    .transform((s) => s || 'submitted')
    .pipe(z.enum(['submitted', 'in_progress'], { errorMap: () => ({ message: 'badStatus' }) })),
  question: cell.pipe(z.string().min(1, 'questionMissing')),
  option: cell,
  position: z
    .union([z.literal('').transform(() => null), wholeNumber])
    .optional()
    .catch(() => Number.NaN),
  value: z
    .union([z.literal('').transform(() => null), wholeNumber])
    .optional()
    .catch(() => Number.NaN),
  skipped: z
    .string()
    .trim()
    .optional()
    .transform((s) => s ?? '')
    .pipe(z.enum(['', '0', '1'], { errorMap: () => ({ message: 'badSkipped' }) })),
  text: z
    .string()
    .optional()
    .transform((s) => restoreCell((s ?? '').replace(/\r\n?/g, '\n').trim())),
})

/**
 * Reads the data lines of a tidy CSV (already split into cells by a CSV parser) into responses,
 * against the consultation's questions. Every line is checked and every problem reported with its
 * line number; nothing is returned to save unless the whole file is valid.
 */
export function readTidyRecords(records: Array<{ line: number; cells: Record<string, string> }>, questions: SurveyQuestion[]): TidyImportResult {
  const errors: LineError[] = []
  const byKey = new Map(questions.map((q) => [q.key, q]))
  const demographicOptions = new Map<DemographicField, Set<string>>()
  for (const q of questions) if (q.type === 'demographic') demographicOptions.set(q.config.field, new Set([...q.options.map((o) => o.key), PREFER_NOT_TO_SAY]))

  interface Pending {
    response: ImportedResponse
    firstLine: number
    perQuestion: Map<string, Array<{ line: number; answer: ImportedAnswer }>>
  }
  const responses = new Map<string, Pending>()

  for (const { line, cells } of records) {
    const fail = (code: string, values?: LineError['values']): null => {
      errors.push({ line, code, values })
      return null
    }
    const parsed = lineSchema.safeParse(cells)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fail(/^[a-z][A-Za-z]+$/.test(issue.message) ? issue.message : 'badCell', { column: String(issue.path[0] ?? '') })
      continue
    }
    const row = parsed.data

    // Demographics of this line
    const demographics: Partial<Record<DemographicField, string>> = {}
    for (const field of demographicFields) {
      const value = restoreCell((cells[demographicColumns[field]] ?? '').trim())
      if (!value) continue
      const allowed = demographicOptions.get(field)
      if (allowed && !allowed.has(value)) fail('unknownDemographic', { column: demographicColumns[field], value })
      else if (!allowed && !/^[\p{L}\p{N}][\p{L}\p{N} _'’.-]{0,59}$/u.test(value)) fail('badDemographic', { column: demographicColumns[field] })
      demographics[field] = value
    }

    let pending = responses.get(row.respondent)
    if (!pending) {
      pending = { response: { respondent: row.respondent, status: row.status, demographics, answers: [] }, firstLine: line, perQuestion: new Map() }
      responses.set(row.respondent, pending)
    } else {
      if (pending.response.status !== row.status) fail('statusDiffers', { respondent: row.respondent, firstLine: pending.firstLine })
      if (!sameDemographics(pending.response.demographics, demographics)) fail('demographicsDiffer', { respondent: row.respondent, firstLine: pending.firstLine })
    }

    const question = byKey.get(row.question)
    if (!question) {
      fail('unknownQuestion', { question: row.question })
      continue
    }
    if (Number.isNaN(row.position)) fail('badPosition', { question: question.key })
    if (Number.isNaN(row.value)) fail('badValue', { question: question.key })
    const answer = lineAnswer(question, row, fail)
    if (!answer) continue
    const list = pending.perQuestion.get(question.id) ?? []
    list.push({ line, answer })
    pending.perQuestion.set(question.id, list)
  }

  // Checks across the lines of one respondent's answer to one question
  for (const pending of responses.values()) {
    for (const [questionId, lines] of pending.perQuestion) {
      const question = questions.find((q) => q.id === questionId)!
      const problem = answerProblem(question, lines)
      if (problem) {
        errors.push({ ...problem, values: { question: question.key, respondent: pending.response.respondent, ...problem.values } })
        continue
      }
      pending.response.answers.push(...lines.map((l) => l.answer))
    }
  }

  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) }
  return { ok: true, responses: [...responses.values()].map((p) => p.response), lines: records.length }
}

function sameDemographics(a: Partial<Record<DemographicField, string>>, b: Partial<Record<DemographicField, string>>): boolean {
  return demographicFields.every((f) => (a[f] ?? '') === (b[f] ?? ''))
}

type LineValues = z.infer<typeof lineSchema>

/** The stored answer row one line stands for, or null after reporting what is wrong with it. */
function lineAnswer(question: SurveyQuestion, row: LineValues, fail: (code: string, values?: LineError['values']) => null): ImportedAnswer | null {
  const q = { question: question.key }
  if (row.skipped === '1') {
    if (!isSkippable(question)) return fail('cannotSkip', q)
    if (row.option || row.text || (row.position !== null && row.position !== undefined)) return fail('skippedWithAnswer', q)
    return { questionId: question.id, optionId: null, rank: null, value: null, text: null, skipped: true }
  }
  if (question.type === 'text') {
    if (row.option) return fail('optionOnText', q)
    if (!row.text) return fail('textMissing', q)
    const length = [...row.text].length
    if (length > question.config.maxLength) return fail('textTooLong', { ...q, max: question.config.maxLength, count: length })
    return { questionId: question.id, optionId: null, rank: null, value: null, text: row.text, skipped: false }
  }
  if (!row.option) return fail('optionMissing', q)
  const index = question.options.findIndex((o) => o.key === row.option)
  if (index < 0) return fail('unknownOption', { ...q, option: row.option })
  const option = question.options[index]
  let rank: number | null = null
  if (question.type === 'ranking') {
    const positions = rankingPositions(question)
    if (row.position === null || row.position === undefined) return fail('positionMissing', { ...q, max: positions })
    if (Number.isNaN(row.position)) return null
    if (row.position < 1 || row.position > positions) return fail('positionOutOfRange', { ...q, max: positions })
    rank = row.position
  } else if (row.position !== null && row.position !== undefined && !Number.isNaN(row.position)) {
    return fail('positionNotRanking', q)
  }
  const value = question.type === 'scale' ? index + 1 : null
  if (row.value !== null && row.value !== undefined && !Number.isNaN(row.value) && row.value !== value) {
    return fail('valueDiffers', { ...q, expected: value ?? '' })
  }
  let text: string | null = null
  if (row.text) {
    if (question.type !== 'demographic' || option.key !== SELF_DESCRIBE_OPTION) return fail('textNotAllowed', q)
    text = row.text
  }
  return { questionId: question.id, optionId: option.id, rank, value, text, skipped: false }
}

function answerProblem(question: SurveyQuestion, lines: Array<{ line: number; answer: ImportedAnswer }>): (Omit<LineError, 'values'> & { values?: LineError['values'] }) | null {
  const second = lines[1]?.line
  if (lines.length > 1 && lines.some((l) => l.answer.skipped)) return { line: second, code: 'skippedAndAnswered' }
  if (question.type === 'multi') {
    const seen = new Set<string>()
    for (const l of lines) {
      if (seen.has(l.answer.optionId!)) return { line: l.line, code: 'optionTwice' }
      seen.add(l.answer.optionId!)
    }
    const max = question.config.maxChoices
    if (max !== undefined && lines.length > max) return { line: lines[max].line, code: 'tooManyChoices', values: { max } }
    return null
  }
  if (question.type === 'ranking') {
    const options = new Set<string>()
    const positions = new Set<number>()
    for (const l of lines) {
      if (l.answer.skipped) continue
      if (options.has(l.answer.optionId!)) return { line: l.line, code: 'optionTwice' }
      if (positions.has(l.answer.rank!)) return { line: l.line, code: 'positionTwice', values: { position: l.answer.rank! } }
      options.add(l.answer.optionId!)
      positions.add(l.answer.rank!)
    }
    return null
  }
  if (lines.length > 1) return { line: second, code: 'oneAnswerOnly' }
  return null
}
