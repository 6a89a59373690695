import { describe, expect, it } from 'vitest'
import { parsePreviewView, previewHref, previewQuery } from './preview'

describe('preview view settings', () => {
  it('reads the language, symbols and Easy Read from the address', () => {
    expect(parsePreviewView(new URLSearchParams('lang=ar&symbols=1&easyRead=1'))).toEqual({ lang: 'ar', symbols: true, easyRead: true })
    expect(parsePreviewView(new URLSearchParams('lang=cy'))).toEqual({ lang: 'cy', symbols: false, easyRead: false })
  })
  it('falls back for anything unknown', () => {
    expect(parsePreviewView(new URLSearchParams('lang=fr&symbols=yes'), 'cy')).toEqual({ lang: 'cy', symbols: false, easyRead: false })
    expect(parsePreviewView(new URLSearchParams(''))).toEqual({ lang: 'en', symbols: false, easyRead: false })
  })
  it('writes links that read back the same', () => {
    const view = { lang: 'cy' as const, symbols: true, easyRead: false }
    expect(previewQuery(view)).toBe('?lang=cy&symbols=1')
    expect(parsePreviewView(new URLSearchParams(previewQuery(view)))).toEqual(view)
    expect(previewHref('have-your-say', 3, view)).toBe('/staff/consultations/have-your-say/preview/q/3?lang=cy&symbols=1')
    expect(previewHref('a b', null, { lang: 'en', symbols: false, easyRead: true })).toBe('/staff/consultations/a%20b/preview?lang=en&easyRead=1')
  })
})
