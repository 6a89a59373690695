// Symbols: OpenMoji pictograms (the `openmoji` package, CC BY-SA 4.0) and organisations' own
// uploads, served as small optimised raster images made with sharp; keyword search over OpenMoji.
// See docs/decisions/006-symbols.md.
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import sharp from 'sharp'
import { stripPngAncillaryChunks } from '~/domain/image-chunks'
import { isOpenmojiHexcode, isUploadId, parseSymbolFile, parseSymbolSize, type SymbolFormat, type SymbolSize } from '~/domain/symbol-reference'
import { rankSymbols, type SymbolEntry, type SymbolMatch } from '~/domain/symbol-search'
import {
  type AcceptedFormat,
  checkImageHeader,
  checkSymbolFile,
  type FileRefusal,
  matchUploadedSymbols,
  MAX_SYMBOL_PIXELS,
  pageOf,
  parseSymbolFields,
  sniffImageType,
  splitNameAndKeywords,
  type SymbolField,
  type SymbolFieldValues,
  type SymbolUploadError,
} from '~/domain/symbol-upload'
import { findSymbolImageBytes, insertSymbolImage, listSymbolAttributions, listSymbolImages } from '~/models/symbol-image.server'
import { recordAudit } from '~/services/audit.server'
import { listOrganisations } from '~/services/plans.server'
import type { DB } from '~/utils/db.server'

// ---- The OpenMoji package ------------------------------------------------------------------------

const require = createRequire(import.meta.url)
let packageRoot: string | undefined
function openmojiRoot(): string {
  packageRoot ??= path.dirname(require.resolve('openmoji/package.json'))
  return packageRoot
}

interface OpenmojiRecord {
  hexcode: string
  emoji: string
  annotation: string
  tags: string
  openmoji_tags: string
  skintone: string
  group: string
  order: number | string
}

interface OpenmojiIndex {
  byHexcode: Map<string, SymbolEntry>
  /** What search looks through: no skin-tone variants (the base symbol stands for them) and no swatches */
  searchable: SymbolEntry[]
}

let indexPromise: Promise<OpenmojiIndex> | undefined
/** The OpenMoji catalogue (data/openmoji.json, about 2 MB), read once and kept as a small index. */
export function openmojiIndex(): Promise<OpenmojiIndex> {
  indexPromise ??= fs.readFile(path.join(openmojiRoot(), 'data/openmoji.json'), 'utf8').then((text) => {
    const records = JSON.parse(text) as OpenmojiRecord[]
    const byHexcode = new Map<string, SymbolEntry>()
    const searchable: SymbolEntry[] = []
    records.forEach((r, i) => {
      const entry: SymbolEntry = {
        hexcode: r.hexcode,
        emoji: r.emoji,
        annotation: r.annotation,
        tags: `${r.tags},${r.openmoji_tags}`.split(',').map((t) => t.trim()).filter(Boolean),
        order: Number(r.order) || i + 1,
      }
      byHexcode.set(r.hexcode, entry)
      if (!r.skintone && r.group !== 'component') searchable.push(entry)
    })
    return { byHexcode, searchable }
  })
  indexPromise.catch(() => (indexPromise = undefined))
  return indexPromise
}

export async function isOpenmojiSymbol(hexcode: string): Promise<boolean> {
  return isOpenmojiHexcode(hexcode) && (await openmojiIndex()).byHexcode.has(hexcode)
}

/** Symbols whose name or keywords match every word of `query`, best first (see app/domain/symbol-search.ts). */
export async function searchSymbols(query: string, limit = 24): Promise<SymbolMatch[]> {
  return rankSymbols((await openmojiIndex()).searchable, query, limit)
}

export async function openmojiVersion(): Promise<string> {
  const pkg = JSON.parse(await fs.readFile(path.join(openmojiRoot(), 'package.json'), 'utf8')) as { version: string }
  return pkg.version
}

/** The licence text shipped with the package (CC BY-SA 4.0). */
export async function openmojiLicenceText(): Promise<string> {
  return fs.readFile(path.join(openmojiRoot(), 'LICENSE.txt'), 'utf8')
}

// ---- Rendering and a small cache ------------------------------------------------------------------

