import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Answer, fieldIds } from '~/domain/answers'
import { initialOrder, orderFromPositions } from '~/domain/ranking-order'
import { rankingPositions, type SurveyQuestion } from '~/domain/survey'
import { FieldError } from '../error-summary'
import { SymbolImage } from '../symbol'
import type { RankingReorder as Reorder } from './ranking-reorder'

/**
 * The buttons' code, fetched only when a ranking question shows (most pages have none); kept once
 * loaded, so later ranking pages start with the buttons straight away.
 */
let RankingReorder: typeof Reorder | null = null
const loadReorder = () => import('./ranking-reorder').then((module) => (RankingReorder = module.RankingReorder))

/**
 * Ranking with a position select per item: no dragging and no JavaScript needed. This is what the
 * server sends; once JavaScript runs, the buttons (and drag) take over, starting from whatever the
 * selects hold by then, and send the same `rank-<key>` fields.
 */
export function RankingList({ question, answer, errors }: { question: Extract<SurveyQuestion, { type: 'ranking' }>; answer: Answer | null; errors: Record<string, string> }) {
  const { t } = useTranslation('participant')
  const positions = rankingPositions(question)
  const order = answer?.kind === 'ranking' ? answer.order : []
  const chosen = answer?.kind === 'ranking' ? answer.chosen : undefined
  // A refused page shows each number as the participant gave it; a saved answer shows its order.
  const shownPosition = (key: string): string => {
    if (chosen) return chosen[key] ? String(chosen[key]) : ''
    const index = order.indexOf(key)
    return index >= 0 && index < positions ? String(index + 1) : ''
  }
  const partial = positions < question.options.length
  const keys = question.options.map((o) => o.key)
  const selects = useRef<HTMLOListElement>(null)
  const [start, setStart] = useState(() => (RankingReorder ? initialOrder(keys, order, positions) : null))
  useEffect(() => {
    if (RankingReorder) return
    let live = true
    void loadReorder().then(() => {
      const list = selects.current
      if (live && list) setStart(orderFromPositions(keys, (key) => list.querySelector<HTMLSelectElement>(`[name="${fieldIds.rank(key)}"]`)?.value ?? '', positions))
    })
    return () => {
      live = false
    }
    // Only once, on the first render in the browser.
  }, [])
  if (start && RankingReorder) return <RankingReorder questionKey={question.key} options={question.options} positions={positions} start={start} errors={errors} />
  return (
    <ol className="ranking" role="list" ref={selects}>
      {question.options.map((option) => {
        const field = fieldIds.rank(option.key)
        const error = errors[field]
        return (
          <li key={option.key} className={`ranking__item${error ? ' ranking__item--error' : ''}`}>
            <label htmlFor={field} className="ranking__label">
              <SymbolImage symbol={option.symbol} />
              <span lang={option.lang}>{option.label}</span>
            </label>
            <FieldError id={`${field}-error`} message={error} />
            <select
              id={field}
              name={field}
              className="select"
              defaultValue={shownPosition(option.key)}
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
