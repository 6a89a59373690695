import { describe, expect, it } from 'vitest'
import { parseQuestionConfig } from './question-config'

describe('parseQuestionConfig: demographic', () => {
  it('accepts each of the seven fields', () => {
    for (const field of ['ageBand', 'gender', 'area', 'disability', 'inCare', 'youngCarer', 'parentCarer']) {
      expect(parseQuestionConfig('demographic', JSON.stringify({ field }))).toEqual({ field })
    }
  })
  it('refuses a missing or unknown field, or extra settings, naming the question', () => {
    expect(() => parseQuestionConfig('demographic', '{}', 'q-age')).toThrow(/Question q-age: bad demographic settings/)
    expect(() => parseQuestionConfig('demographic', '{"field":"religion"}')).toThrow(/bad demographic settings/)
    expect(() => parseQuestionConfig('demographic', '{"field":"gender","required":true}')).toThrow(/bad demographic settings/)
  })
})

describe('parseQuestionConfig: consent', () => {
  it('accepts the four purposes', () => {
    for (const purpose of ['quote', 'picture', 'contact', 'other']) expect(parseQuestionConfig('consent', JSON.stringify({ purpose }))).toEqual({ purpose })
  })
  it('refuses a missing or unknown purpose, and a default answer', () => {
    expect(() => parseQuestionConfig('consent', '')).toThrow(/bad consent settings/)
    expect(() => parseQuestionConfig('consent', '{"purpose":"sell"}')).toThrow(/bad consent settings/)
    expect(() => parseQuestionConfig('consent', '{"purpose":"quote","default":"yes"}')).toThrow(/bad consent settings/)
  })
})
