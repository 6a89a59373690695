import { describe, expect, it } from 'vitest'
import { directionOf, localeFromAcceptLanguage } from './config'

describe('localeFromAcceptLanguage', () => {
  it('picks the highest-weighted supported language', () => {
    expect(localeFromAcceptLanguage('fr;q=0.9, cy-GB;q=0.8, en;q=0.5')).toBe('cy')
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9,cy;q=0.8')).toBe('en')
  })
  it('picks Arabic from any regional Arabic tag', () => {
    expect(localeFromAcceptLanguage('ar-EG,ar;q=0.9,en;q=0.8')).toBe('ar')
    expect(localeFromAcceptLanguage('fr, ar-SA;q=0.7')).toBe('ar')
  })
  it('ignores q=0 and unsupported languages', () => {
    expect(localeFromAcceptLanguage('cy;q=0, de')).toBeUndefined()
    expect(localeFromAcceptLanguage(null)).toBeUndefined()
  })
})

describe('directionOf', () => {
  it('knows right-to-left scripts', () => {
    expect(directionOf('ar')).toBe('rtl')
    expect(directionOf('cy')).toBe('ltr')
  })
})