/** A least-recently-used cache bounded by entries and bytes (a symbol is 1–10 KB). */
class ImageCache {
  private entries = new Map<string, Uint8Array>()
  private bytes = 0
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}
  get(key: string): Uint8Array | undefined {
    const value = this.entries.get(key)
    if (value) {
      this.entries.delete(key)
      this.entries.set(key, value)
    }
    return value
  }
  set(key: string, value: Uint8Array) {
    if (value.length > this.maxBytes) return
    const old = this.entries.get(key)
    if (old) {
      this.bytes -= old.length
      this.entries.delete(key)
    }
    this.entries.set(key, value)
    this.bytes += value.length
    for (const [oldestKey, oldest] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break
      this.entries.delete(oldestKey)
      this.bytes -= oldest.length
    }
  }
  get size() {
    return { entries: this.entries.size, bytes: this.bytes }
  }
  clear() {
    this.entries.clear()
    this.bytes = 0
  }
}

const cache = new ImageCache(600, 12 * 1024 * 1024)
const inFlight = new Map<string, Promise<Uint8Array | null>>()

/** For tests: how much the cache holds, and emptying it. */
export const symbolCache = { size: () => cache.size, clear: () => cache.clear() }

async function cached(key: string, render: () => Promise<Uint8Array | null>): Promise<Uint8Array | null> {
  const hit = cache.get(key)
  if (hit) return hit
  // Ten children opening the same page at once cause one render, not ten.
  let pending = inFlight.get(key)
  if (!pending) {
    pending = render()
      .then((bytes) => {
        if (bytes) cache.set(key, bytes)
        return bytes
      })
      .finally(() => inFlight.delete(key))
    inFlight.set(key, pending)
  }
  return pending
}

const TRANSPARENT = { r: 0, g: 0, b: 0, alpha: 0 }

/** Encodes a square image; sharp writes no EXIF, ICC or XMP unless asked, and PNG extras are cut. */
async function encode(image: sharp.Sharp, format: SymbolFormat): Promise<Uint8Array> {
  if (format === 'webp') return image.webp({ nearLossless: true, quality: 60, effort: 5 }).toBuffer()
  return stripPngAncillaryChunks(await image.png({ palette: true, compressionLevel: 9, effort: 8 }).toBuffer())
}

/** An OpenMoji symbol as WebP or PNG, `size` pixels square; null when there is no such symbol. */
export async function renderOpenmoji(hexcode: string, size: SymbolSize, format: SymbolFormat): Promise<Uint8Array | null> {
  if (!(await isOpenmojiSymbol(hexcode))) return null
  return cached(`openmoji/${hexcode}/${size}.${format}`, async () => {
    const svg = await fs.readFile(path.join(openmojiRoot(), 'color/svg', `${hexcode}.svg`))
    // The SVGs are drawn on a 72 × 72 grid at 72 dpi: rendering at `size` dpi gives `size` pixels.
    const image = sharp(svg, { density: size }).resize(size, size, { fit: 'contain', background: TRANSPARENT })
    return encode(image, format)
  })
}

/** An uploaded symbol as WebP or PNG, `size` pixels square; null when there is no such symbol. */
export async function renderUploadedSymbol(db: DB, id: string, size: SymbolSize, format: SymbolFormat): Promise<Uint8Array | null> {
  if (!isUploadId(id)) return null
  // Uploads are never changed in place (a new image gets a new id), so the cache cannot go stale.
  return cached(`upload/${id}/${size}.${format}`, async () => {
    const master = await findSymbolImageBytes(db, id)
    if (!master) return null
    return encode(sharp(master).resize(size, size, { fit: 'contain', background: TRANSPARENT }), format)
  })
}

// ---- Organisations' uploads --------------------------------------------------------------------

export const SYMBOL_MASTER_SIZE = 512

export type PreparedSymbolImage = { ok: true; master: Uint8Array; format: AcceptedFormat } | { ok: false; reason: FileRefusal }

/**
 * Checks an uploaded file by its content (never its name or the type the browser sent) and makes
 * the stored master: turned upright, fitted into a transparent 512 × 512 square, re-encoded as PNG
 * without any metadata (EXIF, GPS, XMP, ICC, text). In order: size and first bytes (SVG is refused:
 * it can hold scripts and links to other files); then the header, read without decoding, so a
 * "pixel bomb" is refused before any memory is spent on its pixels; then the decode itself, with
 * sharp's own pixel limit as a second guard.
 */
