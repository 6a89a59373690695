// What a participant can answer to each question type, how a submitted form becomes an answer,
// and how an answer is stored and shown again (so Back and resume keep what was given).
import { SELF_DESCRIBE_MAX_LENGTH, SELF_DESCRIBE_OPTION } from './demographics'
import { isSkippable, rankingPositions, type SurveyQuestion } from './survey'

export type Answer =
  | { kind: 'skipped' }
  /** selfDescribed: a demographic answer's own words, given with the "describe myself another way" option */
  | { kind: 'choice'; optionKeys: string[]; selfDescribed?: string }
  /** chosen: on a refused page only, the number the participant gave each item, so it can be shown again as given */
  | { kind: 'ranking'; order: string[]; chosen?: Record<string, number> }
  | { kind: 'text'; text: string }
  /**
   * A story (issue 5). The words and consents live in the story table, the picture in the image table;
   * the answer table only marks the question answered. picture: a picture is saved with it (or, on a
   * refused page, was saved before); removePicture: the participant asked to take the saved one off.
   */
  | { kind: 'story'; text: string; consentWords: boolean; consentPicture: boolean; picture: boolean; removePicture?: boolean }

/** An error for one field, as a translation key the page turns into words. */
export interface FieldError {
  field: string
  messageKey: string
  values?: Record<string, string | number>
}

export type ParsedAnswer = { ok: true; answer: Answer } | { ok: false; errors: FieldError[]; draft: Answer | null }

/** Minimal view of FormData so the domain does not depend on the web platform. */
export interface FormFields {
  get(name: string): FormDataEntryValue | null
  getAll(name: string): FormDataEntryValue[]
}

export const fieldIds = {
  choice: (question: SurveyQuestion) => `answer-${question.options[0]?.key ?? 'none'}`,
  rank: (optionKey: string) => `rank-${optionKey}`,
  text: 'answer',
  /** a story's file input and consent boxes */
  picture: 'picture',
  consentWords: 'consent-words',
  consentPicture: 'consent-picture',
  /** the box beside a demographic question's "describe myself another way" option */
  selfDescribe: 'own-words',
}

function strings(values: FormDataEntryValue[]): string[] {
  return values.filter((v): v is string => typeof v === 'string')
}

/** Reads the answer to one question from a submitted page. `intent=skip` means "I don't want to say". */
export function parseAnswer(question: SurveyQuestion, form: FormFields): ParsedAnswer {
  if (form.get('intent') === 'skip') {
    if (!isSkippable(question)) return { ok: false, errors: [{ field: firstField(question), messageKey: 'errors.required' }], draft: null }
    return { ok: true, answer: { kind: 'skipped' } }
  }
  switch (question.type) {
    case 'single':
    case 'scale':
      return parseSingle(question, form)
    case 'multi':
      return parseMulti(question, form)
    case 'ranking':
      return parseRanking(question, form)
    case 'text':
      return parseText(question, form)
    case 'demographic':
      return parseDemographic(question, form)
    case 'consent':
      return parseSingle(question, form)
    case 'story':
      return parseStory(question, form)
  }
}

/** The field a page-wide error points at: the first control of the question. */
export function firstField(question: SurveyQuestion): string {
  if (question.type === 'text' || question.type === 'story') return fieldIds.text
  if (question.type === 'ranking') return fieldIds.rank(question.options[0]?.key ?? 'none')
  return fieldIds.choice(question)
}

function knownKeys(question: SurveyQuestion): Set<string> {
  return new Set(question.options.map((o) => o.key))
}

function parseSingle(question: SurveyQuestion, form: FormFields): ParsedAnswer {
  const chosen = strings(form.getAll('answer'))
  const field = fieldIds.choice(question)
  if (chosen.length === 0) return { ok: false, errors: [{ field, messageKey: nothingChosenMessage(question) }], draft: null }
  if (chosen.length > 1 || !knownKeys(question).has(chosen[0])) return { ok: false, errors: [{ field, messageKey: 'errors.chooseOne' }], draft: null }
  return { ok: true, answer: { kind: 'choice', optionKeys: chosen } }
}

function nothingChosenMessage(question: SurveyQuestion): string {
  if (question.type === 'scale') return 'errors.chooseScale'
  if (question.type === 'demographic') return 'questions:demographic.errors.choose'
  if (question.type === 'consent') return 'questions:consent.errors.choose'
  return 'errors.chooseOne'
}

