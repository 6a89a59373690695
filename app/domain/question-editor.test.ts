import { describe, expect, it } from 'vitest'
import {
  classifyEdit,
  decideEdit,
  decideStructureChange,
  keyFromText,
  moveInOrder,
  moveOptionRow,
  nextVersionSlug,
  type OptionFormValues,
  optionRules,
  type QuestionFormValues,
  type QuestionSnapshot,
  readQuestionForm,
  settingFields,
  startingOptionKeys,
  uniqueKey,
  validateQuestionForm,
  withBlankRows,
} from './question-editor'
import { questionTypes } from './survey'

const row = (label: string, extra: Partial<OptionFormValues> = {}): OptionFormValues => ({ id: '', key: '', label, themes: [], remove: false, ...extra })
const form = (values: Partial<QuestionFormValues>): QuestionFormValues => ({
  type: 'single',
  key: '',
  prompt: 'What do you like?',
  hint: '',
  required: false,
  settings: {},
  options: [],
  ...values,
})
const context = { otherQuestionKeys: ['likes'], themeIds: ['theme-1'], optionIds: ['o1', 'o2'] }

describe('settingFields: read from the zod config schemas', () => {
  it('gives every type its settings as form fields', () => {
    expect(settingFields('single')).toEqual([])
    expect(settingFields('multi')).toEqual([{ name: 'maxChoices', kind: 'integer', min: 1, max: null, optional: true, defaultValue: null }])
    expect(settingFields('ranking')).toEqual([{ name: 'rankCount', kind: 'integer', min: 1, max: null, optional: true, defaultValue: null }])
    expect(settingFields('scale')).toEqual([{ name: 'style', kind: 'choice', choices: ['emoji', 'symbol'], defaultValue: 'emoji' }])
    expect(settingFields('text')).toEqual([{ name: 'maxLength', kind: 'integer', min: 1, max: 10000, optional: false, defaultValue: 500 }])
    expect(settingFields('demographic')[0]).toMatchObject({ name: 'field', kind: 'choice', defaultValue: null })
    expect(settingFields('consent')).toEqual([{ name: 'purpose', kind: 'choice', choices: ['quote', 'picture', 'contact', 'other'], defaultValue: null }])
    expect(settingFields('story')).toEqual([
      { name: 'maxLength', kind: 'integer', min: 1, max: 10000, optional: false, defaultValue: 1000 },
      { name: 'allowPicture', kind: 'checkbox', defaultValue: true },
    ])
  })
  it('has an option rule for every type', () => {
    for (const type of questionTypes) expect(optionRules[type]).toBeDefined()
  })
})

describe('readQuestionForm', () => {
  it('reads the fields, settings of the type and each option row', () => {
    const data = new FormData()
    for (const [k, v] of Object.entries({ type: 'multi', key: ' likes-2 ', prompt: 'Pick', hint: '', required: 'on', 'setting-maxChoices': ' 3 ', optionRows: '2' })) data.set(k, v)
    data.set('option-0-label', 'Parks')
    data.append('option-0-themes', 'theme-1')
    data.set('option-1-id', 'o2')
    data.set('option-1-key', 'pools')
    data.set('option-1-label', 'Pools')
    data.set('option-1-remove', 'on')
    expect(readQuestionForm(data)).toEqual({
      type: 'multi',
      key: 'likes-2',
      prompt: 'Pick',
      hint: '',
      required: true,
      settings: { maxChoices: '3' },
      options: [row('Parks', { themes: ['theme-1'] }), { id: 'o2', key: 'pools', label: 'Pools', themes: [], remove: true }],
    })
  })
  it('caps the number of rows read', () => {
    const data = new FormData()
    data.set('type', 'single')
    data.set('optionRows', '100000')
    expect(readQuestionForm(data).options).toHaveLength(60)
  })
})

