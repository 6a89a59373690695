// Pictures that participants send (a story's drawing or photo, a group's photo): the pure rules.
// The file is judged by its content, never its name or the type the browser sent; sizes are checked
// from the bytes and the header before any pixel is decoded. app/services/images.server.ts does the
// decoding, turning upright, shrinking and re-encoding with sharp.
import { webpChunkTypes } from './image-chunks'
import { sniffImageType, type SniffedType } from './image-type'

/** The largest file accepted (stated on the page). */
export const MAX_IMAGE_MB = 10
export const MAX_IMAGE_BYTES = MAX_IMAGE_MB * 1024 * 1024
/** The most pixels (width × height) a picture may have: a 40-megapixel phone photo is the largest. */
export const MAX_IMAGE_PIXELS = 40_000_000
/** Longest side of a stored picture. */
export const MAX_STORED_SIDE = 1600

export const acceptedImageFormats = ['jpeg', 'png', 'webp'] as const
export type AcceptedImageFormat = (typeof acceptedImageFormats)[number]

/** Why a picture was refused; each has a plain message (stories:picture.errors.<reason>). */
export type ImageRefusal = 'tooBig' | 'notImage' | 'unsupported' | 'tooManyPixels' | 'damaged'
export const imageRefusals: readonly ImageRefusal[] = ['tooBig', 'notImage', 'unsupported', 'tooManyPixels', 'damaged']

/** The refusal for a file's size and first bytes, before sharp sees it; null when it may go on. Empty files are "no picture", not a refusal. */
export function checkImageBytes(bytes: Uint8Array): ImageRefusal | null {
  if (bytes.length > MAX_IMAGE_BYTES) return 'tooBig'
  const sniffed = sniffImageType(bytes)
  if (sniffed === 'unknown' || sniffed === 'svg') return 'notImage'
  if (sniffed === 'gif') return 'unsupported'
  return null
}

/** The refusal for what the header says (read without decoding the pixels). */
export function checkImageDimensions(header: { format?: string; width?: number; height?: number }, sniffed: SniffedType): ImageRefusal | null {
  if (!header.format || !(acceptedImageFormats as readonly string[]).includes(header.format) || header.format !== sniffed) return 'notImage'
  if (!header.width || !header.height) return 'damaged'
  if (header.width * header.height > MAX_IMAGE_PIXELS) return 'tooManyPixels'
  return null
}

/** Width and height as the picture is seen: EXIF orientations 5 to 8 turn it a quarter, swapping the sides. */
export function uprightSize(width: number, height: number, orientation?: number): { width: number; height: number } {
  return orientation !== undefined && orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height }
}

/** The size a picture is stored at: within `max` on its longest side, never enlarged, proportions kept. */
export function storedSize(width: number, height: number, max = MAX_STORED_SIDE): { width: number; height: number } {
  const longest = Math.max(width, height)
  if (longest <= max) return { width, height }
  const scale = max / longest
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** RIFF chunks a WebP needs to show its pixels; EXIF, XMP and ICCP (which can carry names, places, dates) are not among them. */
const WEBP_PIXEL_CHUNKS = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH'])

/** True when a WebP file holds pixels only (no EXIF, XMP or ICC profile chunk). */
export function webpHasOnlyPixels(bytes: Uint8Array): boolean {
  try {
    return webpChunkTypes(bytes).every((type) => WEBP_PIXEL_CHUNKS.has(type))
  } catch {
    return false
  }
}
