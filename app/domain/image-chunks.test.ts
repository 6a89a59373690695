import { describe, expect, it } from 'vitest'
import { isPng, isWebp, pngChunkTypes, stripPngAncillaryChunks, webpChunkTypes } from './image-chunks'

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10]

/** A PNG-shaped byte string: the signature, then chunks of (type, data). CRCs are dummies (never checked here). */
function png(chunks: Array<[string, number[]]>): Uint8Array {
  const bytes: number[] = [...SIGNATURE]
  for (const [type, data] of chunks) {
    const n = data.length
    bytes.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255)
    bytes.push(...[...type].map((c) => c.charCodeAt(0)), ...data, 0xaa, 0xbb, 0xcc, 0xdd)
  }
  return Uint8Array.from(bytes)
}

describe('PNG chunks', () => {
  const withText = png([
    ['IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]],
    ['tEXt', [...'GPS'].map((c) => c.charCodeAt(0))],
    ['pHYs', [0, 0, 11, 19, 0, 0, 11, 19, 1]],
    ['IDAT', [1, 2, 3]],
    ['tIME', [7, 234, 11, 22, 8, 0, 0]],
    ['IEND', []],
  ])

  it('lists chunk types in order', () => {
    expect(isPng(withText)).toBe(true)
    expect(pngChunkTypes(withText)).toEqual(['IHDR', 'tEXt', 'pHYs', 'IDAT', 'tIME', 'IEND'])
  })

  it('keeps only the chunks needed to draw the image, byte for byte', () => {
    const stripped = stripPngAncillaryChunks(withText)
    expect(pngChunkTypes(stripped)).toEqual(['IHDR', 'IDAT', 'IEND'])
    // 8 signature + IHDR (12 + 13) + IDAT (12 + 3) + IEND (12) = 60 bytes
    expect(stripped.length).toBe(60)
    expect([...stripped.subarray(0, 8)]).toEqual(SIGNATURE)
    expect([...stripped.subarray(8 + 25, 8 + 25 + 15)]).toEqual([0, 0, 0, 3, 73, 68, 65, 84, 1, 2, 3, 0xaa, 0xbb, 0xcc, 0xdd])
  })

  it('refuses what is not a whole PNG', () => {
    expect(() => pngChunkTypes(Uint8Array.from([1, 2, 3]))).toThrow('Not a PNG')
    expect(() => pngChunkTypes(withText.subarray(0, withText.length - 3))).toThrow()
  })
})

describe('WebP chunks', () => {
  it('lists the RIFF chunks, stepping over odd-length padding', () => {
    const chunk = (type: string, n: number) => [...[...type].map((c) => c.charCodeAt(0)), n & 255, 0, 0, 0, ...new Array(n + (n % 2)).fill(0)]
    const body = [...chunk('VP8X', 10), ...chunk('ALPH', 3), ...chunk('VP8 ', 4)]
    const size = 4 + body.length
    const bytes = Uint8Array.from([82, 73, 70, 70, size & 255, size >> 8, 0, 0, 87, 69, 66, 80, ...body])
    expect(isWebp(bytes)).toBe(true)
    expect(webpChunkTypes(bytes)).toEqual(['VP8X', 'ALPH', 'VP8 '])
    expect(isWebp(Uint8Array.from(SIGNATURE))).toBe(false)
  })
})
