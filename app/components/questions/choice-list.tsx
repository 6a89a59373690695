import type { Answer } from '~/domain/answers'
import type { SurveyQuestion } from '~/domain/survey'
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
