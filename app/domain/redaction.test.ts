import { describe, expect, it } from 'vitest'
import { addRedaction, applyRedactions, findWords, normaliseSpans, parseSpans, type RedactionSpan } from './redaction'

const story = 'Jamie from Oakfield School said Jamie and Jamieson should meet at Oakfield park.'

describe('findWords', () => {
  it('finds every whole occurrence, not the words inside longer words', () => {
    expect(findWords(story, 'Jamie')).toEqual([
      { start: 0, end: 5 },
      { start: 32, end: 37 },
    ])
    expect(findWords(story, 'Oakfield School')).toEqual([{ start: 11, end: 26 }])
    expect(findWords(story, '  ')).toEqual([])
    expect(findWords(story, 'jamie')).toEqual([])
  })
  it('works for Welsh and Arabic letters', () => {
    expect(findWords('Mae Siôn yn Ysgol Glan Ŵy', 'Siôn')).toEqual([{ start: 4, end: 8 }])
    expect(findWords('اسمي سارة وأنا', 'سارة')).toEqual([{ start: 5, end: 9 }])
  })
})

describe('applyRedactions', () => {
  it('replaces each span by its marker', () => {
    const spans: RedactionSpan[] = [
      { start: 0, end: 5, kind: 'name', reason: 'a child' },
      { start: 11, end: 26, kind: 'school', reason: 'school' },
      { start: 66, end: 74, kind: 'other', reason: 'place' },
    ]
    expect(applyRedactions(story, spans)).toBe('[name] from [school] said Jamie and Jamieson should meet at ███ park.')
  })
  it('merges overlapping spans and drops ones outside the text', () => {
    const spans: RedactionSpan[] = [
      { start: 11, end: 19, kind: 'place', reason: 'x' },
      { start: 15, end: 26, kind: 'school', reason: 'y' },
      { start: 70, end: 500, kind: 'name', reason: 'z' },
      { start: 5, end: 5, kind: 'name', reason: 'empty' },
    ]
    expect(normaliseSpans(story, spans)).toEqual([{ start: 11, end: 26, kind: 'place', reason: 'x' }])
    expect(applyRedactions(story, spans)).toBe('Jamie from [place] said Jamie and Jamieson should meet at Oakfield park.')
  })
  it('with no spans gives the text unchanged', () => {
    expect(applyRedactions(story, [])).toBe(story)
  })
})

describe('addRedaction', () => {
  it('adds every occurrence of the typed words', () => {
    const result = addRedaction(story, [], { words: ' Jamie ', kind: 'name', reason: 'A child’s name' })
    expect(result).toEqual({
      ok: true,
      added: 2,
      spans: [
        { start: 0, end: 5, kind: 'name', reason: 'A child’s name' },
        { start: 32, end: 37, kind: 'name', reason: 'A child’s name' },
      ],
    })
    if (!result.ok) return
    expect(applyRedactions(story, result.spans)).toBe('[name] from Oakfield School said [name] and Jamieson should meet at Oakfield park.')
  })
  it('says what is wrong', () => {
    expect(addRedaction(story, [], { words: '', kind: 'name', reason: 'x' })).toEqual({ ok: false, error: 'wordsRequired' })
    expect(addRedaction(story, [], { words: 'Jamie', kind: 'nickname', reason: 'x' })).toEqual({ ok: false, error: 'kindUnknown' })
    expect(addRedaction(story, [], { words: 'Jamie', kind: 'name', reason: '  ' })).toEqual({ ok: false, error: 'reasonRequired' })
    expect(addRedaction(story, [], { words: 'Jamie', kind: 'name', reason: 'x'.repeat(201) })).toEqual({ ok: false, error: 'reasonTooLong' })
    expect(addRedaction(story, [], { words: 'Sam', kind: 'name', reason: 'x' })).toEqual({ ok: false, error: 'notFound' })
  })
})

describe('parseSpans', () => {
  it('reads stored spans and ignores anything unreadable', () => {
    expect(parseSpans('[{"start":0,"end":5,"kind":"name","reason":"r"},{"start":"1"},{"start":1,"end":2,"kind":"pet"}]')).toEqual([{ start: 0, end: 5, kind: 'name', reason: 'r' }])
    expect(parseSpans('not json')).toEqual([])
    expect(parseSpans(null)).toEqual([])
  })
})
