// Builds the survey a participant sees from stored questions, options and resolved texts.
import { audioClipSource } from './audio-clip'
import { parseQuestionConfig } from './question-config'
import { isQuestionType, type Survey, type SurveyQuestion } from './survey'

export interface QuestionRecord {
  id: string
  key: string
  position: number
  type: string
  required: boolean
  config: string
  symbol: string | null
  audio?: string | null
}

export interface OptionRecord {
  id: string
  questionId: string
  key: string
  position: number
  symbol: string | null
}

type Lookup = (entityType: string, entityId: string, field: string) => string | null

/** Puts stored questions, options and resolved texts together into what a participant sees. */
export function assembleSurvey(consultationId: string, questions: QuestionRecord[], options: OptionRecord[], text: Lookup): Survey {
  const optionsByQuestion = new Map<string, OptionRecord[]>()
  for (const option of options) optionsByQuestion.set(option.questionId, [...(optionsByQuestion.get(option.questionId) ?? []), option])
  return {
    title: text('consultation', consultationId, 'title') ?? '',
    description: text('consultation', consultationId, 'description'),
    questions: [...questions]
      .sort((a, b) => a.position - b.position)
      .map((q, index) => {
        if (!isQuestionType(q.type)) throw new Error(`Question ${q.key}: unknown type ${q.type}`)
        return {
          id: q.id,
          key: q.key,
          position: index + 1,
          type: q.type,
          required: q.required,
          config: parseQuestionConfig(q.type, q.config, q.key),
          prompt: text('question', q.id, 'prompt') ?? q.key,
          hint: text('question', q.id, 'hint'),
          symbol: q.symbol,
          audio: audioClipSource(q.audio),
          options: (optionsByQuestion.get(q.id) ?? [])
            .sort((a, b) => a.position - b.position)
            .map((o) => ({ id: o.id, key: o.key, label: text('option', o.id, 'label') ?? o.key, symbol: o.symbol })),
        } as SurveyQuestion
      }),
  }
}
