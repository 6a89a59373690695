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
    // The page shows each item's number as given (1, 1, 2), not as a tidied order.
    expect(result.draft).toEqual({ kind: 'ranking', order: ['x', 'y', 'z'], chosen: { x: 1, y: 1, z: 2 } })
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

describe('demographic questions', () => {
  const gender: SurveyQuestion = { ...base, type: 'demographic', config: { field: 'gender' }, options: options(['girl', 'boy', 'non-binary', 'self-describe']) }
  const ageBand: SurveyQuestion = { ...base, type: 'demographic', config: { field: 'ageBand' }, options: options(['age-8-10', 'age-11-13']) }

  it('accepts one known option, like single choice', () => {
    expect(parseAnswer(ageBand, form([['answer', 'age-11-13']]))).toStrictEqual({ ok: true, answer: { kind: 'choice', optionKeys: ['age-11-13'] } })
  })
  it('asks for a choice or "Prefer not to say" when nothing is chosen, on the first option', () => {
    expect(parseAnswer(gender, form([]))).toEqual({ ok: false, errors: [{ field: 'answer-girl', messageKey: 'questions:demographic.errors.choose' }], draft: null })
  })
  it('refuses two options or one that is not on the question', () => {
    expect(parseAnswer(gender, form([['answer', 'girl'], ['answer', 'boy']])).ok).toBe(false)
    expect(parseAnswer(ageBand, form([['answer', 'age-14-16']])).ok).toBe(false)
  })
  it('is always optional: "Prefer not to say" works even when the planner marked it required', () => {
    expect(parseAnswer({ ...ageBand, required: true }, form([['intent', 'skip']]))).toEqual({ ok: true, answer: { kind: 'skipped' } })
  })
  it('keeps the words given with "describe myself another way", cleaned like free text', () => {
    const result = parseAnswer(gender, form([['answer', 'self-describe'], ['selfDescribe', '  gender\u0007fluid \r\n']]))
    expect(result).toStrictEqual({ ok: true, answer: { kind: 'choice', optionKeys: ['self-describe'], selfDescribed: 'genderfluid' } })
  })
  it('lets the words box stay empty', () => {
    expect(parseAnswer(gender, form([['answer', 'self-describe'], ['selfDescribe', '   ']]))).toStrictEqual({ ok: true, answer: { kind: 'choice', optionKeys: ['self-describe'] } })
  })
  it('drops words typed in the box when another option is chosen', () => {
    expect(parseAnswer(gender, form([['answer', 'girl'], ['selfDescribe', 'something']]))).toStrictEqual({ ok: true, answer: { kind: 'choice', optionKeys: ['girl'] } })
  })
  it('allows 100 characters of own words and refuses 101, keeping them as a draft', () => {
    expect(parseAnswer(gender, form([['answer', 'self-describe'], ['selfDescribe', '😀'.repeat(100)]])).ok).toBe(true)
    const long = 'a'.repeat(101)
    expect(parseAnswer(gender, form([['answer', 'self-describe'], ['selfDescribe', long]]))).toEqual({
      ok: false,
      errors: [{ field: 'own-words', messageKey: 'errors.tooLong', values: { max: 100, count: 101 } }],
      draft: { kind: 'choice', optionKeys: ['self-describe'], selfDescribed: long },
    })
  })
  it('store the chosen option as one row, with the own words on that row only, and read them back', () => {
    expect(answerToRows(gender, { kind: 'choice', optionKeys: ['boy'] })).toEqual([{ optionId: 'o-boy', rank: null, value: null, text: null, skipped: false }])
    const rows = answerToRows(gender, { kind: 'choice', optionKeys: ['self-describe'], selfDescribed: 'genderfluid' })
    expect(rows).toEqual([{ optionId: 'o-self-describe', rank: null, value: null, text: 'genderfluid', skipped: false }])
    expect(rowsToAnswer(gender, rows)).toStrictEqual({ kind: 'choice', optionKeys: ['self-describe'], selfDescribed: 'genderfluid' })
    expect(rowsToAnswer(gender, answerToRows(gender, { kind: 'choice', optionKeys: ['self-describe'] }))).toStrictEqual({ kind: 'choice', optionKeys: ['self-describe'] })
    expect(rowsToAnswer(gender, answerToRows(gender, { kind: 'skipped' }))).toEqual({ kind: 'skipped' })
  })
  it('never stores own words on another option or another question type', () => {
    expect(answerToRows(gender, { kind: 'choice', optionKeys: ['girl'], selfDescribed: 'x' })[0].text).toBeNull()
    const single: SurveyQuestion = { ...base, type: 'single', config: {}, options: options(['self-describe']) }
    expect(answerToRows(single, { kind: 'choice', optionKeys: ['self-describe'], selfDescribed: 'x' })[0].text).toBeNull()
  })
})

describe('consent questions', () => {
  const consent: SurveyQuestion = { ...base, type: 'consent', config: { purpose: 'quote' }, options: options(['yes', 'no']) }

  it('accepts yes or no', () => {
    expect(parseAnswer(consent, form([['answer', 'yes']]))).toStrictEqual({ ok: true, answer: { kind: 'choice', optionKeys: ['yes'] } })
    expect(parseAnswer(consent, form([['answer', 'no']]))).toStrictEqual({ ok: true, answer: { kind: 'choice', optionKeys: ['no'] } })
  })
  it('never assumes an answer: nothing chosen is an error asking for yes or no', () => {
    expect(parseAnswer(consent, form([]))).toEqual({ ok: false, errors: [{ field: 'answer-yes', messageKey: 'questions:consent.errors.choose' }], draft: null })
  })
  it('refuses anything but one of its options', () => {
    expect(parseAnswer(consent, form([['answer', 'maybe']])).ok).toBe(false)
    expect(parseAnswer(consent, form([['answer', 'yes'], ['answer', 'no']])).ok).toBe(false)
  })
  it('can be skipped unless required', () => {
    expect(parseAnswer(consent, form([['intent', 'skip']]))).toEqual({ ok: true, answer: { kind: 'skipped' } })
    expect(parseAnswer({ ...consent, required: true }, form([['intent', 'skip']]))).toMatchObject({ ok: false, errors: [{ field: 'answer-yes', messageKey: 'errors.required' }] })
  })
  it('store like single choice (one row, no value) and read back', () => {
    const rows = answerToRows(consent, { kind: 'choice', optionKeys: ['no'] })
    expect(rows).toEqual([{ optionId: 'o-no', rank: null, value: null, text: null, skipped: false }])
    expect(rowsToAnswer(consent, rows)).toStrictEqual({ kind: 'choice', optionKeys: ['no'] })
  })
})
