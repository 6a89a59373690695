// A participant's own answers in words, as the /receipt page shows them back: the question's
// prompt and what they chose, in the language the survey was loaded in. Pure.
import type { Answer } from './answers'
import { SELF_DESCRIBE_OPTION } from './demographics'
import type { Survey, SurveyQuestion } from './survey'

export type AnswerInWords =
  /** "I don't want to say" / "Prefer not to say" */
  | { kind: 'skipped' }
  /** never saved (for example a question added after they answered) */
  | { kind: 'none' }
  /** option labels in the order the question lists them; ownWords: a self-described answer */
  | { kind: 'choices'; labels: string[]; ownWords?: string }
  /** labels from number 1 down */
  | { kind: 'ranking'; labels: string[] }
  | { kind: 'text'; text: string }

export interface AnsweredQuestion {
  key: string
  prompt: string
  answer: AnswerInWords
}

export function answerInWords(question: SurveyQuestion, answer: Answer | null | undefined): AnswerInWords {
  if (!answer) return { kind: 'none' }
  const labelOf = new Map(question.options.map((o) => [o.key, o.label]))
  // An option removed since the answer was given has no label any more: leave it out rather than show a key.
  const labels = (keys: string[]) => keys.flatMap((key) => (labelOf.has(key) ? [labelOf.get(key) as string] : []))
  switch (answer.kind) {
    case 'skipped':
      return { kind: 'skipped' }
    case 'text':
    case 'story':
      return { kind: 'text', text: answer.text }
    case 'ranking':
      return { kind: 'ranking', labels: labels(answer.order) }
    case 'choice': {
      const ownWords = answer.optionKeys.includes(SELF_DESCRIBE_OPTION) ? answer.selfDescribed : undefined
      return ownWords ? { kind: 'choices', labels: labels(answer.optionKeys), ownWords } : { kind: 'choices', labels: labels(answer.optionKeys) }
    }
  }
}

/** Every question of the survey, in order, with the participant's answer (or none). */
export function answersInWords(survey: Survey, answers: Map<string, Answer>): AnsweredQuestion[] {
  return survey.questions.map((question) => ({ key: question.key, prompt: question.prompt, answer: answerInWords(question, answers.get(question.key)) }))
}
