import { describe, expect, it } from 'vitest'
import {
  checkImageHeader,
  checkSymbolFile,
  matchUploadedSymbols,
  MAX_NAME_LENGTH,
  MAX_SYMBOL_BYTES,
  pageOf,
  parseSymbolFields,
  sniffImageType,
  splitNameAndKeywords,
} from './symbol-upload'

const bytes = (...values: Array<number | string>) => new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])))
const PNG = bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR')
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'JFIF')
const WEBP = bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 ')
const text = (s: string) => new TextEncoder().encode(s)

describe('sniffImageType', () => {
  it('knows PNG, JPEG, WebP and GIF by their first bytes', () => {
    expect([PNG, JPEG, WEBP, text('GIF89a....'), text('GIF87a....')].map(sniffImageType)).toEqual(['png', 'jpeg', 'webp', 'gif', 'gif'])
  })
  it('knows SVG, with or without an XML declaration, a byte-order mark or leading space', () => {
    expect(sniffImageType(text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('svg')
    expect(sniffImageType(text('\uFEFF  <?xml version="1.0"?>\n<!-- c -->\n<svg>\n<script>alert(1)</script></svg>'))).toBe('svg')
  })
  it('calls anything else unknown, whatever it pretends to be', () => {
    expect(sniffImageType(text('this is not an image, it is text pretending to be a jpeg\n'))).toBe('unknown')
    expect(sniffImageType(text('<html><body>hi</body></html>'))).toBe('unknown')
    expect(sniffImageType(bytes('RIFF', 0, 0, 0, 0, 'WAVE'))).toBe('unknown')
    expect(sniffImageType(bytes(0x89, 'PN'))).toBe('unknown')
    expect(sniffImageType(new Uint8Array())).toBe('unknown')
  })
})

describe('checkSymbolFile', () => {
  it('passes PNG, JPEG and WebP on to sharp', () => {
    expect([PNG, JPEG, WEBP].map(checkSymbolFile)).toEqual([null, null, null])
  })
  it('refuses a missing or empty file, SVG, GIF and non-images with their own reasons', () => {
    expect(checkSymbolFile(null)).toBe('noFile')
    expect(checkSymbolFile(new Uint8Array())).toBe('noFile')
    expect(checkSymbolFile(text('<svg></svg>'))).toBe('svg')
    expect(checkSymbolFile(text('GIF89a'))).toBe('unsupported')
    expect(checkSymbolFile(text('hello'))).toBe('notImage')
  })
  it('refuses a file over the byte limit, and accepts one exactly at it', () => {
    const atLimit = new Uint8Array(MAX_SYMBOL_BYTES)
    atLimit.set(PNG)
    expect(checkSymbolFile(atLimit)).toBe(null)
    const over = new Uint8Array(MAX_SYMBOL_BYTES + 1)
    over.set(PNG)
    expect(checkSymbolFile(over)).toBe('tooBig')
  })
})

describe('checkImageHeader', () => {
  it('accepts a readable header that agrees with the first bytes', () => {
    expect(checkImageHeader({ format: 'png', width: 1200, height: 900 }, 'png')).toBe(null)
    expect(checkImageHeader({ format: 'jpeg', width: 4096, height: 4096 }, 'jpeg')).toBe(null)
  })
  it('refuses too many pixels (the 20000 × 20000 bomb, and a long thin strip)', () => {
    expect(checkImageHeader({ format: 'png', width: 20000, height: 20000 }, 'png')).toBe('tooManyPixels')
    expect(checkImageHeader({ format: 'png', width: 4097, height: 4096 }, 'png')).toBe('tooManyPixels')
    expect(checkImageHeader({ format: 'png', width: 100000, height: 1 }, 'png')).toBe('tooManyPixels')
  })
  it('refuses formats other than PNG, JPEG and WebP, a disagreement with the first bytes, and no size', () => {
    expect(checkImageHeader({ format: 'svg', width: 10, height: 10 }, 'svg')).toBe('notImage')
    expect(checkImageHeader({ format: 'tiff', width: 10, height: 10 }, 'unknown')).toBe('notImage')
    expect(checkImageHeader({ format: 'png', width: 10, height: 10 }, 'jpeg')).toBe('notImage')
    expect(checkImageHeader({ format: 'png' }, 'png')).toBe('damaged')
  })
})

describe('parseSymbolFields', () => {
  it('tidies white space and makes an empty attribution null', () => {
    expect(parseSymbolFields({ name: '  Red   card, football ', licence: ' CC BY-SA 4.0 ', attribution: '   ' })).toEqual({
      ok: true,
      fields: { name: 'Red card, football', licence: 'CC BY-SA 4.0', attribution: null },
    })
  })
  it('requires a name and a licence, and names each field once', () => {
    expect(parseSymbolFields({ name: ' ', licence: '', attribution: '' })).toEqual({
      ok: false,
      errors: [
        { field: 'name', code: 'nameRequired' },
        { field: 'licence', code: 'licenceRequired' },
      ],
    })
  })
  it('refuses text over the limits', () => {
    const result = parseSymbolFields({ name: 'a'.repeat(MAX_NAME_LENGTH + 1), licence: 'x'.repeat(301), attribution: 'y'.repeat(301) })
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'name', code: 'nameTooLong' },
        { field: 'licence', code: 'licenceTooLong' },
        { field: 'attribution', code: 'attributionTooLong' },
      ],
    })
    expect(parseSymbolFields({ name: 'a'.repeat(MAX_NAME_LENGTH), licence: 'x', attribution: '' }).ok).toBe(true)
  })
})

describe('splitNameAndKeywords and matchUploadedSymbols', () => {
  const uploads = [
    { id: 'a', name: 'Red card, football, referee' },
    { id: 'b', name: 'School bus, travel' },
    { id: 'c', name: 'Football pitch' },
  ]
  it('takes the name before the first comma and the keywords after', () => {
    expect(splitNameAndKeywords('Red card, football , , referee')).toEqual({ name: 'Red card', keywords: ['football', 'referee'] })
    expect(splitNameAndKeywords('Bus')).toEqual({ name: 'Bus', keywords: [] })
  })
  it('finds by name or keyword, every word must match, name matches first', () => {
    expect(matchUploadedSymbols(uploads, 'football').map((u) => u.id)).toEqual(['c', 'a'])
    expect(matchUploadedSymbols(uploads, 'REFEREE').map((u) => u.id)).toEqual(['a'])
    expect(matchUploadedSymbols(uploads, 'school trav').map((u) => u.id)).toEqual(['b'])
    expect(matchUploadedSymbols(uploads, 'school football')).toEqual([])
    expect(matchUploadedSymbols(uploads, '  ')).toEqual([])
  })
})

describe('pageOf', () => {
  it('keeps the page within the results', () => {
    expect(pageOf(50, '2', 24)).toEqual({ page: 2, pages: 3, start: 24, end: 48 })
    expect(pageOf(50, '3', 24)).toEqual({ page: 3, pages: 3, start: 48, end: 50 })
    expect(pageOf(50, '99', 24).page).toBe(3)
    expect(pageOf(50, '0', 24).page).toBe(1)
    expect(pageOf(50, 'x', 24).page).toBe(1)
    expect(pageOf(50, null, 24).page).toBe(1)
    expect(pageOf(0, '2', 24)).toEqual({ page: 1, pages: 1, start: 0, end: 0 })
  })
})
