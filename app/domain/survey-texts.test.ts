import { describe, expect, it } from 'vitest'
import type { TextEntry } from './content'
import { isTextPage, missingRows, readTextForm, slotName, textPage, textSlots, textSummary } from './survey-texts'

const slots = textSlots('c1', [
  { id: 'q1', options: [{ id: 'o1' }, { id: 'o2' }] },
  { id: 'q2', options: [] },
])
const entry = (entityType: string, entityId: string, field: string, locale: string, register: 'plain' | 'easy', value: string): TextEntry => ({
  entityType,
  entityId,
  field,
  locale,
  register,
  value,
})
const texts: TextEntry[] = [
  entry('consultation', 'c1', 'title', 'en', 'plain', 'Summer play'),
  entry('consultation', 'c1', 'title', 'cy', 'plain', 'Chwarae haf'),
  entry('question', 'q1', 'prompt', 'en', 'plain', 'What do you like?'),
  entry('question', 'q1', 'prompt', 'en', 'easy', 'What do you like best?'),
  entry('option', 'o1', 'label', 'en', 'plain', 'Parks'),
  entry('option', 'o2', 'label', 'en', 'plain', 'Pools'),
  entry('option', 'o2', 'label', 'cy', 'plain', 'Pyllau'),
  entry('question', 'q2', 'prompt', 'en', 'plain', 'Tell us more'),
]

describe('textSlots', () => {
  it('lists the consultation’s texts, then each question’s, in order', () => {
    expect(slots.map((s) => `${s.entityType}:${s.entityId}:${s.field}:${s.questionNumber ?? '-'}:${s.optionNumber ?? '-'}`)).toEqual([
      'consultation:c1:title:-:-',
      'consultation:c1:description:-:-',
      'question:q1:prompt:1:-',
      'question:q1:hint:1:-',
      'option:o1:label:1:1',
      'option:o2:label:1:2',
      'question:q2:prompt:2:-',
      'question:q2:hint:2:-',
    ])
    expect(slotName(slots[4])).toBe('text-option-o1-label')
  })
})

describe('textPage', () => {
  it('shows each text that exists in the default language beside this language’s box', () => {
    const rows = textPage(slots, texts, { locale: 'cy', register: 'plain', defaultLocale: 'en' })
    expect(rows.map((r) => [r.name, r.source, r.value])).toEqual([
      ['text-consultation-c1-title', 'Summer play', 'Chwarae haf'],
      ['text-question-q1-prompt', 'What do you like?', ''],
      ['text-option-o1-label', 'Parks', ''],
      ['text-option-o2-label', 'Pools', 'Pyllau'],
      ['text-question-q2-prompt', 'Tell us more', ''],
    ])
    expect(missingRows(rows).map((r) => r.name)).toEqual(['text-question-q1-prompt', 'text-option-o1-label', 'text-question-q2-prompt'])
  })
  it('shows the Easy Read source in another language’s Easy Read page when there is one', () => {
    const rows = textPage(slots, texts, { locale: 'cy', register: 'easy', defaultLocale: 'en' })
    expect(rows.find((r) => r.name === 'text-question-q1-prompt')).toMatchObject({ source: 'What do you like best?', sourceRegister: 'easy' })
    const english = textPage(slots, texts, { locale: 'en', register: 'easy', defaultLocale: 'en' })
    expect(english.find((r) => r.name === 'text-question-q1-prompt')).toMatchObject({ source: 'What do you like?', sourceRegister: 'plain', value: 'What do you like best?' })
  })
})

describe('pages and what is left', () => {
  const options = { locales: ['en', 'cy', 'ar'], defaultLocale: 'en' }
  it('has no plain page for the default language (those texts are on the question pages)', () => {
    expect(isTextPage('en', 'plain', options)).toBe(false)
    expect(isTextPage('en', 'easy', options)).toBe(true)
    expect(isTextPage('cy', 'plain', options)).toBe(true)
    expect(isTextPage('fr', 'plain', options)).toBe(false)
    expect(isTextPage('cy', 'loud', options)).toBe(false)
  })
  it('counts what is missing on each page', () => {
    expect(textSummary(slots, texts, options)).toEqual([
      { locale: 'cy', register: 'plain', total: 5, missing: 3 },
      { locale: 'ar', register: 'plain', total: 5, missing: 5 },
      { locale: 'en', register: 'easy', total: 5, missing: 4 },
      { locale: 'cy', register: 'easy', total: 5, missing: 5 },
      { locale: 'ar', register: 'easy', total: 5, missing: 5 },
    ])
  })
})

describe('readTextForm', () => {
  const rows = textPage(slots, texts, { locale: 'cy', register: 'plain', defaultLocale: 'en' })
  it('lists what changed: added, changed, removed; a box not sent is left alone', () => {
    const form = new FormData()
    form.set('text-consultation-c1-title', ' Chwarae yn yr haf ')
    form.set('text-question-q1-prompt', 'Beth wyt ti’n ei hoffi?')
    form.set('text-option-o1-label', '')
    form.set('text-option-o2-label', '')
    const result = readTextForm(rows, form)
    expect(result.ok && result.changes.map((c) => [c.slot.entityId, c.slot.field, c.before, c.after])).toEqual([
      ['c1', 'title', 'Chwarae haf', 'Chwarae yn yr haf'],
      ['q1', 'prompt', null, 'Beth wyt ti’n ei hoffi?'],
      ['o2', 'label', 'Pyllau', null],
    ])
  })
  it('refuses a text that is too long, keeping what was typed', () => {
    const form = new FormData()
    form.set('text-question-q1-prompt', 'x'.repeat(5001))
    const result = readTextForm(rows, form)
    expect(result).toMatchObject({ ok: false, errors: { 'text-question-q1-prompt': { code: 'tooLong', values: { max: 5000 } } } })
    expect(!result.ok && result.values['text-question-q1-prompt']).toHaveLength(5001)
  })
})
