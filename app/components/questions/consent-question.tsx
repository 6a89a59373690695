import type { Answer } from '~/domain/answers'
import type { SurveyQuestion } from '~/domain/survey'
import { ChoiceCard, chosenKeys } from './choice-list'

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
        <ChoiceCard key={option.key} option={option} type="radio" checked={chosen.includes(option.key)} />
      ))}
    </div>
  )
}
