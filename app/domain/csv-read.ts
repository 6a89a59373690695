// Reads an uploaded CSV file into lines of cells, keyed by the header, with the line each starts on.
// Broken lines (a stray quote, too many or too few cells) are reported, not guessed at. Pure.
import { type Options, parse } from 'csv-parse/sync'
import type { LineError } from './csv-format'

/** The biggest file an import accepts. Stated on the imports page. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024
export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / 1024 / 1024

/** `errors` lists lines that could not be read at all; the other lines are in `records`. */
export type CsvFileResult =
  | { ok: true; header: string[]; records: Array<{ line: number; cells: Record<string, string> }>; errors: LineError[] }
  | { ok: false; errors: LineError[] }

const parserCodes: Record<string, string> = {
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'wrongCellCount',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'wrongCellCount',
  CSV_INVALID_CLOSING_QUOTE: 'badQuote',
  INVALID_OPENING_QUOTE: 'badQuote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'badQuote',
  CSV_QUOTE_NOT_CLOSED: 'quoteNotClosed',
  CSV_MAX_RECORD_SIZE: 'lineTooLong',
}

/** Checks that an upload is a CSV we can read (name, size, text encoding) before parsing it. */
export function checkUpload(file: { name: string; size: number; type: string }): LineError[] {
  if (file.size === 0) return [{ line: 0, code: 'emptyFile' }]
  if (file.size > MAX_IMPORT_BYTES) return [{ line: 0, code: 'tooBig', values: { max: MAX_IMPORT_MB } }]
  const csvType = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', 'application/octet-stream', ''].includes(file.type.split(';')[0].trim().toLowerCase())
  if (!/\.csv$/i.test(file.name) || !csvType) return [{ line: 0, code: 'notCsv' }]
  return []
}

/** Decodes UTF-8 strictly: a spreadsheet saved in another format is refused, not turned into nonsense. */
export function decodeCsv(bytes: Uint8Array): { ok: true; text: string } | { ok: false; errors: LineError[] } {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, errors: [{ line: 0, code: 'notUtf8' }] }
  }
  // A NUL byte never appears in a text file (an .xlsx renamed to .csv is a zip file)
  if (text.includes('\u0000')) return { ok: false, errors: [{ line: 0, code: 'notCsv' }] }
  return { ok: true, text }
}

export function readCsv(text: string): CsvFileResult {
  const errors: LineError[] = []
  let rows: Array<{ record: string[]; info: { lines: number } }>
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: 100_000,
      // Called for each line skipped as broken (missing from the package's types).
      on_skip: (error: { code?: string; lines?: number } | undefined) => {
        // One problem a line: after a broken quote the parser may trip again on the same line.
        if (error && !errors.some((e) => e.line === (error.lines ?? 0))) errors.push({ line: error.lines ?? 0, code: parserCodes[error.code ?? ''] ?? 'unreadableLine' })
      },
    } as Options)
  } catch (error) {
    const e = error as { code?: string; lines?: number }
    return { ok: false, errors: [{ line: e.lines ?? 0, code: parserCodes[e.code ?? ''] ?? 'unreadableLine' }] }
  }
  if (rows.length === 0) return { ok: false, errors: [{ line: 0, code: 'emptyFile' }] }
  const header = rows[0].record.map((h) => h.trim())
  const records = rows.slice(1).map(({ record, info }) => {
    // The parser gives the line a record ends on; a quoted cell may run over several lines.
    const breaks = record.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0)
    const cells: Record<string, string> = {}
    header.forEach((column, i) => (cells[column] = record[i] ?? ''))
    return { line: info.lines - breaks, cells }
  })
  return { ok: true, header, records, errors }
}
