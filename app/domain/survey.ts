// The survey model: question types, their settings, and the shape a participant sees.
import type { QuestionConfig } from './question-config'

export const questionTypes = ['single', 'multi', 'ranking', 'scale', 'text', 'demographic', 'consent', 'story'] as const
export type QuestionType = (typeof questionTypes)[number]

export function isQuestionType(value: string): value is QuestionType {
  return (questionTypes as readonly string[]).includes(value)
}

export interface SurveyOption {
  id: string
  key: string
  label: string
  symbol: string | null
  /** The label's language when it is a fallback in another language than the page's (for `lang`) */
  lang?: string
}

interface QuestionBase {
  id: string
  key: string
  position: number
  required: boolean
  prompt: string
  hint: string | null
  symbol: string | null
  /** A recorded clip of the question (a path on this site), when there is one */
  audio?: string | null
  options: SurveyOption[]
  /** The prompt's and hint's language when it is a fallback in another language than the page's (for `lang`) */
  lang?: { prompt?: string; hint?: string }
}

export type SurveyQuestion = {
  [T in QuestionType]: QuestionBase & { type: T; config: QuestionConfig[T] }
}[QuestionType]

/** Demographic questions are always optional ("Prefer not to say"), whatever the planner set. */
export function isSkippable(question: SurveyQuestion): boolean {
  return question.type === 'demographic' || !question.required
}

/** How many items a ranking question asks the participant to place. */
export function rankingPositions(question: Extract<SurveyQuestion, { type: 'ranking' }>): number {
  return Math.min(question.config.rankCount ?? question.options.length, question.options.length)
}

export interface Survey {
  title: string
  description: string | null
  questions: SurveyQuestion[]
  /** The title's and description's language when it is a fallback in another language than the page's */
  lang?: { title?: string; description?: string }
}
