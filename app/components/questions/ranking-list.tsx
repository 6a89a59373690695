import { useTranslation } from 'react-i18next'
import { type Answer, fieldIds } from '~/domain/answers'
import { rankingPositions, type SurveyQuestion } from '~/domain/survey'
import { FieldError } from '../error-summary'
import { SymbolImage } from '../symbol'

/** Ranking with a position select per item: no dragging and no JavaScript needed. */
export function RankingList({ question, answer, errors }: { question: Extract<SurveyQuestion, { type: 'ranking' }>; answer: Answer | null; errors: Record<string, string> }) {
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
