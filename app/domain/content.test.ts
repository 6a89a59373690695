import { describe, expect, it } from 'vitest'
import { createTextLookup, createTextResolver, langAttribute, type TextEntry } from './content'

const entries: TextEntry[] = [
  { entityType: 'question', entityId: 'q1', field: 'prompt', locale: 'en', register: 'plain', value: 'How safe do you feel where you live?' },
  { entityType: 'question', entityId: 'q1', field: 'prompt', locale: 'en', register: 'easy', value: 'Do you feel safe at home?' },
  { entityType: 'question', entityId: 'q1', field: 'prompt', locale: 'cy', register: 'plain', value: "Pa mor ddiogel wyt ti'n teimlo lle rwyt ti'n byw?" },
  { entityType: 'question', entityId: 'q2', field: 'prompt', locale: 'en', register: 'plain', value: 'Tell us more' },
  { entityType: 'question', entityId: 'q2', field: 'prompt', locale: 'cy', register: 'plain', value: '' },
]

describe('createTextLookup', () => {
  it('uses the chosen language and register when present', () => {
    const text = createTextLookup(entries, { locale: 'en', defaultLocale: 'en', register: 'easy' })
    expect(text('question', 'q1', 'prompt')).toBe('Do you feel safe at home?')
  })

  it('falls back from Easy Read to plain in the chosen language before changing language', () => {
    const text = createTextLookup(entries, { locale: 'cy', defaultLocale: 'en', register: 'easy' })
    expect(text('question', 'q1', 'prompt')).toBe("Pa mor ddiogel wyt ti'n teimlo lle rwyt ti'n byw?")
  })

  it('falls back to the default language when a translation is missing or empty', () => {
    const text = createTextLookup(entries, { locale: 'cy', defaultLocale: 'en', register: 'plain' })
    expect(text('question', 'q2', 'prompt')).toBe('Tell us more')
  })

  it('returns null when no text exists at all', () => {
    const text = createTextLookup(entries, { locale: 'en', defaultLocale: 'en', register: 'plain' })
    expect(text('question', 'q3', 'prompt')).toBeNull()
    expect(text('question', 'q1', 'hint')).toBeNull()
  })
})

describe('createTextResolver and langAttribute', () => {
  it('says which language and register a text was found in', () => {
    const resolve = createTextResolver(entries, { locale: 'cy', defaultLocale: 'en', register: 'easy' })
    expect(resolve('question', 'q1', 'prompt')).toEqual({ value: "Pa mor ddiogel wyt ti'n teimlo lle rwyt ti'n byw?", locale: 'cy', register: 'plain' })
    expect(resolve('question', 'q2', 'prompt')).toEqual({ value: 'Tell us more', locale: 'en', register: 'plain' })
    expect(resolve('question', 'q3', 'prompt')).toBeNull()
  })

  it('gives a fallback text its own language as lang, and a text in the page language none', () => {
    const resolve = createTextResolver(entries, { locale: 'ar', defaultLocale: 'en', register: 'easy' })
    const fallback = resolve('question', 'q1', 'prompt')
    expect(fallback?.value).toBe('Do you feel safe at home?')
    expect(langAttribute(fallback, 'ar')).toBe('en')
    expect(langAttribute(createTextResolver(entries, { locale: 'cy', defaultLocale: 'en', register: 'plain' })('question', 'q1', 'prompt'), 'cy')).toBeUndefined()
    expect(langAttribute(null, 'ar')).toBeUndefined()
  })
})
