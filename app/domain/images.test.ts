import { describe, expect, it } from 'vitest'
import { checkImageBytes, checkImageDimensions, MAX_IMAGE_BYTES, storedSize, uprightSize, webpHasOnlyPixels } from './images'

const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const jpeg = [0xff, 0xd8, 0xff, 0xe0]
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))
const bytes = (values: number[], length = values.length) => {
  const out = new Uint8Array(length)
  out.set(values)
  return out
}

/** A WebP file made of the given RIFF chunks (each with `length` bytes of zeros). */
function webp(chunks: Array<[string, number]>): Uint8Array {
  const parts = chunks.map(([type, length]) => {
    const chunk = new Uint8Array(8 + length + (length % 2))
    chunk.set(ascii(type), 0)
    new DataView(chunk.buffer).setUint32(4, length, true)
    return chunk
  })
  const size = 4 + parts.reduce((sum, p) => sum + p.length, 0)
  const out = new Uint8Array(8 + size)
  out.set(ascii('RIFF'), 0)
  new DataView(out.buffer).setUint32(4, size, true)
  out.set(ascii('WEBP'), 8)
  let offset = 12
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

describe('checkImageBytes', () => {
  it('lets PNG, JPEG and WebP through by their first bytes', () => {
    expect(checkImageBytes(bytes(png, 100))).toBeNull()
    expect(checkImageBytes(bytes(jpeg, 100))).toBeNull()
    expect(checkImageBytes(webp([['VP8 ', 10]]))).toBeNull()
  })
  it('refuses text with an image name, SVG and GIF', () => {
    expect(checkImageBytes(new TextEncoder().encode('This is not a picture, it is text.'))).toBe('notImage')
    expect(checkImageBytes(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('notImage')
    expect(checkImageBytes(bytes(ascii('GIF89a'), 50))).toBe('unsupported')
  })
  it('refuses a file over 10 MB, and takes one of exactly 10 MB', () => {
    expect(checkImageBytes(bytes(png, MAX_IMAGE_BYTES + 1))).toBe('tooBig')
    expect(checkImageBytes(bytes(png, MAX_IMAGE_BYTES))).toBeNull()
  })
})

describe('checkImageDimensions', () => {
  it('takes up to 40 megapixels and refuses more', () => {
    expect(checkImageDimensions({ format: 'jpeg', width: 8000, height: 5000 }, 'jpeg')).toBeNull()
    expect(checkImageDimensions({ format: 'jpeg', width: 8000, height: 5001 }, 'jpeg')).toBe('tooManyPixels')
    expect(checkImageDimensions({ format: 'png', width: 20000, height: 20000 }, 'png')).toBe('tooManyPixels')
  })
  it('refuses a header that disagrees with the first bytes, or has no size', () => {
    expect(checkImageDimensions({ format: 'png', width: 10, height: 10 }, 'jpeg')).toBe('notImage')
    expect(checkImageDimensions({ format: 'tiff', width: 10, height: 10 }, 'unknown')).toBe('notImage')
    expect(checkImageDimensions({ format: 'png', width: 0, height: 10 }, 'png')).toBe('damaged')
  })
})

describe('sizes', () => {
  it('swaps the sides for EXIF orientations 5 to 8 only', () => {
    expect(uprightSize(400, 300, 6)).toEqual({ width: 300, height: 400 })
    expect(uprightSize(400, 300, 8)).toEqual({ width: 300, height: 400 })
    expect(uprightSize(400, 300, 3)).toEqual({ width: 400, height: 300 })
    expect(uprightSize(400, 300)).toEqual({ width: 400, height: 300 })
  })
  it('fits the longest side within 1600 px without enlarging', () => {
    expect(storedSize(4000, 3000)).toEqual({ width: 1600, height: 1200 })
    expect(storedSize(3000, 4000)).toEqual({ width: 1200, height: 1600 })
    expect(storedSize(800, 600)).toEqual({ width: 800, height: 600 })
    expect(storedSize(20000, 1)).toEqual({ width: 1600, height: 1 })
  })
})

describe('webpHasOnlyPixels', () => {
  it('accepts pixel chunks and refuses EXIF, XMP and ICC chunks', () => {
    expect(webpHasOnlyPixels(webp([['VP8X', 10], ['ALPH', 4], ['VP8 ', 20]]))).toBe(true)
    expect(webpHasOnlyPixels(webp([['VP8X', 10], ['VP8 ', 20], ['EXIF', 12]]))).toBe(false)
    expect(webpHasOnlyPixels(webp([['VP8X', 10], ['ICCP', 12], ['VP8 ', 20]]))).toBe(false)
    expect(webpHasOnlyPixels(webp([['VP8X', 10], ['VP8 ', 20], ['XMP ', 12]]))).toBe(false)
    expect(webpHasOnlyPixels(bytes(png, 40))).toBe(false)
  })
})
