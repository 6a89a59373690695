import { useTranslation } from 'react-i18next'
import { type Answer, fieldIds } from '~/domain/answers'
import { rankingPositions, type SurveyQuestion } from '~/domain/survey'
import { FieldError } from './error-summary'
import { ChoiceList } from './questions/choice-list'
import { ConsentQuestion } from './questions/consent-question'
import { DemographicQuestion } from './questions/demographic-question'
import { RankingList } from './questions/ranking-list'
import { ScaleList } from './questions/scale-list'
import { StoryQuestion } from './questions/story-question'
import { TextQuestion } from './questions/text-question'
import { QuestionHelp } from './read-aloud'
import { Sentences } from './sentences'
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
  // A demographic question's own-words box shows its error beside the box, not above the options.
  const groupError = question.type === 'demographic' ? errors[fieldIds.choice(question)] : anyError
  const describedBy = [question.hint || question.type !== 'single' ? hintId : null, groupError ? errorId : null].filter(Boolean).join(' ') || undefined

  if (question.type === 'text') {
    return <TextQuestion question={question} answer={answer} error={errors[fieldIds.text]} />
  }
  if (question.type === 'story') return <StoryQuestion question={question} answer={answer} errors={errors} />
  return (
    <fieldset className={`fieldset${anyError ? ' fieldset--error' : ''}`} aria-describedby={describedBy}>
      <legend className="fieldset__legend">
        <SymbolImage symbol={question.symbol} place="question" />
        <h1 className="question-title" id="question-heading" tabIndex={-1} lang={question.lang?.prompt}>
          <Sentences text={question.prompt} />
        </h1>
      </legend>
      <QuestionHelp question={question} />
      <Hint id={hintId} question={question} />
      {question.type === 'ranking' ? null : <FieldError id={errorId} message={groupError} />}
      {question.type === 'single' || question.type === 'multi' ? (
        <ChoiceList question={question} answer={answer} />
      ) : question.type === 'scale' ? (
        <ScaleList question={question} answer={answer} />
      ) : question.type === 'demographic' ? (
        <DemographicQuestion question={question} answer={answer} errors={errors} />
      ) : question.type === 'consent' ? (
        <ConsentQuestion question={question} answer={answer} />
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
            : question.type === 'demographic'
              ? t('questions:demographic.hint')
              : question.type === 'consent'
                ? `${t(`questions:consent.purpose.${question.config.purpose}`)} ${t('questions:consent.noIsFine')}`
                : null
    if (!question.hint && !automatic) return null
    return (
      <div id={id} className="hint">
        {question.hint ? (
          <p lang={question.lang?.hint}>
            <Sentences text={question.hint} />
          </p>
        ) : null}
        {automatic ? <p>{automatic}</p> : null}
      </div>
    )
  }
}
