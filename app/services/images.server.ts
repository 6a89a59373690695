// Pictures participants send (a story's drawing or photo; a group activity's photo), made safe before
// anything is stored: judged by content, at most 10 MB and 40 megapixels, a "decompression bomb"
// refused from its header before any pixel is decoded, turned upright, shrunk to 1600 px at most and
// re-encoded as WebP with no metadata at all (EXIF with GPS, camera and artist, XMP, IPTC, ICC).
// Stored in the database (table image) and served only through staff routes.
import crypto from 'node:crypto'
import sharp from 'sharp'
import { checkImageBytes, checkImageDimensions, type ImageRefusal, MAX_IMAGE_PIXELS, MAX_STORED_SIDE, webpHasOnlyPixels } from '~/domain/images'
import { sniffImageType } from '~/domain/symbol-upload'
import { findImage, insertImage } from '~/models/image.server'
import type { DB } from '~/utils/db.server'

export type ProcessedImage = { ok: true; webp: Uint8Array; width: number; height: number } | { ok: false; reason: ImageRefusal }

/** sharp's refusal of an image with more pixels than limitInputPixels ("Input image exceeds pixel limit"). */
function isPixelLimit(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message)
}

/**
 * Checks and re-makes an uploaded picture. In order: size and first bytes; the header, read without
 * decoding (a 20000 × 20000 PNG of 48 KB is refused here, having cost almost no memory); then the
 * decode, with sharp's own pixel limit as a second guard, and a check that the WebP written carries
 * pixels only. sharp writes no EXIF, XMP or ICC profile unless asked (withMetadata is never used).
 */
export async function processImageUpload(bytes: Uint8Array): Promise<ProcessedImage> {
  const early = checkImageBytes(bytes)
  if (early) return { ok: false, reason: early }
  const options: sharp.SharpOptions = { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', pages: 1, sequentialRead: true }
  let header: sharp.Metadata
  try {
    header = await sharp(bytes, options).metadata()
  } catch (error) {
    return { ok: false, reason: isPixelLimit(error) ? 'tooManyPixels' : 'damaged' }
  }
  const refusal = checkImageDimensions(header, sniffImageType(bytes))
  if (refusal) return { ok: false, reason: refusal }
  try {
    const { data, info } = await sharp(bytes, options)
      .rotate()
      .resize(MAX_STORED_SIDE, MAX_STORED_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80, effort: 4 })
      .toBuffer({ resolveWithObject: true })
    const webp = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    if (!webpHasOnlyPixels(webp)) return { ok: false, reason: 'damaged' }
    return { ok: true, webp, width: info.width, height: info.height }
  } catch (error) {
    return { ok: false, reason: isPixelLimit(error) ? 'tooManyPixels' : 'damaged' }
  }
}

export interface ImageOwner {
  consultationId: string
  /** The response it came with (deleted with it when the participant takes their answers back), or null */
  responseId: number | null
  /** What it is for: 'story', 'group' … */
  purpose: string
}

/** Stores a processed picture; returns its id. */
export async function saveImage(db: DB, owner: ImageOwner, image: { webp: Uint8Array; width: number; height: number }): Promise<string> {
  const id = crypto.randomBytes(16).toString('base64url')
  await insertImage(db, { id, ...owner, mime: 'image/webp', width: image.width, height: image.height, bytes: image.webp, createdAt: new Date().toISOString() })
  return id
}

/** A stored picture's bytes for a staff route that has already checked the permission. */
export async function readImage(db: DB, id: string) {
  const row = await findImage(db, id)
  if (!row) return null
  return { id: row.id, consultationId: row.consultation_id, responseId: row.response_id, purpose: row.purpose, mime: row.mime, width: row.width, height: row.height, bytes: row.bytes }
}

/** A stored picture as an HTTP response for staff: never cached by anything shared, never sniffed as another type. */
export function imageResponse(image: { mime: string; bytes: Uint8Array } | null): Response {
  if (!image) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
  return new Response(image.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': image.mime,
      'Content-Length': String(image.bytes.length),
      'Cache-Control': 'private, no-store',
      'Content-Disposition': 'inline',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
