// Settings per question type (stored as JSON in question.config), validated with zod.
// Server-only in practice: keep zod out of the participant's JavaScript.
import { z } from 'zod'
import { demographicFields } from './demographics'
import type { QuestionType } from './survey'

const emptyConfig = z.object({}).strict()

/** Settings per question type, stored as JSON in question.config. */
export const questionConfigSchemas = {
  single: emptyConfig,
  /** Choose any; with maxChoices it becomes "choose up to N". */
  multi: z.object({ maxChoices: z.number().int().min(1).optional() }).strict(),
  /** Full ranking, or only the top rankCount items. */
  ranking: z.object({ rankCount: z.number().int().min(1).optional() }).strict(),
  /** Points are the question's options, in order; each option's symbol is its emoji. */
  scale: z.object({ style: z.enum(['emoji', 'symbol']).default('emoji') }).strict(),
  text: z.object({ maxLength: z.number().int().min(1).max(10_000).default(500) }).strict(),
  /** About the participant (age band, gender, area…); options are the categories. Always optional. */
  demographic: z.object({ field: z.enum(demographicFields) }).strict(),
  /** Permission for one use of what the participant gave (options "yes" and "no"); never pre-selected. */
  consent: z.object({ purpose: z.enum(['quote', 'picture', 'contact', 'other']) }).strict(),
  /** A story (issue 5): gentle prompts, a text box with a visible limit, an optional picture, consents off by default. */
  story: z.object({ maxLength: z.number().int().min(1).max(10_000).default(1000), allowPicture: z.boolean().default(true) }).strict(),
} satisfies Record<QuestionType, z.ZodTypeAny>

export type QuestionConfig = {
  single: z.infer<(typeof questionConfigSchemas)['single']>
  multi: z.infer<(typeof questionConfigSchemas)['multi']>
  ranking: z.infer<(typeof questionConfigSchemas)['ranking']>
  scale: z.infer<(typeof questionConfigSchemas)['scale']>
  text: z.infer<(typeof questionConfigSchemas)['text']>
  demographic: z.infer<(typeof questionConfigSchemas)['demographic']>
  consent: z.infer<(typeof questionConfigSchemas)['consent']>
  story: z.infer<(typeof questionConfigSchemas)['story']>
}

/** Validates a stored config; throws with the question key so a bad definition is easy to find. */
export function parseQuestionConfig<T extends QuestionType>(type: T, json: string, questionKey = '?'): QuestionConfig[T] {
  const parsed = questionConfigSchemas[type].safeParse(JSON.parse(json || '{}'))
  if (!parsed.success) throw new Error(`Question ${questionKey}: bad ${type} settings: ${parsed.error.message}`)
  return parsed.data as QuestionConfig[T]
}

