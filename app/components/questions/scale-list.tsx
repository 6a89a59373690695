import type { Answer } from '~/domain/answers'
import type { SurveyQuestion } from '~/domain/survey'
import { SymbolImage } from '../symbol'
import { chosenKeys } from './choice-list'

/** A 2, 3 or 5 point scale of faces or symbols, each with its label. */
export function ScaleList({ question, answer }: { question: SurveyQuestion; answer: Answer | null }) {
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
