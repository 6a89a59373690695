import { describe, expect, it } from 'vitest'
import { formatIssuePath, parseSurveyDefinition, sortLocalised, stringifySurveyDefinition, validateSurveyDefinition } from './survey-definition'

function minimal() {
  return {
    format: 'have-your-say/survey',
    version: 1,
    consultation: {
      defaultLocale: 'en',
      anonymity: 'anonymous',
      lawfulBasis: 'public_task',
      retentionDays: 365,
      symbolModeDefault: false,
      audience: ['age-8-10'],
      title: { en: 'Parks', cy: 'Parciau' },
    },
    themes: [{ key: 'play', title: 'Play', description: null }],
    questions: [
      {
        key: 'fav',
        type: 'single',
        required: true,
        config: {},
        symbol: 'openmoji:1F600',
        audio: null,
        prompt: { en: 'Which park?' },
        options: [
          { key: 'a', symbol: null, label: { en: 'A' }, themes: ['play'] },
          { key: 'b', symbol: null, label: { en: 'B' }, themes: [] },
        ],
      },
      {
        key: 'why',
        type: 'text',
        required: false,
        config: { maxLength: 200 },
        symbol: null,
        audio: null,
        prompt: { en: 'Why?' },
        easyRead: { prompt: { en: 'Tell us why.' } },
        options: [],
      },
    ],
  }
}

function pathsOf(value: unknown): string[] {
  const result = validateSurveyDefinition(value)
  return result.ok ? [] : result.errors.map((e) => e.path)
}

describe('survey definition schema', () => {
  it('accepts a good definition and keeps question settings exactly as written', () => {
    const result = validateSurveyDefinition(minimal())
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.definition.questions[1].config).toEqual({ maxLength: 200 })
  })

  it('fills in defaults for a hand-written file', () => {
    const input = minimal() as Record<string, unknown>
    delete input.themes
    const q = (input.questions as Array<Record<string, unknown>>)[1]
    delete q.symbol
    delete q.audio
    delete q.required
    const result = validateSurveyDefinition(input)
    expect(result.ok).toBe(false) // option a names theme "play", which is now not defined
    if (!result.ok) expect(result.errors).toEqual([{ path: 'questions[0].options[0].themes[0]', message: 'names the theme "play", which is not in "themes"' }])
  })

  it('names the path of every problem', () => {
    const bad = minimal() as any
    bad.questions[0].options[0].label = {}
    bad.questions[0].type = 'dropdown'
    bad.questions[1].config = { maxLength: 0 }
    bad.consultation.audience = ['toddlers']
    bad.consultation.retentionDays = 1.5
    expect(pathsOf(bad).sort()).toEqual([
      'consultation.audience[0]',
      'consultation.retentionDays',
      'questions[0].options[0].label',
      'questions[0].type',
      'questions[1].config.maxLength',
    ])
  })

  it('checks keys and languages across the file together with the shape problems', () => {
    const bad = minimal() as any
    bad.questions[0].options[1].key = 'a'
    bad.questions[1].key = 'fav'
    bad.consultation.title = { cy: 'Parciau' }
    bad.themes.push({ key: 'play', title: 'Again', description: null })
    bad.consultation.audience = ['toddlers']
    bad.questions[0].type = 'dropdown'
    expect(pathsOf(bad).sort()).toEqual(['consultation.audience[0]', 'consultation.title', 'questions[0].options[1].key', 'questions[0].type', 'questions[1].key', 'themes[1].key'])
  })

  it('refuses unknown fields, bad symbols and options on a text question', () => {
    const bad = minimal() as any
    bad.questions[0].colour = 'red'
    bad.questions[0].symbol = 'clipart:cat'
    bad.questions[1].options = [{ key: 'x', label: { en: 'X' } }]
    bad.questions[1].audio = 'https://elsewhere.example/clip.mp3'
    const result = validateSurveyDefinition(bad)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.map((e) => e.path).sort()).toEqual(['questions[0]', 'questions[0].symbol', 'questions[1].audio', 'questions[1].options'])
    expect(result.errors.find((e) => e.path === 'questions[0]')?.message).toContain('colour')
  })

  it('needs options on a choice question, and a language code for each text', () => {
    const bad = minimal() as any
    bad.questions[0].options = []
    bad.questions[1].prompt = { English: 'Why?' }
    expect(pathsOf(bad).sort()).toEqual(['questions[0].options', 'questions[1].prompt.English'])
  })

  it('reads the file text: not JSON, empty, another version, another format', () => {
    expect(parseSurveyDefinition('{ nope')).toMatchObject({ ok: false, errors: [{ path: '' }] })
    expect(parseSurveyDefinition('  ')).toEqual({ ok: false, errors: [{ path: '', message: 'is empty' }] })
    expect(parseSurveyDefinition(JSON.stringify({ ...minimal(), version: 2 }))).toEqual({ ok: false, errors: [{ path: 'version', message: 'is 2; this site reads version 1' }] })
    expect(pathsOf({ ...minimal(), format: 'other' })).toEqual(['format'])
  })

  it('writes a file that reads back to the same definition', () => {
    const result = validateSurveyDefinition(minimal())
    if (!result.ok) throw new Error('fixture invalid')
    const again = parseSurveyDefinition(stringifySurveyDefinition(result.definition))
    expect(again).toEqual(result)
  })

  it('formats paths and orders languages', () => {
    expect(formatIssuePath(['questions', 3, 'options', 0, 'label'])).toBe('questions[3].options[0].label')
    expect(formatIssuePath([])).toBe('')
    expect(Object.keys(sortLocalised({ cy: 'b', ar: 'c', en: 'a' }, 'en'))).toEqual(['en', 'ar', 'cy'])
    expect(Object.keys(sortLocalised({ cy: 'b', ar: 'c', en: 'a' }, 'cy'))).toEqual(['cy', 'ar', 'en'])
  })
})
