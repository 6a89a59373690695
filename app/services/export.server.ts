// Exports. Row-level (raw) exports stream from the database in keyset-paged batches: memory stays
// flat however many answers there are. Summary exports hold only suppressed aggregate tables.
//
// - tidy CSV: one row per answer (docs/tidy-csv-format.md), the format imports read back
// - wide CSV: one row per response
// - JSON: the same responses, nested
// - XLSX: an About sheet, one summary sheet per question (suppressed), and with raw data the tidy rows
// - summary CSV: the suppressed tables only
// XLSX and the summary CSV also carry the group evidence (diamond 9, dots, group rankings, weighted by
// group size) and the paper evidence (paper ballots and tallies), apart from the answers, suppressed
// as on the results page.
//
// Respondents are named by a pseudonym made for each export (an HMAC of the row id under a key that
// is thrown away), so two exports cannot be joined on it and nothing points back at a device.
import crypto from 'node:crypto'
import { PassThrough, type Writable } from 'node:stream'
import { createReadableStreamFromReadable } from '@remix-run/node'
import ExcelJS from 'exceljs'
import {
  csvLine,
  type ExportAnswer,
  type ExportResponse,
  formatQuestions,
  type FormatQuestion,
  keep,
  neutraliseCell,
  tidyColumns,
  tidyLineWriter,
  tidyRecord,
  wideHeader,
  wideRecord,
} from '~/domain/csv-format'
import { parseDemographics } from '~/domain/demographics'
import type { DisclosedCell } from '~/domain/disclosure'
import { listOptions, listQuestions } from '~/models/consultation.server'
import { type ExportAnswerRow, type ExportResponseRow, listAnswersBetween, listResponsesAfter } from '~/models/export.server'
import type { DB } from '~/utils/db.server'
import type { GroupEvidenceView, PaperEvidenceView } from './group-results.server'
import { buildResults, type ConsultationResults, type QuestionResult } from './results.server'
import { type Consultation, loadSurvey } from './survey.server'

/** Responses read per query (about 10,000 answer rows): two batches in memory at most (one read ahead). */
export const EXPORT_BATCH_RESPONSES = 1000
/** Excel holds 1,048,576 rows a sheet; data goes on to a new sheet before that. */
const ROWS_PER_SHEET = 1_000_000

export type Translate = (key: string, values?: Record<string, unknown>) => string

export type ExportKind = 'tidy-csv' | 'wide-csv' | 'json' | 'xlsx' | 'summary-csv' | 'summary-xlsx'

export const exportKinds: Record<ExportKind, { raw: boolean; extension: string; contentType: string }> = {
  'tidy-csv': { raw: true, extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  'wide-csv': { raw: true, extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  json: { raw: true, extension: 'json', contentType: 'application/json; charset=utf-8' },
  xlsx: { raw: true, extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  'summary-csv': { raw: false, extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  'summary-xlsx': { raw: false, extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
}

export function isExportKind(value: unknown): value is ExportKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(exportKinds, value)
}

/** e.g. have-your-say-tidy-2026-11-30.csv */
export function exportFilename(slug: string, kind: ExportKind, now = new Date()): string {
  const safe = slug.replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 60) || 'consultation'
  return `${safe}-${kind}-${now.toISOString().slice(0, 10)}.${exportKinds[kind].extension}`
}

// ---------------------------------------------------------------------------------------------
// Streaming helpers

/** Writes and waits for the reader when its buffer is full; stops if the download was abandoned. */
async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new ExportAbandoned()
  if (!out.write(chunk)) await drained(out)
}

function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      out.off('drain', done)
      out.off('close', closed)
      resolve()
    }
    const closed = () => {
      out.off('drain', done)
      out.off('close', closed)
      reject(new ExportAbandoned())
    }
    out.on('drain', done)
    out.on('close', closed)
  })
}

