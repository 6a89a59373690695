import { describe, expect, it } from 'vitest'
import { keywordPattern, parseKeywordList, readStoredKeywords, suggestThemes } from './coding-suggestions'

const rules = [
  { themeId: 'things-to-do', keywords: ['youth club', 'nothing to do', 'park'] },
  { themeId: 'safety', keywords: ['bull*', 'safe'] },
  { themeId: 'transport', keywords: ['bus'] },
  { themeId: 'welsh', keywords: ['tân', 'ŵyr', 'ysgol*'] },
]

describe('suggestThemes', () => {
  it('matches whole words and phrases in any case, in the order of the rules', () => {
    expect(suggestThemes('There is NOTHING to do. We need a Youth  Club and buses.', rules)).toEqual([{ themeId: 'things-to-do', matched: ['youth club', 'nothing to do'] }])
  })

  it('does not match inside a longer word', () => {
    expect(suggestThemes('The parking is full; unsafe streets; a minibus', rules)).toEqual([])
    expect(suggestThemes('We went to the park, and I felt safe.', rules).map((s) => s.themeId)).toEqual(['things-to-do', 'safety'])
  })

  it('a trailing * matches any ending, but still from the start of a word', () => {
    expect(suggestThemes('I was bullied at school', rules)).toEqual([{ themeId: 'safety', matched: ['bull*'] }])
    expect(suggestThemes('Bullying is bad', rules)).toEqual([{ themeId: 'safety', matched: ['bull*'] }])
    expect(suggestThemes('a rebuller', rules)).toEqual([])
  })

  it('treats Welsh letters as letters: no match inside a word, case folded, accents kept', () => {
    expect(suggestThemes('Roedd TÂN yn y parc', rules).map((s) => s.themeId)).toEqual(['welsh']) // "parc" is not "park"
    expect(suggestThemes('tanau gwyllt', rules)).toEqual([]) // "tân" is not inside "tanau"
    expect(suggestThemes('aros tan yfory', rules)).toEqual([]) // "tan" (until) is not "tân" (fire)
    expect(suggestThemes('Mae fy Ŵyr yn hapus', rules)).toEqual([{ themeId: 'welsh', matched: ['ŵyr'] }])
    expect(suggestThemes('dŵyr', rules)).toEqual([]) // ŵ is a letter, so "ŵyr" is inside a word here
    expect(suggestThemes('Yn yr ysgolion', rules)).toEqual([{ themeId: 'welsh', matched: ['ysgol*'] }])
  })

  it('matches text written with decomposed accents (NFD) too', () => {
    expect(suggestThemes('ta\u0302n', rules)).toEqual([{ themeId: 'welsh', matched: ['tân'] }])
  })

  it('straight and curly apostrophes are the same', () => {
    expect(suggestThemes('They don’t listen', [{ themeId: 'voice', keywords: ["don't listen"] }])).toEqual([{ themeId: 'voice', matched: ["don't listen"] }])
  })

  it('treats regular-expression characters in a rule as plain text', () => {
    expect(keywordPattern('(a+)')!.test('x (a+) y')).toBe(true)
    expect(keywordPattern('a.c')!.test('abc')).toBe(false)
    expect(keywordPattern('  *')).toBeNull()
  })
})

describe('parseKeywordList', () => {
  it('reads one per line or comma-separated, trimmed, without blanks or repeats in any case', () => {
    expect(parseKeywordList(' bus,Bus\n\n  youth   club \n*\ntrain ')).toEqual({ ok: true, keywords: ['bus', 'youth club', 'train'] })
  })

  it('refuses a keyword that is too long, naming it', () => {
    const long = 'x'.repeat(61)
    expect(parseKeywordList(`bus\n${long}`)).toEqual({ ok: false, error: 'errors.keywordTooLong', keyword: long })
  })

  it('refuses too many', () => {
    expect(parseKeywordList(Array.from({ length: 41 }, (_, i) => `w${i}`).join('\n'))).toEqual({ ok: false, error: 'errors.tooManyKeywords' })
  })
})

describe('readStoredKeywords', () => {
  it('reads a JSON list and ignores anything else', () => {
    expect(readStoredKeywords('["a","b"]')).toEqual(['a', 'b'])
    expect(readStoredKeywords('not json')).toEqual([])
    expect(readStoredKeywords('{"a":1}')).toEqual([])
    expect(readStoredKeywords(null)).toEqual([])
  })
})
