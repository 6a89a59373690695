// The staff symbol library's pure parts: checking an uploaded symbol's fields and its file's first
// bytes, the limits stated on the page, finding uploads by name and keywords, and paging results.
// The pixels themselves are checked by sharp in app/services/symbols.server.ts.
import { z } from 'zod'
import { searchWords } from '~/domain/symbol-search'

/** The largest file accepted, in bytes (stated on the page). */
export const MAX_SYMBOL_MB = 2
export const MAX_SYMBOL_BYTES = MAX_SYMBOL_MB * 1024 * 1024
/** The most pixels an upload may have (width × height), checked from the header before decoding. */
export const MAX_SYMBOL_SIDE = 4096
export const MAX_SYMBOL_PIXELS = MAX_SYMBOL_SIDE * MAX_SYMBOL_SIDE
export const MAX_NAME_LENGTH = 200
export const MAX_LICENCE_LENGTH = 300
export const MAX_ATTRIBUTION_LENGTH = 300
/** Results shown per page of a search. */
export const SYMBOL_PAGE_SIZE = 24

import { acceptedFormats, type AcceptedFormat, sniffImageType, type SniffedType } from './image-type'

export { acceptedFormats, type AcceptedFormat, sniffImageType, type SniffedType } from './image-type'

/** Why a file was refused. Each has a message in locales/<lang>/symbols.json (upload.errors.<code>). */
export type FileRefusal = 'noFile' | 'tooBig' | 'svg' | 'notImage' | 'unsupported' | 'tooManyPixels' | 'damaged'
export type FieldRefusal = 'nameRequired' | 'nameTooLong' | 'licenceRequired' | 'licenceTooLong' | 'attributionTooLong' | 'organisationRequired'
export type SymbolField = 'file' | 'name' | 'licence' | 'attribution' | 'organisation'
export interface SymbolUploadError {
  field: SymbolField
  code: FileRefusal | FieldRefusal
}

/** The refusal for a file's first bytes and size, before any decoding; null when it may go on to sharp. */
export function checkSymbolFile(bytes: Uint8Array | null): FileRefusal | null {
  if (!bytes || bytes.length === 0) return 'noFile'
  if (bytes.length > MAX_SYMBOL_BYTES) return 'tooBig'
  const type = sniffImageType(bytes)
  if (type === 'svg') return 'svg'
  if (type === 'gif') return 'unsupported'
  if (type === 'unknown') return 'notImage'
  return null
}

/** The refusal for what the image's header says (read by sharp without decoding the pixels). */
export function checkImageHeader(header: { format?: string; width?: number; height?: number }, sniffed: SniffedType): FileRefusal | null {
  if (!header.format || !(acceptedFormats as readonly string[]).includes(header.format) || header.format !== sniffed) return 'notImage'
  if (!header.width || !header.height) return 'damaged'
  if (header.width * header.height > MAX_SYMBOL_PIXELS || header.width > MAX_SYMBOL_SIDE * 4 || header.height > MAX_SYMBOL_SIDE * 4) return 'tooManyPixels'
  return null
}

const text = (max: number, required: FieldRefusal | null, tooLong: FieldRefusal) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(required ? z.string().min(1, required).max(max, tooLong) : z.string().max(max, tooLong))

const fieldsSchema = z.object({
  name: text(MAX_NAME_LENGTH, 'nameRequired', 'nameTooLong'),
  licence: text(MAX_LICENCE_LENGTH, 'licenceRequired', 'licenceTooLong'),
  attribution: text(MAX_ATTRIBUTION_LENGTH, null, 'attributionTooLong'),
})

export interface SymbolFieldValues {
  name: string
  licence: string
  attribution: string
}

export type ParsedSymbolFields = { ok: true; fields: { name: string; licence: string; attribution: string | null } } | { ok: false; errors: SymbolUploadError[] }

/** Checks the typed fields: a name (with keywords after commas) and a licence are required; an attribution may be empty. */
export function parseSymbolFields(values: SymbolFieldValues): ParsedSymbolFields {
  const result = fieldsSchema.safeParse(values)
  if (!result.success) {
    const errors = result.error.issues.map((issue) => ({ field: issue.path[0] as SymbolField, code: issue.message as FieldRefusal }))
    // One message per field: the first one found
    return { ok: false, errors: errors.filter((e, i) => errors.findIndex((other) => other.field === e.field) === i) }
  }
  return { ok: true, fields: { ...result.data, attribution: result.data.attribution || null } }
}

/** "Red card, football, referee" → the name shown ("Red card") and the other words to find it by. */
export function splitNameAndKeywords(stored: string): { name: string; keywords: string[] } {
  const [name, ...keywords] = stored
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  return { name: name ?? '', keywords }
}

export interface UploadedSymbolEntry {
  id: string
  name: string
}

/** Uploads whose name or keywords hold every word of the query (whole words first, then prefixes), best first. */
export function matchUploadedSymbols<T extends UploadedSymbolEntry>(uploads: T[], query: string): T[] {
  const words = searchWords(query)
  if (!words.length) return []
  const scored: Array<{ upload: T; score: number }> = []
  for (const upload of uploads) {
    const { name, keywords } = splitNameAndKeywords(upload.name)
    const nameWords = searchWords(name)
    const keywordWords = searchWords(keywords.join(' '))
    let score = 0
    for (const word of words) {
      const s = nameWords.includes(word) ? 10 : keywordWords.includes(word) ? 5 : [...nameWords, ...keywordWords].some((w) => w.startsWith(word)) ? 2 : 0
      if (!s) {
        score = 0
        break
      }
      score += s
    }
    if (score) scored.push({ upload, score })
  }
  return scored.sort((a, b) => b.score - a.score || a.upload.name.localeCompare(b.upload.name)).map((s) => s.upload)
}

/** The page asked for (?page=), kept within 1…last; last is at least 1. */
export function pageOf(total: number, requested: string | null, pageSize = SYMBOL_PAGE_SIZE): { page: number; pages: number; start: number; end: number } {
  const pages = Math.max(1, Math.ceil(total / pageSize))
  const asked = /^\d{1,6}$/.test(requested ?? '') ? Number(requested) : 1
  const page = Math.min(Math.max(1, asked), pages)
  const start = (page - 1) * pageSize
  return { page, pages, start, end: Math.min(total, start + pageSize) }
}
