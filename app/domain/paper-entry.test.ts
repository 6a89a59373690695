import { describe, expect, it } from 'vitest'
import { paperFieldName, parsePaperForm } from './paper-entry'
import type { SurveyQuestion } from './survey'

const options = (keys: string[]) => keys.map((key) => ({ id: `o-${key}`, key, label: key, symbol: null }))
const base = { position: 1, required: false, prompt: 'Q?', hint: null, symbol: null }
const single: SurveyQuestion = { ...base, id: 'q1', key: 'safe', type: 'single', config: {}, options: options(['yes', 'no']) }
const multi: SurveyQuestion = { ...base, id: 'q2', key: 'groups', type: 'multi', config: { maxChoices: 2 }, options: options(['a', 'b', 'c']) }
const ranking: SurveyQuestion = { ...base, id: 'q3', key: 'top', type: 'ranking', config: {}, options: options(['x', 'y']) }
const text: SurveyQuestion = { ...base, id: 'q4', key: 'say', type: 'text', config: { maxLength: 10 }, options: [] }
const questions = [single, multi, ranking, text]

function form(entries: Array<[string, string]>) {
  const data = new FormData()
  for (const [k, v] of entries) data.append(k, v)
  return data
}

describe('paper entry', () => {
  it('reads every question of the form, each by its own prefixed fields', () => {
    expect(paperFieldName(single, 'answer')).toBe('safe.answer')
    const result = parsePaperForm(questions, form([['safe.answer', 'no'], ['groups.answer', 'c'], ['groups.answer', 'a'], ['top.rank-y', '1'], ['top.rank-x', '2'], ['say.answer', ' Buses ']]))
    expect(result).toEqual({
      ok: true,
      answers: [
        { question: single, answer: { kind: 'choice', optionKeys: ['no'] } },
        { question: multi, answer: { kind: 'choice', optionKeys: ['a', 'c'] } },
        { question: ranking, answer: { kind: 'ranking', order: ['y', 'x'] } },
        { question: text, answer: { kind: 'text', text: 'Buses' } },
      ],
    })
  })

  it('saves a question left blank as not wanting to say, unless it must be answered', () => {
    const result = parsePaperForm(questions, form([['safe.answer', 'yes']]))
    expect(result.ok && result.answers.map((a) => a.answer.kind)).toEqual(['choice', 'skipped', 'skipped', 'skipped'])
    const required = parsePaperForm([single, { ...multi, required: true }], form([['safe.answer', 'yes']]))
    expect(required).toEqual({ ok: false, errors: [{ questionKey: 'groups', number: 2, field: 'q-groups-answer-a', messageKey: 'groups:paper.errors.required' }] })
  })

  it('uses the participant pages\' rules, naming the question and the field', () => {
    const result = parsePaperForm(questions, form([['safe.answer', 'maybe'], ['groups.answer', 'a'], ['groups.answer', 'b'], ['groups.answer', 'c'], ['top.rank-x', '1'], ['say.answer', 'far too long here']]))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      { questionKey: 'safe', number: 1, field: 'q-safe-answer-yes', messageKey: 'errors.chooseOne' },
      { questionKey: 'groups', number: 2, field: 'q-groups-answer-a', messageKey: 'errors.tooMany', values: { max: 2, count: 3 } },
      { questionKey: 'top', number: 3, field: 'q-top-rank-y', messageKey: 'errors.rankMissing', values: { position: 2, positions: '2' } },
      { questionKey: 'say', number: 4, field: 'q-say-answer', messageKey: 'errors.tooLong', values: { max: 10, count: 17 } },
    ])
  })

  it('refuses a form with nothing on it', () => {
    expect(parsePaperForm(questions, form([]))).toMatchObject({ ok: false, errors: [{ messageKey: 'groups:paper.errors.empty' }] })
  })
})