async function end(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) return
  await new Promise<void>((resolve) => out.end(resolve))
}

/** The person downloading went away; the export stops quietly. */
export class ExportAbandoned extends Error {
  constructor() {
    super('The download was stopped before the export finished')
  }
}

function pseudonymiser(): (id: number) => string {
  const key = crypto.randomBytes(32)
  return (id) => `R${crypto.createHmac('sha256', key).update(String(id)).digest('hex').slice(0, 16)}`
}

interface Lookups {
  questions: Array<{ id: string; key: string; type: string; position: number }>
  options: Array<{ id: string; key: string; position: number }>
  questionById: Map<string, { key: string; type: string; position: number }>
  optionById: Map<string, { key: string; position: number }>
}

async function loadLookups(db: DB, consultationId: string): Promise<Lookups> {
  const [questions, options] = await Promise.all([listQuestions(db, consultationId), listOptions(db, consultationId)])
  return {
    questions,
    options,
    questionById: new Map(questions.map((q) => [q.id, q])),
    optionById: new Map(options.map((o) => [o.id, o])),
  }
}

interface RawBatch {
  responses: ExportResponseRow[]
  /** Each response's answers in question, then ranking position, then option order */
  answers: Map<number, ExportAnswerRow[]>
}

/** The consultation's responses and their stored answers, a batch at a time, in id order. */
async function* rawBatches(db: DB, consultationId: string, lookups: Lookups, batchSize = EXPORT_BATCH_RESPONSES): AsyncGenerator<RawBatch> {
  const order = (a: ExportAnswerRow) =>
    (lookups.questionById.get(a.question_id)?.position ?? 0) * 1e6 + (a.rank ?? 0) * 1e3 + (a.option_id === null ? 0 : lookups.optionById.get(a.option_id)?.position ?? 0)
  const byOrder = (x: ExportAnswerRow, y: ExportAnswerRow) => order(x) - order(y)
  const fetch = async (after: number) => {
    const responses = await listResponsesAfter(db, consultationId, after, batchSize)
    return responses.length ? { responses, rows: await listAnswersBetween(db, responses[0].id, responses[responses.length - 1].id) } : null
  }
  let next: Promise<Awaited<ReturnType<typeof fetch>>> = fetch(0)
  for (;;) {
    const fetched = await next
    if (!fetched) return
    const { responses, rows } = fetched
    // Ask for the next batch now: on PostgreSQL the server reads it while this one is written out.
    next = responses.length < batchSize ? Promise.resolve(null) : fetch(responses[responses.length - 1].id)
    next.catch(() => undefined) // seen when awaited; never an unhandled rejection if the export stops first
    const answers = new Map<number, ExportAnswerRow[]>()
    for (const r of responses) answers.set(r.id, [])
    for (const row of rows) {
      // The id range may hold another consultation's responses; their answers are left out.
      if (!lookups.questionById.has(row.question_id)) continue
      answers.get(row.response_id)?.push(row)
    }
    for (const list of answers.values()) if (list.length > 1) list.sort(byOrder)
    yield { responses, answers }
  }
}

interface Batch {
  responses: Array<ExportResponse & { answers: ExportAnswer[] }>
}