export async function prepareSymbolImage(input: Uint8Array | null): Promise<PreparedSymbolImage> {
  const early = checkSymbolFile(input)
  if (early || !input) return { ok: false, reason: early ?? 'noFile' }
  const sniffed = sniffImageType(input)
  const options: sharp.SharpOptions = { limitInputPixels: MAX_SYMBOL_PIXELS, failOn: 'error', pages: 1 }
  let header: sharp.Metadata
  try {
    header = await sharp(input, options).metadata()
  } catch (error) {
    return { ok: false, reason: isPixelLimit(error) ? 'tooManyPixels' : 'damaged' }
  }
  const refusal = checkImageHeader(header, sniffed)
  if (refusal) return { ok: false, reason: refusal }
  try {
    const png = await sharp(input, options)
      .rotate()
      .resize(SYMBOL_MASTER_SIZE, SYMBOL_MASTER_SIZE, { fit: 'contain', background: TRANSPARENT })
      .png({ compressionLevel: 9 })
      .toBuffer()
    return { ok: true, master: stripPngAncillaryChunks(png), format: header.format as AcceptedFormat }
  } catch (error) {
    return { ok: false, reason: isPixelLimit(error) ? 'tooManyPixels' : 'damaged' }
  }
}

/** sharp's refusal of an image with more pixels than limitInputPixels ("Input image exceeds pixel limit"). */
function isPixelLimit(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message)
}

/** As prepareSymbolImage, but throws when the file is refused. */
export async function normaliseSymbolImage(input: Uint8Array): Promise<Uint8Array> {
  const prepared = await prepareSymbolImage(input)
  if (!prepared.ok) throw new Error(`Symbol image refused: ${prepared.reason}`)
  return prepared.master
}

export async function addSymbolImage(db: DB, symbol: { organisationId: string; name: string; licence: string; attribution: string | null; file: Uint8Array }): Promise<string> {
  return storeSymbolImage(db, { ...symbol, master: await normaliseSymbolImage(symbol.file) })
}

async function storeSymbolImage(db: DB, symbol: { organisationId: string; name: string; licence: string; attribution: string | null; master: Uint8Array }): Promise<string> {
  const id = crypto.randomBytes(12).toString('base64url')
  await insertSymbolImage(db, {
    id,
    organisationId: symbol.organisationId,
    name: symbol.name,
    licence: symbol.licence,
    attribution: symbol.attribution,
    image: symbol.master,
    createdAt: new Date().toISOString(),
  })
  return id
}

export interface SymbolUpload {
  /** Chosen on the form when there is more than one organisation; otherwise the only one */
  organisationId: string | null
  fields: SymbolFieldValues
  /** The file's bytes; null when no file was chosen */
  file: Uint8Array | null
  /** The file's name as sent (only for the audit log) */
  filename: string | null
  userId: string
}

export type SymbolUploadResult = { ok: true; id: string } | { ok: false; errors: SymbolUploadError[] }

/**
 * The staff upload: checks the fields and the file (every problem at once), stores the symbol and
 * records it in the audit log. A refused file is recorded too, with the reason (never its bytes).
 */
export async function uploadSymbol(db: DB, upload: SymbolUpload): Promise<SymbolUploadResult> {
  const errors: SymbolUploadError[] = []
  const organisations = await listOrganisations(db)
  const organisationId = organisations.length === 1 ? organisations[0].id : upload.organisationId
  if (!organisationId || !organisations.some((o) => o.id === organisationId)) errors.push({ field: 'organisation', code: 'organisationRequired' })
  const fields = parseSymbolFields(upload.fields)
  if (!fields.ok) errors.push(...fields.errors)
  const image = await prepareSymbolImage(upload.file)
  if (!image.ok) errors.push({ field: 'file', code: image.reason })
  const filename = upload.filename?.slice(0, 200) ?? null
  if (!image.ok || !fields.ok || errors.length || !organisationId) {
    if (!image.ok && image.reason !== 'noFile') {
      await recordAudit(db, {
        userId: upload.userId,
        action: 'symbols.upload-refused',
        subject: 'symbol_image',
        details: { filename, bytes: upload.file?.length ?? 0, reason: image.reason },
      })
    }
    const order: SymbolField[] = ['organisation', 'file', 'name', 'licence', 'attribution']
    return { ok: false, errors: errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field)) }
  }
  const id = await storeSymbolImage(db, { organisationId, ...fields.fields, master: image.master })
  await recordAudit(db, {
    userId: upload.userId,
    action: 'symbols.upload',
    subject: `symbol_image:${id}`,
    details: { filename, bytes: upload.file?.length ?? 0, format: image.format, name: fields.fields.name, licence: fields.fields.licence },
  })
  return { ok: true, id }
}

