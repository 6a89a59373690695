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
import { findSymbolImageBytes, insertSymbolImage, listSymbolAttributions } from '~/models/symbol-image.server'
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

// ---- Organisations' uploads (the upload form comes with the staff issue) -----------------------

export const SYMBOL_MASTER_SIZE = 512
const MAX_INPUT_PIXELS = 4096 * 4096

/**
 * Checks an uploaded file by its content (not its name), and makes the stored master: turned
 * upright, fitted into a transparent 512 × 512 square, re-encoded as PNG without any metadata.
 * Throws when the file is not an image sharp can read.
 */
export async function normaliseSymbolImage(input: Uint8Array): Promise<Uint8Array> {
  const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
  const meta = await image.metadata()
  if (!meta.format || !['png', 'jpeg', 'webp', 'gif', 'svg'].includes(meta.format)) throw new Error('Not a supported image')
  const png = await image
    .rotate()
    .resize(SYMBOL_MASTER_SIZE, SYMBOL_MASTER_SIZE, { fit: 'contain', background: TRANSPARENT })
    .png({ compressionLevel: 9 })
    .toBuffer()
  return stripPngAncillaryChunks(png)
}

export async function addSymbolImage(db: DB, symbol: { organisationId: string; name: string; licence: string; attribution: string | null; file: Uint8Array }): Promise<string> {
  const id = crypto.randomBytes(12).toString('base64url')
  await insertSymbolImage(db, {
    id,
    organisationId: symbol.organisationId,
    name: symbol.name,
    licence: symbol.licence,
    attribution: symbol.attribution,
    image: await normaliseSymbolImage(symbol.file),
    createdAt: new Date().toISOString(),
  })
  return id
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
