import type { Answer } from '~/domain/answers'
import type { SurveyQuestion } from '~/domain/survey'
import { ReadAloud } from '../read-aloud'
import { Sentences } from '../sentences'
import { SymbolImage } from '../symbol'
import { chosenKeys } from './choice-list'

/** A 2, 3 or 5 point scale of faces or symbols, each with its label. */
export function ScaleList({ question, answer }: { question: SurveyQuestion; answer: Answer | null }) {
  const chosen = chosenKeys(answer)
  return (
    <div className={`scale scale--${question.options.length}`}>
      {question.options.map((option) => (
        <div className="scale__cell" key={option.key}>
          <div className="scale__point">
            <input type="radio" id={`answer-${option.key}`} name="answer" value={option.key} defaultChecked={chosen.includes(option.key)} className="scale__input" />
            <label htmlFor={`answer-${option.key}`} className="scale__label">
              <SymbolImage symbol={option.symbol} place="scale" />
              <span className="scale__text" lang={option.lang}>
                <Sentences text={option.label} />
              </span>
            </label>
          </div>
          <ReadAloud kind="option" text={option.label} />
        </div>
      ))}
    </div>
  )
}