describe('validateQuestionForm', () => {
  it('accepts a single-choice question, making keys from the words', () => {
    const result = validateQuestionForm(form({ options: [row('Parks and play areas!'), row('Pools'), row('')] }), context)
    expect(result).toEqual({
      ok: true,
      question: {
        type: 'single',
        key: 'what-do-you-like',
        required: false,
        config: {},
        prompt: 'What do you like?',
        hint: null,
        options: [
          { id: null, key: 'parks-and-play-areas', label: 'Parks and play areas!', themes: [] },
          { id: null, key: 'pools', label: 'Pools', themes: [] },
        ],
      },
    })
  })
  it('puts each problem beside its field', () => {
    const result = validateQuestionForm(
      form({ prompt: ' ', key: 'likes', options: [row('A', { key: 'a' }), row('', { key: 'a' }), row('C', { key: 'bad key', themes: ['nope'] })] }),
      context
    )
    expect(result).toEqual({
      ok: false,
      errors: {
        prompt: { code: 'promptMissing' },
        key: { code: 'keyTaken' },
        'option-1-label': { code: 'labelMissing' },
        'option-1-key': { code: 'optionKeyRepeated' },
        'option-2-key': { code: 'keyFormat' },
        'option-2-themes': { code: 'themeUnknown' },
      },
    })
  })
  it('needs enough options, and none for free text', () => {
    expect(validateQuestionForm(form({ options: [row('Only one')] }), context)).toMatchObject({ ok: false, errors: { options: { code: 'optionCount', values: { min: 2 } } } })
    expect(validateQuestionForm(form({ type: 'text', settings: { maxLength: '' }, options: [row('x')] }), context)).toMatchObject({
      ok: false,
      errors: { options: { code: 'noOptions' } },
    })
    const text = validateQuestionForm(form({ type: 'text', settings: { maxLength: '' } }), context)
    expect(text).toMatchObject({ ok: true, question: { config: { maxLength: 500 }, options: [] } })
  })
  it('checks numbers against the schema and the options', () => {
    const options = [row('A'), row('B'), row('C')]
    expect(validateQuestionForm(form({ type: 'multi', settings: { maxChoices: 'two' }, options }), context)).toMatchObject({
      errors: { 'setting-maxChoices': { code: 'settingNumber' } },
    })
    expect(validateQuestionForm(form({ type: 'multi', settings: { maxChoices: '0' }, options }), context)).toMatchObject({
      errors: { 'setting-maxChoices': { code: 'settingRange' } },
    })
    expect(validateQuestionForm(form({ type: 'multi', settings: { maxChoices: '4' }, options }), context)).toMatchObject({
      errors: { 'setting-maxChoices': { code: 'moreThanOptions', values: { total: 3 } } },
    })
    expect(validateQuestionForm(form({ type: 'ranking', settings: { rankCount: '2' }, options }), context)).toMatchObject({ ok: true, question: { config: { rankCount: 2 } } })
    expect(validateQuestionForm(form({ type: 'ranking', settings: { rankCount: '' }, options }), context)).toMatchObject({ ok: true, question: { config: {} } })
    expect(validateQuestionForm(form({ type: 'text', settings: { maxLength: '20000' } }), context)).toMatchObject({
      errors: { 'setting-maxLength': { code: 'settingRange', values: { min: 1, max: 10000 } } },
    })
  })
  it('reads a story’s limit and picture box, with no options', () => {
    expect(validateQuestionForm(form({ type: 'story', settings: { maxLength: '800', allowPicture: '' } }), context)).toMatchObject({
      ok: true,
      question: { config: { maxLength: 800, allowPicture: false } },
    })
    expect(validateQuestionForm(form({ type: 'story', settings: { maxLength: '', allowPicture: 'on' } }), context)).toMatchObject({
      ok: true,
      question: { config: { maxLength: 1000, allowPicture: true } },
    })
    expect(validateQuestionForm(form({ type: 'story', settings: {}, options: [row('x')] }), context)).toMatchObject({ errors: { options: { code: 'noOptions' } } })
  })
  it('allows 2, 3 or 5 scale points', () => {
    const points = (n: number) => Array.from({ length: n }, (_, i) => row(`Point ${i + 1}`))
    expect(validateQuestionForm(form({ type: 'scale', settings: { style: '' }, options: points(3) }), context)).toMatchObject({
      ok: true,
      question: { config: { style: 'emoji' } },
    })
    expect(validateQuestionForm(form({ type: 'scale', settings: { style: 'symbol' }, options: points(5) }), context)).toMatchObject({
      ok: true,
      question: { config: { style: 'symbol' } },
    })
    expect(validateQuestionForm(form({ type: 'scale', settings: { style: 'emoji' }, options: points(4) }), context)).toMatchObject({ errors: { options: { code: 'scalePoints' } } })
    expect(validateQuestionForm(form({ type: 'scale', settings: { style: 'glitter' }, options: points(3) }), context)).toMatchObject({
      errors: { 'setting-style': { code: 'settingChoose' } },
    })
  })
  it('needs yes and no on a consent question, and a purpose', () => {
    const yesNo = [row('Yes', { key: 'yes' }), row('No', { key: 'no' })]
    expect(validateQuestionForm(form({ type: 'consent', settings: { purpose: 'quote' }, options: yesNo, required: true }), context)).toMatchObject({
      ok: true,
      question: { required: true, config: { purpose: 'quote' } },
    })
    expect(validateQuestionForm(form({ type: 'consent', settings: { purpose: '' }, options: yesNo }), context)).toMatchObject({
      errors: { 'setting-purpose': { code: 'settingChoose' } },
    })
    expect(
      validateQuestionForm(form({ type: 'consent', settings: { purpose: 'quote' }, options: [row('Yes', { key: 'yes' }), row('Maybe', { key: 'maybe' })] }), context)
    ).toMatchObject({ errors: { options: { code: 'consentOptions' } } })
  })
  it('keeps demographic questions optional, with the standard categories (area: the planner lists the places)', () => {
    const gender = [row('Girl', { key: 'girl' }), row('Boy', { key: 'boy' })]
    expect(validateQuestionForm(form({ type: 'demographic', settings: { field: 'gender' }, options: gender, required: true }), context)).toMatchObject({
      ok: true,
      question: { required: false },
    })
    expect(validateQuestionForm(form({ type: 'demographic', settings: { field: 'gender' }, options: [...gender, row('Other', { key: 'other' })] }), context)).toMatchObject({
      errors: { options: { code: 'demographicOptions' } },
    })
    expect(validateQuestionForm(form({ type: 'demographic', settings: { field: 'area' }, options: [row('North'), row('South')] }), context)).toMatchObject({
      ok: true,
      question: { config: { field: 'area' } },
    })
  })
  it('refuses a row naming an option that is not the question’s, and an unknown type', () => {
    expect(validateQuestionForm(form({ options: [row('A', { id: 'elsewhere', key: 'a' }), row('B')] }), context)).toMatchObject({
      errors: { 'option-0-label': { code: 'optionUnknown' } },
    })
    expect(validateQuestionForm(form({ type: 'poll' }), context)).toEqual({ ok: false, errors: { type: { code: 'typeMissing' } } })
  })
  it('ignores rows marked for removal', () => {
    expect(validateQuestionForm(form({ options: [row('A'), row('B'), row('C', { remove: true })] }), context)).toMatchObject({
      ok: true,
      question: { options: [{ key: 'a' }, { key: 'b' }] },
    })
  })
})

