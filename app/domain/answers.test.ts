import { describe, expect, it } from 'vitest'
import { answerToRows, parseAnswer, rowsToAnswer } from './answers'
import type { SurveyQuestion } from './survey'

function form(entries: Array<[string, string]>) {
  const data = new FormData()
  for (const [k, v] of entries) data.append(k, v)
  return data
}

const options = (keys: string[]) => keys.map((key) => ({ id: `o-${key}`, key, label: key.toUpperCase(), symbol: null }))
const base = { id: 'q', key: 'q', position: 1, required: false, prompt: 'Question?', hint: null, symbol: null }

const single: SurveyQuestion = { ...base, type: 'single', config: {}, options: options(['yes', 'no']) }
const multi: SurveyQuestion = { ...base, type: 'multi', config: {}, options: options(['a', 'b', 'c']) }
const upTo2: SurveyQuestion = { ...base, type: 'multi', config: { maxChoices: 2 }, options: options(['a', 'b', 'c']) }
const ranking: SurveyQuestion = { ...base, type: 'ranking', config: {}, options: options(['x', 'y', 'z']) }
const top2: SurveyQuestion = { ...base, type: 'ranking', config: { rankCount: 2 }, options: options(['w', 'x', 'y', 'z']) }
const scale: SurveyQuestion = { ...base, type: 'scale', config: { style: 'emoji' }, options: options(['happy', 'ok', 'sad']) }
const text: SurveyQuestion = { ...base, type: 'text', config: { maxLength: 10 }, options: [] }

describe('parseAnswer: skipping', () => {
  it('records "I don\'t want to say" for an optional question', () => {
    expect(parseAnswer(single, form([['intent', 'skip']]))).toEqual({ ok: true, answer: { kind: 'skipped' } })
  })
  it('refuses to skip a required question, naming the field', () => {
    const result = parseAnswer({ ...single, required: true }, form([['intent', 'skip']]))
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'answer-yes', messageKey: 'errors.required' }] })
  })
})

describe('parseAnswer: single choice and scales', () => {
  it('accepts one known option', () => {
    expect(parseAnswer(single, form([['answer', 'no']]))).toEqual({ ok: true, answer: { kind: 'choice', optionKeys: ['no'] } })
  })
  it('asks for an answer when none is chosen, with a face-specific message for scales', () => {
    expect(parseAnswer(single, form([]))).toMatchObject({ ok: false, errors: [{ messageKey: 'errors.chooseOne' }] })
    expect(parseAnswer(scale, form([]))).toMatchObject({ ok: false, errors: [{ field: 'answer-happy', messageKey: 'errors.chooseScale' }] })
  })
  it('refuses two answers or an unknown one (a tampered form)', () => {
    expect(parseAnswer(single, form([['answer', 'yes'], ['answer', 'no']])).ok).toBe(false)
    expect(parseAnswer(single, form([['answer', 'maybe']])).ok).toBe(false)
  })
})

describe('parseAnswer: multiple choice', () => {
  it('keeps page order and drops duplicates', () => {
    expect(parseAnswer(multi, form([['answer', 'c'], ['answer', 'a'], ['answer', 'c']]))).toEqual({ ok: true, answer: { kind: 'choice', optionKeys: ['a', 'c'] } })
  })
  it('needs at least one choice', () => {
    expect(parseAnswer(multi, form([]))).toMatchObject({ ok: false, errors: [{ messageKey: 'errors.chooseAtLeastOne' }] })
  })
  it('enforces "choose up to N" and keeps the choices as a draft', () => {
    const result = parseAnswer(upTo2, form([['answer', 'a'], ['answer', 'b'], ['answer', 'c']]))
    expect(result).toEqual({ ok: false, errors: [{ field: 'answer-a', messageKey: 'errors.tooMany', values: { max: 2, count: 3 } }], draft: { kind: 'choice', optionKeys: ['a', 'b', 'c'] } })
    expect(parseAnswer(upTo2, form([['answer', 'a'], ['answer', 'c']])).ok).toBe(true)
  })
})