/** Single choice; the "describe myself another way" option may bring the participant's own words. */
function parseDemographic(question: Extract<SurveyQuestion, { type: 'demographic' }>, form: FormFields): ParsedAnswer {
  const single = parseSingle(question, form)
  if (!single.ok || single.answer.kind !== 'choice' || single.answer.optionKeys[0] !== SELF_DESCRIBE_OPTION) return single
  // Words typed in the box and then another option chosen are dropped: they no longer describe the answer.
  const words = cleanText(form.get('selfDescribe'))
  if (!words) return single
  const answer: Answer = { kind: 'choice', optionKeys: [SELF_DESCRIBE_OPTION], selfDescribed: words }
  const count = [...words].length
  if (count > SELF_DESCRIBE_MAX_LENGTH) {
    return { ok: false, errors: [{ field: fieldIds.selfDescribe, messageKey: 'errors.tooLong', values: { max: SELF_DESCRIBE_MAX_LENGTH, count } }], draft: answer }
  }
  return { ok: true, answer }
}

function parseMulti(question: Extract<SurveyQuestion, { type: 'multi' }>, form: FormFields): ParsedAnswer {
  const keys = knownKeys(question)
  const chosen = [...new Set(strings(form.getAll('answer')))]
  const field = fieldIds.choice(question)
  // Keep the participant's choices in the page order, whatever order the browser sent them in.
  const ordered = question.options.map((o) => o.key).filter((k) => chosen.includes(k))
  const draft: Answer = { kind: 'choice', optionKeys: ordered }
  if (chosen.some((k) => !keys.has(k))) return { ok: false, errors: [{ field, messageKey: 'errors.unknownOption' }], draft }
  if (chosen.length === 0) return { ok: false, errors: [{ field, messageKey: 'errors.chooseAtLeastOne' }], draft: null }
  const max = question.config.maxChoices
  if (max !== undefined && chosen.length > max) {
    return { ok: false, errors: [{ field, messageKey: 'errors.tooMany', values: { max, count: chosen.length } }], draft }
  }
  return { ok: true, answer: draft }
}

function parseRanking(question: Extract<SurveyQuestion, { type: 'ranking' }>, form: FormFields): ParsedAnswer {
  const positions = rankingPositions(question)
  const byPosition = new Map<number, string[]>()
  const chosen: Record<string, number> = {}
  const errors: FieldError[] = []
  for (const option of question.options) {
    const raw = form.get(`rank-${option.key}`)
    if (raw === null || raw === '') continue
    const position = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : Number.NaN
    if (!(position >= 1 && position <= positions)) {
      errors.push({ field: fieldIds.rank(option.key), messageKey: 'errors.rankOutOfRange', values: { max: positions } })
      continue
    }
    byPosition.set(position, [...(byPosition.get(position) ?? []), option.key])
    chosen[option.key] = position
  }
  for (const [position, optionKeys] of byPosition) {
    if (optionKeys.length > 1) {
      for (const key of optionKeys) errors.push({ field: fieldIds.rank(key), messageKey: 'errors.rankDuplicate', values: { position } })
    }
  }
  const order: string[] = []
  const missing: number[] = []
  for (let position = 1; position <= positions; position++) {
    const keys = byPosition.get(position)
    if (keys) order.push(keys[0])
    else missing.push(position)
  }
  // One message for all unused numbers, on the first item still without one.
  if (missing.length) {
    errors.push({ field: fieldIds.rank(unplacedKey(question, byPosition)), messageKey: missing.length === 1 ? 'errors.rankMissing' : 'errors.rankMissingMany', values: { position: missing[0], positions: missing.join(', ') } })
  }
  const draft: Answer = { kind: 'ranking', order: [...byPosition.entries()].sort(([a], [b]) => a - b).flatMap(([, keys]) => keys), chosen }
  if (errors.length) return { ok: false, errors: dedupe(errors), draft }
  return { ok: true, answer: { kind: 'ranking', order } }
}

