import { describe, expect, it } from 'vitest'
import { isQuestionType, isSkippable, rankingPositions, type SurveyQuestion } from './survey'

function question<T extends SurveyQuestion['type']>(type: T, config: Extract<SurveyQuestion, { type: T }>['config'], extra: Partial<SurveyQuestion> = {}) {
  return {
    id: 'q1',
    key: 'q',
    position: 1,
    required: false,
    prompt: 'Prompt',
    hint: null,
    symbol: null,
    options: ['a', 'b', 'c', 'd'].map((key) => ({ id: key, key, label: key.toUpperCase(), symbol: null })),
    type,
    config,
    ...extra,
  } as Extract<SurveyQuestion, { type: T }>
}

describe('isQuestionType', () => {
  it('knows every participant question type and nothing else', () => {
    for (const type of ['single', 'multi', 'ranking', 'scale', 'text', 'demographic', 'consent', 'story']) expect(isQuestionType(type)).toBe(true)
    for (const type of ['', 'Single', 'Story', 'diamond9', '__proto__']) expect(isQuestionType(type)).toBe(false)
  })
})

describe('isSkippable', () => {
  it('offers "I don\'t want to say" unless the planner made the question required', () => {
    expect(isSkippable(question('single', {}))).toBe(true)
    expect(isSkippable(question('single', {}, { required: true }))).toBe(false)
  })
  it('always lets a demographic question be skipped, even when marked required', () => {
    expect(isSkippable(question('demographic', { field: 'ageBand' } as never, { required: true }))).toBe(true)
  })
})

describe('rankingPositions', () => {
  it('is the number of options for a full ranking', () => {
    expect(rankingPositions(question('ranking', {}))).toBe(4)
  })
  it('is N for a top-N ranking', () => {
    expect(rankingPositions(question('ranking', { rankCount: 2 }))).toBe(2)
  })
  it('never asks for more places than there are options', () => {
    expect(rankingPositions(question('ranking', { rankCount: 9 }))).toBe(4)
  })
})