describe('keys and rows', () => {
  it('makes keys from words, falling back when there are no Latin letters or digits', () => {
    expect(keyFromText('  Café crème — 2 sugars ', 'x')).toBe('cafe-creme-2-sugars')
    expect(keyFromText('ماذا تحب', 'q3')).toBe('q3')
    expect(uniqueKey('parks', new Set(['parks', 'parks-2']))).toBe('parks-3')
  })
  it('moves a row and adds blank rows', () => {
    const rows = [row('A'), row('B'), row('C')]
    expect(moveOptionRow(rows, 2, 'up').map((r) => r.label)).toEqual(['A', 'C', 'B'])
    expect(moveOptionRow(rows, 0, 'up')).toBe(rows)
    expect(withBlankRows([row('A'), row('')], 2).map((r) => r.label)).toEqual(['A', '', ''])
  })
  it('starts consent with yes and no, and a demographic field with its categories', () => {
    expect(startingOptionKeys('consent')).toEqual(['yes', 'no'])
    expect(startingOptionKeys('demographic', 'inCare')).toEqual(['yes', 'no', 'not-sure'])
    expect(startingOptionKeys('demographic', 'area')).toEqual([])
    expect(startingOptionKeys('single')).toEqual([])
  })
})

describe('moveInOrder', () => {
  it('swaps with the neighbour, or says it cannot move', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c'])
    expect(moveInOrder(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b'])
    expect(moveInOrder(['a', 'b', 'c'], 'a', 'up')).toBeNull()
    expect(moveInOrder(['a', 'b', 'c'], 'c', 'down')).toBeNull()
    expect(moveInOrder(['a'], 'z', 'down')).toBeNull()
  })
})

describe('the structure lock', () => {
  const before: QuestionSnapshot = {
    type: 'multi',
    key: 'likes',
    required: false,
    config: { maxChoices: 2 },
    prompt: 'What do you like?',
    hint: null,
    options: [
      { id: 'o1', key: 'parks', label: 'Parks', themes: ['t1'] },
      { id: 'o2', key: 'pools', label: 'Pools', themes: [] },
    ],
  }
  const same = { ...before, type: 'multi' as const, options: before.options.map((o) => ({ ...o })) }

  it('sees wording and theme links as not structural', () => {
    const after = { ...same, prompt: 'What do you love?', hint: 'Pick two', options: [{ ...same.options[0], label: 'Parks and playgrounds', themes: [] }, same.options[1]] }
    expect(classifyEdit(before, after)).toEqual({
      structural: [],
      wording: [
        { entityType: 'question', optionId: null, field: 'prompt', before: 'What do you like?', after: 'What do you love?' },
        { entityType: 'question', optionId: null, field: 'hint', before: null, after: 'Pick two' },
        { entityType: 'option', optionId: 'o1', field: 'label', before: 'Parks', after: 'Parks and playgrounds' },
      ],
      themeLinks: ['o1'],
    })
    expect(classifyEdit(before, same)).toEqual({ structural: [], wording: [], themeLinks: [] })
  })
  it('names each structural change', () => {
    expect(classifyEdit(before, { ...same, type: 'single', config: {} }).structural).toEqual(['type', 'settings'])
    expect(classifyEdit(before, { ...same, key: 'loves', required: true }).structural).toEqual(['key', 'required'])
    expect(classifyEdit(before, { ...same, options: [same.options[1], same.options[0]] }).structural).toEqual(['optionsReordered'])
    expect(classifyEdit(before, { ...same, options: [same.options[0]] }).structural).toEqual(['optionsRemoved'])
    expect(classifyEdit(before, { ...same, options: [...same.options, { id: null, key: 'zoo', label: 'Zoo', themes: [] }] }).structural).toEqual(['optionsAdded'])
    expect(classifyEdit(before, { ...same, options: [{ ...same.options[0], key: 'park' }, same.options[1]] }).structural).toEqual(['optionKeys'])
  })
  it('refuses structure only when locked', () => {
    expect(decideEdit(false, ['type'])).toEqual({ allowed: true })
    expect(decideEdit(true, [])).toEqual({ allowed: true })
    expect(decideEdit(true, ['type', 'optionKeys'])).toEqual({ allowed: false, reason: 'locked', changes: ['type', 'optionKeys'] })
    expect(decideStructureChange(true)).toMatchObject({ allowed: false })
    expect(decideStructureChange(false)).toEqual({ allowed: true })
  })
  it('suggests the next version’s web address', () => {
    expect(nextVersionSlug('summer-play', 2)).toBe('summer-play-v2')
    expect(nextVersionSlug('summer-play-v2', 3)).toBe('summer-play-v3')
  })
})
