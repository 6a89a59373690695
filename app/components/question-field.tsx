import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Answer, fieldIds } from '~/domain/answers'
import { rankingPositions, type SurveyQuestion } from '~/domain/survey'
import { FieldError } from './error-summary'
import { SymbolImage } from './symbol'

interface Props {
  question: SurveyQuestion
  answer: Answer | null
  /** error messages by field id */
  errors: Record<string, string>
}

/** One question as a fieldset whose legend is the page heading (GOV.UK "question pages" pattern). */
export function QuestionField({ question, answer, errors }: Props) {
  const { t } = useTranslation('participant')
  const hintId = `${question.key}-hint`
  const errorId = `${question.key}-error`
  const anyError = Object.values(errors)[0]
  const describedBy = [question.hint || question.type !== 'single' ? hintId : null, anyError ? errorId : null].filter(Boolean).join(' ') || undefined

  if (question.type === 'text') {
    return <TextQuestion question={question} answer={answer} error={errors[fieldIds.text]} />
  }
  return (
    <fieldset className={`fieldset${anyError ? ' fieldset--error' : ''}`} aria-describedby={describedBy}>
      <legend className="fieldset__legend">
        <SymbolImage symbol={question.symbol} className="symbol symbol--question" />
        <h1 className="question-title">{question.prompt}</h1>
      </legend>
      <Hint id={hintId} question={question} />
      {question.type === 'ranking' ? null : <FieldError id={errorId} message={anyError} />}
      {question.type === 'single' || question.type === 'multi' ? (
        <ChoiceList question={question} answer={answer} />
      ) : question.type === 'scale' ? (
        <ScaleList question={question} answer={answer} />
      ) : (
        <RankingList question={question} answer={answer} errors={errors} />
      )}
    </fieldset>
  )
  function Hint({ id, question }: { id: string; question: SurveyQuestion }) {
    const automatic =
      question.type === 'multi'
        ? question.config.maxChoices
          ? t('hint.chooseUpTo', { count: question.config.maxChoices })
          : t('hint.chooseAny')
        : question.type === 'ranking'
          ? rankingPositions(question) < question.options.length
            ? t('hint.rankTop', { count: rankingPositions(question) })
            : t('hint.rankAll')
          : question.type === 'scale'
            ? t('hint.scale')
            : null
    if (!question.hint && !automatic) return null
    return (
      <div id={id} className="hint">
        {question.hint ? <p>{question.hint}</p> : null}
        {automatic ? <p>{automatic}</p> : null}
      </div>
    )
  }
}

function chosenKeys(answer: Answer | null): string[] {
  return answer?.kind === 'choice' ? answer.optionKeys : []
}

function ChoiceList({ question, answer }: { question: SurveyQuestion; answer: Answer | null }) {
  const chosen = chosenKeys(answer)
  const type = question.type === 'multi' ? 'checkbox' : 'radio'
  return (
    <div className="choices">
      {question.options.map((option) => (
        <div className="choice" key={option.key}>
          <input type={type} id={`answer-${option.key}`} name="answer" value={option.key} defaultChecked={chosen.includes(option.key)} className="choice__input" />
          <label htmlFor={`answer-${option.key}`} className="choice__label">
            <SymbolImage symbol={option.symbol} />
            <span>{option.label}</span>
          </label>
        </div>
      ))}
    </div>
  )
}

function ScaleList({ question, answer }: { question: SurveyQuestion; answer: Answer | null }) {
  const chosen = chosenKeys(answer)
  return (
    <div className={`scale scale--${question.options.length}`}>
      {question.options.map((option) => (
        <div className="scale__point" key={option.key}>
          <input type="radio" id={`answer-${option.key}`} name="answer" value={option.key} defaultChecked={chosen.includes(option.key)} className="scale__input" />
          <label htmlFor={`answer-${option.key}`} className="scale__label">
            <SymbolImage symbol={option.symbol} className="symbol symbol--scale" />
            <span>{option.label}</span>
          </label>
        </div>
      ))}
    </div>
  )
}

/** Ranking with a position select per item: no dragging and no JavaScript needed. */
function RankingList({ question, answer, errors }: { question: Extract<SurveyQuestion, { type: 'ranking' }>; answer: Answer | null; errors: Record<string, string> }) {
  const { t } = useTranslation('participant')
  const positions = rankingPositions(question)
  const order = answer?.kind === 'ranking' ? answer.order : []
  const partial = positions < question.options.length
  return (
    <ol className="ranking" role="list">
      {question.options.map((option) => {
        const field = fieldIds.rank(option.key)
        const current = order.indexOf(option.key)
        const error = errors[field]
        return (
          <li key={option.key} className={`ranking__item${error ? ' ranking__item--error' : ''}`}>
            <label htmlFor={field} className="ranking__label">
              <SymbolImage symbol={option.symbol} />
              <span>{option.label}</span>
            </label>
            <FieldError id={`${field}-error`} message={error} />
            <select
              id={field}
              name={field}
              className="select"
              defaultValue={current >= 0 && current < positions ? String(current + 1) : ''}
              aria-describedby={error ? `${field}-error` : undefined}
              aria-invalid={error ? true : undefined}
            >
              <option value="">{partial ? t('ranking.notInTop') : t('ranking.choose')}</option>
              {Array.from({ length: positions }, (_, i) => (
                <option key={i + 1} value={i + 1}>
                  {t('ranking.position', { position: i + 1 })}
                </option>
              ))}
            </select>
          </li>
        )
      })}
    </ol>
  )
}

function TextQuestion({ question, answer, error }: { question: Extract<SurveyQuestion, { type: 'text' }>; answer: Answer | null; error?: string }) {
  const { t } = useTranslation('participant')
  const initial = answer?.kind === 'text' ? answer.text : ''
  const [length, setLength] = useState<number | null>(null)
  const max = question.config.maxLength
  const countId = `${question.key}-count`
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <h1 className="question-title">
        <label htmlFor={fieldIds.text}>
          <SymbolImage symbol={question.symbol} className="symbol symbol--question" />
          {question.prompt}
        </label>
      </h1>
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