export interface LibraryItem {
  reference: string
  kind: 'openmoji' | 'upload'
  name: string
  keywords: string[]
  licence: string | null
  attribution: string | null
}

/**
 * The staff library: a keyword search over the organisation's uploads and OpenMoji (uploads first,
 * as upload:<id> references), one page of it, and every upload with its licence.
 */
export async function loadSymbolLibrary(db: DB, query: string, requestedPage: string | null) {
  const uploads = await listSymbolImages(db)
  const q = query.trim().slice(0, 100)
  const toItem = (u: (typeof uploads)[number]): LibraryItem => ({
    reference: `upload:${u.id}`,
    kind: 'upload',
    ...splitNameAndKeywords(u.name),
    licence: u.licence,
    attribution: u.attribution,
  })
  const matches: LibraryItem[] = q
    ? [
        ...matchUploadedSymbols(uploads, q).map(toItem),
        ...(await searchSymbols(q, 5000)).map((m) => ({ reference: m.reference, kind: 'openmoji' as const, name: m.annotation, keywords: [], licence: null, attribution: null })),
      ]
    : []
  const paging = pageOf(matches.length, requestedPage)
  return {
    query: q,
    total: matches.length,
    page: paging.page,
    pages: paging.pages,
    results: matches.slice(paging.start, paging.end),
    uploads: uploads.map((u) => ({ ...toItem(u), organisation: u.organisation, createdAt: u.createdAt })),
    organisations: await listOrganisations(db),
  }
}

// ---- HTTP responses for the image routes -----------------------------------------------------------

const contentTypes: Record<SymbolFormat, string> = { webp: 'image/webp', png: 'image/png' }

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
}

function imageResponse(bytes: Uint8Array, format: SymbolFormat): Response {
  // Node's Buffers are typed over ArrayBufferLike; the bytes are a plain ArrayBuffer view.
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': contentTypes[format],
      'Content-Length': String(bytes.length),
      // A URL always names the same pixels: new OpenMoji releases keep code points, uploads get new ids.
      'Cache-Control': 'public, max-age=31536000, immutable',
    },
  })
}

/** GET /symbols/openmoji/<HEXCODE>.<webp|png>?size=<64|128|256> */
export async function openmojiImageResponse(file: string | undefined, url: URL): Promise<Response> {
  const parsed = parseSymbolFile(file)
  const size = parseSymbolSize(url.searchParams.get('size'))
  if (!parsed || !size) return notFound()
  const bytes = await renderOpenmoji(parsed.name, size, parsed.format)
  return bytes ? imageResponse(bytes, parsed.format) : notFound()
}

/** GET /symbols/upload/<id>.<webp|png>?size=<64|128|256> */
export async function uploadedSymbolImageResponse(db: DB, file: string | undefined, url: URL): Promise<Response> {
  const parsed = parseSymbolFile(file)
  const size = parseSymbolSize(url.searchParams.get('size'))
  if (!parsed || !size) return notFound()
  const bytes = await renderUploadedSymbol(db, parsed.name, size, parsed.format)
  return bytes ? imageResponse(bytes, parsed.format) : notFound()
}

/** What the credits page shows: the OpenMoji release, and each licence of uploaded symbols. */
export async function loadSymbolCredits(db: DB) {
  const [version, uploads] = await Promise.all([openmojiVersion(), listSymbolAttributions(db)])
  return { openmojiVersion: version, uploads }
}

export async function openmojiLicenceResponse(): Promise<Response> {
  return new Response(await openmojiLicenceText(), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  })
}
