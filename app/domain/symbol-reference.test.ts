import { describe, expect, it } from 'vitest'
import { parseSymbolFile, parseSymbolReference, parseSymbolSize, symbolImageUrl, symbolSourceSizes } from './symbol-reference'

describe('parseSymbolReference', () => {
  it('reads the three kinds', () => {
    expect(parseSymbolReference('emoji:😀')).toEqual({ kind: 'emoji', text: '😀' })
    expect(parseSymbolReference('openmoji:1F600')).toEqual({ kind: 'openmoji', hexcode: '1F600' })
    expect(parseSymbolReference('openmoji:1f441-fe0f-200d-1f5e8-fe0f')).toEqual({ kind: 'openmoji', hexcode: '1F441-FE0F-200D-1F5E8-FE0F' })
    expect(parseSymbolReference('upload:sym_3fA-9')).toEqual({ kind: 'upload', id: 'sym_3fA-9' })
  })

  it('refuses empty, unknown and unsafe references', () => {
    expect(parseSymbolReference(null)).toBeNull()
    expect(parseSymbolReference('')).toBeNull()
    expect(parseSymbolReference('1F600')).toBeNull()
    expect(parseSymbolReference(':1F600')).toBeNull()
    expect(parseSymbolReference('emoji:')).toBeNull()
    expect(parseSymbolReference('widgit:123')).toBeNull()
    expect(parseSymbolReference('openmoji:1F600.svg')).toBeNull()
    expect(parseSymbolReference('openmoji:../../etc/passwd')).toBeNull()
    expect(parseSymbolReference('openmoji:GGGG')).toBeNull()
    expect(parseSymbolReference('upload:../x')).toBeNull()
    expect(parseSymbolReference('upload:a/b')).toBeNull()
    expect(parseSymbolReference(`upload:${'a'.repeat(65)}`)).toBeNull()
    expect(parseSymbolReference(`emoji:${'😀'.repeat(17)}`)).toBeNull()
  })
})

describe('symbol image URLs', () => {
  it('point at the app’s own routes', () => {
    expect(symbolImageUrl({ kind: 'openmoji', hexcode: '1F600' }, 'webp', 64)).toBe('/symbols/openmoji/1F600.webp?size=64')
    expect(symbolImageUrl({ kind: 'upload', id: 'abc' }, 'png', 256)).toBe('/symbols/upload/abc.png?size=256')
  })

  it('parses the file part of the URL', () => {
    expect(parseSymbolFile('1F600.webp')).toEqual({ name: '1F600', format: 'webp' })
    expect(parseSymbolFile('abc_1.png')).toEqual({ name: 'abc_1', format: 'png' })
    expect(parseSymbolFile('1F600.svg')).toBeNull()
    expect(parseSymbolFile('1F600.webp.png')).toBeNull()
    expect(parseSymbolFile('.png')).toBeNull()
    expect(parseSymbolFile(undefined)).toBeNull()
  })

  it('accepts only the listed sizes, 64 when none is given', () => {
    expect(parseSymbolSize(null)).toBe(64)
    expect(parseSymbolSize('')).toBe(64)
    expect(parseSymbolSize('128')).toBe(128)
    expect(parseSymbolSize('256')).toBe(256)
    expect(parseSymbolSize('100')).toBeNull()
    expect(parseSymbolSize('64px')).toBeNull()
    expect(parseSymbolSize('1e2')).toBeNull()
    expect(parseSymbolSize('99999')).toBeNull()
  })

  it('picks the smallest rendered size covering the shown size, and twice it for sharp screens', () => {
    expect(symbolSourceSizes(48)).toEqual({ oneX: 64, twoX: 128 })
    expect(symbolSourceSizes(64)).toEqual({ oneX: 64, twoX: 128 })
    expect(symbolSourceSizes(96)).toEqual({ oneX: 128, twoX: 256 })
    expect(symbolSourceSizes(200)).toEqual({ oneX: 256, twoX: 256 })
  })
})
