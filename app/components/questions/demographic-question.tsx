import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { type Answer, fieldIds } from '~/domain/answers'
import { SELF_DESCRIBE_MAX_LENGTH, SELF_DESCRIBE_OPTION } from '~/domain/demographics'
import type { SurveyQuestion } from '~/domain/survey'
import { FieldError } from '../error-summary'
import { ChoiceCard, chosenKeys } from './choice-list'

/**
 * A question about the participant (age band, gender, area, in care…): one choice, always
 * optional ("Prefer not to say" is the page's skip button). The "describe myself another way"
 * option has a box for the participant's own words; CSS shows it only while that option is
 * chosen, where the browser can (`:has`), and always otherwise — so it works with no JavaScript.
 */
export function DemographicQuestion({ question, answer, errors }: { question: Extract<SurveyQuestion, { type: 'demographic' }>; answer: Answer | null; errors: Record<string, string> }) {
  const { t } = useTranslation('questions')
  const chosen = chosenKeys(answer)
  const words = answer?.kind === 'choice' ? (answer.selfDescribed ?? '') : ''
  const boxError = errors[fieldIds.selfDescribe]
  const boxHintId = `${fieldIds.selfDescribe}-hint`
  const boxErrorId = `${fieldIds.selfDescribe}-error`
  return (
    <div className="choices">
      {question.options.map((option) => (
        <Fragment key={option.key}>
          <ChoiceCard option={option} type="radio" checked={chosen.includes(option.key)} />
          {option.key === SELF_DESCRIBE_OPTION ? (
            <div className={`choice-other${boxError ? ' field--error' : ''}`}>
              <label htmlFor={fieldIds.selfDescribe} className="choice-other__label">
                {t('demographic.selfDescribeLabel')}
              </label>
              <p id={boxHintId} className="hint">
                {t('demographic.selfDescribeHint', { count: SELF_DESCRIBE_MAX_LENGTH })}
              </p>
              <FieldError id={boxErrorId} message={boxError} />
              <input
                type="text"
                id={fieldIds.selfDescribe}
                name="selfDescribe"
                className="input"
                defaultValue={words}
                autoComplete="off"
                aria-describedby={[boxHintId, boxError ? boxErrorId : null].filter(Boolean).join(' ')}
                aria-invalid={boxError ? true : undefined}
              />
            </div>
          ) : null}
        </Fragment>
      ))}
    </div>
  )
}
