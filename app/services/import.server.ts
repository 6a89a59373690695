// Imports: responses from a tidy CSV (the format exports write) and aggregate counts (paper ballots).
// Every line is checked first; nothing is saved unless the whole file is right, and then it is
// saved in one transaction, so a file is never half imported.
import { checkAggregateHeader, readAggregateRecords } from '~/domain/aggregate-csv'
import { aggregateKindOf, checkAggregate } from '~/domain/consistency'
import { checkTidyHeader, type LineError, readTidyRecords } from '~/domain/csv-format'
import { checkUpload, decodeCsv, readCsv } from '~/domain/csv-read'
import { deleteAggregateImport, insertAggregateImport, listAggregateCounts, listAggregateImports } from '~/models/aggregate.server'
import { deleteResponseImport, insertResponseImport, listResponseImports } from '~/models/import.server'
import type { DB } from '~/utils/db.server'
import { type Consultation, loadSurvey } from './survey.server'

export interface UploadedFile {
  name: string
  type: string
  bytes: Uint8Array
}

export type ImportOutcome = { ok: true; importId: string; responses: number; lines: number } | { ok: false; errors: LineError[] }

/** The first problems of a rejected file are listed; the page says how many more there were. */
export const MAX_ERRORS_SHOWN = 100

export function readUpload(file: UploadedFile) {
  const problems = checkUpload({ name: file.name, size: file.bytes.byteLength, type: file.type })
  if (problems.length) return { ok: false as const, errors: problems }
  const decoded = decodeCsv(file.bytes)
  if (!decoded.ok) return decoded
  return readCsv(decoded.text)
}

export function sortErrors(errors: LineError[]): LineError[] {
  return [...errors].sort((a, b) => a.line - b.line)
}

/** A name safe to keep and show: the file's own name without any folder, at most 200 characters. */
export function cleanFilename(name: string): string {
  return (name.split(/[\\/]/).pop() ?? 'upload.csv').replace(/[\u0000-\u001F\u007F]/g, '').slice(0, 200) || 'upload.csv'
}

export async function importResponsesCsv(db: DB, consultation: Consultation, file: UploadedFile, userId: string | null, now = new Date()): Promise<ImportOutcome> {
  const csv = readUpload(file)
  if (!csv.ok) return csv
  const headerErrors = checkTidyHeader(csv.header)
  if (headerErrors.length) return { ok: false, errors: headerErrors }
  if (csv.records.length === 0 && csv.errors.length === 0) return { ok: false, errors: [{ line: 0, code: 'noLines' }] }
  const survey = await loadSurvey(db, consultation, consultation.default_locale)
  const read = readTidyRecords(csv.records, survey.questions)
  const errors = [...csv.errors, ...(read.ok ? [] : read.errors)]
  if (errors.length || !read.ok) return { ok: false, errors: sortErrors(errors) }
  const saved = await insertResponseImport(db, {
    consultationId: consultation.id,
    locale: consultation.default_locale,
    filename: cleanFilename(file.name),
    userId,
    responses: read.responses,
    now: now.toISOString(),
  })
  return { ok: true, importId: saved.id, responses: saved.responses, lines: read.lines }
}

export type AggregateOutcome = { ok: true; importId: string; counts: number } | { ok: false; errors: LineError[] }

export async function importAggregatesCsv(db: DB, consultation: Consultation, file: UploadedFile, userId: string | null, now = new Date()): Promise<AggregateOutcome> {
  const csv = readUpload(file)
  if (!csv.ok) return csv
  const headerErrors = checkAggregateHeader(csv.header)
  if (headerErrors.length) return { ok: false, errors: headerErrors }
  if (csv.records.length === 0 && csv.errors.length === 0) return { ok: false, errors: [{ line: 0, code: 'noLines' }] }
  const survey = await loadSurvey(db, consultation, consultation.default_locale)
  const read = readAggregateRecords(csv.records, survey.questions)
  const errors = [...csv.errors, ...(read.ok ? [] : read.errors)]
  if (errors.length || !read.ok) return { ok: false, errors: sortErrors(errors) }
  const importId = await insertAggregateImport(db, { consultationId: consultation.id, filename: cleanFilename(file.name), userId, counts: read.counts, now: now.toISOString() })
  return { ok: true, importId, counts: read.counts.length }
}

export interface AggregateGroupCheck {
  importId: string
  group: string
  questionKey: string
  prompt: string
  statedTotal: number
  parts: Array<{ optionKey: string; label: string; position: number | null; count: number }>
  consistency: ReturnType<typeof checkAggregate>
}

/** What the imports page lists: each import, and each aggregate group × question with its consistency check. */
export async function importsOverview(db: DB, consultation: Consultation, locale: string) {
  const [responseImports, aggregateImports, counts, survey] = await Promise.all([
    listResponseImports(db, consultation.id),
    listAggregateImports(db, consultation.id),
    listAggregateCounts(db, consultation.id),
    loadSurvey(db, consultation, locale),
  ])
  const questionById = new Map(survey.questions.map((q) => [q.id, q]))
  const groups = new Map<string, AggregateGroupCheck & { type: string }>()
  for (const c of counts) {
    const key = `${c.importId}\u0000${c.group}\u0000${c.questionId}`
    const question = questionById.get(c.questionId)
    let group = groups.get(key)
    if (group === undefined) {
      group = {
        importId: c.importId,
        group: c.group,
        questionKey: c.questionKey,
        prompt: question?.prompt ?? c.questionKey,
        statedTotal: c.statedTotal,
        type: c.questionType,
        parts: [],
        consistency: { ok: true, sum: 0, issues: [] },
      }
      groups.set(key, group)
    }
    group.parts.push({ optionKey: c.optionKey, label: question?.options.find((o) => o.id === c.optionId)?.label ?? c.optionKey, position: c.position, count: c.count })
  }
  // Text questions never get counts (the import refuses them), so every group has a kind.
  for (const group of groups.values()) group.consistency = checkAggregate(aggregateKindOf(group.type) ?? 'additive', group.parts, group.statedTotal)
  return {
    responseImports: responseImports.map((i) => ({ id: i.id, filename: i.filename, responses: i.responses, answers: i.answers, createdAt: i.created_at })),
    aggregateImports: aggregateImports.map((i) => ({
      id: i.id,
      filename: i.filename,
      createdAt: i.created_at,
      groups: [...groups.values()].filter((g) => g.importId === i.id).map(({ type: _type, ...g }) => g),
    })),
  }
}

export async function removeResponseImport(db: DB, consultation: Consultation, importId: string) {
  return deleteResponseImport(db, consultation.id, importId)
}

export async function removeAggregateImport(db: DB, consultation: Consultation, importId: string) {
  return deleteAggregateImport(db, consultation.id, importId)
}