function unplacedKey(question: SurveyQuestion, byPosition: Map<number, string[]>): string {
  const placed = new Set([...byPosition.values()].flat())
  return question.options.find((o) => !placed.has(o.key))?.key ?? question.options[0]?.key ?? 'none'
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>()
  return errors.filter((e) => {
    const id = `${e.field}|${e.messageKey}|${JSON.stringify(e.values ?? {})}`
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

function parseText(question: Extract<SurveyQuestion, { type: 'text' }>, form: FormFields): ParsedAnswer {
  const text = cleanText(form.get('answer'))
  const draft: Answer = { kind: 'text', text }
  if (!text) return { ok: false, errors: [{ field: fieldIds.text, messageKey: 'errors.writeSomething' }], draft: null }
  const max = question.config.maxLength
  if ([...text].length > max) return { ok: false, errors: [{ field: fieldIds.text, messageKey: 'errors.tooLong', values: { max, count: [...text].length } }], draft }
  return { ok: true, answer: draft }
}

/** A file field that holds a file (an empty file input sends a nameless, empty one). */
export function hasFile(value: FormDataEntryValue | null): value is File {
  return value !== null && typeof value !== 'string' && value.size > 0
}

/**
 * A story: words (within the limit), consents (each only when ticked), and a picture, new (the file
 * field) or kept from before. Words or a picture must be given. The picture itself is checked by the
 * service (app/services/images.server.ts); here only whether there is one.
 */
function parseStory(question: Extract<SurveyQuestion, { type: 'story' }>, form: FormFields): ParsedAnswer {
  const text = cleanText(form.get('answer'))
  const newPicture = hasFile(form.get('picture'))
  const removePicture = form.get('removePicture') === 'yes'
  const keptPicture = form.get('hadPicture') === 'yes' && !removePicture
  const draft: Answer = {
    kind: 'story',
    text,
    consentWords: form.get('consentWords') === 'yes',
    consentPicture: form.get('consentPicture') === 'yes',
    picture: newPicture || keptPicture,
    ...(removePicture ? { removePicture } : {}),
  }
  if (newPicture && !question.config.allowPicture) return { ok: false, errors: [{ field: fieldIds.picture, messageKey: 'story.errors.noPictureHere' }], draft: { ...draft, picture: keptPicture } }
  if (!text && !newPicture && !keptPicture) return { ok: false, errors: [{ field: fieldIds.text, messageKey: 'story.errors.empty' }], draft }
  const max = question.config.maxLength
  if ([...text].length > max) return { ok: false, errors: [{ field: fieldIds.text, messageKey: 'errors.tooLong', values: { max, count: [...text].length } }], draft: { ...draft, picture: keptPicture } }
  return { ok: true, answer: draft }
}

/** Normalises line endings, strips control characters other than newline and tab, and trims. */
function cleanText(raw: FormDataEntryValue | null): string {
  return (typeof raw === 'string' ? raw : '').replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim()
}

/** A stored answer row, independent of the database library. */
export interface AnswerRow {
  optionId: string | null
  rank: number | null
  value: number | null
  text: string | null
  skipped: boolean
}

export function answerToRows(question: SurveyQuestion, answer: Answer): AnswerRow[] {
  const empty = { optionId: null, rank: null, value: null, text: null, skipped: false }
  const optionByKey = new Map(question.options.map((o, index) => [o.key, { ...o, index }]))
  switch (answer.kind) {
    case 'skipped':
      return [{ ...empty, skipped: true }]
    case 'text':
      return [{ ...empty, text: answer.text }]
    case 'story':
      // A marker only: the words are in the story table, where moderation and redaction apply.
      return [{ ...empty }]
    case 'choice':
      return answer.optionKeys.map((key) => {
        const option = optionByKey.get(key)
        if (!option) throw new Error(`Unknown option ${key} for question ${question.key}`)
        // A scale point also stores its value (1 = first point) so means need no join.
        const value = question.type === 'scale' ? option.index + 1 : null
        // Self-described words are stored on the row of the option they belong to.
        const text = question.type === 'demographic' && key === SELF_DESCRIBE_OPTION && answer.selfDescribed ? answer.selfDescribed : null
        return { ...empty, optionId: option.id, value, text }
      })
    case 'ranking':
      return answer.order.map((key, index) => {
        const option = optionByKey.get(key)
        if (!option) throw new Error(`Unknown option ${key} for question ${question.key}`)
        return { ...empty, optionId: option.id, rank: index + 1 }
      })
  }
}

export function rowsToAnswer(question: SurveyQuestion, rows: AnswerRow[]): Answer | null {
  if (rows.length === 0) return null
  if (rows.some((r) => r.skipped)) return { kind: 'skipped' }
  const keyById = new Map(question.options.map((o) => [o.id, o.key]))
  if (question.type === 'text') return { kind: 'text', text: rows[0].text ?? '' }
  // The story itself is read from the story table (app/services/stories.server.ts); this is the marker.
  if (question.type === 'story') return { kind: 'story', text: '', consentWords: false, consentPicture: false, picture: false }
  if (question.type === 'ranking') {
    const order = [...rows].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((r) => keyById.get(r.optionId ?? ''))
    return { kind: 'ranking', order: order.filter((k): k is string => Boolean(k)) }
  }
  const keys = rows.map((r) => keyById.get(r.optionId ?? '')).filter((k): k is string => Boolean(k))
  const optionKeys = question.options.map((o) => o.key).filter((k) => keys.includes(k))
  const selfDescribed = question.type === 'demographic' ? rows.find((r) => keyById.get(r.optionId ?? '') === SELF_DESCRIBE_OPTION)?.text : null
  return selfDescribed ? { kind: 'choice', optionKeys, selfDescribed } : { kind: 'choice', optionKeys }
}
