import type { Answer } from '~/domain/answers'
import type { SurveyOption, SurveyQuestion } from '~/domain/survey'
import { ReadAloud } from '../read-aloud'
import { Sentences } from '../sentences'
import { SymbolImage } from '../symbol'

export function chosenKeys(answer: Answer | null): string[] {
  return answer?.kind === 'choice' ? answer.optionKeys : []
}

/** Radio buttons (single choice) or checkboxes (choose any, choose up to N), each a large card. */
export function ChoiceList({ question, answer }: { question: SurveyQuestion; answer: Answer | null }) {
  const chosen = chosenKeys(answer)
  const type = question.type === 'multi' ? 'checkbox' : 'radio'
  return (
    <div className="choices">
      {question.options.map((option) => (
        <ChoiceCard key={option.key} option={option} type={type} checked={chosen.includes(option.key)} />
      ))}
    </div>
  )
}

/**
 * One option as a large card: the input and its label (symbol, words in their own language where
 * they fell back), and the read-aloud button beside the card, never inside the label (a control
 * inside a label is not allowed).
 */
export function ChoiceCard({ option, type, checked }: { option: SurveyOption; type: 'radio' | 'checkbox'; checked: boolean }) {
  return (
    <div className="choice-row">
      <div className="choice">
        <input type={type} id={`answer-${option.key}`} name="answer" value={option.key} defaultChecked={checked} className="choice__input" />
        <label htmlFor={`answer-${option.key}`} className="choice__label">
          <SymbolImage symbol={option.symbol} />
          <span className="choice__text" lang={option.lang}>
            <Sentences text={option.label} />
          </span>
        </label>
      </div>
      <ReadAloud kind="option" text={option.label} />
    </div>
  )
}
