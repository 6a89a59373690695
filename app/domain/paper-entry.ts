// Typing up a paper form: every question of the consultation on one screen, each question's fields
// named with its key in front ("feel-safe.answer", "top-priorities.rank-respect"), and each answer
// checked by the same rules as the participant's own pages (app/domain/answers.ts). A question left
// blank on the paper is saved as "did not want to say" when it may be skipped; a question that must
// be answered cannot be left blank. Pure.
import { type Answer, type FieldError, type FormFields, parseAnswer } from './answers'
import { isSkippable, type SurveyQuestion } from './survey'

/** The form name of one of a question's fields on the paper page. */
export function paperFieldName(question: { key: string }, name: string): string {
  return `${question.key}.${name}`
}

/** The id of a field on the paper page (the participant page's id, made unique by the question key). */
export function paperFieldId(question: { key: string }, field: string): string {
  return `q-${question.key}-${field}`
}

export interface PaperError extends FieldError {
  /** The question's key and its number on the form (1 = first). */
  questionKey: string
  number: number
}

export type ParsedPaperForm =
  | { ok: true; answers: Array<{ question: SurveyQuestion; answer: Answer }> }
  | { ok: false; errors: PaperError[] }

/** The question's fields as a participant page would have sent them. */
function fieldsOf(question: SurveyQuestion, form: FormFields): FormFields {
  return {
    get: (name) => form.get(paperFieldName(question, name)),
    getAll: (name) => form.getAll(paperFieldName(question, name)),
  }
}

function isBlank(question: SurveyQuestion, fields: FormFields): boolean {
  const filled = (value: FormDataEntryValue | null) => typeof value === 'string' && value.trim() !== ''
  if (question.type === 'text') return !filled(fields.get('answer'))
  if (question.type === 'ranking') return question.options.every((o) => !filled(fields.get(`rank-${o.key}`)))
  return fields.getAll('answer').filter(filled).length === 0
}

export function parsePaperForm(questions: SurveyQuestion[], form: FormFields): ParsedPaperForm {
  const answers: Array<{ question: SurveyQuestion; answer: Answer }> = []
  const errors: PaperError[] = []
  let blank = 0
  questions.forEach((question, index) => {
    const fields = fieldsOf(question, form)
    const where = { questionKey: question.key, number: index + 1 }
    if (isBlank(question, fields)) {
      blank++
      if (isSkippable(question)) answers.push({ question, answer: { kind: 'skipped' } })
      else errors.push({ ...where, field: paperFieldId(question, firstFieldSuffix(question)), messageKey: 'groups:paper.errors.required' })
      return
    }
    const parsed = parseAnswer(question, fields)
    if (parsed.ok) answers.push({ question, answer: parsed.answer })
    else for (const error of parsed.errors) errors.push({ ...where, ...error, field: paperFieldId(question, error.field) })
  })
  // A form with nothing on it is a slip of the Enter key, not a response.
  if (questions.length > 0 && blank === questions.length) return { ok: false, errors: [{ questionKey: questions[0].key, number: 1, field: paperFieldId(questions[0], firstFieldSuffix(questions[0])), messageKey: 'groups:paper.errors.empty' }] }
  return errors.length ? { ok: false, errors } : { ok: true, answers }
}

/** The participant page's id of a question's first control (see fieldIds in answers.ts). */
export function firstFieldSuffix(question: SurveyQuestion): string {
  if (question.type === 'text') return 'answer'
  if (question.type === 'ranking') return `rank-${question.options[0]?.key ?? 'none'}`
  return `answer-${question.options[0]?.key ?? 'none'}`
}
