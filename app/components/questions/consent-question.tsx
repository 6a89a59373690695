import type { Answer } from '~/domain/answers'
import type { SurveyQuestion } from '~/domain/survey'
import { ReadAloud } from '../read-aloud'
import { SymbolImage } from '../symbol'
import { chosenKeys } from './choice-list'

/**
 * Permission for one use ("Can we quote your words?"): yes or no as radio cards. Never
 * pre-selected — a radio is checked only when the participant chose it (saved, or sent back with
 * an error); a planner cannot set a default, because consent has to be given, not assumed.
 */
export function ConsentQuestion({ question, answer }: { question: Extract<SurveyQuestion, { type: 'consent' }>; answer: Answer | null }) {
  const chosen = chosenKeys(answer)
  return (
    <div className="choices">
      {question.options.map((option) => (
        <div className="choice-row" key={option.key}>
          <div className="choice">
            <input type="radio" id={`answer-${option.key}`} name="answer" value={option.key} defaultChecked={chosen.includes(option.key)} className="choice__input" />
            <label htmlFor={`answer-${option.key}`} className="choice__label">
              <SymbolImage symbol={option.symbol} />
              <span className="choice__text">{option.label}</span>
            </label>
          </div>
          {/* Beside the card, never inside the label (as in choice-list.tsx). */}
          <ReadAloud kind="option" text={option.label} />
        </div>
      ))}
    </div>
  )
}
