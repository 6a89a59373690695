// A story question (issue 5): reading the form, the marker row, and its place in survey files.
import { describe, expect, it } from 'vitest'
import { answerToRows, parseAnswer, rowsToAnswer } from './answers'
import { parseQuestionConfig } from './question-config'
import type { SurveyQuestion } from './survey'
import { validateSurveyDefinition } from './survey-definition'

const base = { id: 'q', key: 'story', position: 1, required: false, prompt: 'Tell us your story', hint: null, symbol: null, options: [] }
const story: SurveyQuestion = { ...base, type: 'story', config: { maxLength: 20, allowPicture: true } }
const noPictures: SurveyQuestion = { ...base, type: 'story', config: { maxLength: 20, allowPicture: false } }

function form(entries: Array<[string, string | File]>) {
  const data = new FormData()
  for (const [k, v] of entries) data.append(k, v)
  return data
}
const picture = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'me.jpg', { type: 'image/jpeg' })
const noFile = () => new File([], '', { type: 'application/octet-stream' })

describe('parseAnswer: story', () => {
  it('reads the words and the consents, which are off unless ticked', () => {
    expect(parseAnswer(story, form([['answer', '  A den! '], ['picture', noFile()]]))).toEqual({
      ok: true,
      answer: { kind: 'story', text: 'A den!', consentWords: false, consentPicture: false, picture: false },
    })
    expect(parseAnswer(story, form([['answer', 'A den'], ['consentWords', 'yes'], ['consentPicture', 'yes'], ['picture', picture()]]))).toEqual({
      ok: true,
      answer: { kind: 'story', text: 'A den', consentWords: true, consentPicture: true, picture: true },
    })
    // Anything but "yes" is not consent.
    expect(parseAnswer(story, form([['answer', 'A den'], ['consentWords', 'on']]))).toMatchObject({ ok: true, answer: { consentWords: false } })
  })
  it('takes a picture with no words, or a picture kept from before, and asks for something when there is neither', () => {
    expect(parseAnswer(story, form([['answer', ''], ['picture', picture()]]))).toMatchObject({ ok: true, answer: { text: '', picture: true } })
    expect(parseAnswer(story, form([['answer', ''], ['hadPicture', 'yes']]))).toMatchObject({ ok: true, answer: { picture: true } })
    expect(parseAnswer(story, form([['answer', ' '], ['hadPicture', 'yes'], ['removePicture', 'yes']]))).toEqual({
      ok: false,
      errors: [{ field: 'answer', messageKey: 'story.errors.empty' }],
      draft: { kind: 'story', text: '', consentWords: false, consentPicture: false, picture: false, removePicture: true },
    })
  })
  it('refuses words over the limit, keeping them and the consents to show again', () => {
    const result = parseAnswer(story, form([['answer', 'x'.repeat(21)], ['consentWords', 'yes']]))
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'answer', messageKey: 'errors.tooLong', values: { max: 20, count: 21 } }],
      draft: { kind: 'story', text: 'x'.repeat(21), consentWords: true, consentPicture: false, picture: false },
    })
  })
  it('refuses a picture where the question takes none', () => {
    expect(parseAnswer(noPictures, form([['answer', 'Hi'], ['picture', picture()]]))).toMatchObject({ ok: false, errors: [{ field: 'picture', messageKey: 'story.errors.noPictureHere' }] })
  })
  it('"I don\'t want to say" skips it', () => {
    expect(parseAnswer(story, form([['intent', 'skip']]))).toEqual({ ok: true, answer: { kind: 'skipped' } })
  })
})

describe('story rows', () => {
  it('stores a marker only: the words live in the story table', () => {
    const rows = answerToRows(story, { kind: 'story', text: 'Private words', consentWords: true, consentPicture: false, picture: false })
    expect(rows).toEqual([{ optionId: null, rank: null, value: null, text: null, skipped: false }])
    expect(rowsToAnswer(story, rows)).toMatchObject({ kind: 'story', text: '' })
    expect(JSON.stringify(rows)).not.toContain('Private')
  })
})

describe('story settings and survey files', () => {
  it('defaults to 1000 letters and a picture allowed', () => {
    expect(parseQuestionConfig('story', '{}')).toEqual({ maxLength: 1000, allowPicture: true })
    expect(() => parseQuestionConfig('story', '{"maxLength":0}')).toThrow()
  })
  it('a story question is valid in a survey file without options, and not with them', () => {
    const file = (options: unknown[]) => ({
      format: 'have-your-say/survey',
      version: 1,
      consultation: { defaultLocale: 'en', anonymity: 'anonymous', lawfulBasis: 'public_task', retentionDays: 365, title: { en: 'Stories' } },
      questions: [{ key: 'story', type: 'story', config: { maxLength: 800, allowPicture: false }, prompt: { en: 'Tell us' }, options }],
    })
    const ok = validateSurveyDefinition(file([]))
    expect(ok.ok && ok.definition.questions[0]).toMatchObject({ type: 'story', config: { maxLength: 800, allowPicture: false } })
    expect(validateSurveyDefinition(file([{ key: 'a', label: { en: 'A' } }]))).toEqual({ ok: false, errors: [{ path: 'questions[0].options', message: 'a story question has no options' }] })
  })
})
