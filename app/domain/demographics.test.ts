import { describe, expect, it } from 'vitest'
import {
  demographicEntry,
  demographicFields,
  isDemographicField,
  mergeDemographics,
  parseDemographics,
  PREFER_NOT_TO_SAY,
  SELF_DESCRIBE_OPTION,
  serialiseDemographics,
  standardDemographicOptions,
} from './demographics'
import type { SurveyQuestion } from './survey'

const options = (keys: string[]) => keys.map((key) => ({ id: `o-${key}`, key, label: key, symbol: null }))
const base = { id: 'q', key: 'q', position: 1, required: false, prompt: 'Question?', hint: null, symbol: null }
const gender: SurveyQuestion = { ...base, type: 'demographic', config: { field: 'gender' }, options: options(['girl', 'boy', 'non-binary', 'self-describe']) }
const inCare: SurveyQuestion = { ...base, type: 'demographic', config: { field: 'inCare' }, options: options(['yes', 'no', 'not-sure']) }
const single: SurveyQuestion = { ...base, type: 'single', config: {}, options: options(['yes', 'no']) }

describe('demographicEntry', () => {
  it('takes the chosen option key for the question’s field', () => {
    expect(demographicEntry(inCare, { kind: 'choice', optionKeys: ['yes'] })).toEqual({ field: 'inCare', value: 'yes' })
  })
  it('records "Prefer not to say" as its own value', () => {
    expect(demographicEntry(gender, { kind: 'skipped' })).toEqual({ field: 'gender', value: 'prefer-not-to-say' })
    expect(PREFER_NOT_TO_SAY).toBe('prefer-not-to-say')
  })
  it('keeps the category only, never the self-described words', () => {
    expect(demographicEntry(gender, { kind: 'choice', optionKeys: ['self-describe'], selfDescribed: 'genderfluid' })).toEqual({ field: 'gender', value: 'self-describe' })
  })
  it('is null for other question types and for answers that are not one choice', () => {
    expect(demographicEntry(single, { kind: 'choice', optionKeys: ['yes'] })).toBeNull()
    expect(demographicEntry(gender, { kind: 'choice', optionKeys: [] })).toBeNull()
    expect(demographicEntry(gender, { kind: 'text', text: 'girl' })).toBeNull()
  })
})

describe('parseDemographics', () => {
  it('reads a stored snapshot', () => {
    expect(parseDemographics('{"ageBand":"age-11-13","inCare":"yes"}')).toEqual({ ageBand: 'age-11-13', inCare: 'yes' })
  })
  it('treats nothing stored, unreadable text and non-objects as empty', () => {
    expect(parseDemographics(null)).toEqual({})
    expect(parseDemographics('')).toEqual({})
    expect(parseDemographics('{not json')).toEqual({})
    expect(parseDemographics('["ageBand"]')).toEqual({})
    expect(parseDemographics('"girl"')).toEqual({})
  })
  it('drops unknown fields, non-strings and empty strings', () => {
    expect(parseDemographics('{"ageBand":3,"shoeSize":"5","gender":"girl","area":""}')).toEqual({ gender: 'girl' })
  })
})

describe('mergeDemographics', () => {
  it('starts a snapshot from nothing', () => {
    expect(mergeDemographics(null, { field: 'ageBand', value: 'age-11-13' })).toBe('{"ageBand":"age-11-13"}')
  })
  it('adds a field, writing fields in a fixed order whatever order they were answered in', () => {
    expect(mergeDemographics('{"inCare":"yes"}', { field: 'ageBand', value: 'age-11-13' })).toBe('{"ageBand":"age-11-13","inCare":"yes"}')
    expect(mergeDemographics('{"ageBand":"age-11-13"}', { field: 'inCare', value: 'yes' })).toBe('{"ageBand":"age-11-13","inCare":"yes"}')
  })
  it('replaces the field when a question is answered again (Back, then a different answer)', () => {
    expect(mergeDemographics('{"ageBand":"age-8-10","gender":"boy"}', { field: 'ageBand', value: 'age-11-13' })).toBe('{"ageBand":"age-11-13","gender":"boy"}')
    expect(mergeDemographics('{"gender":"boy"}', { field: 'gender', value: PREFER_NOT_TO_SAY })).toBe('{"gender":"prefer-not-to-say"}')
  })
  it('recovers from a damaged snapshot instead of failing the save', () => {
    expect(mergeDemographics('{oops', { field: 'area', value: 'riverside' })).toBe('{"area":"riverside"}')
  })
})

describe('serialiseDemographics', () => {
  it('stores null for an empty snapshot', () => {
    expect(serialiseDemographics({})).toBeNull()
  })
  it('orders fields as demographicFields lists them', () => {
    expect(serialiseDemographics({ parentCarer: 'no', area: 'hillside', ageBand: 'age-20-25' })).toBe('{"ageBand":"age-20-25","area":"hillside","parentCarer":"no"}')
  })
})

describe('fields and standard options', () => {
  it('knows the seven fields the product asks about', () => {
    expect([...demographicFields]).toEqual(['ageBand', 'gender', 'area', 'disability', 'inCare', 'youngCarer', 'parentCarer'])
    expect(isDemographicField('inCare')).toBe(true)
    expect(isDemographicField('shoeSize')).toBe(false)
    expect(isDemographicField(undefined)).toBe(false)
  })
  it('has standard categories for every field except area, which the planner lists', () => {
    expect(standardDemographicOptions.ageBand).toEqual(['age-under-8', 'age-8-10', 'age-11-13', 'age-14-16', 'age-17-19', 'age-20-25'])
    expect(standardDemographicOptions.gender).toEqual(['girl', 'boy', 'non-binary', SELF_DESCRIBE_OPTION])
    expect(standardDemographicOptions.area).toBeNull()
    for (const field of ['disability', 'inCare', 'youngCarer', 'parentCarer'] as const) expect(standardDemographicOptions[field]).toEqual(['yes', 'no', 'not-sure'])
  })
})