describe('parseAnswer: ranking', () => {
  it('turns a number per item into an order', () => {
    const result = parseAnswer(ranking, form([['rank-x', '3'], ['rank-y', '1'], ['rank-z', '2']]))
    expect(result).toEqual({ ok: true, answer: { kind: 'ranking', order: ['y', 'z', 'x'] } })
  })
  it('flags both items that share a number, and the number nobody has', () => {
    const result = parseAnswer(ranking, form([['rank-x', '1'], ['rank-y', '1'], ['rank-z', '2']]))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      { field: 'rank-x', messageKey: 'errors.rankDuplicate', values: { position: 1 } },
      { field: 'rank-y', messageKey: 'errors.rankDuplicate', values: { position: 1 } },
      { field: 'rank-x', messageKey: 'errors.rankMissing', values: { position: 3, positions: '3' } },
    ])
    expect(result.draft).toEqual({ kind: 'ranking', order: ['x', 'y', 'z'] })
  })
  it('reports all unused numbers in one message on the first unplaced item', () => {
    const result = parseAnswer(ranking, form([['rank-y', '2']]))
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'rank-x', messageKey: 'errors.rankMissingMany', values: { positions: '1, 3' } }] })
  })
  it('ranks only the top N and leaves the rest unranked', () => {
    const result = parseAnswer(top2, form([['rank-w', ''], ['rank-x', '2'], ['rank-y', ''], ['rank-z', '1']]))
    expect(result).toEqual({ ok: true, answer: { kind: 'ranking', order: ['z', 'x'] } })
  })
  it('refuses numbers outside the range', () => {
    expect(parseAnswer(top2, form([['rank-w', '3'], ['rank-x', '1'], ['rank-z', '2']]))).toMatchObject({ ok: false, errors: [{ field: 'rank-w', messageKey: 'errors.rankOutOfRange', values: { max: 2 } }] })
    expect(parseAnswer(top2, form([['rank-w', '1.5'], ['rank-x', '1'], ['rank-z', '2']])).ok).toBe(false)
  })
})

describe('parseAnswer: free text', () => {
  it('trims, normalises line endings and strips control characters', () => {
    expect(parseAnswer(text, form([['answer', '  hi\r\nyou\u0007 ']]))).toEqual({ ok: true, answer: { kind: 'text', text: 'hi\nyou' } })
  })
  it('counts characters, not UTF-16 units, against the limit', () => {
    expect(parseAnswer(text, form([['answer', '😀'.repeat(10)]])).ok).toBe(true)
    const result = parseAnswer(text, form([['answer', '😀'.repeat(11)]]))
    expect(result).toMatchObject({ ok: false, errors: [{ messageKey: 'errors.tooLong', values: { max: 10, count: 11 } }], draft: { kind: 'text', text: '😀'.repeat(11) } })
  })
  it('asks for words when the box is empty', () => {
    expect(parseAnswer(text, form([['answer', '   ']]))).toMatchObject({ ok: false, errors: [{ field: 'answer', messageKey: 'errors.writeSomething' }] })
  })
})

describe('answerToRows and rowsToAnswer', () => {
  it('store a ranking as one row per placed item and read it back', () => {
    const rows = answerToRows(ranking, { kind: 'ranking', order: ['z', 'x', 'y'] })
    expect(rows.map((r) => [r.optionId, r.rank])).toEqual([['o-z', 1], ['o-x', 2], ['o-y', 3]])
    expect(rowsToAnswer(ranking, [...rows].reverse())).toEqual({ kind: 'ranking', order: ['z', 'x', 'y'] })
  })
  it('store a scale point with its value so a mean needs no join', () => {
    expect(answerToRows(scale, { kind: 'choice', optionKeys: ['sad'] })).toEqual([{ optionId: 'o-sad', rank: null, value: 3, text: null, skipped: false }])
  })
  it('store a skip as one marked row', () => {
    const rows = answerToRows(multi, { kind: 'skipped' })
    expect(rows).toEqual([{ optionId: null, rank: null, value: null, text: null, skipped: true }])
    expect(rowsToAnswer(multi, rows)).toEqual({ kind: 'skipped' })
  })
  it('round-trip choices and text', () => {
    expect(rowsToAnswer(multi, answerToRows(multi, { kind: 'choice', optionKeys: ['a', 'c'] }))).toEqual({ kind: 'choice', optionKeys: ['a', 'c'] })
    expect(rowsToAnswer(text, answerToRows(text, { kind: 'text', text: 'hello' }))).toEqual({ kind: 'text', text: 'hello' })
    expect(rowsToAnswer(text, [])).toBeNull()
  })
  it('refuses an option that is not on the question', () => {
    expect(() => answerToRows(multi, { kind: 'choice', optionKeys: ['nope'] })).toThrow(/Unknown option/)
  })
})
