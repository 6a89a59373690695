import { describe, expect, it } from 'vitest'
import { rankSymbols, searchWords, type SymbolEntry } from './symbol-search'

const entries: SymbolEntry[] = [
  { hexcode: '1F3EB', emoji: '🏫', annotation: 'school', tags: ['building'], order: 10 },
  { hexcode: '1F392', emoji: '🎒', annotation: 'backpack', tags: ['bag', 'rucksack', 'satchel', 'school'], order: 5 },
  { hexcode: '1F68C', emoji: '🚌', annotation: 'bus', tags: ['vehicle'], order: 20 },
  { hexcode: '1F68D', emoji: '🚍', annotation: 'oncoming bus', tags: ['bus', 'oncoming'], order: 21 },
  { hexcode: '1F3EB-1', emoji: '', annotation: 'school bus stop', tags: [], order: 30 },
  { hexcode: 'E0C5', emoji: '', annotation: 'Café crème', tags: ['coffee'], order: 40 },
]

describe('searchWords', () => {
  it('lower-cases, drops accents and punctuation', () => {
    expect(searchWords('Café  Crème!')).toEqual(['cafe', 'creme'])
    expect(searchWords('  ')).toEqual([])
  })
})

describe('rankSymbols', () => {
  it('puts an exact annotation first, then annotation words, then tags', () => {
    // school: 10 + 50 (whole) = 60; "school bus stop": 10; backpack (tag school): 5
    expect(rankSymbols(entries, 'school', 10).map((m) => [m.hexcode, m.score])).toEqual([
      ['1F3EB', 60],
      ['1F3EB-1', 10],
      ['1F392', 5],
    ])
  })

  it('needs every word to match, and breaks ties by shorter annotation', () => {
    // bus: 60; oncoming bus: 10 (annotation word); school bus stop: 10, longer annotation
    expect(rankSymbols(entries, 'bus', 10).map((m) => m.hexcode)).toEqual(['1F68C', '1F68D', '1F3EB-1'])
    expect(rankSymbols(entries, 'school bus', 10).map((m) => m.hexcode)).toEqual(['1F3EB-1'])
    expect(rankSymbols(entries, 'school train', 10)).toEqual([])
  })

  it('matches the start of a word, accents ignored, and returns references', () => {
    expect(rankSymbols(entries, 'back', 10)).toEqual([{ reference: 'openmoji:1F392', hexcode: '1F392', emoji: '🎒', annotation: 'backpack', score: 6 }])
    expect(rankSymbols(entries, 'creme', 10).map((m) => m.hexcode)).toEqual(['E0C5'])
    expect(rankSymbols(entries, 'b', 10)).toEqual([]) // one letter is too short to be a prefix
  })

  it('respects the limit, and gives nothing for an empty query', () => {
    expect(rankSymbols(entries, 'bus', 1).map((m) => m.hexcode)).toEqual(['1F68C'])
    expect(rankSymbols(entries, 'bus', 0)).toEqual([])
    expect(rankSymbols(entries, ' ?! ', 10)).toEqual([])
  })
})
