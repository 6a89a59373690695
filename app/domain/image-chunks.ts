// Reading and trimming the chunks of PNG and WebP files, so an image the app sends carries
// pixels only: no text, dates, ICC profile, EXIF or XMP (which could hold a location or a name).

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10]
/** Chunks a PNG needs to show its pixels; everything else (tEXt, iTXt, zTXt, tIME, pHYs, iCCP, eXIf...) is dropped. */
const PNG_PIXEL_CHUNKS = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND'])

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length))
}

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)
}

export function isWebp(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP'
}

interface Chunk {
  type: string
  start: number
  end: number
}

function pngChunks(bytes: Uint8Array): Chunk[] {
  if (!isPng(bytes)) throw new Error('Not a PNG file')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const chunks: Chunk[] = []
  let offset = 8
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset)
    const end = offset + 12 + length
    if (end > bytes.length) throw new Error('Truncated PNG chunk')
    chunks.push({ type: ascii(bytes, offset + 4, 4), start: offset, end })
    offset = end
  }
  if (offset !== bytes.length) throw new Error('Trailing bytes after the last PNG chunk')
  return chunks
}

/** The chunk types of a PNG in file order, e.g. ["IHDR", "PLTE", "tRNS", "IDAT", "IEND"]. */
export function pngChunkTypes(bytes: Uint8Array): string[] {
  return pngChunks(bytes).map((c) => c.type)
}

/** A copy of the PNG with only the chunks needed to draw it. Whole chunks go, so no CRC changes. */
export function stripPngAncillaryChunks(bytes: Uint8Array): Uint8Array {
  const kept = pngChunks(bytes).filter((c) => PNG_PIXEL_CHUNKS.has(c.type))
  const out = new Uint8Array(8 + kept.reduce((sum, c) => sum + c.end - c.start, 0))
  out.set(bytes.subarray(0, 8), 0)
  let offset = 8
  for (const c of kept) {
    out.set(bytes.subarray(c.start, c.end), offset)
    offset += c.end - c.start
  }
  return out
}

/** The RIFF chunk types of a WebP file, e.g. ["VP8X", "ALPH", "VP8 "]. */
export function webpChunkTypes(bytes: Uint8Array): string[] {
  if (!isWebp(bytes)) throw new Error('Not a WebP file')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const types: string[] = []
  let offset = 12
  while (offset + 8 <= bytes.length) {
    const length = view.getUint32(offset + 4, true)
    types.push(ascii(bytes, offset, 4))
    offset += 8 + length + (length % 2)
  }
  return types
}