/** The same batches with keys instead of ids and a pseudonym for each respondent (wide CSV, JSON, XLSX). */
async function* responseBatches(db: DB, consultationId: string): AsyncGenerator<Batch> {
  const pseudonym = pseudonymiser()
  const lookups = await loadLookups(db, consultationId)
  for await (const batch of rawBatches(db, consultationId, lookups)) {
    yield {
      responses: batch.responses.map((r) => ({
        respondent: pseudonym(r.id),
        status: r.status,
        demographics: parseDemographics(r.demographics),
        answers: (batch.answers.get(r.id) ?? []).map((a) => {
          const question = lookups.questionById.get(a.question_id)!
          return {
            questionKey: question.key,
            questionType: question.type,
            optionKey: a.option_id === null ? null : lookups.optionById.get(a.option_id)?.key ?? null,
            rank: a.rank,
            value: a.value,
            text: a.text,
            skipped: a.skipped === 1,
          }
        }),
      })),
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Raw (row-level) exports

/** Tidy long CSV, one row per answer: the format imports read. Returns the number of data rows. */
export async function exportTidyCsv(db: DB, consultationId: string, out: Writable): Promise<{ rows: number }> {
  const pseudonym = pseudonymiser()
  const lookups = await loadLookups(db, consultationId)
  const lines = tidyLineWriter(lookups.questions, lookups.options)
  let rows = 0
  // The byte-order mark makes Excel read the file as UTF-8 (Welsh and Arabic letters stay right).
  await write(out, `\ufeff${csvLine(tidyColumns)}`)
  for await (const batch of rawBatches(db, consultationId, lookups)) {
    let chunk = ''
    for (const response of batch.responses) {
      const answers = batch.answers.get(response.id)!
      if (answers.length === 0) continue
      const head = lines.head({ respondent: pseudonym(response.id), status: response.status })
      const tail = lines.tail(parseDemographics(response.demographics))
      for (const answer of answers) {
        const line = lines.line(head, tail, answer)
        if (line === null) continue
        chunk += line
        rows++
      }
    }
    if (chunk) await write(out, chunk)
  }
  await end(out)
  return { rows }
}

/** Wide CSV, one row per response (with or without answers). */
export async function exportWideCsv(db: DB, consultation: Consultation, out: Writable): Promise<{ rows: number }> {
  const questions = formatQuestions((await loadSurvey(db, consultation, consultation.default_locale)).questions)
  let rows = 0
  await write(out, `\ufeff${csvLine(wideHeader(questions))}`)
  for await (const batch of responseBatches(db, consultation.id)) {
    rows += batch.responses.length
    await write(out, batch.responses.map((r) => csvLine(wideRecord(questions, r, r.answers))).join(''))
  }
  await end(out)
  return { rows }
}

/** JSON: the questions, then every response with its answers, written as it is read. */
export async function exportJson(db: DB, consultation: Consultation, out: Writable, now = new Date()): Promise<{ rows: number }> {
  const questions = formatQuestions((await loadSurvey(db, consultation, consultation.default_locale)).questions)
  const head = {
    format: 'have-your-say/responses',
    version: 1,
    consultation: consultation.slug,
    exportedAt: now.toISOString(),
    questions: questions.map((q) => ({ key: q.key, type: q.type, ...(q.type === 'ranking' ? { positions: q.positions } : {}), options: q.options.map((o) => o.key) })),
  }
  const opening = JSON.stringify(head)
  await write(out, `${opening.slice(0, -1)},"responses":[\n`)
  let rows = 0
  for await (const batch of responseBatches(db, consultation.id)) {
    const parts = batch.responses.map((r) =>
      JSON.stringify({
        respondent: r.respondent,
        status: r.status,
        demographics: r.demographics,
        answers: r.answers.map((a) => ({ question: a.questionKey, option: a.optionKey, position: a.rank, value: a.value, skipped: a.skipped, text: a.text })),
      })
    )
    await write(out, `${rows ? ',\n' : ''}${parts.join(',\n')}`)
    rows += parts.length
  }
  await write(out, '\n]}\n')
  await end(out)
  return { rows }
}

// ---------------------------------------------------------------------------------------------
// Summary tables (suppressed)

type SummaryCell = string | number

function disclosed(cell: DisclosedCell): SummaryCell {
  return cell.kind === 'value' ? cell.value : cell.mark
}

function percentCell(value: number | 'c' | 'z' | 'k' | null): SummaryCell {
  return value === null ? '' : value
}

function meanRank(value: number | null): SummaryCell {
  return value === null ? '' : Math.round(value * 100) / 100
}

/** One question's suppressed table as a header and rows (the same for CSV, XLSX and the report). */
export function summaryTable(question: QuestionResult, t: Translate): { header: string[]; rows: SummaryCell[][] } {
  if (question.kind === 'text') return { header: [t('exports:summary.option')], rows: [] }
  if (question.kind === 'ranking') {
    return {
      header: [
        t('exports:summary.rank'),
        t('exports:summary.option'),
        t('exports:summary.optionKey'),
        t('exports:summary.borda'),
        t('exports:summary.meanRank'),
        t('exports:summary.firstPreferences'),
        t('exports:summary.timesRanked'),
        t('exports:summary.topPercent'),
      ],
      rows: [...question.rows]
        .sort((a, b) => a.rank - b.rank)
        .map((r) => [r.rank, r.label, r.key, r.bordaScore ?? 'c', meanRank(r.meanRank), disclosed(r.firstPreferences), disclosed(r.timesRanked), percentCell(r.topPercent)]),
    }
  }
  return {
    header: [t('exports:summary.rank'), t('exports:summary.option'), t('exports:summary.optionKey'), t('exports:summary.count'), t('exports:summary.percent')],
    rows: question.rows.map((r) => [r.rank ?? '', r.label, r.key, disclosed(r.count), percentCell(r.percent)]),
  }
}

/** One group activity's table (rows are empty when too few people were in the groups). */
export function groupEvidenceTable(view: GroupEvidenceView, t: Translate): { header: string[]; rows: SummaryCell[][] } {
  const option = [t('groups:results.rank'), t('groups:results.option'), t('exports:summary.optionKey')]
  if (view.kind === 'diamond9') {
    return {
      header: [...option, t('groups:results.weightedScore'), t('groups:results.score'), t('groups:results.meanTier'), t('groups:results.topTier')],
      rows: [...view.rows].sort((a, b) => a.rank - b.rank).map((r) => [r.rank, r.label, r.key, r.weightedScore, r.score, meanRank(r.meanTier), r.topTier]),
    }
  }
  if (view.kind === 'dots') {
    return {
      header: [...option, t('groups:results.weightedShare'), t('groups:results.dots')],
      rows: [...view.rows].sort((a, b) => a.rank - b.rank).map((r) => [r.rank, r.label, r.key, percentCell(r.weightedPercent), r.dots]),
    }
  }
  return {
    header: [...option, t('groups:results.weightedBorda'), t('groups:results.borda'), t('groups:results.meanRank'), t('groups:results.firstPlaces')],
    rows: [...view.rows].sort((a, b) => a.rank - b.rank).map((r) => [r.rank, r.label, r.key, r.weightedBorda, r.borda, meanRank(r.meanRank), r.firstPlaces]),
  }
}

/** One question's paper counts (rows are empty when too few were counted). */
export function paperEvidenceTable(view: PaperEvidenceView, t: Translate): { header: string[]; rows: SummaryCell[][] } {
  const ranking = view.kind === 'ranking'
  return {
    header: [
      t('groups:results.rank'),
      t('groups:results.option'),
      t('exports:summary.optionKey'),
      ranking ? t('groups:results.paperFirst') : t('groups:results.paperCount'),
      t('groups:results.paperPercent'),
      ...(ranking ? [t('groups:results.borda')] : []),
    ],
    rows: view.rows.map((r) => [r.rank ?? '', r.label, r.optionKey, disclosed(r.count), percentCell(r.percent), ...(ranking ? [r.bordaScore ?? 'c'] : [])]),
  }
}

/** Suppressed results as a long CSV: one row per question and option. */
export async function exportSummaryCsv(db: DB, consultation: Consultation, locale: string, out: Writable): Promise<{ rows: number }> {
  const results = await buildResults(db, consultation, locale)
  const header = [
    'question',
    'prompt',
    'answered',
    'skipped',
    'option',
    'label',
    'count',
    'percent',
    'rank',
    'borda_score',
    'mean_rank',
    'first_preferences',
    'times_ranked',
    'top_percent',
    // Where the row comes from: answers, group-diamond9, group-dots, group-ranking or paper; then the
    // number of groups (or paper sheets), the people in them (or counted on paper), and the weighted
    // measure of a group activity (points × people, weighted share of dots, Borda points × people).
    'source',
    'groups',
    'people',
    'weighted',
  ]
  const records: SummaryCell[][] = []
  const answers = ['answers', '', '', '']
  for (const q of results.questions) {
    const base = [neutraliseCell(q.key), neutraliseCell(q.prompt), disclosed(q.answered), disclosed(q.skipped)]
    if (q.kind === 'text') records.push([...base, '', '', '', '', '', '', '', '', '', '', ...answers])
    else if (q.kind === 'ranking') {
      for (const r of q.rows) {
        records.push([
          ...base,
          neutraliseCell(r.key),
          neutraliseCell(r.label),
          '',
          '',
          r.rank,
          r.bordaScore ?? 'c',
          meanRank(r.meanRank),
          disclosed(r.firstPreferences),
          disclosed(r.timesRanked),
          percentCell(r.topPercent),
          ...answers,
        ])
      }
    } else {
      for (const r of q.rows) records.push([...base, neutraliseCell(r.key), neutraliseCell(r.label), disclosed(r.count), percentCell(r.percent), r.rank ?? '', '', '', '', '', '', ...answers])
    }
  }
  // Group evidence: one row per activity and option; an activity with too few people gives one row without options.
  for (const view of results.groupEvidence) {
    const head = [neutraliseCell(view.questionKey), neutraliseCell(view.prompt), '', '']
    const tail = (weighted: SummaryCell) => [`group-${view.kind}`, view.groups, disclosed(view.members), weighted]
    if (view.tooFew || view.rows.length === 0) records.push([...head, '', '', '', '', '', '', '', '', '', '', ...tail('')])
    else if (view.kind === 'diamond9') for (const r of view.rows) records.push([...head, neutraliseCell(r.key), neutraliseCell(r.label), '', '', r.rank, '', '', '', '', '', ...tail(r.weightedScore)])
    else if (view.kind === 'dots') for (const r of view.rows) records.push([...head, neutraliseCell(r.key), neutraliseCell(r.label), '', '', r.rank, '', '', '', '', '', ...tail(percentCell(r.weightedPercent))])
    else for (const r of view.rows) records.push([...head, neutraliseCell(r.key), neutraliseCell(r.label), '', '', r.rank, r.borda, meanRank(r.meanRank), r.firstPlaces, '', '', ...tail(r.weightedBorda)])
  }
  // Paper evidence: counts of paper ballots and tallies, never added to the answers.
  for (const view of results.paperEvidence) {
    const head = [neutraliseCell(view.questionKey), neutraliseCell(view.prompt), '', '']
    const tail = ['paper', view.groups, disclosed(view.base), '']
    if (view.tooFew || view.rows.length === 0) records.push([...head, '', '', '', '', '', '', '', '', '', '', ...tail])
    else
      for (const r of view.rows) {
        const ranking = view.kind === 'ranking'
        records.push([...head, neutraliseCell(r.optionKey), neutraliseCell(r.label), ranking ? '' : disclosed(r.count), percentCell(r.percent), r.rank ?? '', ranking ? (r.bordaScore ?? 'c') : '', '', ranking ? disclosed(r.count) : '', '', '', ...tail])
      }
  }
  await write(out, `\ufeff${[header, ...records].map(csvLine).join('')}`)
  await end(out)
  return { rows: records.length }
}

// ---------------------------------------------------------------------------------------------
// XLSX

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet'
  let name = base
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 3)} (${n})`
  taken.add(name.toLowerCase())
  return name
}

/**
 * A workbook: About, one suppressed summary sheet per question, and with `raw` the tidy rows on
 * Data sheets. Written with exceljs's streaming writer: rows go out as they are committed.
 */
export async function exportXlsx(
  db: DB,
  consultation: Consultation,
  options: { locale: string; t: Translate; raw: boolean; now?: Date },
  out: Writable
): Promise<{ rows: number }> {
  const { t, raw, locale, now = new Date() } = options
  const results = await buildResults(db, consultation, locale)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  workbook.creator = t('exports:workbook.creator')
  workbook.created = now
  const taken = new Set<string>()

  aboutSheet(workbook.addWorksheet(sheetName(t('exports:workbook.about'), taken)), results, consultation, t, now, raw)
  for (const [index, question] of results.questions.entries()) {
    const sheet = workbook.addWorksheet(sheetName(`Q${index + 1} ${question.key}`, taken))
    sheet.addRow([t('exports:workbook.question', { position: index + 1, prompt: question.prompt })]).commit()
    sheet.addRow([t('exports:workbook.answered'), disclosed(question.answered), t('exports:workbook.skipped'), disclosed(question.skipped)]).commit()
    if (question.kind === 'text') sheet.addRow([t('exports:workbook.textNotShown')]).commit()
    else if (question.tooFew) sheet.addRow([t('exports:workbook.tooFew', { threshold: results.threshold })]).commit()
    else {
      const table = summaryTable(question, t)
      const header = sheet.addRow(table.header)
      header.font = { bold: true }
      header.commit()
      for (const row of table.rows) sheet.addRow(row).commit()
    }
    sheet.commit()
  }

  evidenceSheets(workbook, results, t, taken)

  let rows = 0
  if (raw) {
    let sheet: ExcelJS.Worksheet | null = null
    let onSheet = 0
    let part = 1
    for await (const batch of responseBatches(db, consultation.id)) {
      for (const response of batch.responses) {
        for (const answer of response.answers) {
          if (!sheet || onSheet === ROWS_PER_SHEET) {
            sheet?.commit()
            sheet = workbook.addWorksheet(sheetName(part === 1 ? t('exports:workbook.data') : `${t('exports:workbook.data')} ${part}`, taken))
            const header = sheet.addRow([...tidyColumns])
            header.font = { bold: true }
            header.commit()
            onSheet = 0
            part++
          }
          // Cells in a workbook are typed: text is never read as a formula, so it is kept as given.
          sheet.addRow(tidyRecord(response, answer, keep)).commit()
          onSheet++
          rows++
        }
      }
      // Let a slow download catch up before reading the next batch.
      if (out.writableNeedDrain) await drained(out)
    }
    sheet?.commit()
  }
  await workbook.commit()
  return { rows }
}

/** Group evidence and paper evidence, each on its own sheet, apart from the answers. */
function evidenceSheets(workbook: ExcelJS.stream.xlsx.WorkbookWriter, results: ConsultationResults, t: Translate, taken: Set<string>) {
  const bold = (sheet: ExcelJS.Worksheet, cells: SummaryCell[]) => {
    const row = sheet.addRow(cells)
    row.font = { bold: true }
    row.commit()
  }
  if (results.groupEvidence.length) {
    const sheet = workbook.addWorksheet(sheetName(t('groups:results.groupTitle'), taken))
    sheet.addRow([t('groups:results.groupIntro')]).commit()
    for (const view of results.groupEvidence) {
      sheet.addRow([]).commit()
      bold(sheet, [t('groups:results.kindHeading', { kind: t(`groups:kinds.${view.kind}`), prompt: view.prompt })])
      sheet.addRow([t('groups:results.groupsPeople', { groups: view.groups }), disclosed(view.members)]).commit()
      if (view.tooFew) sheet.addRow([t('groups:results.tooFew', { threshold: results.threshold })]).commit()
      else {
        const table = groupEvidenceTable(view, t)
        bold(sheet, table.header)
        for (const row of table.rows) sheet.addRow(row).commit()
      }
    }
    sheet.commit()
  }
  if (results.paperEvidence.length) {
    const sheet = workbook.addWorksheet(sheetName(t('groups:results.paperTitle'), taken))
    sheet.addRow([t('groups:results.paperIntro')]).commit()
    for (const view of results.paperEvidence) {
      sheet.addRow([]).commit()
      bold(sheet, [view.prompt])
      sheet.addRow([t('groups:results.sheets', { groups: view.groups }), t('groups:results.paperBase'), disclosed(view.base)]).commit()
      if (view.tooFew) sheet.addRow([t('groups:results.paperTooFew', { threshold: results.threshold })]).commit()
      else {
        const table = paperEvidenceTable(view, t)
        bold(sheet, table.header)
        for (const row of table.rows) sheet.addRow(row).commit()
      }
    }
    sheet.commit()
  }
}

function aboutSheet(sheet: ExcelJS.Worksheet, results: ConsultationResults, consultation: Consultation, t: Translate, now: Date, raw: boolean) {
  const title = sheet.addRow([results.title])
  title.font = { bold: true, size: 14 }
  title.commit()
  sheet.addRow([t('exports:workbook.consultation'), consultation.slug]).commit()
  sheet.addRow([t('exports:workbook.exportedAt'), now.toISOString()]).commit()
  sheet.addRow([t('exports:workbook.submitted'), disclosed(results.submitted)]).commit()
  sheet.addRow([t('exports:workbook.inProgress'), disclosed(results.inProgress)]).commit()
  sheet.addRow([t('exports:workbook.threshold', { threshold: results.threshold })]).commit()
  sheet.addRow(['c', t('exports:workbook.markC')]).commit()
  sheet.addRow(['z', t('exports:workbook.markZ')]).commit()
  sheet.addRow(['k', t('exports:workbook.markK')]).commit()
  sheet.addRow([raw ? t('exports:workbook.rawWarning') : t('exports:workbook.summaryOnly')]).commit()
  sheet.commit()
}

export type { FormatQuestion }

// ---------------------------------------------------------------------------------------------
// Downloads

/** Writes one kind of export into `out`. */
export async function writeExport(db: DB, consultation: Consultation, kind: ExportKind, options: { locale: string; t: Translate }, out: Writable): Promise<{ rows: number }> {
  switch (kind) {
    case 'tidy-csv':
      return exportTidyCsv(db, consultation.id, out)
    case 'wide-csv':
      return exportWideCsv(db, consultation, out)
    case 'json':
      return exportJson(db, consultation, out)
    case 'xlsx':
      return exportXlsx(db, consultation, { ...options, raw: true }, out)
    case 'summary-xlsx':
      return exportXlsx(db, consultation, { ...options, raw: false }, out)
    case 'summary-csv':
      return exportSummaryCsv(db, consultation, options.locale, out)
  }
}

/**
 * A streamed download: the response starts at once and rows follow as they are read, so neither
 * the server nor the browser waits for the whole file. Never cached anywhere.
 */
export function exportDownload(db: DB, consultation: Consultation, kind: ExportKind, options: { locale: string; t: Translate }): Response {
  const pass = new PassThrough()
  writeExport(db, consultation, kind, options, pass).catch((error: unknown) => {
    if (error instanceof ExportAbandoned) return
    console.error(`[export] ${kind} of ${consultation.slug} failed:`, error)
    // Cut the download short so the file is visibly incomplete rather than silently truncated.
    pass.destroy(error instanceof Error ? error : new Error(String(error)))
  })
  return new Response(createReadableStreamFromReadable(pass), {
    headers: {
      'Content-Type': exportKinds[kind].contentType,
      'Content-Disposition': `attachment; filename="${exportFilename(consultation.slug, kind)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
