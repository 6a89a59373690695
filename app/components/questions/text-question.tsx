import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Answer, fieldIds } from '~/domain/answers'
import type { SurveyQuestion } from '~/domain/survey'
import { FieldError } from '../error-summary'
import { QuestionHelp } from '../read-aloud'
import { SymbolImage } from '../symbol'

/** Free text with a visible character limit (counted as the child types, when JavaScript runs). */
export function TextQuestion({ question, answer, error }: { question: Extract<SurveyQuestion, { type: 'text' }>; answer: Answer | null; error?: string }) {
  const { t } = useTranslation('participant')
  const initial = answer?.kind === 'text' ? answer.text : ''
  const [length, setLength] = useState<number | null>(null)
  const max = question.config.maxLength
  const countId = `${question.key}-count`
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <h1 className="question-title" id="question-heading" tabIndex={-1}>
        <label htmlFor={fieldIds.text}>
          <SymbolImage symbol={question.symbol} place="question" />
          {question.prompt}
        </label>
      </h1>
      <QuestionHelp question={question} />
      {question.hint ? (
        <p id={`${question.key}-hint`} className="hint">
          {question.hint}
        </p>
      ) : null}
      <FieldError id={`${question.key}-error`} message={error} />
      <textarea
        id={fieldIds.text}
        name="answer"
        rows={6}
        className="textarea"
        defaultValue={initial}
        aria-describedby={[question.hint ? `${question.key}-hint` : null, error ? `${question.key}-error` : null, countId].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setLength([...event.currentTarget.value].length)}
      />
      <p id={countId} className="hint" aria-live="polite">
        {length === null ? t('text.limit', { count: max }) : length <= max ? t('text.left', { count: max - length }) : t('text.over', { count: length - max })}
      </p>
    </div>
  )
}
